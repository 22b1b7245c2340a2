"""``minerisk results``: the student's side of handing in (docs/classroom.md).

``results student [NAME CLASS]`` shows or sets the name and class code kept
on this computer (the game's settings do the same); ``results list`` lists
the finished runs kept here and whether they were handed in; ``results
export DIR`` writes one hand-in file into DIR (a USB stick) with every run
and check-in quiz since the last hand-in (``--all``: everything again).
Exit 0 when done, 1 when nothing could be written, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("results", help="hand in your results to the teacher (a file for a USB stick)",
                       description="The student's results: who plays on this computer, the finished levels kept "
                                   "here, and the hand-in file for the teacher.")
    inner = p.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    s = inner.add_parser("student", help="show or set the name and class code kept on this computer")
    s.add_argument("name", nargs="?", metavar="NAME", help="your name")
    s.add_argument("class_code", nargs="?", metavar="CLASS", help="your class code (your teacher gives it)")
    s.add_argument("--forget", action="store_true", help="remove the name and class code from this computer")
    s.set_defaults(run=run_student)
    ls = inner.add_parser("list", help="the finished levels kept on this computer")
    ls.set_defaults(run=run_list)
    e = inner.add_parser("export", help="write the hand-in file into a folder (a USB stick)")
    e.add_argument("folder", type=Path, metavar="DIR", help="the folder to write the file into")
    e.add_argument("--all", action="store_true", help="hand in everything again, not only what is new")
    e.set_defaults(run=run_export)


def run_student(args) -> int:
    from game.classroom.student import forget_student, load_student, save_student

    if args.forget:
        forget_student()
        print("The name and class code are removed from this computer.")
        return 0
    if args.name is None:
        student = load_student()
        print(f"{student.name} (class {student.class_code})" if student else
              "No name and class code yet: minerisk results student NAME CLASS")
        return 0
    if args.class_code is None:
        print("minerisk results student: give your name and your class code", file=sys.stderr)
        return 2
    try:
        student = save_student(args.name, args.class_code)
    except ValueError as exc:
        print(f"minerisk results student: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"minerisk results student: cannot keep it ({exc.strerror or exc})", file=sys.stderr)
        return 1
    print(f"Results on this computer are now handed in as {student.name} (class {student.class_code}).")
    return 0


def run_list(args) -> int:
    from game.classroom.handin import pending
    from game.classroom.results import kept_results
    from game.classroom.student import load_student, of_player

    records, problems = kept_results()
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    student = load_student()
    new = {r.run_id for r in pending(student).runs} if student else set()
    if not records:
        print("No finished level is kept on this computer yet.")
    titles = _level_titles()
    for r in records:
        owner = of_player(r.player)
        who = f"{owner.name} ({owner.class_code})" if owner else "no name"
        state = "to hand in" if r.run_id in new else ("handed in" if student and (owner is None or owner.key ==
                                                                                  student.key) else "")
        print(f"{r.created[:16].replace('T', ' ')}  {titles.get(r.level_id, r.level_id):<40} grade "
              f"{r.end.score.get('grade', '?'):<2} {who:<30} {state}".rstrip())
    return 0


def _level_titles() -> dict[str, str]:
    """Each installed level's title by id (the bundled campaign, then My levels), in the language in use."""
    from game.level.campaign import list_levels
    from game.run.levels import level_folders
    from game.text import _

    titles: dict[str, str] = {}
    for folder in level_folders():
        try:
            infos = list_levels(folder) if folder.is_dir() else []
        except OSError:
            continue
        for info in infos:
            titles.setdefault(info.id, _(info.title))
    return titles


def run_export(args) -> int:
    from game.classroom.handin import HandInError, export
    from game.classroom.student import load_student
    from game.cli_commands.class_ import use_language
    from game.text import _, ngettext
    from game.text.formats import number

    use_language(args)
    try:
        done = export(args.folder, load_student(), everything=args.all)
    except HandInError as exc:
        hint = (_("finish a level first, or hand in everything again: {command}").format(
            command=f"minerisk results export {args.folder} --all") if exc.nothing_new else exc.hint)
        print(f"minerisk results export: {exc.message}" + (f"; {hint}" if hint else ""), file=sys.stderr)
        return 1
    runs = ngettext("{n} finished level", "{n} finished levels", done.runs).format(n=number(done.runs))
    quizzes = ngettext("{n} check-in quiz", "{n} check-in quizzes", done.checkins).format(n=number(done.checkins))
    print(_("Handed in {runs} and {quizzes}: {file}").format(runs=runs, quizzes=quizzes, file=done.path))
    return 0
