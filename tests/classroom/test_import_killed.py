"""An import killed at any moment (kill -9) leaves the class database as it was before or after, never between.

Each round copies a database holding one earlier import, starts `minerisk
class import` on a folder of 12 runs in a subprocess and kills it with
SIGKILL at a random moment: half the rounds anywhere in the import, half
inside its one transaction (the child says when the transaction starts, and
each insert is slowed to 15 ms so the kill lands among them). Verification
is replaced by the record's own claim in the child: it is tested elsewhere,
and this test is about the database only. The random moments come from a
seeded generator, printed on failure to replay a round.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from game.classroom.database import ClassDB
from game.classroom.handin import HandIn
from game.classroom.importer import import_results
from game.classroom.student import Student
from tests.classroom.conftest import a_run

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 10

CHILD = """
import sys, time
import game.classroom.database as database
import game.classroom.importer as importer

def claimed(record_json, level_path, level_folders):
    from game.run.record import parse_record
    record, _ = parse_record(record_json, "run")
    return "ok", "", "", record.end.score, False

importer._verify_one = claimed
add_run = database.ClassDB.add_run
started = []

def slow_add_run(self, run, import_id):
    if not started:
        started.append(1)
        print("transaction", flush=True)
    time.sleep(0.015)
    return add_run(self, run, import_id)

database.ClassDB.add_run = slow_add_run
from game.cli import main
sys.exit(main(["class", "import", sys.argv[1], "--db", sys.argv[2], "--jobs", "1"]))
"""


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (sorted(r[0] for r in conn.execute("SELECT run_id FROM runs")),
                sorted(r[0] for r in conn.execute("SELECT name FROM students")),
                conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0])
    finally:
        conn.close()


def test_an_import_killed_at_random_moments_leaves_before_or_after(tmp_path):
    students = [Student(f"Student {i}", "7B") for i in range(4)]
    first, stick = tmp_path / "first", tmp_path / "stick"
    first.mkdir()
    stick.mkdir()
    (first / "a.json").write_text(HandIn(students[0], [a_run(player=students[0].player())]).to_json())
    for s in students[1:]:
        (stick / f"{s.name}.json").write_text(HandIn(s, [a_run(player=s.player()) for _ in range(4)]).to_json())
    base = tmp_path / "base.sqlite"
    with ClassDB(base) as db:
        import_results([first], db, workers=1)
    before = _state(base)
    (tmp_path / "child.py").write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = {"before": 0, "after": 0}
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for n in range(ROUNDS):
        db_path = tmp_path / f"round{n}.sqlite"
        shutil.copyfile(base, db_path)
        errors = open(tmp_path / f"round{n}.err", "w")
        child = subprocess.Popen([sys.executable, str(tmp_path / "child.py"), str(stick), str(db_path)], cwd=ROOT,
                                 env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        try:
            if n % 2:
                said = child.stdout.readline().strip()
                assert said == "transaction", (tmp_path / f"round{n}.err").read_text()
                time.sleep(rng.uniform(0.0, 12 * 0.015 * 1.2))
            else:
                time.sleep(rng.uniform(0.0, 1.0))
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=60)
            child.stdout.close()
            errors.close()
        state = _state(db_path)  # opening it rolls back a half-done transaction (the journal left behind)
        runs, names, imports = state
        assert state == before or (len(runs) == 13 and len(names) == 4 and imports == 2), (seed, n, state)
        outcomes["before" if state == before else "after"] += 1
    assert outcomes["before"] > 0, outcomes
    # the child left alone completes the import, on the database the last killed one left
    done = subprocess.run([sys.executable, str(tmp_path / "child.py"), str(stick), str(db_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(_state(db_path)[0]) == 13
