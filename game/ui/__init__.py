"""The game window (pygame only): scenes, map renderer, HUD and input.

The UI is a thin layer: it reads the simulation's player view and sends
orders; it never changes simulation state itself. Every call into the
simulation goes through :mod:`game.ui.sim_link`. See docs/ui.md.
"""
