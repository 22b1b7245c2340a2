"""``minerisk validate PATH...``: check level files (and their maps) for trainers.

Every problem is printed, one a line, as ``FILE:LINE:COL: message; hint``;
playability warnings (game/level/playability.py) read
``FILE:LINE:COL: warning: message; hint``. Exit 0 when there are no errors
(warnings allowed), 1 with errors (or with warnings under ``--strict``), 2 for
a usage error.
"""

from __future__ import annotations

import sys

from game.level import Problem, validate_paths


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


def _unusable(raw: str) -> Problem | None:
    """A path the system cannot even look up (a name too long, a loop of links), as a plain problem."""
    import errno
    import os

    from game.store.reasons import plain_reason

    try:
        os.stat(raw)
    except FileNotFoundError:
        return None  # validate_paths says "not found" itself
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
            return None
        reason = plain_reason(exc) if isinstance(exc, OSError) else str(exc)
        return Problem(raw[:200], 1, 1, f"cannot use this path: {reason}", "check the path")
    return None


def run(args) -> int:
    unusable = [(raw, _unusable(raw)) for raw in args.paths]
    levels, problems = validate_paths([raw for raw, problem in unusable if problem is None])
    problems = [problem for _raw, problem in unusable if problem is not None] + problems
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
