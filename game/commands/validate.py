"""``minerisk validate PATH...``: check level files (and their maps) for trainers.

Every problem is printed, one a line, as ``FILE:LINE:COL: message; hint``;
playability warnings (game/level/playability.py) read
``FILE:LINE:COL: warning: message; hint``. Exit 0 when there are no errors
(warnings allowed), 1 with errors (or with warnings under ``--strict``), 2 for
a usage error.
"""

from __future__ import annotations

import sys

from game.level import validate_paths


def register(sub) -> None:
    p = sub.add_parser("validate", help="check level files or folders of them",
                       description="Check level files (and the Tiled maps they use), and warn about what "
                                   "students could not play as meant. Prints every problem as "
                                   "FILE:LINE:COL: message; hint. Exit 0 when there are no errors, 1 when "
                                   "there are (or, with --strict, when there are warnings).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="level files (.yaml) or folders of them")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    p.set_defaults(run=run)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def run(args) -> int:
    levels, problems = validate_paths(args.paths)
    for problem in problems:
        print(problem.format())
    errors = [p for p in problems if not p.is_warning]
    warnings = [p for p in problems if p.is_warning]
    if problems:
        files = len({p.file for p in problems})
        parts = [_count(len(errors), "problem")] if errors else []
        parts += [_count(len(warnings), "warning")] if warnings else []
        print(f"{' and '.join(parts)} in {_count(files, 'file')}.", file=sys.stderr)
    if errors or (warnings and args.strict):
        return 1
    if not args.quiet:
        ok = f"OK: {_count(len(levels), 'level')} valid"
        print(ok + (f", with {_count(len(warnings), 'warning')}." if warnings else "."))
    return 0
