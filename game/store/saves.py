"""Saved games: one slot per level id (``saves/level-<id>.json`` in the data folder).

A saved game is the run record of a level being played, without an end
(game/run/record.py, docs/run-record.md): resuming finds the level by the
record's id and replays its commands. Each slot holds the record of the last
run of that level that was saved; finishing a level removes its slot only
when the slot holds the record of that very run (:func:`delete_save` compares
the ``run_id``), so finishing one level never removes the saved game of
another, nor a newer save of the same level made in another window.

A slot file this version cannot use is set aside and the player told (see
game/store/slots.py). The single ``saved_game.json`` of earlier versions is
moved into its level's slot by :func:`migrate_legacy_save`, or set aside if it
is in a format this version cannot continue.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from game.run.record import VERSION, RunRecord, parse_record
from game.store import notice_board as notices
from game.store.folders import data_dir
from game.store.jsonfile import JsonRead
from game.store.reasons import plain_reason
from game.store.slots import (SAVED, Loaded, SaveResult, Slot, Words, load_slot, remove_slot, save_slot,
                              set_aside)
from game.text import _

LEGACY_NAME = "saved_game.json"
SAVES_FOLDER = "saves"
MAX_SLOTS = 500  # the saves folder is never listed further than this
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _accept(read: JsonRead) -> RunRecord | None:
    """The saved game in what was read: a run record without an end, or None."""
    if not isinstance(read.data, dict) or read.text is None:
        return None
    record, problems = parse_record(read.text, "")
    return record if record is not None and not problems and not record.finished else None


def _save_words() -> Words:
    return Words(
        _("A saved game could not be read ({problem}). It was kept, unchanged, as {file} in the game's data "
          "folder; the other saved games are not affected."),
        _("A saved game was made by a newer version of Mine Risk. It was kept as {file} in the game's data "
          "folder; the other saved games are not affected."),
        _("A saved game could not be read ({problem}) and could not be moved aside ({reason}). Mine Risk "
          "will not write over it."))


def _slot_at(path: Path) -> Slot:
    return Slot(path, "save", "version", VERSION, _accept, _save_words())


def saves_dir() -> Path:
    return data_dir() / SAVES_FOLDER


def slot_name(level_id: str) -> str:
    """The file name of a level's slot (a hash for an id that is not a plain level id)."""
    if _SAFE_ID.fullmatch(level_id):
        return f"level-{level_id}.json"
    return f"level-x{hashlib.sha256(level_id.encode('utf-8', 'replace')).hexdigest()[:24]}.json"


def save_path(level_id: str) -> Path:
    return saves_dir() / slot_name(level_id)


def write_save(record: RunRecord) -> SaveResult:
    """Write the record into its level's slot (atomically, under the folder's lock); says why if it failed."""
    return save_slot(_slot_at(save_path(record.level_id)), lambda _disk: record.to_json())


def read_save(level_id: str) -> RunRecord | None:
    """The saved game of one level, or None (a slot that cannot be used is set aside)."""
    return load_slot(_slot_at(save_path(level_id))).document


def delete_save(level_id: str, run_id: str) -> bool:
    """Remove the level's saved game if it belongs to the run ``run_id``; True if it did."""
    return remove_slot(_slot_at(save_path(level_id)), lambda record: record.run_id == run_id)


def _saves_folder_usable() -> bool:
    """Whether the saves folder is a real folder (or absent); something else in its place is set aside."""
    folder = saves_dir()
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISDIR(st.st_mode):
        return True
    words = Words(_("The saved games folder could not be used ({problem}). It was kept as {file} in the game's "
                    "data folder; new saved games go to a new folder."), "", "")
    try:
        set_aside(Slot(folder, "save", "version", VERSION, _accept, words), Loaded("unreadable"),
                  _("it is not a folder"), f"{folder}:1:1: not a folder")
    except OSError as exc:
        notices.tell(_("The saved games folder is not a folder and could not be moved aside ({reason}); "
                       "games cannot be saved.").format(reason=plain_reason(exc)))
        return False
    return True


def all_saves() -> list[RunRecord]:
    """Every usable saved game, the most recently written first."""
    migrate_legacy_save()
    if not _saves_folder_usable():
        return []
    try:
        with os.scandir(saves_dir()) as it:
            names = []
            for entry in it:
                if entry.name.startswith("level-") and entry.name.endswith(".json"):
                    names.append(entry.name)
                if len(names) >= MAX_SLOTS:
                    break
    except OSError:
        return []
    found = []
    for name in names:
        path = saves_dir() / name
        record = load_slot(_slot_at(path)).document
        if record is None or save_path(record.level_id) != path:
            continue  # set aside, or a file whose name does not match its level
        try:
            when = os.lstat(path).st_mtime_ns
        except OSError:
            continue
        found.append((when, name, record))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [record for _when, _name, record in found]


def latest_save() -> RunRecord | None:
    """The most recently written saved game (what the menu's Continue resumes), or None."""
    saves = all_saves()
    return saves[0] if saves else None


def migrate_legacy_save() -> SaveResult:
    """Move the single ``saved_game.json`` of earlier versions into its level's slot (once).

    A file in the format of the first releases (which named its level by a
    path and kept no outcomes) cannot be continued: it is set aside, and the
    player told.
    """
    legacy = Slot(data_dir() / LEGACY_NAME, "save", "version", VERSION, _accept, Words(
        _("Your saved game from an earlier version of Mine Risk cannot be continued ({problem}). It was kept, "
          "unchanged, as {file} in the game's data folder."),
        _("Your saved game was made by a newer version of Mine Risk. It was kept as {file} in the game's data "
          "folder."),
        _("Your saved game from an earlier version of Mine Risk could not be read ({problem}) and could not be "
          "moved aside ({reason}).")))
    if not os.path.lexists(legacy.path):
        return SAVED
    record = load_slot(legacy).document
    if record is None:
        return SAVED  # set aside (and told) by load_slot
    if os.path.lexists(save_path(record.level_id)):
        return SAVED  # the level has a slot already: the old file stays as it is
    result = write_save(record)
    if result:
        try:
            os.unlink(legacy.path)
        except OSError:
            pass  # both copies are good; the slot is what is read
    return result
