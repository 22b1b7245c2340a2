"""``minerisk calibrate LEVEL``: play the scripted players over many seeds and say whether the level teaches.

Prints per player the grade distribution, mean and spread of the score,
objectives met, days and money used, casualties and expected harm, then the
verdicts (game/calibrate.py); ``--json`` prints one JSON object instead;
``--html FILE`` also writes a self-contained page with the distributions. A
progress bar goes to stderr. Exit 0 when the level teaches, 3 when there are
verdicts, 1 when the level has errors, 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

EXIT_VERDICTS = 3


def register(sub) -> None:
    p = sub.add_parser("calibrate", help="play the scripted players over many seeds: does the level teach?",
                       description="Play every scripted player (or --policies) on seeds 1..RUNS of a level in "
                                   "parallel processes, print each player's grades, score, objectives, days, money, "
                                   "casualties and expected harm, and say where the level does not teach.")
    p.add_argument("level", metavar="LEVEL", help="a level file (.yaml) or a bundled level id")
    p.add_argument("--runs", type=int, default=10, metavar="N", help="seeds per player (default 10)")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="processes at once (default: one per core)")
    p.add_argument("--policies", metavar="A,B", help="players to run, comma-separated (default: all)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--html", metavar="FILE", help="also write a page with the distributions (opens offline)")
    p.set_defaults(run=run)


class Bar:
    """A one-line progress bar on stderr (a line every tenth of the way when stderr is not a terminal)."""

    def __init__(self, label: str, stream=None):
        self.label, self.stream, self.start = label, stream or sys.stderr, time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.shown_tenth = -1

    def __call__(self, done: int, total: int, policy: str, seed: int) -> None:
        elapsed = time.monotonic() - self.start
        left = elapsed / done * (total - done) if done else 0
        if self.tty:
            filled = int(30 * done / total)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} runs, "
                              f"{elapsed:.0f} s, about {left:.0f} s left ")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif done * 10 // total > self.shown_tenth:
            self.shown_tenth = done * 10 // total
            print(f"{self.label}: {done}/{total} runs, {elapsed:.0f} s", file=self.stream, flush=True)


def run(args) -> int:
    from game.calibrate import calibrate, format_text
    from game.level import LevelError
    from game.policies import POLICIES

    if args.runs < 1 or (args.jobs is not None and args.jobs < 1):
        print("minerisk calibrate: --runs and --jobs must be at least 1", file=sys.stderr)
        return 2
    policies = [p.strip() for p in args.policies.split(",") if p.strip()] if args.policies else None
    unknown = [p for p in policies or () if p not in POLICIES]
    if unknown:
        print(f"minerisk calibrate: unknown player {', '.join(unknown)}; players: {', '.join(POLICIES)}",
              file=sys.stderr)
        return 2
    from game.run.levels import names_a_file, resolve_level, unknown_level_message

    path = resolve_level(args.level)
    if path is None and names_a_file(args.level):
        path = Path(args.level)  # the loader says what is wrong with the path
    elif path is None:
        print(f"{args.level[:200]}:1:1: {unknown_level_message(args.level)}", file=sys.stderr)
        return 1
    try:
        cal = calibrate(path, policies, args.runs, args.jobs, progress=Bar(f"calibrate {path.stem}"))
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    if args.html:
        from game.atomic import write_atomic
        from game.calibrate_report import html_page

        try:
            write_atomic(Path(args.html), html_page(cal), any_file=Path(args.html).suffix.lower() in (".html", ".htm"))
        except OSError as exc:
            print(f"minerisk calibrate: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(cal.to_dict(), indent=1))
    else:
        sys.stdout.write(format_text(cal))
        if args.html:
            print(f"Wrote {args.html}")
    return EXIT_VERDICTS if cal.verdicts else 0
