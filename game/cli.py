"""The ``minerisk`` command line (also ``python -m game``).

With no arguments it starts the game; subcommands list, validate and export
levels, run the simulation headless and measure speed. Each subcommand lives
in its own module under ``game/commands/``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from game import __version__
from game.commands import COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minerisk",
        description="Mine Risk: a game about humanitarian mine action. With no command, starts the game.")
    parser.add_argument("--version", action="version", version=f"minerisk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        from game.commands.play import start_default

        return start_default()
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("minerisk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
