"""The hand-in file: one file a student copies to the teacher's stick, with every run since the last hand-in.

Format ``minerisk-handin`` version 1 (docs/classroom.md): the student's name
and class code, the check-in quiz attempts (one a line), and the run records
exactly as the game writes them (:meth:`RunRecord.to_json`, one command a
line). It is read as strictly as a run record: a size cap, every key and type
checked, each run read by the run record's own reader, every problem given
as ``FILE:LINE:COL: message; hint`` with its place in the hand-in file, never
a traceback. A problem in the envelope refuses the whole file; a problem in
one run or one attempt refuses only that one (:class:`Piece`).

:func:`export` writes the file (atomically: a pulled stick leaves no half
file under the final name) and then notes what it carried in
``handed_in.json``, so the next hand-in carries only what is new.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game import __version__
from game.classroom.checkin import Attempt, attempt_from_json, attempts_of, load_attempts
from game.atomic import write_atomic
from game.classroom.results import kept_results
from game.classroom.student import MAX_CLASS_CODE, MAX_NAME, Student, clean, of_player
from game.level.errors import Problem
from game.run.record import FORMAT as RUN_FORMAT
from game.run.record import RunRecord, parse_record, position_of
from game.store.folders import data_dir
from game.store.jsonfile import LIMITS, JsonRead, parse_json_text, read_text_file
from game.store.reasons import plain_reason
from game.store.slots import Slot, Words, load_slot, save_slot
from game.text import N_, _

FORMAT = "minerisk-handin"
VERSION = 1
MAX_BYTES = LIMITS["class"]
MAX_RUNS = 2000
MAX_CHECKINS = 50
HINT = N_("a hand-in file is the file Mine Risk writes with \"Hand in results\" (docs/classroom.md); do not edit it")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_KEYS = ("format", "version", "game_version", "handin_id", "created", "student", "checkins", "runs")


@dataclass
class HandIn:
    """What a student hands in: who, the check-in attempts, the finished runs."""

    student: Student
    runs: list[RunRecord] = field(default_factory=list)
    checkins: list[Attempt] = field(default_factory=list)
    handin_id: str = field(default_factory=lambda: secrets.token_hex(16))
    created: str = ""
    game_version: str = __version__

    def to_json(self) -> str:
        """The file's text: the envelope, one attempt a line, then each run record as the game writes it."""
        head = {"format": FORMAT, "version": VERSION, "game_version": self.game_version, "handin_id": self.handin_id,
                "created": self.created, "student": self.student.player()}
        lines = [json.dumps(head, indent=1, ensure_ascii=False)[:-2] + ",", ' "checkins": [']
        lines += ["  " + json.dumps(a.to_json(), ensure_ascii=False) + ("," if i < len(self.checkins) - 1 else "")
                  for i, a in enumerate(self.checkins)]
        lines += [" ],", ' "runs": [']
        lines += [r.to_json().rstrip("\n") + ("," if i < len(self.runs) - 1 else "") for i, r in enumerate(self.runs)]
        lines += [" ]", "}"]
        return "\n".join(lines) + "\n"


@dataclass
class Piece:
    """One run or one check-in attempt of a file: what was read, or the problems that refuse it."""

    kind: str  # "run" or "checkin"
    index: int  # its place in the file's list (0-based)
    line: int  # its line in the file
    record: RunRecord | None = None
    attempt: Attempt | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class FileRead:
    """A results file read: the student and its pieces, or the problems that refuse the whole file."""

    path: str
    student: Student | None = None
    handin_id: str = ""
    pieces: list[Piece] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# ------------------------------------------------------------------ reading


def read_results_file(path: Path, shown: str | None = None) -> FileRead:
    """A hand-in file, or a single run record handed in as it is (its ``player`` then names the student)."""
    shown = shown if shown is not None else str(path)
    read = read_text_file(Path(path), MAX_BYTES)
    if read.problem is not None:
        return FileRead(shown, problems=[replace(read.problem, file=shown)])
    return parse_results(read.text, shown)


def parse_results(text: str, shown: str) -> FileRead:
    if not text.strip():
        return FileRead(shown, problems=[Problem(shown, 1, 1, _("the file is empty"), _(HINT))])
    parsed = parse_json_text(text, shown)
    if not parsed.ok:
        return FileRead(shown, problems=[parsed.problem])
    data = parsed.data
    if isinstance(data, dict) and data.get("format") == RUN_FORMAT:
        return _single_record(text, shown)
    return _Reader(text, shown).read(data)


def _single_record(text: str, shown: str) -> FileRead:
    record, problems = parse_record(text, shown)
    if record is None:
        return FileRead(shown, problems=problems)
    student = of_player(record.player)
    if student is None:
        return FileRead(shown, problems=[Problem(shown, *position_of(text, ("player",)), _(
            "this run record names no student (no `player` with a name and a class code)"), _(
            "ask the student to enter a name and class code in the game's settings and to hand in with "
            "\"Hand in results\""))])
    return FileRead(shown, student, pieces=[Piece("run", 0, 1, record=record)])


class _Reader:
    def __init__(self, text: str, shown: str):
        self.text, self.shown = text, shown
        self.problems: list[Problem] = []

    def add(self, where: tuple, message: str, hint: str = HINT) -> None:
        self.problems.append(Problem(self.shown, *position_of(self.text, where), message, _(hint)))

    def read(self, data: Any) -> FileRead:
        out = FileRead(self.shown)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            self.add(("format",) if isinstance(data, dict) and "format" in data else (),
                     _("not a Mine Risk hand-in file (no \"format\": \"{format}\")").format(format=FORMAT), HINT)
            out.problems = self.problems
            return out
        version = data.get("version")
        if not (isinstance(version, int) and not isinstance(version, bool) and version >= 1):
            self.add(("version",), _("`version` must be a whole number from 1"))
        elif version > VERSION:
            self.add(("version",), _("this hand-in was made by a newer version of Mine Risk (hand-in version "
                                     "{version}; this game reads version {known})").format(version=version,
                                                                                             known=VERSION),
                     N_("update Mine Risk on this computer to read it"))
        if self.problems:
            out.problems = self.problems
            return out
        for key in data:
            if key not in _KEYS:
                self.add((key,), _("unknown key `{key}`").format(key=key))
        for key in ("game_version", "created"):
            if not _short_text(data.get(key), 40):
                self.add((key,), _("`{key}` must be text of at most {n} characters").format(key=key, n=40))
        if not (isinstance(data.get("handin_id"), str) and _HEX32.fullmatch(data["handin_id"])):
            self.add(("handin_id",), _("`handin_id` must be 32 hexadecimal digits"))
        student = self.student(data.get("student"))
        for key in ("checkins", "runs"):
            if not isinstance(data.get(key), list):
                self.add((key,), _("`{key}` must be a list").format(key=key))
        if len(data.get("checkins") or ()) > MAX_CHECKINS:
            self.add(("checkins",), _("too many check-in attempts (at most {n})").format(n=MAX_CHECKINS))
        if len(data.get("runs") or ()) > MAX_RUNS:
            self.add(("runs",), _("too many runs (at most {n})").format(n=MAX_RUNS))
        if self.problems:
            out.problems = self.problems
            return out
        out.student, out.handin_id = student, data["handin_id"]
        for i, raw in enumerate(data["checkins"]):
            line = position_of(self.text, ("checkins", i))[0]
            attempt = attempt_from_json(raw)
            if attempt is None:
                out.pieces.append(Piece("checkin", i, line, problems=[Problem(
                    self.shown, line, position_of(self.text, ("checkins", i))[1],
                    _("check-in attempt {n} is not as the game writes it").format(n=i + 1), _(HINT))]))
            else:
                out.pieces.append(Piece("checkin", i, line, attempt=replace(attempt, player=student.player())))
        out.pieces += self.runs(student)
        return out

    def student(self, raw: Any) -> Student | None:
        if not isinstance(raw, dict) or set(raw) != {"name", "class_code"}:
            self.add(("student",), _("`student` must be an object with `name` and `class_code`, nothing else"))
            return None
        for key, limit in (("name", MAX_NAME), ("class_code", MAX_CLASS_CODE)):
            value = raw[key]
            if not (isinstance(value, str) and value and clean(value, limit) == value):
                self.add(("student", key), _("`student.{key}` must be text of 1 to {n} characters, as the game's "
                                             "settings keep it").format(key=key, n=limit))
        return Student(raw["name"], raw["class_code"]) if not self.problems else None

    def runs(self, student: Student) -> list[Piece]:
        """Each run read by the run record's reader, from its own text, with its problems placed in the file."""
        line, col = position_of(self.text, ("runs",))
        start = _index_of(self.text, line, col) + 1  # past the "["
        decoder = json.JSONDecoder()
        pieces = []
        i = 0
        while True:
            start = _skip_ws(self.text, start)
            if self.text[start] == "]":
                break
            _value, end = decoder.raw_decode(self.text, start)  # the file parsed as a whole: this cannot fail
            base_line, base_col = _line_col(self.text, start)
            record, problems = parse_record(self.text[start:end], self.shown)
            problems = [_moved(p, base_line, base_col) for p in problems]
            if record is not None:
                owner = of_player(record.player)
                if owner is not None and owner.key != student.key:
                    problems.append(Problem(self.shown, *_line_col(self.text, start), _(
                        "run {n} was played by {student} ({code}), not by the student of this hand-in").format(
                        n=i + 1, student=owner.name, code=owner.class_code), _("each student hands in their own file")))
                    record = None
                elif owner is None:
                    record = replace(record, player=student.player())
            pieces.append(Piece("run", i, base_line, record=None if problems else record, problems=problems))
            i += 1
            start = _skip_ws(self.text, end)
            if self.text[start] == ",":
                start += 1
        return pieces


def _short_text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit and not any(ord(ch) < 32 for ch in value)


def _moved(problem: Problem, base_line: int, base_col: int) -> Problem:
    """A problem found in a run's own text, placed in the hand-in file."""
    col = problem.col + base_col - 1 if problem.line == 1 else problem.col
    return replace(problem, line=problem.line + base_line - 1, col=col)


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _line_col(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _index_of(text: str, line: int, col: int) -> int:
    i = 0
    for _line in range(line - 1):
        i = text.index("\n", i) + 1
    return i + col - 1


# ------------------------------------------------------------------ writing


class HandInError(Exception):
    """A hand-in could not be written; ``message`` says why in plain words, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = "", nothing_new: bool = False):
        super().__init__(message)
        self.message, self.hint = message, hint
        self.nothing_new = nothing_new  # everything was handed in already: the way out is "everything again"


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    runs: int
    checkins: int


LEDGER_VERSION = 1


def _ledger_in(data: Any) -> dict[str, list[str]] | None:
    if not isinstance(data, dict) or data.get("version") != LEDGER_VERSION:
        return None
    out = {}
    for key in ("runs", "checkins"):
        values = data.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return None
        out[key] = values
    return out


def _accept_ledger(read: JsonRead) -> dict[str, list[str]] | None:
    return _ledger_in(read.data)


def ledger_slot() -> Slot:
    """``handed_in.json``: the run ids and check-in attempts already handed in from this computer."""
    return Slot(data_dir() / "handed_in.json", "progress", "version", LEDGER_VERSION, _accept_ledger, Words(
        _("The list of results already handed in could not be read ({problem}). It was kept as {file} in the "
          "game's data folder; the next hand-in carries every result again (the teacher's import adds none "
          "twice)."),
        _("The list of results already handed in was saved by a newer version of Mine Risk. It was kept as "
          "{file} in the game's data folder."),
        _("The list of results already handed in could not be read ({problem}) and could not be moved aside "
          "({reason}).")))


def _load_ledger() -> dict[str, list[str]]:
    return load_slot(ledger_slot()).document or {"runs": [], "checkins": []}


def pending(student: Student, everything: bool = False) -> HandIn:
    """What the next hand-in of ``student`` carries: their runs and attempts not handed in yet (all with
    ``everything``), and those made on this computer before any name was entered."""
    ledger = {key: set(values) for key, values in _load_ledger().items()}
    runs, _problems = kept_results()
    mine = []
    for record in runs:
        owner = of_player(record.player)
        if owner is not None and owner.key != student.key:
            continue
        if everything or record.run_id not in ledger["runs"]:
            mine.append(replace(record, player=student.player()))
    attempts = [replace(a, player=student.player()) for a in attempts_of(student, load_attempts())
                if everything or _attempt_key(student, a) not in ledger["checkins"]]
    return HandIn(student, mine, attempts)


def _attempt_key(student: Student, attempt: Attempt) -> str:
    return f"{student.key}|{attempt.key}"


def file_name(student: Student, when: _dt.datetime) -> str:
    """``MineRisk-7B-Amina-2026-12-01-1430.json``: letters and digits only, so any stick and system takes it."""
    def ascii_part(text: str, fallback: str) -> str:
        flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        flat = re.sub(r"[^A-Za-z0-9]+", "-", flat).strip("-")[:24]
        return flat or fallback

    return (f"MineRisk-{ascii_part(student.class_code, 'class')}-{ascii_part(student.name, 'student')}-"
            f"{when.strftime('%Y-%m-%d-%H%M')}.json")


def export(folder: Path, student: Student | None, everything: bool = False) -> Exported:
    """Write the student's hand-in file into ``folder`` and note what it carried. HandInError in plain
    words when there is no name yet, nothing new, or the folder cannot take the file."""
    if student is None:
        raise HandInError(_("no name and class code are entered yet"),
                          _("enter them in Settings (or `minerisk results student NAME CLASS`), then hand in"))
    handin = pending(student, everything)
    if not handin.runs and not handin.checkins:
        raise HandInError(_("there is nothing new to hand in: every finished level and check-in quiz was handed in "
                            "already"), _("finish a level first, or hand in everything again"), nothing_new=True)
    folder = Path(folder)
    if not folder.is_dir():
        raise HandInError(_("{folder} is not a folder").format(folder=folder),
                          _("choose a folder that exists, such as the USB stick"))
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    handin.created = now.isoformat()
    path = folder / file_name(student, now.astimezone())
    n = 2
    while path.exists():
        path = path.with_name(f"{path.stem.rsplit('~', 1)[0]}~{n}.json")
        n += 1
    try:
        write_atomic(path, handin.to_json())
    except OSError as exc:
        raise HandInError(_("the file could not be written to {folder} ({reason})").format(
            folder=folder, reason=plain_reason(exc)),
            _("check that the stick is plugged in, not full and not locked, and try again")) from exc

    def noted(on_disk: Any) -> dict:
        ledger = _ledger_in(on_disk) or {"runs": [], "checkins": []}
        return {"version": LEDGER_VERSION,
                "runs": sorted(set(ledger["runs"]) | {r.run_id for r in handin.runs}),
                "checkins": sorted(set(ledger["checkins"]) | {_attempt_key(student, a) for a in handin.checkins})}

    save_slot(ledger_slot(), noted)  # if it fails, the next hand-in carries these again: the import adds none twice
    return Exported(path, len(handin.runs), len(handin.checkins))
