"""The game window (pygame only): reads simulation state, sends commands."""
