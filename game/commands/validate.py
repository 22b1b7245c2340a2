"""``minerisk validate PATH...``: check level files (and their maps) for trainers.

Exit 0 when all is valid; 1 with every problem of every file, one a line, as
``FILE:LINE:COL: message; hint``; 2 for a usage error.
"""

from __future__ import annotations

import sys

from game.level import validate_paths


def register(sub) -> None:
    p = sub.add_parser("validate", help="check level files or folders of them",
                       description="Check level files (and the Tiled maps they use). Prints every problem as "
                                   "FILE:LINE:COL: message. Exit 0 when all is valid, 1 when not.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="level files (.yaml) or folders of them")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(run=run)


def run(args) -> int:
    levels, problems = validate_paths(args.paths)
    for problem in problems:
        print(problem.format())
    if problems:
        files = len({p.file for p in problems})
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} file{'s' * (files != 1)}.",
              file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"OK: {len(levels)} level{'s' * (len(levels) != 1)} valid.")
    return 0
