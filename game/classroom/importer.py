"""The teacher's import: read hand-in files, verify every run by re-simulation, store them in one transaction.

:func:`import_results` takes files and folders (a whole USB stick: in a
folder only files that look like Mine Risk results are read, hidden files
and other programs' files are passed over), reads each strictly
(:func:`game.classroom.handin.read_results_file`), verifies every new run
with :func:`game.run.verify.verify` in parallel processes (the level found
by id in the bundled campaign, My levels and ``--levels`` folders, never by a
path from a file), and stores what holds in one transaction. A run is
refused with its file, the reason and what to do when the file cannot be
read, was edited (commands, outcomes, result, score), is a saved game, was
played on another version of a level, or was already handed in by another
student; everything else is still imported. A run whose level is not
installed here is stored as *not verified* (the report marks it) and is
verified when it is imported again with the level at hand. A run whose level
changed since (a trainer's new wording) is verified by replaying it on the
level as it is now: kept as verified, with a note, when every outcome, the
score card and the event log come out the same. A run played by a scripted
player (a demonstration) is refused: it is not the student's work. Nothing
is dropped without a word: every file passed over in a folder is named, a
file named like a hand-in is always read (an empty one is refused by name),
and a second copy of a stored run with other content is a conflict.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import stat
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from game.classroom.database import ClassDB, NewRun
from game.classroom.handin import FORMAT as HANDIN_FORMAT
from game.classroom.handin import read_results_file
from game.classroom.student import Student
from game.level.errors import Problem
from game.run.record import FORMAT as RUN_FORMAT
from game.run.record import NEWER_HINT, RunRecord
from game.store.jsonfile import CUT_SHORT
from game.text import N_, _, language
from game.text.formats import number

MAX_FILES = 20_000
PEEK_BYTES = 4096
#: A hand-in file's name as the game writes it (handin.file_name): always read, even empty or damaged.
HANDIN_NAME = re.compile(r"minerisk-.*\.json", re.IGNORECASE)
#: Endings of files in a folder that are looked into although they do not end in .json (a hand-in renamed
#: by hand, or saved by a text editor): named when they hold Mine Risk results, never imported by themselves.
OTHER_NAMES = (".txt", ".json.txt", ".jsn", ".json~")
#: The note a verified run gets when its level changed since it was played but it replays the same.
LEVEL_CHANGED_NOTE = N_("the level file changed since; the run replays the same")

#: What the teacher can do about a refused run, by verify status.
TEACHER_HINTS = {
    "unreadable": N_("ask the student to hand in again from the game (Hand in results, or `minerisk results export "
                     "DIR --all`)"),
    "level_differs": N_("this run was played on another version of the level: import it on a computer with that "
                        "version, or ask the student to play the level again"),
    "commands_edited": N_("the file was changed after the game wrote it: ask the student to play the level again "
                          "and hand in the file the game writes"),
    "outcome_differs": N_("the file was changed after the game wrote it, or comes from another version of the game: "
                          "ask the student to play the level again"),
    "result_differs": N_("the result in the file is not the one the game gives: ask the student to play the level "
                         "again and hand in the file the game writes"),
    "player_differs": N_("the file names a scripted player that did not play it: ask the student to play the level "
                         "again"),
    "not_finished": N_("this is a saved game, not a result: the student finishes the level, then hands in"),
    "error": N_("this is a fault of Mine Risk: please report it with the file"),
    "scripted": N_("a scripted player played this run (a demonstration: `minerisk play --autoplay`), not the "
                   "student: ask the student to play the level themselves and hand in again"),
    "conflict": N_("one of the two copies was changed after the game wrote it: the copy stored first is kept; ask "
                   "the student to hand in again from the game"),
}
#: What went wrong, in the teacher's language, by verify status (the check's own details follow in brackets).
REFUSED_BECAUSE = {
    "level_differs": N_("played on another version of the level"),
    "commands_edited": N_("the orders in the file were edited"),
    "outcome_differs": N_("the orders do not play out as the file says"),
    "result_differs": N_("the result in the file was edited"),
    "player_differs": N_("the file names a scripted player that did not play it"),
    "not_finished": N_("a saved game, not a finished level"),
}


def hint(status: str) -> str:
    """What the teacher can do about a run refused with this verify status, in the language in use."""
    return _(TEACHER_HINTS.get(status, TEACHER_HINTS["error"]))


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file, or one run or attempt of it, that was not imported (or not verified): where, what, why, and
    what to do. Formatted ``FILE:LINE:COL: run 2 (level first_steps): reason; what to do``."""

    file: str
    line: int
    col: int
    what: str  # "" for the whole file, else e.g. "run 3 (level first_steps)"
    reason: str
    hint: str

    @classmethod
    def of_problem(cls, problem: Problem, what: str, hint: str) -> "Refusal":
        reason = problem.message + (f" ({problem.hint})" if problem.hint else "")
        return cls(problem.file, problem.line, problem.col, what, reason, hint)

    def format(self) -> str:
        what = f"{self.what}: " if self.what else ""
        return f"{self.file}:{self.line}:{self.col}: {what}{self.reason}" + (f"; {self.hint}" if self.hint else "")


@dataclass
class ImportReport:
    files: int = 0  # files read
    passed_over: list[tuple[str, str]] = field(default_factory=list)  # (file, why) in folders, not read
    runs_added: int = 0
    runs_verified_now: int = 0  # stored before without verification, verified by this import
    runs_known: int = 0  # already in the database (nothing added)
    checkins_added: int = 0
    unverified: list[Refusal] = field(default_factory=list)  # stored, but not verified (level not installed)
    level_changed: list[Refusal] = field(default_factory=list)  # verified on a changed level: replays the same
    refused: list[Refusal] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """How many files in folders were passed over (each is named in ``passed_over``)."""
        return len(self.passed_over)

    @property
    def exit_code(self) -> int:
        """0: everything imported; 1: something was refused (the rest is imported)."""
        return 1 if self.refused else 0


def find_files(paths: Iterable[Path], report: ImportReport) -> list[Path]:
    """The files to read: each file named, and the Mine Risk results files inside each folder named."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        try:
            if path.is_dir():
                out += _results_in(path, report)
            elif path.exists():
                out.append(path)
            else:
                report.refused.append(Refusal(str(path), 1, 1, "", _("no such file or folder"), _("check the path")))
        except OSError as exc:
            report.refused.append(Refusal(str(path), 1, 1, "", _("cannot be read ({reason})").format(
                reason=exc.strerror or exc), _("check the path and the permissions")))
        if len(out) > MAX_FILES:
            report.refused.append(Refusal(str(path), 1, 1, "", _("more than {n} files to read").format(
                n=number(MAX_FILES)), _("import the class's folder, not a whole disk")))
            return out[:MAX_FILES]
    seen, unique = set(), []
    for p in out:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _results_in(folder: Path, report: ImportReport) -> list[Path]:
    out = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if not name.lower().endswith(".json"):
                if name.lower().endswith(OTHER_NAMES) and _why_not_results(path) == "":
                    report.passed_over.append((str(path), _("Mine Risk results in a file not ending in .json: "
                                                            "name it on the command line to import it")))
                continue
            why = _why_not_results(path)
            if why:
                report.passed_over.append((str(path), why))
            else:
                out.append(path)
            if len(out) > MAX_FILES:
                return out
    return out


def _why_not_results(path: Path) -> str:
    """Why a file in a folder is passed over ("" if it is read): a link (never followed), not a plain file
    (a pipe, a device: never waited on), or a file whose start names no Mine Risk format and whose name is
    not a hand-in's. A file named like a hand-in is read whatever it holds, so an empty or damaged hand-in
    is refused by name rather than passed over."""
    try:
        if path.is_symlink():
            return _("a link (links are not followed: name the file itself)")
    except OSError:
        pass
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return _("cannot be opened ({reason})").format(reason=exc.strerror or exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _("not a plain file")
        if HANDIN_NAME.fullmatch(path.name):
            return ""
        if info.st_size == 0:
            return _("empty")
        head = os.read(fd, PEEK_BYTES)
    except OSError as exc:
        return _("cannot be read ({reason})").format(reason=exc.strerror or exc)
    finally:
        os.close(fd)
    return "" if HANDIN_FORMAT.encode() in head or RUN_FORMAT.encode() in head else _("not Mine Risk results")


def student_of_file_name(path: str) -> str:
    """The student a hand-in file is named after (``MineRisk-7B-Chen-Li-2026-12-01-1430.json``: "Chen Li"),
    or "" when the name is not a hand-in's as the game writes it: to say whom to ask when the file itself
    cannot be read."""
    stem = Path(path).name.rsplit(".", 1)[0].split("~")[0]
    parts = stem.split("-")
    if len(parts) < 3 or parts[0].lower() != "minerisk":
        return ""
    if len(parts) < 7 or not all(p.isdigit() for p in parts[-4:]):
        return ""  # renamed by hand: the words after the class may not be a name
    return " ".join(parts[2:-4])


# ------------------------------------------------------------------ verification (in worker processes)


def _speak(words: str) -> None:
    """Start a worker process in the teacher's language ``words`` (one started afresh, as on Windows and
    macOS, would otherwise word its verdicts in English)."""
    from game import text

    if words != text.language():
        text.set_language(words)


def _verify_one(record_json: str, level_path: str | None, level_folders: tuple[str, ...]
                ) -> tuple[str, str, str, dict | None, bool]:
    """(status, message, hint, re-simulated score card, replays the same although the level changed) of one
    run on the level file the import found for its id (None: verify looks it up, and says it is missing);
    never raises. The message and hint are worded in the language in use (see :func:`_speak`)."""
    try:
        from game.run.record import parse_record
        from game.run.verify import verify

        record, problems = parse_record(record_json, "run")
        if record is None:
            return "unreadable", problems[0].message, problems[0].hint, None, False
        if level_path is None:
            verdict = verify(record, level_folders=[Path(p) for p in level_folders])
        else:
            verdict = verify(record, level_path=Path(level_path))
        card = json.loads(json.dumps(verdict.card.to_dict())) if verdict.card is not None else None
        return verdict.status, verdict.message, verdict.hint, card, verdict.replays
    except Exception as exc:  # a fault of the game must not stop the import of the other runs
        return "error", _("the check failed ({error})").format(error=f"{type(exc).__name__}: {exc}"), "", None, False


def _verify_all(jobs: list[tuple[str, str | None, tuple[str, ...]]], workers: int,
                progress: Callable[[int, int], None] | None) -> list[tuple[str, str, str, dict | None, bool]]:
    results: list = [None] * len(jobs)
    if progress:
        progress(0, len(jobs))
    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs):
            results[i] = _verify_one(*job)
            if progress:
                progress(i + 1, len(jobs))
        return results
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_speak,
                             initargs=(language(),)) as pool:
        futures = {pool.submit(_verify_one, *job): i for i, job in enumerate(jobs)}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(jobs))
    return results


# ------------------------------------------------------------------ the import


@dataclass
class _Candidate:
    source: str
    line: int
    what: str
    record: RunRecord
    student: Student
    verify: bool = True
    conflict: str = ""  # another copy of this run with other content was read before, from this file


def import_results(paths: Iterable[Path], db: ClassDB, level_folders: Iterable[Path] = (),
                   workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Import every results file under ``paths`` into ``db``; see the module docstring."""
    report = ImportReport()
    files = find_files(paths, report)
    level_folders = tuple(str(Path(p)) for p in level_folders)
    candidates: list[_Candidate] = []
    checkins = []
    batch: dict[str, _Candidate] = {}
    for path in files:
        read = read_results_file(path)
        report.files += 1
        if not read.ok:
            report.refused += [_file_refusal(p, str(path)) for p in read.problems[:1]]
            continue
        for piece in read.pieces:
            if piece.kind != "run":
                what = _("check-in quiz {n}").format(n=piece.index + 1)
            elif piece.record:
                what = _("run {n} (level {level})").format(n=piece.index + 1, level=piece.record.level_id)
            else:
                what = _("run {n}").format(n=piece.index + 1)
            if piece.problems:
                report.refused.append(_file_refusal(piece.problems[0], str(path), what))
            elif piece.kind == "checkin":
                if db.has_checkin(read.student, piece.attempt):
                    continue
                checkins.append((read.student, piece.attempt, str(path)))
            elif piece.record.policy:
                report.refused.append(Refusal(str(path), piece.line, 1, what, _(
                    "played by the scripted player `{player}`, not by {student}").format(
                    player=piece.record.policy, student=read.student.name), hint("scripted")))
            else:
                candidate = _Candidate(str(path), piece.line, what, piece.record, read.student)
                if _known(candidate, db, batch, report):
                    continue
                batch.setdefault(piece.record.run_id, candidate)  # the first copy read is the one compared with
                candidates.append(candidate)
    paths: dict[str, str | None] = {}  # each level looked up once, by id, in the game's folders and --levels
    titles: dict[str, str] = {}
    for c in candidates:
        if c.record.level_id not in paths:
            found = _find_level(c.record.level_id, [Path(p) for p in level_folders])
            paths[c.record.level_id] = str(found.path) if found is not None else None
            if found is not None:
                titles[c.record.level_id] = found.title
    verdicts = _verify_all([(c.record.to_json(), paths[c.record.level_id], level_folders) for c in candidates],
                           workers or os.cpu_count() or 1, progress)
    new_runs: list[tuple[NewRun, bool]] = []
    kept: set[str] = set()  # run ids stored by this import
    for candidate, (status, message, check_hint, card, replays) in zip(candidates, verdicts):
        record = candidate.record
        if candidate.conflict and (record.run_id in kept or status not in ("ok", "level_differs", "level_missing")):
            holds = status == "ok" or (status == "level_differs" and replays)
            own = (_("this copy replays to its result too") if holds else
                   _("this copy does not hold: {reason}").format(reason=message))
            report.refused.append(Refusal(candidate.source, candidate.line, 1, candidate.what, _(
                "a conflict: another copy of this run (the same run id) with other content is in {file}; "
                "{this_copy}").format(file=candidate.conflict, this_copy=own), hint("conflict")))
            continue
        if status == "level_differs" and replays:
            status, note = "ok", LEVEL_CHANGED_NOTE
            report.level_changed.append(Refusal(candidate.source, candidate.line, 1, candidate.what, message,
                                                _("stored as verified")))
        else:
            note = ""
        if status == "ok" or status == "level_missing":
            verified = status == "ok"
            note = note if verified else f"{message}; {check_hint}" if check_hint else message
            if not verified:
                report.unverified.append(Refusal(candidate.source, candidate.line, 1, candidate.what, message,
                                                 _("stored as not verified; import again with --levels FOLDER "
                                                   "holding the level to verify it")))
            score = card if verified else (record.end.score if record.end else {})
            kept.add(record.run_id)
            new_runs.append((NewRun(record.to_json(), record.run_id, record.level_id, record.level_sha256,
                                    record.seed, record.created, record.game_version, record.end.day,
                                    record.end.reason, candidate.student, verified, note, score, candidate.source),
                             not candidate.verify))
        else:
            detail = message + (f" ({check_hint})" if check_hint else "")
            because = _(REFUSED_BECAUSE[status]) if status in REFUSED_BECAUSE else ""
            report.refused.append(Refusal(candidate.source, candidate.line, 1, candidate.what, _(
                "{reason} ({detail})").format(reason=because, detail=detail) if because else detail, hint(status)))
    report.runs_known += sum(1 for run, was_stored in new_runs if was_stored and not run.verified)
    _store(db, [(run, was_stored) for run, was_stored in new_runs if run.verified or not was_stored], checkins,
           report, titles)
    return report


def _find_level(level_id: str, extra: list[Path]):
    """The level's file and title (:class:`game.level.campaign.LevelInfo`) by id in the game's level folders
    and ``extra``, as :func:`game.run.levels.find_level` looks it up; None if there is none."""
    from game.level.campaign import list_levels
    from game.run.levels import level_folders

    for folder in level_folders(extra):
        try:
            if folder.is_dir():
                found = next((info for info in list_levels(folder) if info.id == level_id), None)
                if found is not None:
                    return found
        except OSError:
            continue
    return None


def _known(candidate: _Candidate, db: ClassDB, batch: dict[str, _Candidate], report: ImportReport) -> bool:
    """True if the run is stored already or earlier in this import (counted or refused here)."""
    run_id = candidate.record.run_id
    stored = db.run_owner(run_id)
    owner, verified = stored if stored else (batch[run_id].student, True) if run_id in batch else (None, False)
    if owner is None:
        return False
    if owner.key != candidate.student.key:
        report.refused.append(Refusal(candidate.source, candidate.line, 1, candidate.what,
                                      _("this run was already handed in by {student} ({code})").format(
                                          student=owner.name, code=owner.class_code),
                                      _("two students handed in the same run: ask them which of them played it")))
        return True
    if stored:
        first, source = db.run_record(run_id)
        if first != candidate.record.to_json():
            report.refused.append(Refusal(candidate.source, candidate.line, 1, candidate.what, _(
                "a conflict: another copy of this run (the same run id) with other content is already in the "
                "class database (from {file}{grades})").format(file=source, grades=_grades(first, candidate.record)),
                hint("conflict")))
            return True
    elif batch[run_id].record.to_json() != candidate.record.to_json():
        candidate.conflict = batch[run_id].source  # verified too: the copy that replays is kept
        return False
    if stored and not verified:
        candidate.verify = False  # stored unverified: verify again, and upgrade it if it holds now
        return False
    report.runs_known += 1
    return True


def _grades(first_json: str, second: RunRecord) -> str:
    """"; grade F there, A in this copy" when the two copies claim other grades (the likeliest edit)."""
    try:
        was = json.loads(first_json)["end"]["score"]["grade"]
    except (ValueError, KeyError, TypeError):
        return ""
    now = second.end.score.get("grade") if second.end else None
    return _("; grade {there} there, {here} in this copy").format(there=was, here=now) if was != now else ""


def _file_refusal(problem: Problem, path: str, what: str = "") -> Refusal:
    """A file (or one run of it: ``what``) refused, with what the teacher can do: update Mine Risk for a newer
    version's file, copy a cut-short file again, ask the student named in the file's name to hand in again
    for the rest."""
    who = student_of_file_name(path)
    if "update Mine Risk" in problem.hint or problem.hint in (_("update Mine Risk on this computer to read it"),
                                                                _(NEWER_HINT)):
        return Refusal(problem.file, problem.line, problem.col, what, problem.message,
                       _("update Mine Risk on this computer to read it"))  # a newer version wrote it
    if problem.message in ("the file is empty", _("the file is empty")):
        return Refusal(problem.file, problem.line, problem.col, "", _("empty"), _(
            "ask {student} to hand in again from the game (Hand in results)").format(student=who) if who else _(
            "ask the student to hand in again from the game (Hand in results)"))
    if problem.message == _(CUT_SHORT):
        return Refusal(problem.file, problem.line, problem.col, "", problem.message, _(
            "copy it again from the student's computer, or ask {student} to hand in again").format(student=who)
            if who else _("copy it again from the student's computer, or ask the student to hand in again"))
    if who:
        return Refusal.of_problem(problem, what, _("ask {student} to hand in again from the game (Hand in results, "
                                                   "or `minerisk results export DIR --all`)").format(student=who))
    return Refusal.of_problem(problem, what, hint("unreadable"))


def _store(db: ClassDB, new_runs: list[tuple[NewRun, bool]], checkins: list, report: ImportReport,
           titles: dict[str, str]) -> None:
    """Everything new in one transaction: all of it is stored, or (killed, failed) none of it."""
    if not new_runs and not checkins:
        return
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    files = report.files
    with db.transaction():
        for level_id in sorted({run.level_id for run, _stored in new_runs if run.verified} & set(titles)):
            db.set_level_title(level_id, titles[level_id])
        import_id = db.begin_import(now)
        for run, was_stored in new_runs:
            if was_stored:
                if db.upgrade_run(run, import_id):
                    report.runs_verified_now += 1
                else:
                    report.runs_known += 1
            elif db.add_run(run, import_id):
                report.runs_added += 1
            else:
                report.runs_known += 1
        for student, attempt, source in checkins:
            report.checkins_added += db.add_checkin(student, attempt, source, import_id)
        db.finish_import(import_id, files, report.runs_added + report.runs_verified_now, report.checkins_added,
                         len(report.refused))
