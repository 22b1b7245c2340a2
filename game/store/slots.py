"""A data slot: one of the player's files (the settings, the progress, one saved game),
read and written so that nothing is lost or silently downgraded.

Reading (:func:`load_slot`) tells a missing file from one that cannot be
used: unreadable, broken, not of the expected shape, or written by a newer
version. A file that cannot be used is *set aside* under a new name
(``NAME.corrupt`` or ``NAME.newer``; with a time stamp when that name is
taken), never deleted or written over, and the player is told once in plain
words (game/store/notices.py). If it cannot even be moved, the slot stays
blocked: the next save tries again and fails with a reason rather than write
over it.

Writing (:func:`save_slot`) happens under the data folder's one lock
(game/store/lock.py; the saved games in ``saves/`` share it): the file on disk is read again, set aside if it cannot
be kept, handed to the document's ``build`` (which merges, e.g. keeps the
best grades of both), and the result is written with the careful writer
(game/atomic.py). The answer is a :class:`SaveResult` that says why a save
failed, in words.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from game.atomic import write_atomic
from game.text import _
from game.store import notice_board as notices
from game.store.folders import data_dir
from game.store.jsonfile import BROKEN, MISSING, NEWER, OK, UNREADABLE, JsonRead, read_json
from game.store.lock import folder_lock
from game.store.reasons import plain_reason

CORRUPT_SUFFIX = ".corrupt"
NEWER_SUFFIX = ".newer"


@dataclass(frozen=True)
class SaveResult:
    """Whether a save reached the disk; if not, ``reason`` says why in plain words."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok

    @classmethod
    def failed(cls, exc: BaseException) -> "SaveResult":
        return cls(False, plain_reason(exc))


SAVED = SaveResult(True)


@dataclass(frozen=True)
class Slot:
    """Where one document lives and how to tell a good one.

    ``accept(read)`` gets what was read (a :class:`JsonRead` with its data and
    text) and gives the document when this version understands it in full,
    else None (the file is then set aside, never rewritten). ``words`` holds
    the sentences the player is told about it (see :class:`Words`).
    """

    path: Path
    kind: str  # a key of game.store.jsonfile.LIMITS
    version_key: str
    version: int
    accept: Callable[[JsonRead], Any]
    words: "Words"


@dataclass(frozen=True)
class Words:
    """What the player is told about one kind of file, as whole sentences (so each reads well translated).

    ``broken`` takes ``{problem}`` and ``{file}`` (the name it was kept under),
    ``newer`` takes ``{file}``, ``stuck`` (it could not even be moved) takes
    ``{problem}`` and ``{reason}``.
    """

    broken: str
    newer: str
    stuck: str


@dataclass(frozen=True)
class Loaded:
    """What :func:`load_slot` found: ``status`` (ok, missing, unreadable, broken, newer) and the data.

    When ``status`` is "ok", ``document`` is what the slot's ``accept`` made of
    it and ``data`` the JSON; for a file set aside ``data`` is whatever JSON
    object could be read (possibly None), for the caller to take what it
    understands from.
    """

    status: str
    data: Any = None
    document: Any = None


def versioned_object(complete: Callable[[dict], bool], newest: int) -> Callable[[JsonRead], dict | None]:
    """An ``accept`` for a plain JSON object with a ``version`` (1 when absent, as the first releases
    wrote none) from 1 to ``newest``, that ``complete(data)`` finds understood in full."""

    def accept(read: JsonRead) -> dict | None:
        data = read.data
        if not isinstance(data, dict):
            return None
        version = data.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= newest:
            return None
        return data if complete(data) else None

    return accept


def _lock_if_possible(folder: Path) -> ExitStack:
    """The folder's lock if it can be had; reading goes on without it (a read-only folder)."""
    stack = ExitStack()
    try:
        stack.enter_context(folder_lock(folder, create=False))
    except OSError:
        pass
    return stack


def aside_name(path: Path, suffix: str) -> Path:
    """A free name to set ``path`` aside under: NAME.corrupt, else NAME.<time>.corrupt, NAME.<time>-2.corrupt..."""
    candidate = path.with_name(path.name + suffix)
    if not os.path.lexists(candidate):
        return candidate
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        extra = f"-{n}" if n > 1 else ""
        candidate = path.with_name(f"{path.name}.{stamp}{extra}{suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(17, "too many files set aside", str(path))


def set_aside(slot: Slot, read: JsonRead | Loaded, problem_text: str, detail: str = "") -> Path:
    """Move the slot's file to a free ``.corrupt``/``.newer`` name and tell the player; raises OSError."""
    newer = read.status == NEWER
    target = aside_name(slot.path, NEWER_SUFFIX if newer else CORRUPT_SUFFIX)
    os.rename(slot.path, target)
    if newer:
        sentence = slot.words.newer.format(file=target.name)
    else:
        sentence = slot.words.broken.format(problem=problem_text, file=target.name)
    notices.tell(sentence, detail)
    return target


def _problem_words(read: JsonRead | None) -> tuple[str, str]:
    """A short phrase for the player and the exact problem line, for a file that cannot be kept."""
    if read is None or read.problem is None:
        return _("its content is not what this version expects"), ""
    if read.status == UNREADABLE:
        return read.problem.message, read.problem.format()
    return _("it is damaged"), read.problem.format()


def _classify(slot: Slot) -> tuple[JsonRead, Any]:
    """What the slot's file holds, and the document if this version understands it (else None)."""
    read = read_json(slot.path, slot.kind, follow_symlinks=False, version_key=slot.version_key,
                     version=slot.version)
    document = slot.accept(read) if read.status == OK else None
    return read, (None if document is False else document)


def load_slot(slot: Slot) -> Loaded:
    """Read a slot; set aside (and tell about) a file that cannot be used. Never raises."""
    with _lock_if_possible(data_dir()):
        read, document = _classify(slot)
        if read.status == MISSING or document is not None:
            return Loaded(read.status, read.data, document)
        status = read.status if read.status != OK else BROKEN
        phrase, detail = _problem_words(read if read.status != OK else None)
        try:
            set_aside(slot, Loaded(status), phrase, detail or f"{slot.path}:1:1: {phrase}")
        except OSError as exc:
            notices.tell(slot.words.stuck.format(problem=phrase, reason=plain_reason(exc)), detail)
        data = read.data if isinstance(read.data, dict) else None
        return Loaded(status, data)


def save_slot(slot: Slot, build: Callable[[Any], dict | str]) -> SaveResult:
    """Write ``build(JSON on disk, or None)`` (an object, or the text itself) to the slot under the folder's
    lock; never raises OSError.

    A file on disk that this version cannot keep is set aside first (the
    player is told); if it cannot be moved, nothing is written.
    """
    try:
        with folder_lock(data_dir()):
            read, document = _classify(slot)
            good = document is not None
            if read.status != MISSING and not good:
                status = read.status if read.status != OK else BROKEN
                phrase, detail = _problem_words(read if read.status != OK else None)
                set_aside(slot, Loaded(status), phrase, detail)
            document = build(read.data if good else None)
            text = document if isinstance(document, str) else json.dumps(document, indent=1, ensure_ascii=False) + "\n"
            write_atomic(slot.path, text, any_file=True)
    except OSError as exc:
        return SaveResult.failed(exc)
    return SAVED


def remove_slot(slot: Slot, belongs: Callable[[Any], bool]) -> bool:
    """Delete the slot's file if it holds a good document and ``belongs(document)``; True if deleted."""
    try:
        with folder_lock(data_dir(), create=False):
            read, document = _classify(slot)
            if document is None or not belongs(document):
                return False
            os.unlink(slot.path)
    except OSError:
        return False
    return True
