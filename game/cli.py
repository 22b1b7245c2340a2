"""The ``minerisk`` command line (also ``python -m game``).

With no arguments it starts the game; subcommands list, validate and export
levels, run the simulation headless and measure speed. Each subcommand lives
in its own module under ``game/cli_commands/``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from game import __version__
from game.cli_commands import COMMAND_MODULES
from game.text import LANGUAGES, PSEUDO, normalise, set_language


def language_code(code: str) -> str:
    """A ``--lang`` value: one of the game's languages (``fr``, ``fr_FR``), or ``qps``, the test language."""
    found = normalise(code)
    if found is None:
        raise argparse.ArgumentTypeError(f"no language '{code}'; the game speaks {', '.join(LANGUAGES)}")
    return found if found in LANGUAGES or found == PSEUDO else code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minerisk",
        description="Mine Risk: a game about humanitarian mine action. With no command, starts the game.")
    parser.add_argument("--version", action="version", version=f"minerisk {__version__}")
    parser.add_argument("--lang", type=language_code, metavar="CODE",
                        help="the language of the game's words for this run: " + ", ".join(LANGUAGES)
                        + " (default: the one chosen in the settings, else the computer's)")
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


#: Exit code of an unexpected error (EX_SOFTWARE of sysexits.h).
EXIT_BUG = 70
BUG_HINT = ("this is a bug in Mine Risk: please report it with the command you ran and this line "
            "(MINERISK_TRACEBACK=1 shows the details)")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; an unexpected error ends with one line and exit code 70, never a traceback."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if hasattr(signal, "SIGXFSZ"):  # a file-size limit makes writes fail (and be reported), not kill the game
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.lang:
            set_language(args.lang)
        if getattr(args, "run", None) is None:
            from game.cli_commands.play import start_default

            return start_default(args.lang)
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("minerisk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if os.environ.get("MINERISK_TRACEBACK"):
            raise
        text = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(f"minerisk: unexpected error ({type(exc).__name__}{': ' + text if text else ''}); {BUG_HINT}",
              file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
