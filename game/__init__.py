"""Mine Risk: an offline, educational simulation game about humanitarian mine action.

Packages: ``game.level`` (level files, Tiled maps, validation, building),
``game.sim`` (the headless, deterministic simulation), ``game.policies``
(scripted players), ``game.ui`` (pygame only). See docs/architecture.md.
"""

__version__ = "0.1.0"
