"""Finished runs kept on the student's computer until they are handed in.

Every level a student finishes keeps its run record (with the student's name
and class code in ``player``, when entered; never a run a scripted player
played, ``minerisk play --autoplay``: that is a demonstration) as
``<data folder>/results/<run_id>.json``, written atomically. The hand-in
(:mod:`game.classroom.handin`) gathers them; they stay after a hand-in, so a
lost stick can be replaced (``minerisk results export DIR --all``).
"""

from __future__ import annotations

from pathlib import Path

from game.atomic import write_atomic
from game.level.errors import Problem
from game.run.record import RunRecord, parse_record
from game.store.folders import data_dir
from game.store.jsonfile import LIMITS, read_text_file
from game.store.slots import SAVED, SaveResult

#: Results kept at most; a computer shared by a class for years stays small (the newest are read).
MAX_KEPT = 5000


def results_dir() -> Path:
    return data_dir() / "results"


def keep_result(record: RunRecord) -> Path | None:
    """Keep a finished run for the next hand-in (None for a run that has not ended, or one a scripted player
    played: a demonstration is not the student's work). OSError if the disk refuses: the caller tells the
    student."""
    if not record.finished or record.policy:
        return None
    path = results_dir() / f"{record.run_id}.json"
    write_atomic(path, record.to_json())
    return path


def save_result(record: RunRecord) -> SaveResult:
    """:func:`keep_result` for the window: never raises; a failure carries its reason in words (the debrief
    says it and offers to retry)."""
    try:
        keep_result(record)
    except OSError as exc:
        return SaveResult.failed(exc)
    return SAVED


def kept_results() -> tuple[list[RunRecord], list[Problem]]:
    """Every kept result, oldest first, and the problems of files that cannot be read (they are left alone)."""
    folder = results_dir()
    try:
        paths = sorted((p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")),
                       key=_mtime)[-MAX_KEPT:]
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        return [], [Problem(str(folder), 1, 1, f"cannot read the folder ({exc.strerror or exc})")]
    records, problems = [], []
    for path in paths:
        read = read_text_file(path, LIMITS["record"], follow_symlinks=False)
        record, found = parse_record(read.text, str(path)) if read.problem is None else (None, [read.problem])
        if record is None:
            problems += found
        elif record.finished and not record.policy:  # a scripted player's run is never handed in
            records.append(record)
    records.sort(key=lambda r: r.created)
    return records, problems


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
