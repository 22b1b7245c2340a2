"""Which characters the game's fonts can draw, read from the fonts themselves (no pygame).

The game draws text with Noto Sans (Latin, Greek, Cyrillic), Noto Sans
Arabic, Noto Sans Khmer and DejaVu Sans (symbols such as ★ ✓), all in
``assets/fonts``. A character is drawable when one of them maps it to a
glyph in its ``cmap`` table; this module reads that table (formats 4 and 12,
which every one of these fonts uses) with :mod:`struct`, so the level
validator can warn about a text that would show empty boxes without
importing pygame. The window (game/ui/fonts.py) uses the same table to
choose a font for each character.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from game.paths import assets_dir

#: The font families, each a regular and a bold file in assets/fonts.
FAMILIES: dict[str, tuple[str, str]] = {
    "latin": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "khmer": ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"),
    "symbols": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
#: Characters that are never drawn (line breaks, joiners, direction marks): nothing to check.
INVISIBLE = frozenset("\n\r\t\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"
                      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def font_file(family: str, bold: bool = False) -> Path:
    return assets_dir() / "fonts" / FAMILIES[family][1 if bold else 0]


@lru_cache(maxsize=16)
def cmap(path: Path) -> frozenset[int]:
    """The code points a TrueType/OpenType font maps to a glyph (its Unicode cmap subtables)."""
    data = Path(path).read_bytes()
    num_tables = struct.unpack_from(">H", data, 4)[0]
    offset = None
    for i in range(num_tables):
        tag, _checksum, table_offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            offset = table_offset
    if offset is None:
        return frozenset()
    count = struct.unpack_from(">H", data, offset + 2)[0]
    found: set[int] = set()
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)):
            continue
        at = offset + sub
        fmt = struct.unpack_from(">H", data, at)[0]
        if fmt == 4:
            found |= _format4(data, at)
        elif fmt == 12:
            found |= _format12(data, at)
    return frozenset(found)


def _format4(data: bytes, at: int) -> set[int]:
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    range_at = at + 16 + 6 * segs
    offsets = struct.unpack_from(f">{segs}H", data, range_at)
    out: set[int] = set()
    for i in range(segs):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                out.add(code)
    return out


def _format12(data: bytes, at: int) -> set[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    out: set[int] = set()
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        out.update(range(start, end + 1) if glyph else range(start + 1, end + 1))
    return out


@lru_cache(maxsize=8)
def family_cover(family: str) -> frozenset[int]:
    """What a family draws: the characters both its regular and its bold file have."""
    return cmap(font_file(family, False)) & cmap(font_file(family, True))


def font_for(char: str, families: tuple[str, ...]) -> str | None:
    """The first family of ``families`` that draws ``char`` (None: no font of the game has it)."""
    code = ord(char)
    for family in families:
        if code in family_cover(family):
            return family
    return None


def missing(text: str) -> list[str]:
    """The characters of ``text`` that none of the game's fonts can draw, each once, in order."""
    out: list[str] = []
    for char in dict.fromkeys(text):
        if char in INVISIBLE or unicodedata.category(char) in ("Cc", "Cf") and char not in "\u00ad":
            continue
        if font_for(char, tuple(FAMILIES)) is None:
            out.append(char)
    return out
