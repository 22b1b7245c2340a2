"""``minerisk play LEVEL``: open the game on a level; ``minerisk`` alone opens the main menu.

Headless use (SDL's dummy driver): ``--autoplay POLICY`` gives the orders of a
scripted player through the same path as a human's clicks, ``--frames N``
quits after N frames, ``--screenshot FILE`` saves the last frame as PNG. The
environment variable ``MINERISK_QUIT_AFTER_FRAMES=N`` also ends any run after
N frames (CI starts ``minerisk`` headless with it).

Previews for trainers: ``--briefing`` shows the level's briefing screen and
``--debrief`` the debrief a student would read after a run of the scripted
player ``land_release`` (played headless to the end first); neither plays
the level nor saves anything. Both work with ``--lang``, ``--size``,
``--frames`` and ``--screenshot``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli_commands.args import seed_arg


def _size(text: str) -> tuple[int, int]:
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 5 for p in parts):
        raise argparse.ArgumentTypeError(f"window size must look like 1280x720, not {text[:30]!r}")
    w, h = int(parts[0]), int(parts[1])
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise argparse.ArgumentTypeError("the window must be from 320x240 to 10000x10000")
    return w, h


def _frames(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 9 and int(text) >= 1):
        raise argparse.ArgumentTypeError(f"the number of frames must be a whole number from 1 to 999999999, not {text[:30]!r}")
    return int(text)


def register(sub) -> None:
    from game.cli import language_code

    p = sub.add_parser("play", help="play a level (a file, or the id of a campaign level)",
                       description="Open the game on one level. With --frames it runs headless-friendly: "
                                   "a fixed time step and no waiting between frames.")
    p.add_argument("level", help="a level file (.yaml) or the id of a bundled level, e.g. first_steps")
    p.add_argument("--seed", type=seed_arg, help="seed of the hidden truth, 0 to 2**63-1 (default: the level's)")
    p.add_argument("--autoplay", metavar="POLICY", help="let a scripted player give the orders "
                   "(idle, clear_all, reckless, land_release)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--briefing", dest="preview", action="store_const", const="briefing",
                       help="preview the level's briefing screen without playing")
    shown.add_argument("--debrief", dest="preview", action="store_const", const="debrief",
                       help="preview the level's debrief screen after a run of the scripted player land_release")
    p.add_argument("--frames", type=_frames, metavar="N", help="quit after N frames")
    p.add_argument("--screenshot", type=Path, metavar="FILE", help="save the last frame as a PNG")
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x720")
    p.add_argument("--lang", type=language_code, metavar="CODE", default=argparse.SUPPRESS,
                   help="the language of this run (as `minerisk --lang CODE`)")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.run.levels import resolve_level, unknown_level_message

    if resolve_level(args.level) is None:  # before opening a window; never an OSError (a name too long, a pipe)
        print(f"minerisk play: {unknown_level_message(args.level)}", file=sys.stderr)
        return 2
    preview = getattr(args, "preview", None)
    if preview and args.autoplay:
        print(f"minerisk play: --{preview} shows a screen without playing; it cannot be used with --autoplay",
              file=sys.stderr)
        return 2
    from game.ui.app import run_game

    return run_game(level=args.level, autoplay=args.autoplay, frames=args.frames, screenshot=args.screenshot,
                    seed=args.seed, size=args.size, language=getattr(args, "lang", None), preview=preview)


def start_default(language: str | None = None) -> int:
    """``minerisk`` with no command: the main menu (in ``language`` when --lang gave one)."""
    from game.ui.app import run_game

    return run_game(language=language)
