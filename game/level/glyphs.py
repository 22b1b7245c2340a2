"""Warnings for level texts the game's fonts cannot draw (they would show as empty boxes).

Every text a student reads from a level file (title, briefing, debrief,
tips, objectives, event messages, tutorial prompts, their translations) and
the map's zone titles is checked, character by character, against the
fonts the game ships (game/text/glyphs.py reads their tables; no pygame).
A level still loads with such a text, so this is a warning of ``minerisk
validate``, at the line and column of the text.
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Iterator

from .errors import Problem
from .model import MapData

Where = Callable[[tuple], tuple[int, int]]
_TEXT_LISTS = {"tips": None, "objectives": "text", "events": "message", "tutorial": "say"}


def level_texts(doc: dict) -> Iterator[tuple[tuple, str]]:
    """(path in the document, text) for every player-facing text of a checked level document."""
    for key in ("title", "briefing", "debrief"):
        if isinstance(doc.get(key), str):
            yield (key,), doc[key]
    for key, field in _TEXT_LISTS.items():
        for i, entry in enumerate(doc.get(key, ()) or ()):
            value = entry if field is None else (entry.get(field) if isinstance(entry, dict) else None)
            if isinstance(value, str):
                yield ((key, i) if field is None else (key, i, field)), value
    for code, tr in (doc.get("translations") or {}).items():
        for key in ("title", "briefing", "debrief"):
            if isinstance(tr.get(key), str):
                yield ("translations", code, key), tr[key]
        for key in _TEXT_LISTS:
            for i, value in enumerate(tr.get(key, ()) or ()):
                yield ("translations", code, key, i), value
        for zone, value in (tr.get("zones") or {}).items():
            yield ("translations", code, "zones", zone), value


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"'{char}' (U+{ord(char):04X}{' ' + name if name else ''})"


def _message(chars: list[str]) -> str:
    shown = ", ".join(_describe(c) for c in chars[:3]) + (f" and {len(chars) - 3} more" if len(chars) > 3 else "")
    return f"the game's fonts cannot draw {shown}: students would see empty boxes"


HINT = ("use the game's languages (Latin, Cyrillic, Arabic and Khmer letters are drawn), or another character; "
        "see docs/translating.md")


def glyph_warnings(doc: dict, level_map: MapData | None, where: Where, shown: str) -> list[Problem]:
    """A warning for each level text (and map zone title) with characters no bundled font has."""
    from game.text.glyphs import missing

    out: list[Problem] = []
    for path, text in level_texts(doc):
        chars = missing(text)
        if chars:
            line, col = where(path)
            out.append(Problem(shown, line, col, _message(chars), HINT, "warning"))
    if level_map is not None:
        for obj in level_map.objects:
            chars = missing(obj.title) if obj.title else []
            if chars:
                w = obj.where
                out.append(Problem(w.file if w else shown, w.line if w else 1, w.col if w else 1,
                                   f"zone `{obj.name}`: its title: " + _message(chars), HINT, "warning"))
    return out
