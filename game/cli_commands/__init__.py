"""Subcommands of the ``minerisk`` command line, one module each.

Each module has ``register(subparsers)``, which adds its parser and sets
``run`` to a function taking the parsed arguments and returning an exit code.
"""

COMMAND_MODULES = (
    "game.cli_commands.play",
    "game.cli_commands.levels",
    "game.cli_commands.validate",
    "game.cli_commands.new",
    "game.cli_commands.catalogue",
    "game.cli_commands.pack",
    "game.cli_commands.install",
    "game.cli_commands.calibrate",
    "game.cli_commands.schema",
    "game.cli_commands.simulate",
    "game.cli_commands.replay",
    "game.cli_commands.bench",
    "game.cli_commands.kit",
    "game.cli_commands.results",
    "game.cli_commands.class_",
)
