"""The teacher's import: every run verified, refusals with their file and reason, nothing added twice."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from game.classroom.checkin import Attempt
from game.classroom.database import ClassDB, DatabaseError
from game.classroom.handin import HandIn
from game.classroom.importer import import_results
from game.classroom.student import Student
from game.cli import main
from game.run.players import play_session
from game.run.session import Session
from tests.classroom.conftest import a_run, edited

ROOT = Path(__file__).resolve().parents[2]
AMINA, BEN = Student("Amina", "7B"), Student("Ben", "7B")


def _write(folder: Path, name: str, handin: HandIn) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(handin.to_json(), encoding="utf-8")
    return path


def _db_state(path: Path) -> tuple:
    conn = sqlite3.connect(str(path))
    try:
        return (sorted(conn.execute("SELECT run_id, verified FROM runs")),
                sorted(conn.execute("SELECT stage, taken FROM checkins")),
                conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0])
    finally:
        conn.close()


def test_import_verifies_refuses_with_reasons_and_adds_nothing_twice(tmp_path, capsys):
    stick = tmp_path / "stick"
    attempt = Attempt("before", "2026-12-01T10:00:00+00:00", "checkin-1", {"touch": "leave", "paths": "short"})
    good = HandIn(AMINA, [a_run(player=AMINA.player()), a_run("cancel_or_clear", player=AMINA.player())], [attempt])
    _write(stick, "amina.json", good)
    ben_runs = [a_run(player=BEN.player()) for _ in range(5)]
    ben_runs[1].end.score["grade"] = "A" if ben_runs[1].end.score["grade"] != "A" else "B"  # a grade edited
    ben_runs[2].commands.pop()  # a command removed
    ben_runs[3].level_sha256 = "0" * 64  # played on another version of the level, on which it replays otherwise
    ben_runs[3].end.score["total"] += 1
    ben_runs[4].end = None  # a saved game, not a result
    ben_file = _write(stick, "ben.json", HandIn(BEN, ben_runs))
    (stick / "cut.json").write_text(good.to_json()[:5000])  # truncated: the whole file is refused
    (stick / ".hidden.json").write_text(good.to_json())  # hidden files (macOS ._ files) are passed over
    (stick / "kit.json").write_text('{"kit": 1}')  # another program's file on the stick
    os.mkfifo(stick / "pipe.json")  # never waited on
    stolen = a_run(player={})
    stolen.run_id = good.runs[0].run_id  # ... and with her name taken out (it is in no digest)
    copied = HandIn(BEN, [good.runs[0], stolen])  # Ben hands in Amina's run as his
    _write(stick / "sub", "copy.json", copied)

    db_path = tmp_path / "class.sqlite"
    assert main(["class", "import", str(stick), "--db", str(db_path), "--jobs", "2"]) == 1
    out = capsys.readouterr()
    assert "Read 4 files (2 other files passed over)." in out.out
    assert f"passed over: {stick / 'kit.json'}: not Mine Risk results" in out.out  # each named, with why
    assert f"passed over: {stick / 'pipe.json'}: not a plain file" in out.out
    assert "Added 3 runs and 1 check-in quiz" in out.out
    refused = out.err
    for n, reason in ((2, "the score card differs"), (3, "commands were removed after the run ended"),
                      (4, "the level `first_steps` differs from the one this run was played on .*, and the "
                          "run does not replay the same on it: the score card differs"),
                      (5, "this run has not ended")):
        assert re.search(rf"{re.escape(str(ben_file))}:\d+:1: run {n} \(level first_steps\): [^\n]*{reason}", refused)
    assert re.search(r"cut.json:\d+:\d+: the file is cut short; copy it again from the student's computer",
                     refused)
    assert re.search(r"copy.json:\d+:1: run 1: run 1 was played by Amina \(7B\), not by the student of this "
                     r"hand-in", refused)
    assert re.search(r"copy.json:\d+:1: run 2 \(level first_steps\): this run was already handed in by "
                     r"Amina \(7B\); two students handed in the same run", refused)
    assert "ask the student to play the level again" in refused
    assert "Refused (7)" in refused

    before = _db_state(db_path)
    assert len(before[0]) == 3 and all(v == 1 for _, v in before[0])
    # importing again (a file twice, the stick again) adds nothing at all
    assert main(["class", "import", str(stick), str(stick / "amina.json"), "--db", str(db_path)]) == 1
    assert "Added 0 runs and 0 check-in quizzes.\n3 runs already in the class database." in capsys.readouterr().out
    assert _db_state(db_path) == before

    with ClassDB(db_path) as db:
        runs = db.runs()
        assert {r.student.name for r in runs} == {"Amina", "Ben"}
        assert all(r.verified and r.score.get("grade") == r.grade for r in runs)
        assert [c.attempt.answers for c in db.checkins()] == [{"touch": "leave", "paths": "short"}]


def test_a_run_whose_level_is_not_here_is_kept_unverified_then_verified_with_levels(tmp_path, capsys):
    levels = tmp_path / "levels"
    shutil.copytree(ROOT / "levels", levels)
    text = (levels / "01_first_steps.yaml").read_text()
    (levels / "01_first_steps.yaml").write_text(text.replace("id: first_steps", "id: my_first_steps", 1))
    with play_session(Session.start(levels / "01_first_steps.yaml", seed=2, player=AMINA.player()),
                      "land_release") as session:  # a trainer's level, not installed on the teacher's computer
        record = session.record()
    stick = tmp_path / "stick"
    _write(stick, "amina.json", HandIn(AMINA, [record]))
    db_path = tmp_path / "class.sqlite"
    assert main(["class", "import", str(stick), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Stored but not verified (1 run: the level is not installed here)" in out
    assert "`my_first_steps`" in out and "--levels" in out
    assert _db_state(db_path)[0] == [(record.run_id, 0)]
    assert main(["class", "import", str(stick), "--db", str(db_path), "--levels", str(levels)]) == 0
    assert "1 run stored before now verified" in capsys.readouterr().out
    assert _db_state(db_path)[0] == [(record.run_id, 1)]
    with ClassDB(db_path) as db:  # the report names the trainer's level by its title, kept by the import
        assert db.level_titles() == {"my_first_steps": "First steps at Lindenholm"}
    assert main(["class", "import", str(stick), "--db", str(db_path), "--levels", str(levels)]) == 0
    assert "1 run already in the class database" in capsys.readouterr().out


def test_list_remove_and_databases_that_are_not_ours(tmp_path, capsys):
    stick = tmp_path / "stick"
    for who, code in (("Amina", "7B"), ("Ben", "7B"), ("Chloé", "8A")):
        s = Student(who, code)
        _write(stick, f"{who}.json", HandIn(s, [a_run(player=s.player())]))
    db_path = tmp_path / "class.sqlite"
    assert main(["class", "import", str(stick), "--db", str(db_path), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["class", "list", "--db", str(db_path), "--class", "7b"]) == 0
    listed = capsys.readouterr().out
    assert "Amina" in listed and "Ben" in listed and "Chloé" not in listed
    assert main(["class", "remove", "--class", "7B", "--student", "amina", "--db", str(db_path)]) == 2
    assert "--yes" in capsys.readouterr().err  # never deletes without being told to
    assert main(["class", "remove", "--class", "7B", "--student", "amina", "--db", str(db_path), "--yes"]) == 0
    assert "Deleted 1 student (Amina) with 1 run and 0 check-in quizzes" in capsys.readouterr().out
    assert main(["class", "remove", "--class", "7B", "--student", "Amina", "--db", str(db_path), "--yes"]) == 1
    assert main(["class", "remove", "--class", "8a", "--db", str(db_path), "--yes"]) == 0
    with ClassDB(db_path) as db:
        assert [s.name for _, s in db.students()] == ["Ben"] and len(db.runs()) == 1
    # a newer database, a file of another program, a folder: refused in words
    conn = sqlite3.connect(str(db_path))
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer version of Mine Risk"):
        ClassDB(db_path)
    (tmp_path / "notes.sqlite").write_text("my notes")
    assert main(["class", "list", "--db", str(tmp_path / "notes.sqlite")]) == 1
    assert "is not a class database Mine Risk can read" in capsys.readouterr().err
    assert (tmp_path / "notes.sqlite").read_text() == "my notes"
    other = sqlite3.connect(str(tmp_path / "other.sqlite"))
    other.execute("CREATE TABLE t (x)")
    other.close()
    with pytest.raises(DatabaseError):
        ClassDB(tmp_path / "other.sqlite")
    assert main(["class", "import", str(tmp_path / "nowhere"), "--db", str(tmp_path / "new.sqlite")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_import_counts_checkins_once_and_a_file_named_directly_is_always_read(tmp_path):
    stick = tmp_path / "stick"
    attempt = Attempt("after", "2026-12-02T10:00:00+00:00", "checkin-1", {"touch": "leave"})
    path = _write(stick, "a.txt", HandIn(AMINA, [], [attempt]))
    with ClassDB(tmp_path / "db.sqlite") as db:
        assert import_results([stick], db).files == 0  # not a .json file: passed over in a folder
        report = import_results([path, path], db)
        assert (report.files, report.checkins_added) == (1, 1)
        assert import_results([path], db).checkins_added == 0
        assert db.counts()["imports"] == 1


def test_a_record_edited_to_name_a_path_never_opens_it(tmp_path):
    text = edited(a_run(player=AMINA.player()).to_json(),
                  lambda d: d["level"].update(id="../../etc/passwd"))
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "r.json").write_text(text)
    with ClassDB(tmp_path / "db.sqlite") as db:
        report = import_results([tmp_path / "s"], db)
    assert len(report.refused) == 1 and "`level.id` must be a level id" in report.refused[0].reason
    assert json.dumps(report.refused[0].reason).count("root:") == 0


def test_the_progress_bar_draws_on_a_terminal_only():
    import io

    from game.cli_commands.class_ import _Bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    shown = Terminal()
    bar = _Bar(shown)
    for done in range(0, 5):
        bar(done, 4)
    assert shown.getvalue().endswith("\rVerifying runs [" + "#" * 30 + "] 4/4\n")
    assert "[" + "#" * 15 + "-" * 15 + "] 2/4" in shown.getvalue()
    quiet = io.StringIO()
    _Bar(quiet)(2, 4)
    assert quiet.getvalue() == ""  # a log file or a pipe gets no bar


def test_a_trainers_wording_fix_keeps_the_run_verified_and_a_changed_rule_does_not(tmp_path, capsys):
    """Verification is by re-simulation: a level whose hash differs but on which the run replays exactly the
    same (a briefing reworded) keeps the run as verified with a note; `replay --verify` still reports the hash
    difference with its own exit code, and says whether the run replays the same."""
    v1, v2, v3 = tmp_path / "v1", tmp_path / "v2", tmp_path / "v3"
    for folder in (v1, v2, v3):
        shutil.copytree(ROOT / "levels", folder)
    text = (v1 / "01_first_steps.yaml").read_text().replace("id: first_steps", "id: my_first_steps", 1)
    (v1 / "01_first_steps.yaml").write_text(text)
    (v2 / "01_first_steps.yaml").write_text(text.replace("Lindenholm is a small", "Lindenholm is a quiet"))
    (v3 / "01_first_steps.yaml").write_text(text.replace("budget_usd: 60000", "budget_usd: 61000"))
    with play_session(Session.start(v1 / "01_first_steps.yaml", seed=2, player=AMINA.player()),
                      "land_release") as session:
        record = session.record()
    stick = tmp_path / "stick"
    _write(stick, "amina.json", HandIn(AMINA, [record]))
    (tmp_path / "run.json").write_text(record.to_json())
    assert main(["replay", str(tmp_path / "run.json"), "--verify", "--level", str(v2 / "01_first_steps.yaml")]) == 4
    err = capsys.readouterr().err
    assert "`my_first_steps` differs from the one this run was played on" in err
    assert "the run still replays the same on it" in err
    assert main(["replay", str(tmp_path / "run.json"), "--verify", "--level", str(v3 / "01_first_steps.yaml")]) == 4
    assert "and the run does not replay the same on it" in capsys.readouterr().err

    db_path = tmp_path / "class.sqlite"
    assert main(["class", "import", str(stick), "--db", str(db_path), "--levels", str(v3)]) == 1
    assert "does not replay the same" in capsys.readouterr().err and _db_state(db_path)[0] == []
    assert main(["class", "import", str(stick), "--db", str(db_path), "--levels", str(v2)]) == 0
    out = capsys.readouterr().out
    assert "Verified on a level changed since (1 run: the level file differs, the run replays the same)" in out
    with ClassDB(db_path) as db:
        (run,) = db.runs()
    assert run.verified and run.note == "the level file changed since; the run replays the same"


def test_nothing_a_teacher_should_hear_about_is_dropped(tmp_path, capsys):
    """An empty hand-in is refused by name, a scripted player's run is refused, a second copy of a stored run
    with other content is a conflict (whichever of two copies is read first, the one that replays is kept), a
    newer file says to update Mine Risk here."""
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "MineRisk-7B-Zed-2026-12-01-1500.json").write_text("")
    (stick / "notes.json").write_text("")
    _write(stick, "homework.txt", HandIn(AMINA, [a_run(player=AMINA.player())]))  # renamed by hand
    demo = a_run(player=AMINA.player())
    demo.policy = "land_release"
    good = a_run(player=AMINA.player())
    forged = edited(good.to_json(), lambda d: d["end"]["score"].update(grade="A" if d["end"]["score"]["grade"]
                                                                        != "A" else "B"))
    _write(stick, "b-amina.json", HandIn(AMINA, [demo, good]))
    (stick / "a-forged.json").write_text(forged)  # read before the good copy
    newer = json.loads(HandIn(AMINA, []).to_json().replace('"version": 1', '"version": 2', 1))
    (stick / "newer.json").write_text(json.dumps(newer))
    db_path = tmp_path / "class.sqlite"
    assert main(["class", "import", str(stick), "--db", str(db_path)]) == 1
    out, err = capsys.readouterr()
    assert f"passed over: {stick / 'notes.json'}: empty" in out
    assert f"passed over: {stick / 'homework.txt'}: Mine Risk results in a file not ending in .json" in out
    assert re.search(r"MineRisk-7B-Zed-2026-12-01-1500.json:1:1: empty; ask Zed to hand in again", err)
    assert re.search(r"b-amina.json:\d+:1: run 1 \(level first_steps\): played by the scripted player "
                     r"`land_release`, not by Amina; a scripted player played this run \(a demonstration", err)
    assert re.search(r"a-forged.json:1:1: run 1 \(level first_steps\): the result in the file was edited \(the score card differs", err)
    assert re.search(r"b-amina.json:\d+:1: run 2 \(level first_steps\): a conflict", err) is None
    assert re.search(r"newer.json:\d+:\d+: this hand-in was made by a newer version of Mine Risk .*; update Mine "
                     r"Risk on this computer to read it\n", err)
    assert _db_state(db_path)[0] == [(good.run_id, 1)]
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "copy.json").write_text(forged)  # the forged copy again, on another day
    assert main(["class", "import", str(tmp_path / "later"), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"copy.json:1:1: run 1 \(level first_steps\): a conflict: another copy of this run \(the same "
                     r"run id\) with other content is already in the class database \(from .*b-amina.json; grade "
                     r"\w there, \w in this copy\)", err)
