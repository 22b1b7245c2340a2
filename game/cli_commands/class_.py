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

from game.text import _, ngettext
from game.text.formats import number
from game.text.labels import join


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
        parser.add_argument("--since", metavar="YYYY-MM-DD",
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


def use_language(args) -> None:
    """The teacher's words in ``--lang``, else in the language chosen in the game's settings, else in the
    computer's (as the game's window chooses)."""
    from game import text

    if getattr(args, "lang", None):
        return
    from game.store.settings import Settings

    text.set_language(Settings.load().language or text.system_language())


def _fail(args, message: str) -> None:
    """One line on the error output: ``minerisk class ACTION: message``."""
    print(f"minerisk class {args.class_command}: {message}", file=sys.stderr)


def _data(args, db):
    """The report's data for the class, levels and day the command line names; None (after saying why) when
    a level it names is not known or the day is not a day."""
    import datetime

    from game.classroom.report import UnknownLevel, class_data, level_choices, pick_levels

    since = None
    if args.since is not None:
        try:
            since = datetime.date.fromisoformat(args.since.strip())
        except ValueError:
            _fail(args, _("'{text}' is not a day written YYYY-MM-DD, such as 2026-11-24").format(
                text=args.since[:40]))
            return None
    levels = None
    if args.level_names:
        try:
            levels = pick_levels(args.level_names, level_choices(db))
        except UnknownLevel as exc:
            _fail(args, str(exc))
            return None
    return class_data(db, args.class_code, levels, since)


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
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write("\r" + _("Verifying runs [{bar}] {done}/{total}").format(
            bar=bar, done=number(done), total=number(total)))
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


#: Files passed over that an import names one by one (the rest are counted).
MAX_NAMED = 30


def _runs(n: int) -> str:
    return ngettext("{n} run", "{n} runs", n).format(n=number(n))


def _quizzes(n: int) -> str:
    return ngettext("{n} check-in quiz", "{n} check-in quizzes", n).format(n=number(n))


def _students(n: int) -> str:
    return ngettext("{n} student", "{n} students", n).format(n=number(n))


def run_import(args) -> int:
    import os

    from game.classroom.importer import import_results

    use_language(args)
    if args.jobs is not None and args.jobs < 1:
        _fail(args, _("--jobs must be 1 or more"))
        return 2
    db = _open(args)
    if db is None:
        return 1
    with db:
        workers = args.jobs or os.cpu_count() or 1
        report = import_results(args.paths, db, level_folders=args.levels, workers=workers, progress=_Bar())
        counts = db.counts()
    files = ngettext("{n} file", "{n} files", report.files).format(n=number(report.files))
    if report.skipped:
        print(ngettext("Read {files} ({n} other file passed over).", "Read {files} ({n} other files passed over).",
                       report.skipped).format(files=files, n=number(report.skipped)))
    else:
        print(_("Read {files}.").format(files=files))
    for path, why in report.passed_over[:MAX_NAMED]:
        print("  " + _("passed over: {file}: {why}").format(file=path, why=why))
    if report.skipped > MAX_NAMED:
        rest = report.skipped - MAX_NAMED
        print("  " + ngettext("... and {n} other file passed over", "... and {n} other files passed over",
                              rest).format(n=number(rest)))
    print(_("Added {runs} and {quizzes}.").format(runs=_runs(report.runs_added),
                                                   quizzes=_quizzes(report.checkins_added)))
    if report.runs_verified_now:
        print(ngettext("{n} run stored before now verified.", "{n} runs stored before now verified.",
                       report.runs_verified_now).format(n=number(report.runs_verified_now)))
    if report.runs_known:
        print(ngettext("{n} run already in the class database.", "{n} runs already in the class database.",
                       report.runs_known).format(n=number(report.runs_known)))
    if report.level_changed:
        n = len(report.level_changed)
        print(ngettext("Verified on a level changed since ({n} run: the level file differs, the run replays the "
                       "same):", "Verified on a level changed since ({n} runs: the level file differs, the runs "
                       "replay the same):", n).format(n=number(n)))
        for item in report.level_changed:
            print("  " + item.format())
    if report.unverified:
        n = len(report.unverified)
        print(ngettext("Stored but not verified ({n} run: the level is not installed here):",
                       "Stored but not verified ({n} runs: the level is not installed here):", n).format(
            n=number(n)))
        for item in report.unverified:
            print("  " + item.format())
    if report.refused:
        print(_("Refused ({n}):").format(n=number(len(report.refused))), file=sys.stderr)
        for item in report.refused:
            print("  " + item.format(), file=sys.stderr)
    print(_("The class database {file} holds {students}, {runs} ({verified} verified) and {quizzes}.").format(
        file=db.path, students=_students(counts["students"]), runs=_runs(counts["runs"]),
        verified=number(counts["verified"]), quizzes=_quizzes(counts["checkins"])))
    return report.exit_code


def run_list(args) -> int:
    use_language(args)
    db = _open(args)
    if db is None:
        return 1
    with db:
        data = _data(args, db)
    if data is None:
        return 2
    if not data.students:
        print(_("The class database holds no students of class {code} yet: {command}").format(
            code=args.class_code, command="minerisk class import PATH") if args.class_code else
            _("The class database holds no students yet: {command}").format(command="minerisk class import PATH"))
        return 0
    heads = (_("class"), _("student"), _("levels"), _("runs"), _("not verified"), _("check-in before/after"))
    rows = []
    for s in data.students:
        before, after = s.checkin("before"), s.checkin("after")
        rows.append((s.student.class_code, s.student.name, number(len(s.best)), number(len(s.runs)),
                     number(sum(not r.verified for r in s.runs)), f"{_score(before)} / {_score(after)}"))
    widths = [max(len(str(row[i])) for row in [heads, *rows]) for i in range(len(heads))]
    for row in [heads, *rows]:
        cells = [str(c).ljust(w) if i < 2 or i == 5 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip())
    return 0


def _score(result) -> str:
    return f"{number(result[0])}/{number(result[1])}" if result else "-"


def run_remove(args) -> int:
    use_language(args)
    db = _open(args)
    if db is None:
        return 1
    with db:
        found = [s for _id, s in db.students()
                 if s.key == _key(args.student if args.student else s.name, args.class_code)]
        if not found:
            message = (_("no student {name} in class {code} in {file}") if args.student else
                       _("no student of class {code} in {file}"))
            _fail(args, message.format(name=args.student, code=args.class_code, file=db.path))
            return 1
        names = join([s.name for s in found], conjunction=False)
        if not args.yes:
            if not sys.stdin.isatty():
                _fail(args, _("this deletes every result of {names}; add --yes to confirm").format(names=names))
                return 2
            answer = input(_("Delete every result of {names} (class {code})? Type yes: ").format(
                names=names, code=args.class_code))
            if answer.strip().lower() not in {"yes", _("yes").strip().lower()}:
                print(_("Nothing deleted."))
                return 0
        with db.transaction():
            students, runs, checkins = db.remove(args.class_code, args.student)
    print(_("Deleted {students} ({names}) with {runs} and {quizzes}.").format(
        students=_students(students), names=names, runs=_runs(runs), quizzes=_quizzes(checkins)))
    return 0


def _key(name: str, class_code: str) -> str:
    from game.classroom.student import student_key

    return student_key(name, class_code)


def run_report(args) -> int:
    from game.atomic import write_atomic
    from game.classroom.report import report_csv, report_html
    from game.store.reasons import plain_reason

    use_language(args)
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
        _fail(args, _("cannot write {file} ({reason})").format(file=args.output, reason=plain_reason(exc)))
        return 1
    size = len(text.encode())
    print(ngettext("Wrote the class report ({students}, {n} byte): {file}",
                   "Wrote the class report ({students}, {n} bytes): {file}", size).format(
        students=_students(len(data.students)), n=number(size), file=args.output))
    return 0
