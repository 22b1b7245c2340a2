"""The student's side: name and class code, kept results, the check-in quiz, the hand-in file read strictly."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.classroom import checkin, handin, student
from game.classroom.checkin import CheckinRun, add_attempt, answer_order, checkin_quiz, due, load_attempts
from game.classroom.handin import HandInError, export, parse_results, pending, read_results_file
from game.classroom.results import keep_result, kept_results
from game.classroom.student import Student, load_student, save_student
from game.cli import main
from tests.classroom.conftest import a_run

ROOT = Path(__file__).resolve().parents[2]


def test_name_and_class_code_are_cleaned_checked_and_kept(data_dir):
    assert load_student() is None
    with pytest.raises(ValueError, match="name"):
        save_student("   ", "7B")
    with pytest.raises(ValueError, match="class code"):
        save_student("Amina", "")
    with pytest.raises(ValueError, match="at most 40"):
        save_student("A" * 41, "7B")
    saved = save_student("  Amina\t Okafor\x07 ", " 7B ")
    assert saved == Student("Amina Okafor", "7B") == load_student()
    assert Student("amina okafor", "7b").key == saved.key  # one student, two spellings
    assert json.loads((data_dir / "student.json").read_text()) == {"version": 1, "name": "Amina Okafor",
                                                                   "class_code": "7B"}
    (data_dir / "student.json").write_text("[" * 5000)  # a broken file: no name, no traceback
    assert load_student() is None
    student.forget_student()
    assert load_student() is None


def test_every_finished_level_is_kept_and_a_saved_game_is_not(data_dir):
    run = a_run(player={"name": "Amina", "class_code": "7B"})
    path = keep_result(run)
    assert path == data_dir / "results" / f"{run.run_id}.json"
    unfinished = a_run()
    unfinished.end = None
    assert keep_result(unfinished) is None
    (data_dir / "results" / "broken.json").write_text("{")
    records, problems = kept_results()
    assert [r.run_id for r in records] == [run.run_id]
    assert len(problems) == 1 and "broken.json" in problems[0].format()


def test_checkin_questions_come_from_content_with_a_student_s_own_answer_order():
    quiz = checkin_quiz()
    assert 8 <= len(quiz.questions) <= 10
    assert {q.message for q in quiz.questions if q.message} and {q.idea for q in quiz.questions if q.idea}
    amina, ben = Student("Amina", "7B"), Student("Ben", "7B")
    orders = {s.name: [[a.id for a in answer_order(q, s.key)] for q in quiz.questions] for s in (amina, ben)}
    assert orders["Amina"] == [[a.id for a in answer_order(q, amina.key)] for q in quiz.questions]  # stable
    assert orders["Amina"] != orders["Ben"]  # shuffled per student
    # over a class, the right answer is not always in the same place
    places = {[a.id for a in answer_order(quiz.questions[0], Student(f"S{i}", "7B").key)].index(
        quiz.questions[0].right) for i in range(30)}
    assert len(places) > 1


def test_checkin_is_scored_from_the_questions_and_offered_before_and_after(data_dir):
    amina = Student("Amina", "7B")
    assert due(None, campaign_done=False, played_any=False) is None  # no class taking part: never offered
    assert due(amina, campaign_done=False, played_any=False) == "before"
    assert due(amina, campaign_done=False, played_any=True) is None  # too late to measure "before"
    run = CheckinRun("before", amina)
    assert not run.choose(7)  # no such answer
    for i in range(len(run.items)):
        q, shown = run.current
        assert run.choose([a.id for a in shown].index(q.right) if i < 4 else None)
    assert run.finished and run.result() == (4, len(run.items))
    assert [q.id for q in run.missed()] == [q.id for q in checkin_quiz().questions[4:]]
    add_attempt(run.attempt())
    assert due(amina, campaign_done=False, played_any=False) is None
    assert due(amina, campaign_done=True, played_any=True) == "after"
    assert due(Student("Ben", "7B"), campaign_done=False, played_any=False) == "before"  # a shared computer
    kept = load_attempts()
    assert len(kept) == 1 and kept[0].player == amina.player()
    # a claimed score in the file counts for nothing: the answers are scored again
    forged = checkin.Attempt("after", "2026-01-01T00:00:00+00:00", "checkin-1", {"touch": "carry", "nope": "x"})
    assert checkin.score(forged) == (0, 1)


def _student_with_results(data_dir, runs=2):
    amina = save_student("Amina", "7B")
    for seed in range(1, runs + 1):
        keep_result(a_run(seed=1, player=amina.player()))
    run = CheckinRun("before", amina)
    while not run.finished:
        run.choose(0)
    add_attempt(run.attempt())
    return amina


def test_hand_in_writes_one_file_with_everything_new_then_only_what_is_new(data_dir, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(HandInError, match="no name"):
        export(stick, None)
    amina = _student_with_results(data_dir)
    keep_result(a_run(player={"name": "Ben", "class_code": "7B"}))  # Ben played on this computer too
    keep_result(a_run())  # played before any name was entered: Amina's hand-in carries it
    done = export(stick, amina)
    assert (done.runs, done.checkins) == (3, 1)
    assert done.path.parent == stick and done.path.name.startswith("MineRisk-7B-Amina-")
    read = read_results_file(done.path)
    assert read.ok and read.student == amina
    assert [p.kind for p in read.pieces] == ["checkin", "run", "run", "run"]
    assert all(p.record.player == amina.player() for p in read.pieces if p.kind == "run")
    assert [f.name for f in stick.iterdir()] == [done.path.name]  # no temporary file left
    with pytest.raises(HandInError, match="nothing new"):
        export(stick, amina)
    keep_result(a_run(player=amina.player()))
    again = export(stick, amina)
    assert (again.runs, again.checkins) == (1, 0)
    assert export(stick, amina, everything=True).runs == 4
    with pytest.raises(HandInError, match="not a folder"):
        export(stick / "missing", amina, everything=True)
    # Ben's own hand-in carries only his run
    assert len(pending(Student("Ben", "7b")).runs) == 1


def test_hand_in_file_is_read_strictly_with_problems_at_their_place(data_dir, tmp_path):
    amina = _student_with_results(data_dir)
    path = export(tmp_path, amina).path
    text = path.read_text()
    lines = text.splitlines()

    # a grade edited in run 2's end: only that run is refused, at its line
    grade_line = [i for i, line in enumerate(lines) if '"end":' in line][1]
    edited = "\n".join(lines[:grade_line] + [re.sub(r'"grade": "[A-F]"', '"grade": 5', lines[grade_line])]
                       + lines[grade_line + 1:])
    read = parse_results(edited, "h.json")
    assert read.ok
    bad = [p for p in read.pieces if p.problems]
    assert len(bad) == 1 and bad[0].index == 1
    assert bad[0].problems[0].line == grade_line + 1
    assert bad[0].problems[0].format().startswith(f"h.json:{grade_line + 1}:")

    # an unknown command outcome in run 1: the problem points at that command's line
    cmd_line = next(i for i, line in enumerate(lines) if '"outcome": {"accepted": true, "code": "accepted"}' in line)
    edited = "\n".join(lines[:cmd_line] + [lines[cmd_line].replace('"code": "accepted"', '"code": "made_up"')]
                       + lines[cmd_line + 1:])
    problem = next(p for p in parse_results(edited, "h.json").pieces if p.problems).problems[0]
    assert (problem.line, "made_up" not in problem.message) == (cmd_line + 1, True)

    # the whole file refused: cut short, a newer version, an unknown key, another student's run, a bad name
    assert "cut short" in parse_results(text[: len(text) // 2], "h.json").problems[0].format()
    newer = parse_results(text.replace('"version": 1', '"version": 9', 1), "h.json").problems[0]
    assert "newer version" in newer.message and newer.hint.startswith("update Mine Risk")
    extra = parse_results(text.replace('"format": "minerisk-handin",', '"format": "minerisk-handin", "x": 1,'),
                          "h.json").problems[0]
    assert extra.message == "unknown key `x`" and extra.line == 2
    assert "not a Mine Risk hand-in" in parse_results('{"format": "other"}', "h.json").problems[0].message
    assert "empty" in parse_results("  ", "h.json").problems[0].message
    named = parse_results(text.replace('"name": "Amina"', '"name": "Zed"', 1), "h.json")
    refused = [p for p in named.pieces if p.problems]
    assert len(refused) == 2 and "played by Amina (7B), not by the student" in refused[0].problems[0].message
    assert "1 to 40" in parse_results(text.replace('"name": "Amina"', '"name": ""', 1), "h.json").problems[0].message
    # a single run record handed in as it is: its player names the student
    run = a_run(player=amina.player())
    assert parse_results(run.to_json(), "r.json").student == amina
    run.player = {}
    assert "names no student" in parse_results(run.to_json(), "r.json").problems[0].message
    # hostile files: never a traceback
    for hostile in ("[" * 100_000, '{"format": "minerisk-handin", "version": ' + "9" * 5000 + "}", "\x00\x01",
                    '{"format": "minerisk-handin", "version": 1, "runs": [1, 2]}'):
        assert not parse_results(hostile, "h.json").ok
    with open(tmp_path / "big.json", "wb") as fh:
        fh.truncate(handin.MAX_BYTES + 1)  # sparse: nothing is written
    assert "too large" in read_results_file(tmp_path / "big.json").problems[0].message
    assert "folder" in read_results_file(tmp_path).problems[0].message
    os.mkfifo(tmp_path / "pipe.json")  # never waited on
    assert "pipe" in read_results_file(tmp_path / "pipe.json").problems[0].message


def test_results_command_line(data_dir, tmp_path, capsys):
    assert main(["results", "export", str(tmp_path)]) == 1
    assert "no name and class code" in capsys.readouterr().err
    assert main(["results", "student", "Amina", "7B"]) == 0
    assert main(["results", "student"]) == 0
    assert "Amina (class 7B)" in capsys.readouterr().out
    assert main(["results", "student", "Amina"]) == 2
    keep_result(a_run(player={"name": "Amina", "class_code": "7B"}))
    assert main(["results", "list"]) == 0
    assert "First steps at Lindenholm" in capsys.readouterr().out  # the level's title, not its id
    assert main(["results", "export", str(tmp_path)]) == 0
    assert "Handed in 1 finished level and 0 check-in quizzes" in capsys.readouterr().out
    assert main(["results", "export", str(tmp_path)]) == 1
    assert f"hand in everything again: minerisk results export {tmp_path} --all" in capsys.readouterr().err
    assert main(["results", "student", "--forget"]) == 0


def test_classroom_modules_import_without_pygame():
    code = ("import sys; sys.modules['pygame'] = None\n"
            "import importlib, pkgutil, game.classroom\n"
            "for info in pkgutil.walk_packages(game.classroom.__path__, 'game.classroom.'):\n"
            "    importlib.import_module(info.name)\n"
            "import game.cli_commands.results, game.cli_commands.class_\nprint('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "ok", done.stderr


def test_hand_in_places_are_the_sticks_then_desktop_and_home(tmp_path):
    from game.classroom.places import hand_in_places, removable_folders

    root = tmp_path / "root"
    for folder in ("media/amina/STICK", "media/amina/.hidden", "run/media/amina/KINGSTON", "media/OTHER",
                   "Volumes/USB", "home/Desktop"):
        (root / folder).mkdir(parents=True)
    (root / "Volumes" / "Macintosh HD").symlink_to(root)
    linux = removable_folders(system="Linux", user="amina", roots={"/": root})
    assert [p.name for p in linux] == ["STICK", "KINGSTON", "OTHER"]
    assert [p.name for p in removable_folders(system="Darwin", roots={"/": root})] == ["USB"]
    drives = removable_folders(system="Windows", roots={"E": root / "media", "C": root})
    assert drives == [root / "media"]
    offered = hand_in_places(home=root / "home", system="Linux", user="amina", roots={"/": root})
    assert [p.label for p in offered] == ["USB stick or drive: STICK", "USB stick or drive: KINGSTON",
                                          "USB stick or drive: OTHER", "Desktop", "Home folder"]
    assert [p.removable for p in offered] == [True, True, True, False, False]
    assert hand_in_places(home=tmp_path / "nobody", system="Linux", user="x", roots={"/": tmp_path / "none"}) == []
