"""``minerisk play LEVEL``: open the game on a level; ``minerisk`` alone opens the main menu.

Headless use (SDL's dummy driver): ``--autoplay POLICY`` gives the orders of a
scripted player through the same path as a human's clicks, ``--frames N``
quits after N frames, ``--screenshot FILE`` saves the last frame as PNG. The
environment variable ``MINERISK_QUIT_AFTER_FRAMES=N`` also ends any run after
N frames (CI starts ``minerisk`` headless with it).
"""

from __future__ import annotations

from pathlib import Path


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"window size must look like 1280x720, not {text!r}") from None
    if w < 320 or h < 240:
        raise ValueError("the window must be at least 320x240")
    return w, h


def register(sub) -> None:
    p = sub.add_parser("play", help="play a level (a file, or the id of a campaign level)",
                       description="Open the game on one level. With --frames it runs headless-friendly: "
                                   "a fixed time step and no waiting between frames.")
    p.add_argument("level", help="a level file (.yaml) or the id of a bundled level, e.g. first_steps")
    p.add_argument("--seed", type=int, help="seed of the hidden truth (default: the level's)")
    p.add_argument("--autoplay", metavar="POLICY", help="let a scripted player give the orders "
                   "(idle, clear_all, reckless, land_release)")
    p.add_argument("--frames", type=int, metavar="N", help="quit after N frames")
    p.add_argument("--screenshot", type=Path, metavar="FILE", help="save the last frame as a PNG")
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x720")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.ui.app import run_game

    return run_game(level=args.level, autoplay=args.autoplay, frames=args.frames, screenshot=args.screenshot,
                    seed=args.seed, size=args.size)


def start_default() -> int:
    """``minerisk`` with no command: the main menu."""
    from game.ui.app import run_game

    return run_game()
