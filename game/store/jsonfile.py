"""The hardened reader of every JSON file the game reads: settings, progress, saved
games, run records, class files.

It never raises for what a file holds and never hangs. A path is first looked
at with ``stat`` (``lstat`` when links are not followed): only a regular file
is opened, and it is opened non-blocking and checked again with ``fstat``, so a
FIFO, a device or a folder is refused without waiting on it. The size is
capped per kind of file (:data:`LIMITS`), the text must be UTF-8, the nesting
depth is checked by a cheap scan *before* the JSON decoder runs (so it cannot
recurse deeply), and numbers longer than :data:`MAX_NUMBER_CHARS` characters,
``NaN`` and ``Infinity`` are refused while decoding.

The answer is a :class:`JsonRead`: its ``status`` tells a missing file
("missing") from one that cannot be read ("unreadable"), one that is not
valid ("broken") and one written by a newer version of the game ("newer");
``problem`` says what is wrong as ``FILE:LINE:COL: message; hint``.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.text import N_, _
from game.level.errors import Problem
from game.store.reasons import plain_reason

#: Size caps in bytes per kind of file.
LIMITS = {
    "settings": 64 * 1024,
    "progress": 1024 * 1024,
    "save": 8 * 1024 * 1024,  # a saved game is a run record (game/run/record.py: MAX_BYTES)
    "record": 8 * 1024 * 1024,
    "class": 64 * 1024 * 1024,
}
MAX_DEPTH = 64
#: The longest number accepted, in characters (a seed below 2**63 has 19 digits).
MAX_NUMBER_CHARS = 40

MISSING, UNREADABLE, BROKEN, NEWER, OK = "missing", "unreadable", "broken", "newer", "ok"

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|-?[0-9][0-9.eE+\-]*|NaN|-?Infinity', re.DOTALL)


@dataclass(frozen=True)
class TextRead:
    """A file's text (``status`` "ok"), or why there is none."""

    status: str
    text: str | None = None
    problem: Problem | None = None


@dataclass(frozen=True)
class JsonRead:
    """A file's JSON data (``status`` "ok"), or why there is none (``problem``).

    For a "newer" file ``data`` still holds what was read, so a caller can use
    what it understands without ever writing it back in an older format.
    """

    status: str
    data: Any = None
    problem: Problem | None = None
    text: str | None = None  # the text read, for a caller that reports places in it

    @property
    def ok(self) -> bool:
        return self.status == OK


class _Refused(ValueError):
    """A number the decoder must not take (too long, not finite, NaN)."""


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_text_file(path: Path, limit: int, follow_symlinks: bool = True) -> TextRead:
    """The UTF-8 text of a regular file of at most ``limit`` bytes, without ever blocking on it."""
    shown = str(path)
    try:
        st = os.stat(path) if follow_symlinks else os.lstat(path)
    except FileNotFoundError:
        return TextRead(MISSING, problem=Problem(shown, 1, 1, _("file not found"), _("check the path")))
    except (OSError, ValueError) as exc:
        return _unreadable(shown, exc)
    why = _not_a_file(st.st_mode)
    if why:
        return TextRead(UNREADABLE, problem=Problem(shown, 1, 1, why, _("give the path of a file")))
    if st.st_size > limit:
        return _too_big(shown, st.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        return _unreadable(shown, exc)
    try:
        why = _not_a_file(os.fstat(fd).st_mode)  # it may have changed since stat
        if why:
            return TextRead(UNREADABLE, problem=Problem(shown, 1, 1, why, _("give the path of a file")))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return _unreadable(shown, exc)
    finally:
        os.close(fd)
    if size > limit:
        return _too_big(shown, size, limit)
    return _decode(shown, b"".join(chunks))


def _not_a_file(mode: int) -> str:
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return _("it is a link to another file, which Mine Risk does not follow here")
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a file")
    return _("it is a device or a pipe, not a file")


def _unreadable(shown: str, exc: BaseException) -> TextRead:
    return TextRead(UNREADABLE, problem=Problem(shown, 1, 1, _("cannot read the file: {reason}").format(
        reason=plain_reason(exc)), _("check the path and the file's permissions")))


def _too_big(shown: str, size: int, limit: int) -> TextRead:
    return TextRead(UNREADABLE, problem=Problem(
        shown, 1, 1, _("the file is too large ({size:,} bytes; at most {limit:,} are read)").format(
            size=size, limit=limit), _("is this really a Mine Risk file?")))


def _decode(shown: str, data: bytes) -> TextRead:
    if b"\x00" in data:
        line, col = _where(data.decode("latin-1"), data.index(b"\x00"))
        return TextRead(BROKEN, problem=Problem(shown, line, col, _("this is a binary file, not JSON text"),
                                                _("the file is damaged or is not a Mine Risk file")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _where(data[: exc.start].decode("utf-8", errors="replace"), exc.start)
        return TextRead(BROKEN, problem=Problem(shown, line, col, _("the file is not valid UTF-8 text"),
                                                _("the file is damaged or is not a Mine Risk file")))
    return TextRead(OK, text=text)


def _too_deep_at(text: str) -> int | None:
    """Where the nesting first gets deeper than MAX_DEPTH (an index into ``text``), or None."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if len(brackets) <= MAX_DEPTH:
        return None
    depth = deepest = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    if deepest <= MAX_DEPTH:
        return None
    depth = 0
    for match in _TOKEN.finditer(text):  # only now find where, token by token
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def _refused_number_at(text: str) -> int:
    """Where the first number the decoder refused is (an index into ``text``)."""
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0] in '"[]{}':
            continue
        try:
            refused = len(token) > MAX_NUMBER_CHARS or not math.isfinite(float(token))
        except ValueError:  # NaN and Infinity spelled as JSON extensions
            refused = True
        if refused:
            return match.start()
    return 0


def _parse_int(token: str) -> int:
    if len(token) > MAX_NUMBER_CHARS:
        raise _Refused(token)
    return int(token)


def _parse_float(token: str) -> float:
    value = float(token) if len(token) <= MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise _Refused(token)
    return value


def _parse_constant(token: str) -> float:
    raise _Refused(token)


#: What a JSON text that stops before its end is called (a copy interrupted, a stick pulled out too soon).
CUT_SHORT = N_("the file is cut short")


def cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the JSON text stops before its end: the decoder ran out of text (in a string, or with an
    object or list still open), rather than meeting something that is not JSON."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip())


def parse_json_text(text: str, shown: str) -> JsonRead:
    """The data of a JSON text, or the problem (line and column) that stops it."""
    deep = _too_deep_at(text)
    if deep is not None:
        return JsonRead(BROKEN, problem=Problem(shown, *_where(text, deep), _(
            "the data nests deeper than {depth} levels").format(depth=MAX_DEPTH),
            _("the file is damaged or is not a Mine Risk file")))
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        if not text.strip():
            return JsonRead(BROKEN, problem=Problem(shown, 1, 1, _("the file is empty"), _("copy it again")))
        if cut_short(text, exc):
            return JsonRead(BROKEN, problem=Problem(shown, exc.lineno, exc.colno, _(CUT_SHORT), _("copy it again")))
        return JsonRead(BROKEN, problem=Problem(shown, exc.lineno, exc.colno, _("not valid JSON: {what}").format(
            what=exc.msg), _("the file may have been edited by hand")))
    except _Refused:
        return JsonRead(BROKEN, problem=Problem(shown, *_where(text, _refused_number_at(text)), _(
            "a number is too long or not a finite number"), _("the file is damaged or is not a Mine Risk file")))
    except (ValueError, RecursionError, MemoryError) as exc:
        return JsonRead(BROKEN, problem=Problem(shown, 1, 1, _("not valid JSON: {what}").format(
            what=type(exc).__name__), _("the file is damaged or is not a Mine Risk file")))
    return JsonRead(OK, data=data)


def read_json(path: Path, kind: str, follow_symlinks: bool = True, version_key: str | None = None,
              version: int | None = None) -> JsonRead:
    """Read the JSON file ``path`` of a kind listed in :data:`LIMITS`; never raises for bad content.

    With ``version_key`` and ``version``, a JSON object whose ``version_key``
    is a whole number above ``version`` comes back as "newer" (its data kept).
    """
    read = read_text_file(Path(path), LIMITS[kind], follow_symlinks)
    if read.status != OK:
        return JsonRead(read.status, problem=read.problem)
    parsed = parse_json_text(read.text, str(path))
    if parsed.ok and version_key is not None and isinstance(parsed.data, dict):
        found = parsed.data.get(version_key)
        if isinstance(found, int) and not isinstance(found, bool) and found > version:
            return JsonRead(NEWER, data=parsed.data, text=read.text, problem=Problem(str(path), 1, 1, _(
                "written by a newer version of Mine Risk (file version {found}; this version reads up to {known})").format(
                found=found, known=version), _("update Mine Risk to use this file")))
    return JsonRead(parsed.status, parsed.data, parsed.problem, read.text)
