"""The player's and the teacher's files on disk: where they live, how they are
read (hardened) and written (atomically, carefully). No pygame here.
"""
