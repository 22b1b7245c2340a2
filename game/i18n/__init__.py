"""Message catalogues: every text a player sees passes through one translation function."""
