"""The saved game: the run record of the level being played, without an end (game/run/record.py).

Resuming finds the level by the record's id (never by a path) and replays
its commands (game.run.session.Session.resume). Files are written
atomically (see :mod:`game.atomic`); a save is removed only by the run it
belongs to.
"""

from __future__ import annotations

from pathlib import Path

from game.atomic import write_atomic
from game.run.record import RunRecord, read_record
from game.store.folders import data_dir


def save_path() -> Path:
    return data_dir() / "saved_game.json"


def write_save(record: RunRecord, path: Path | None = None) -> None:
    """Write atomically; raises OSError (the old save stays) if the disk refuses."""
    write_atomic(path or save_path(), record.to_json())


def read_save(path: Path | None = None) -> RunRecord | None:
    """The saved game, or None when there is none that can be read."""
    target = path or save_path()
    if not target.exists():
        return None
    record, problems = read_record(target)
    return None if problems or record is None or record.finished else record


def delete_save(run_id: str, path: Path | None = None) -> None:
    """Remove the saved game if it belongs to the run ``run_id`` (a save of another run stays)."""
    target = path or save_path()
    saved = read_save(target)
    if saved is None or saved.run_id != run_id:
        return
    try:
        target.unlink()
    except OSError:
        pass
