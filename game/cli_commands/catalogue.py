"""``minerisk catalogue [--level LEVEL]``: print the trainer's numbers (team rates, costs, terrain
rules, detection, what can be released, what programmes cost) as Markdown.

Without ``--level`` it prints docs/catalogue.md (the defaults); with it, that
level's numbers, its overrides in bold. Exit 0, 1 when the level has errors.
"""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("catalogue", help="print team rates, costs and terrain rules (for trainers)",
                       description="Print the catalogue reference: what each team works on, its rate and "
                                   "cost, which terrain it can work, detection, what land can be released and "
                                   "what programmes cost a day (Markdown, as docs/catalogue.md).")
    p.add_argument("--level", metavar="LEVEL", help="a level file: its own numbers, overrides included")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.catalogue.reference import markdown

    if args.level is None:
        sys.stdout.write(markdown())
        return 0
    from game.level import LevelError, load_level

    try:
        spec, _ = load_level(args.level)
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    sys.stdout.write(markdown(spec.catalogue, level_title=spec.title))
    return 0
