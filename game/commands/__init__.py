"""Subcommands of the ``minerisk`` command line, one module each.

Each module has ``register(subparsers)``, which adds its parser and sets
``run`` to a function taking the parsed arguments and returning an exit code.
"""

COMMAND_MODULES = (
    "game.commands.play",
    "game.commands.levels",
    "game.commands.validate",
    "game.commands.new",
    "game.commands.catalogue",
    "game.commands.pack",
    "game.commands.install",
    "game.commands.calibrate",
    "game.commands.schema",
    "game.commands.simulate",
    "game.commands.replay",
    "game.commands.bench",
    "game.commands.kit",
    "game.commands.results",
    "game.commands.class_",
)
