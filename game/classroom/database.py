"""The teacher's class database: students, their verified runs and check-in attempts, in one SQLite file.

It lives in the teacher's data folder (``class.sqlite``; ``--db`` names
another). Every change is one transaction (SQLite's rollback journal, full
sync), so an import killed at any moment leaves the database as it was before
or after it, never between. A run is stored once (``run_id`` is the key): a
re-import adds nothing. A database written by a newer version of the game is
refused rather than changed.

Tables: ``students`` (name, class code, and the matching key of
:func:`game.classroom.student.student_key`), ``runs`` (the record as handed
in, the verified score card, the grade, whether it was verified and why not),
``checkins`` (stage, time, answers as ids; scored when read), ``imports`` (when
and what each import added).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from game.classroom.checkin import Attempt
from game.classroom.student import Student, student_key
from game.store.folders import data_dir
from game.text import _

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, files INTEGER NOT NULL,
    runs_added INTEGER NOT NULL, checkins_added INTEGER NOT NULL, refused INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS students (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, class_code TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    level_id TEXT NOT NULL, level_sha256 TEXT NOT NULL, seed INTEGER NOT NULL, created TEXT NOT NULL,
    game_version TEXT NOT NULL, end_day INTEGER NOT NULL, end_reason TEXT NOT NULL,
    grade TEXT NOT NULL, total REAL, best_possible REAL,
    verified INTEGER NOT NULL,   -- 1: re-simulated to the recorded result; 0: not checked (see note)
    note TEXT NOT NULL,          -- why it is not verified (or: verified on a level changed since)
    score TEXT NOT NULL,         -- the score card (JSON): re-simulated when verified, else as handed in
    record TEXT NOT NULL,        -- the run record as handed in (JSON)
    source TEXT NOT NULL,        -- the file it came from
    import_id INTEGER NOT NULL REFERENCES imports(id));
CREATE INDEX IF NOT EXISTS runs_by_student ON runs(student_id, level_id);
CREATE TABLE IF NOT EXISTS checkins (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    stage TEXT NOT NULL, taken TEXT NOT NULL, quiz TEXT NOT NULL, answers TEXT NOT NULL,
    source TEXT NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(id),
    UNIQUE (student_id, stage, taken));
CREATE TABLE IF NOT EXISTS level_titles (   -- the title of each level a run was verified on (a trainer's
    level_id TEXT PRIMARY KEY,              -- level may be at hand only when importing, with --levels)
    title TEXT NOT NULL);
"""


class DatabaseError(Exception):
    """The database cannot be used; the message says why in plain words, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def default_db_path() -> Path:
    return data_dir() / "class.sqlite"


@dataclass(frozen=True, slots=True)
class StoredRun:
    """One run as the database keeps it."""

    run_id: str
    student: Student
    level_id: str
    created: str
    grade: str
    total: float | None
    best_possible: float | None
    verified: bool
    note: str
    score: dict[str, Any]
    source: str
    end_reason: str


@dataclass(frozen=True, slots=True)
class StoredCheckin:
    student: Student
    attempt: Attempt


@dataclass(frozen=True, slots=True)
class NewRun:
    """A run to store: its record (as handed in), whose it is, and the verification's outcome."""

    record_json: str
    run_id: str
    level_id: str
    level_sha256: str
    seed: int
    created: str
    game_version: str
    end_day: int
    end_reason: str
    student: Student
    verified: bool
    note: str
    score: dict[str, Any]
    source: str


class ClassDB:
    """An open class database. Use as a context manager; :meth:`transaction` for every change."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(_("cannot open the class database {file} ({reason})").format(
                file=self.path, reason=exc), _("check the path, or give another with --db")) from exc
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = FULL")
            self._check_schema()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise DatabaseError(_("{file} is not a class database Mine Risk can read ({reason})").format(
                file=self.path, reason=exc),
                _("give another file with --db; keep this one for whoever made it")) from exc

    def __enter__(self) -> "ClassDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _check_schema(self) -> None:
        with self.transaction():
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" in tables:
                row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                version = int(row[0]) if row and str(row[0]).isdigit() else 0
                if version > SCHEMA_VERSION:
                    raise DatabaseError(_("the class database {file} was made by a newer version of Mine Risk "
                                          "(schema {version}; this game knows {known})").format(
                        file=self.path, version=version, known=SCHEMA_VERSION), _("update Mine Risk on this computer"))
                if version < 1:
                    raise sqlite3.DatabaseError("no schema version")
            elif tables:
                raise sqlite3.DatabaseError("it holds tables of another program")
            for statement in SCHEMA.split(";\n"):
                if statement.strip():
                    self.conn.execute(statement)
            self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing change: committed when the block ends, rolled back if it raises."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---------------------------------------------------------------- changes (inside a transaction)

    def student_id(self, student: Student) -> int:
        key = student_key(student.name, student.class_code)
        row = self.conn.execute("SELECT id FROM students WHERE key = ?", (key,)).fetchone()
        if row:
            return int(row[0])
        return int(self.conn.execute("INSERT INTO students (key, name, class_code) VALUES (?, ?, ?)",
                                     (key, student.name, student.class_code)).lastrowid)

    def begin_import(self, time: str) -> int:
        return int(self.conn.execute("INSERT INTO imports (time, files, runs_added, checkins_added, refused) "
                                     "VALUES (?, 0, 0, 0, 0)", (time,)).lastrowid)

    def finish_import(self, import_id: int, files: int, runs: int, checkins: int, refused: int) -> None:
        self.conn.execute("UPDATE imports SET files = ?, runs_added = ?, checkins_added = ?, refused = ? WHERE id = ?",
                          (files, runs, checkins, refused, import_id))

    def add_run(self, run: NewRun, import_id: int) -> bool:
        """Store a run (False if its run id is stored already: nothing changes)."""
        score = run.score
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO runs (run_id, student_id, level_id, level_sha256, seed, created, game_version, "
            "end_day, end_reason, grade, total, best_possible, verified, note, score, record, source, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run.run_id, self.student_id(run.student), run.level_id, run.level_sha256, run.seed, run.created,
             run.game_version, run.end_day, run.end_reason, str(score.get("grade", "?")), _float(score.get("total")),
             _float(score.get("best_possible")), int(run.verified), run.note, json.dumps(score, sort_keys=True),
             run.record_json, run.source, import_id))
        return cur.rowcount == 1

    def upgrade_run(self, run: NewRun, import_id: int) -> bool:
        """Replace a stored run that was not verified by the same run now verified (True if it did)."""
        score = run.score
        cur = self.conn.execute(
            "UPDATE runs SET verified = 1, note = ?, score = ?, grade = ?, total = ?, best_possible = ?, "
            "import_id = ? WHERE run_id = ? AND verified = 0",
            (run.note, json.dumps(score, sort_keys=True), str(score.get("grade", "?")), _float(score.get("total")),
             _float(score.get("best_possible")), import_id, run.run_id))
        return cur.rowcount == 1

    def add_checkin(self, student: Student, attempt: Attempt, source: str, import_id: int) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO checkins (student_id, stage, taken, quiz, answers, source, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.student_id(student), attempt.stage, attempt.taken, attempt.quiz,
             json.dumps(attempt.to_json()["answers"]), source, import_id))
        return cur.rowcount == 1

    def has_checkin(self, student: Student, attempt: Attempt) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM checkins c JOIN students s ON s.id = c.student_id WHERE s.key = ? AND c.stage = ? "
            "AND c.taken = ?", (student.key, attempt.stage, attempt.taken)).fetchone() is not None

    def remove(self, class_code: str, name: str | None = None) -> tuple[int, int, int]:
        """Remove a student (or, without ``name``, every student of a class) with all their runs and
        attempts; returns (students, runs, attempts) removed."""
        ids = [s_id for s_id, s in self.students() if student_key(s.name if name is None else name, class_code)
               == student_key(s.name, s.class_code)]
        runs = attempts = 0
        for s_id in ids:
            runs += self.conn.execute("DELETE FROM runs WHERE student_id = ?", (s_id,)).rowcount
            attempts += self.conn.execute("DELETE FROM checkins WHERE student_id = ?", (s_id,)).rowcount
            self.conn.execute("DELETE FROM students WHERE id = ?", (s_id,))
        return len(ids), runs, attempts

    # ---------------------------------------------------------------- reading

    def students(self) -> list[tuple[int, Student]]:
        return [(int(r[0]), Student(r[1], r[2])) for r in
                self.conn.execute("SELECT id, name, class_code FROM students ORDER BY class_code, name COLLATE NOCASE")]

    def run_owner(self, run_id: str) -> tuple[Student, bool] | None:
        """Who a stored run belongs to and whether it is verified (None if it is not stored)."""
        row = self.conn.execute("SELECT s.name, s.class_code, r.verified FROM runs r JOIN students s "
                                "ON s.id = r.student_id WHERE r.run_id = ?", (run_id,)).fetchone()
        return (Student(row[0], row[1]), bool(row[2])) if row else None

    def set_level_title(self, level_id: str, title: str) -> None:
        """Keep the title of a level the import found (the report names levels by title, never by id)."""
        self.conn.execute("INSERT OR REPLACE INTO level_titles (level_id, title) VALUES (?, ?)", (level_id, title))

    def level_titles(self) -> dict[str, str]:
        """The titles of the levels imports found, by id."""
        return dict(self.conn.execute("SELECT level_id, title FROM level_titles"))

    def played_levels(self) -> set[str]:
        """The ids of the levels of every stored run."""
        return {r[0] for r in self.conn.execute("SELECT DISTINCT level_id FROM runs")}

    def run_record(self, run_id: str) -> tuple[str, str]:
        """The run record of a stored run as it was handed in, and the file it came from (("", "") if it is
        not stored)."""
        row = self.conn.execute("SELECT record, source FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def runs(self, class_code: str | None = None) -> list[StoredRun]:
        sql = ("SELECT r.run_id, s.name, s.class_code, r.level_id, r.created, r.grade, r.total, r.best_possible, "
               "r.verified, r.note, r.score, r.source, r.end_reason FROM runs r JOIN students s "
               "ON s.id = r.student_id")
        out = []
        for r in self.conn.execute(sql + " ORDER BY r.created, r.run_id"):
            if not _in_class(r[2], class_code):
                continue
            try:
                score = json.loads(r[10])
            except ValueError:
                score = {}
            out.append(StoredRun(r[0], Student(r[1], r[2]), r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9],
                                 score if isinstance(score, dict) else {}, r[11], r[12]))
        return out

    def checkins(self, class_code: str | None = None) -> list[StoredCheckin]:
        sql = ("SELECT s.name, s.class_code, c.stage, c.taken, c.quiz, c.answers FROM checkins c JOIN students s "
               "ON s.id = c.student_id")
        out = []
        for r in self.conn.execute(sql + " ORDER BY c.taken, c.id"):
            if not _in_class(r[1], class_code):
                continue
            try:
                answers = {a["question"]: a["answer"] for a in json.loads(r[5])}
            except (ValueError, TypeError, KeyError):
                answers = {}
            out.append(StoredCheckin(Student(r[0], r[1]), Attempt(r[2], r[3], r[4], answers)))
        return out

    def counts(self) -> dict[str, int]:
        """How many students, runs (verified or not) and attempts are stored: what `class list` sums up."""
        one = self.conn.execute
        return {"students": one("SELECT COUNT(*) FROM students").fetchone()[0],
                "runs": one("SELECT COUNT(*) FROM runs").fetchone()[0],
                "verified": one("SELECT COUNT(*) FROM runs WHERE verified = 1").fetchone()[0],
                "checkins": one("SELECT COUNT(*) FROM checkins").fetchone()[0],
                "imports": one("SELECT COUNT(*) FROM imports").fetchone()[0]}


def _in_class(stored_code: str, class_code: str | None) -> bool:
    """Whether a stored class code is ``class_code`` as a teacher types it (any class when None)."""
    return class_code is None or student_key("", stored_code) == student_key("", class_code)


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
