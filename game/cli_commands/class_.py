"""``minerisk class``: the teacher's side (docs/classroom.md, docs/teachers.md).

``class import PATH...`` reads hand-in files (files or folders: a whole USB
stick), verifies every run by re-simulation in parallel and stores what holds
in the class database; ``class list`` shows who handed in what; ``class
remove`` deletes a student's (or a class's) data; ``class report -o FILE``
writes the class report (HTML, or a spreadsheet with ``--csv``).
``--db FILE`` uses another database than the one in the data folder.
Exit 0 when done, 1 when something was refused (import: everything else is
imported) or could not be written, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("class", help="the teacher's class: import hand-ins, list, remove, report",
                       description="Import students' hand-in files (each run is verified by re-simulation), list "
                                   "them, remove a student's data, and write the class report.")
    inner = p.add_subparsers(dest="class_command", metavar="ACTION", required=True)

    def with_db(parser):
        parser.add_argument("--db", type=Path, metavar="FILE", help="the class database (default: in the data folder)")
        return parser

    i = with_db(inner.add_parser("import", help="read hand-in files, verify every run, store them"))
    i.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="hand-in files or folders (e.g. the USB stick)")
    i.add_argument("--levels", action="append", type=Path, default=[], metavar="DIR",
                   help="a folder of levels to verify runs on, besides the campaign and My levels (repeatable)")
    i.add_argument("--jobs", type=int, default=None, metavar="N", help="processes to verify with (default: one a core)")
    i.set_defaults(run=run_import)
    def with_filters(parser):
        parser.add_argument("--class", dest="class_code", metavar="CODE", help="only this class")
        parser.add_argument("--levels", dest="level_names", action="append", metavar="LEVELS",
                            help="only these levels: ids or titles, separated by commas (repeatable)")
        parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                            help="only levels played on or after this day (the check-in quiz always counts)")
        return parser

    ls = with_filters(with_db(inner.add_parser("list", help="the students and what they handed in")))
    ls.set_defaults(run=run_list)
    r = with_db(inner.add_parser("remove", help="delete a student's data (or a whole class's)"))
    r.add_argument("--class", dest="class_code", required=True, metavar="CODE", help="the class code")
    r.add_argument("--student", metavar="NAME", help="the student's name (without it: every student of the class)")
    r.add_argument("--yes", action="store_true", help="do not ask before deleting")
    r.set_defaults(run=run_remove)
    rep = with_db(inner.add_parser("report", help="write the class report (one HTML file, or CSV)"))
    rep.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write")
    rep.add_argument("--csv", action="store_true", help="a spreadsheet (CSV) instead of the HTML report")
    with_filters(rep)
    rep.set_defaults(run=run_report)


def _day(text: str):
    """argparse type of ``--since``: a day written YYYY-MM-DD."""
    import argparse
    import datetime

    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a day written YYYY-MM-DD, such as 2026-11-24") from None


def _data(args, db):
    """The report's data for the class, levels and day the command line names; None (after saying why) when
    a level it names is not known."""
    from game.classroom.report import UnknownLevel, class_data, level_choices, pick_levels

    levels = None
    if args.level_names:
        try:
            levels = pick_levels(args.level_names, level_choices(db))
        except UnknownLevel as exc:
            print(f"minerisk class {args.class_command}: {exc}", file=sys.stderr)
            return None
    return class_data(db, args.class_code, levels, args.since)


def _open(args):
    from game.classroom.database import ClassDB, DatabaseError

    try:
        return ClassDB(args.db)
    except DatabaseError as exc:
        print(f"minerisk class: {exc.message}" + (f"; {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return None


class _Bar:
    """A progress bar on the terminal (nothing when the output is not a terminal)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.tty or total == 0:
            return
        width = 30
        filled = width * done // total
        self.stream.write(f"\rVerifying runs [{'#' * filled}{'-' * (width - filled)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


#: Files passed over that an import names one by one (the rest are counted).
MAX_NAMED = 30


def run_import(args) -> int:
    import os

    from game.classroom.importer import import_results

    if args.jobs is not None and args.jobs < 1:
        print("minerisk class import: --jobs must be 1 or more", file=sys.stderr)
        return 2
    db = _open(args)
    if db is None:
        return 1
    with db:
        workers = args.jobs or os.cpu_count() or 1
        report = import_results(args.paths, db, level_folders=args.levels, workers=workers, progress=_Bar())
        counts = db.counts()
    print(f"Read {_n(report.files, 'file')}" + (f" ({_n(report.skipped, 'other file')} passed over)"
                                                 if report.skipped else "") + ".")
    for path, why in report.passed_over[:MAX_NAMED]:
        print(f"  passed over: {path}: {why}")
    if report.skipped > MAX_NAMED:
        print(f"  ... and {_n(report.skipped - MAX_NAMED, 'other file')} passed over")
    added = f"Added {_n(report.runs_added, 'run')} and {_n(report.checkins_added, 'check-in quiz', 'check-in quizzes')}"
    if report.runs_verified_now:
        added += f"; {_n(report.runs_verified_now, 'run')} stored before now verified"
    if report.runs_known:
        added += f"; {_n(report.runs_known, 'run')} already in the class database"
    print(added + ".")
    if report.level_changed:
        print(f"Verified on a level changed since ({_n(len(report.level_changed), 'run')}: the level file differs, "
              "the run replays the same):")
        for item in report.level_changed:
            print("  " + item.format())
    if report.unverified:
        print(f"Stored but not verified ({_n(len(report.unverified), 'run')}: the level is not installed here):")
        for item in report.unverified:
            print("  " + item.format())
    if report.refused:
        print(f"Refused ({len(report.refused)}):", file=sys.stderr)
        for item in report.refused:
            print("  " + item.format(), file=sys.stderr)
    print(f"The class database {db.path} holds {_n(counts['students'], 'student')}, {_n(counts['runs'], 'run')} "
          f"({counts['verified']} verified) and {_n(counts['checkins'], 'check-in quiz', 'check-in quizzes')}.")
    return report.exit_code


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def run_list(args) -> int:
    db = _open(args)
    if db is None:
        return 1
    with db:
        data = _data(args, db)
    if data is None:
        return 2
    if not data.students:
        print("The class database holds no students" + (f" of class {args.class_code}" if args.class_code else "")
              + " yet: minerisk class import PATH")
        return 0
    print(f"{'class':<10} {'student':<28} {'levels':>6} {'runs':>5} {'not verified':>12}  check-in before/after")
    for s in data.students:
        before, after = s.checkin("before"), s.checkin("after")
        quiz = f"{_score(before)} / {_score(after)}"
        print(f"{s.student.class_code:<10} {s.student.name:<28} {len(s.best):>6} {len(s.runs):>5} "
              f"{sum(not r.verified for r in s.runs):>12}  {quiz}")
    return 0


def _score(result) -> str:
    return f"{result[0]}/{result[1]}" if result else "-"


def run_remove(args) -> int:
    db = _open(args)
    if db is None:
        return 1
    with db:
        found = [s for _, s in db.students()
                 if s.key == _key(args.student if args.student else s.name, args.class_code)]
        if not found:
            who = f"{args.student} in class {args.class_code}" if args.student else f"class {args.class_code}"
            print(f"minerisk class remove: no student {who} in {db.path}", file=sys.stderr)
            return 1
        names = ", ".join(s.name for s in found)
        if not args.yes:
            if not sys.stdin.isatty():
                print(f"minerisk class remove: this deletes every result of {names}; add --yes to confirm",
                      file=sys.stderr)
                return 2
            answer = input(f"Delete every result of {names} (class {args.class_code})? Type yes: ")
            if answer.strip().lower() != "yes":
                print("Nothing deleted.")
                return 0
        with db.transaction():
            students, runs, checkins = db.remove(args.class_code, args.student)
    print(f"Deleted {_n(students, 'student')} ({names}) with {_n(runs, 'run')} and "
          f"{_n(checkins, 'check-in quiz', 'check-in quizzes')}.")
    return 0


def _key(name: str, class_code: str) -> str:
    from game.classroom.student import student_key

    return student_key(name, class_code)


def run_report(args) -> int:
    from game.atomic import write_atomic
    from game.classroom.report import report_csv, report_html
    from game.store.reasons import plain_reason

    db = _open(args)
    if db is None:
        return 1
    with db:
        data = _data(args, db)
    if data is None:
        return 2
    text = report_csv(data) if args.csv else report_html(data)
    try:
        write_atomic(args.output, text, any_file=True)  # the teacher named it: an older report is replaced
    except OSError as exc:
        print(f"minerisk class report: cannot write {args.output} ({plain_reason(exc)})", file=sys.stderr)
        return 1
    print(f"Wrote the class report ({_n(len(data.students), 'student')}, {len(text.encode()):,} bytes): {args.output}")
    return 0
