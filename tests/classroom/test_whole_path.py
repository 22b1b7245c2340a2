"""Issue 12, done means: the whole path from two students' computers to the teacher's report.

Two students take the check-in quiz, play levels headless (scripted players with the students' names), take
the quiz again and hand in to one folder (a USB stick); one file is tampered with; the teacher imports the
folder (the tampered run refused with its reason, everything else imported) and the report lists the right
grades and before/after quiz scores. About 3 s.
"""

from __future__ import annotations

import csv
import io
import re

from game.classroom.checkin import CheckinRun, add_attempt
from game.classroom.handin import export
from game.classroom.results import keep_result
from game.classroom.student import load_student, save_student
from game.cli import main
from game.paths import levels_dir
from game.run.players import play_session
from game.run.session import Session

LEVELS = ("01_first_steps.yaml", "02_cancel_or_clear.yaml")


def _quiz(stage: str, right: int) -> None:
    """Take the check-in quiz on this computer, answering the first ``right`` questions right."""
    run = CheckinRun(stage, load_student())
    while not run.finished:
        question, shown = run.current
        ids = [a.id for a in shown]
        run.choose(ids.index(question.right) if run.index < right
                   else next(i for i, a in enumerate(shown) if not a.correct))
    assert run.result()[0] == right
    add_attempt(run.attempt())


def _student_computer(monkeypatch, tmp_path, name: str, policy: str, before: int, after: int, stick):
    """One student's computer (its own data folder): name, quiz, the levels, quiz again, hand-in."""
    monkeypatch.setenv("MINERISK_DATA_DIR", str(tmp_path / f"computer-{name}"))
    student = save_student(name, "7B")
    _quiz("before", before)
    grades = {}
    for n, level in enumerate(LEVELS):
        # a scripted player stands in for the student: its run records no `policy` (a demonstration's would,
        # and would never be kept)
        session = Session.start(levels_dir() / level, seed=11 + n, player=student.player())
        with play_session(session, policy):
            keep_result(session.record())
            grades[session.scenario.level.id] = session.score().grade
    _quiz("after", after)
    handed = export(stick, student)
    assert (handed.runs, handed.checkins) == (2, 2)
    return grades, handed.path


def test_two_students_hand_in_one_file_is_tampered_the_teacher_imports_and_reports(monkeypatch, tmp_path, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    amina, _ = _student_computer(monkeypatch, tmp_path, "Amina", "land_release", 4, 10, stick)
    ben, ben_file = _student_computer(monkeypatch, tmp_path, "Ben", "reckless", 6, 7, stick)
    assert ben["cancel_or_clear"] != "A"
    # Ben edits his grade on the second level
    text = ben_file.read_text()
    runs = text.split('"format": "minerisk-run"')
    runs[2] = re.sub(r'"grade": "[A-F]"', '"grade": "A"', runs[2], count=1)
    ben_file.write_text('"format": "minerisk-run"'.join(runs))

    monkeypatch.setenv("MINERISK_DATA_DIR", str(tmp_path / "teacher"))
    assert main(["class", "import", str(stick)]) == 1
    out = capsys.readouterr()
    assert "Added 3 runs and 4 check-in quizzes." in out.out
    refused = out.err.strip().splitlines()
    assert len(refused) == 2 and refused[0] == "Refused (1):"
    assert re.match(rf"  {re.escape(str(ben_file))}:\d+:1: run 2 \(level cancel_or_clear\): the result in the file "
                    r"was edited \(the score card differs from the re-simulated one: score.grade: recorded 'A', now '[B-F]'", refused[1])
    assert "ask the student to play the level again" in refused[1]

    report = tmp_path / "report.html"
    assert main(["class", "report", "-o", str(report)]) == 0
    html = report.read_text()
    assert main(["class", "report", "--csv", "-o", str(tmp_path / "report.csv")]) == 0
    rows = {(r["student"], r["level"]): r for r in csv.DictReader(io.StringIO((tmp_path / "report.csv").read_text()))}
    for level, grade in amina.items():
        assert (rows["Amina", level]["best_grade"], rows["Amina", level]["verified"]) == (grade, "yes")
    assert rows["Ben", "first_steps"]["best_grade"] == ben["first_steps"]
    assert rows["Ben", "cancel_or_clear"]["best_grade"] == ""  # the tampered run is not in the class
    assert (rows["Amina", "first_steps"]["checkin_before"], rows["Amina", "first_steps"]["checkin_after"]) == ("4", "10")
    assert (rows["Ben", "first_steps"]["checkin_before"], rows["Ben", "first_steps"]["checkin_after"]) == ("6", "7")
    # the page says the same
    assert "<td>Amina</td><td>4 of 10</td><td>10 of 10</td>" in html
    assert "<td>Ben</td><td>6 of 10</td><td>7 of 10</td>" in html
    assert "Class: 50% right before, 85% after</strong> (2 students took both)" in html
    grid = html[html.index('<table class="grid">'):html.index("</table>")]
    amina_row = grid[grid.index(">Amina<"):grid.index("</tr>", grid.index(">Amina<"))]
    assert re.findall(r'class="grade"[^>]*>([A-F])<', amina_row) == [amina["first_steps"], amina["cancel_or_clear"]]
    ben_row = grid[grid.index(">Ben<"):grid.index("</tr>", grid.index(">Ben<"))]
    assert re.findall(r'class="grade"[^>]*>([A-F])<', ben_row) == [ben["first_steps"]]
