"""Text for every language: a font per character with fallback, shaping, right to left, line breaking.

:class:`TextFont` stands where a ``pygame.font.Font`` would (``size``,
``get_linesize``, ``render``), so the theme and the widgets draw any
language the same way:

- **Fonts per language, with fallback.** Each character is drawn by the
  first family of the language's chain that has it (game/text/glyphs.py
  reads the fonts' tables): Noto Sans Arabic first in Arabic, Noto Sans
  Khmer first in Khmer, Noto Sans first otherwise, then the others, then
  DejaVu Sans for symbols (★ ✓). No character falls to an empty box while
  any bundled font has it.
- **Shaping.** A line is cut into runs of one font, one script and one
  direction; each run is shaped by pygame's HarfBuzz with
  ``Font.set_script`` and ``Font.set_direction`` (Arabic letters join,
  Khmer subscripts stack).
- **Right to left.** Runs are ordered with the Unicode bidirectional
  algorithm (the parts that matter for one paragraph without embeddings:
  weak types W1-W7 simplified, neutrals N1-N2, levels I1-I2, reordering
  L2), so in Arabic a line starts at the right, and numbers and Latin words
  inside it stay left to right and readable.
- **Line breaking** (:func:`wrap`): at spaces and zero-width spaces; Khmer,
  written without spaces between words, also between its orthographic
  syllables (never inside one, never before a subscript or a vowel sign); a
  word longer than a line is cut between characters as a last resort.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game import text as _text
from game.text.glyphs import FAMILIES, INVISIBLE, font_file, font_for

#: Which family a language tries first; the rest follow in this order.
PRIMARY = {"ar": "arabic", "km": "khmer"}
#: OpenType script tags for HarfBuzz, by Unicode script (the start of the character's name).
SCRIPT_TAGS = (("ARABIC", "Arab"), ("KHMER", "Khmr"), ("CYRILLIC", "Cyrl"), ("GREEK", "Grek"), ("LATIN", "Latn"))
#: Room above and below the baseline, in ems, a line of each family takes at most: the fonts reserve more
#: than their letters need (Arabic's marks and Khmer's subscripts do need more than Latin letters).
LINE_ROOM = {"latin": (1.0, 0.26), "symbols": (1.0, 0.26), "arabic": (1.2, 0.55), "khmer": (1.15, 0.45)}


def chain(language: str | None = None) -> tuple[str, ...]:
    """The families in the order a language tries them."""
    return _chain(language or _text.language())


@lru_cache(maxsize=64)
def _chain(language: str) -> tuple[str, ...]:
    first = PRIMARY.get(language, "latin")
    return (first,) + tuple(f for f in FAMILIES if f != first)


@lru_cache(maxsize=256)
def _pg_font(family: str, size: int, bold: bool) -> pygame.font.Font:
    return pygame.font.Font(str(font_file(family, bold)), size)


def reset() -> None:
    """Forget the pygame fonts (they die with pygame's font module) and what was measured with them."""
    _pg_font.cache_clear()
    _layout.cache_clear()
    _line_metrics.cache_clear()
    _wrapped.cache_clear()


# ---------------------------------------------------------------- runs


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line drawn in one call: one family, one script, one direction."""

    text: str
    family: str
    script: str
    rtl: bool


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The OpenType script tag of a character ("Zyyy": common to all, such as spaces, digits, signs).
    Cached per character: a new line of text (a new day's figures) looks each of its characters up."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "Zyyy"
    for prefix, tag in SCRIPT_TAGS:
        if name.startswith(prefix):
            return tag
    return "Zyyy"


#: Bidirectional types that can lift a character of a left-to-right paragraph above level 0.
_RIGHT_TO_LEFT_TYPES = frozenset(("R", "AL", "AN"))


@lru_cache(maxsize=4096)
def _bidi_type(char: str) -> str:
    return unicodedata.bidirectional(char) or "ON"


def _bidi_levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character (even: left to right, odd: right to left)."""
    if not rtl and not any(_bidi_type(c) in _RIGHT_TO_LEFT_TYPES for c in text):
        # a left-to-right paragraph with no right-to-left letter nor Arabic digit: the rules below put every
        # character at level 0 (numbers follow the Latin text, W7; neutrals take the paragraph's direction)
        return [0] * len(text)
    return _bidi_levels_full(text, rtl)


def _bidi_levels_full(text: str, rtl: bool) -> list[int]:
    """:func:`_bidi_levels` by every rule (the fast path above gives the same levels where it applies)."""
    base = 1 if rtl else 0
    kinds = [unicodedata.bidirectional(c) or "ON" for c in text]
    for i, k in enumerate(kinds):  # W1: a mark takes the type of what it marks
        if k == "NSM":
            kinds[i] = kinds[i - 1] if i else ("R" if rtl else "L")
    kinds = ["R" if k == "AL" else k for k in kinds]  # W3
    for i in range(1, len(kinds) - 1):  # W4: one separator between two numbers joins them
        if kinds[i] in ("ES", "CS") and kinds[i - 1] == kinds[i + 1] == "EN":
            kinds[i] = "EN"
    for i, k in enumerate(kinds):  # W5: currency and percent signs next to a number are part of it
        if k == "ET":
            j = i
            while j < len(kinds) and kinds[j] == "ET":
                j += 1
            if (j < len(kinds) and kinds[j] == "EN") or (i and kinds[i - 1] == "EN"):
                kinds[i] = "EN"
    last = "R" if rtl else "L"
    for i, k in enumerate(kinds):  # W7: a number after Latin letters is part of the left-to-right text
        if k in ("L", "R"):
            last = k
        elif k == "EN" and last == "L":
            kinds[i] = "L"
    strong = ["L" if k == "L" else "R" if k in ("R", "EN", "AN") else None for k in kinds]  # N1: numbers act as R
    edge = "R" if rtl else "L"
    resolved = list(strong)
    i = 0
    while i < len(resolved):  # N1-N2: neutrals between two of a kind take it, else the paragraph's
        if resolved[i] is not None:
            i += 1
            continue
        j = i
        while j < len(resolved) and resolved[j] is None:
            j += 1
        before = strong[i - 1] if i else edge
        after = strong[j] if j < len(strong) else edge
        fill = before if before == after else edge
        for n in range(i, j):
            resolved[n] = fill
        i = j
    levels = []
    for k, r in zip(kinds, resolved):  # I1-I2
        if k in ("EN", "AN"):
            levels.append(2)
        elif r == "R":
            levels.append(base if rtl else 1)
        else:
            levels.append(base + 1 if rtl else base)
    return levels


def _reorder(items: list, levels: list[int]) -> list:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or
    above (here on runs of uniform level, which is the same as on characters)."""
    if not items:
        return items
    order = list(range(len(items)))
    lowest_odd = min(lv for lv in levels if lv % 2) if any(lv % 2 for lv in levels) else None
    if lowest_odd is None:
        return items
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return [items[k] for k in order]


#: Left-to-right, right-to-left and Arabic letter marks: invisible, they only steer the direction.
_MARKS = frozenset("\u200e\u200f\u061c")


@lru_cache(maxsize=8192)
def _family(char: str, families: tuple[str, ...]) -> str:
    """The family of ``families`` that draws ``char`` (the first one when none does)."""
    return font_for(char, families) or families[0]


@lru_cache(maxsize=8192)
def _draws(char: str, family: str) -> bool:
    return font_for(char, (family,)) is not None


def runs(text: str, language: str | None = None) -> list[Run]:
    """A line cut into runs, in visual order (left to right on screen)."""
    return list(_runs(text, language or _text.language()))


@lru_cache(maxsize=1024)
def _runs(text: str, lang: str) -> tuple[Run, ...]:
    """:func:`runs`, cached: a text is measured, then drawn (and wrapping measures its words again)."""
    text = "".join(c for c in text if c not in INVISIBLE or c in _MARKS)
    if not text.strip("".join(_MARKS)):
        return ()
    families = chain(lang)
    levels = _bidi_levels(text, _text.is_rtl(lang))  # direction marks count here, and are not drawn
    pieces: list[tuple[str, str, str, int]] = []  # text, family, script, level
    for i, char in enumerate(text):
        if char in _MARKS:
            continue
        script, level = _script(char), levels[i]
        family = _family(char, families)
        if pieces and pieces[-1][3] == level:
            prev_text, prev_family, prev_script, _level = pieces[-1]
            if script == "Zyyy" and _draws(char, prev_family):  # a space or a sign joins the run before
                pieces[-1] = (prev_text + char, prev_family, prev_script, level)
                continue
            if family == prev_family and prev_script in (script, "Zyyy"):
                pieces[-1] = (prev_text + char, family, script, level)
                continue
        pieces.append((char, family, script, level))
    ordered = _reorder(pieces, [p[3] for p in pieces])
    return tuple(Run(t, f, s if s != "Zyyy" else "Latn", bool(lv % 2)) for t, f, s, lv in ordered)


# ---------------------------------------------------------------- fonts


class TextFont:
    """A size and weight of the game's text, for any language (used like a pygame Font)."""

    def __init__(self, size: int, bold: bool = False):
        self.px = size
        self.bold = bold

    def _font(self, run: Run) -> pygame.font.Font:
        font = _pg_font(run.family, self.px, self.bold)
        font.set_script(run.script)
        font.set_direction(pygame.DIRECTION_RTL if run.rtl else pygame.DIRECTION_LTR)
        return font

    def _metrics(self) -> tuple[int, int]:
        """(ascent, descent) of a line: the tallest family of the language's chain, within bounds."""
        return _line_metrics(self.px, self.bold, chain()[0])

    def get_linesize(self) -> int:
        asc, desc = self._metrics()
        return asc + desc

    def get_height(self) -> int:
        asc, desc = self._metrics()
        return asc + desc

    def size(self, text: str) -> tuple[int, int]:
        widths = _layout(text, self.px, self.bold, _text.language())
        return sum(widths), self.get_height()

    def render(self, text: str, antialias: bool, colour, background=None) -> pygame.Surface:
        """The line drawn in visual order on a transparent surface (the baseline of every run aligned)."""
        parts = runs(text)
        asc, desc = self._metrics()
        images = []
        for run in parts:
            font = self._font(run)
            images.append((font.render(run.text, antialias, colour), font.get_ascent()))
        width = sum(img.get_width() for img, _ in images)
        out = pygame.Surface((max(1, width), asc + desc), pygame.SRCALPHA)
        if background is not None:
            out.fill(background)
        x = 0
        for img, run_ascent in images:
            out.blit(img, (x, asc - run_ascent))
            x += img.get_width()
        return out

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` no bundled font draws (they would show as empty boxes)."""
        from game.text.glyphs import missing

        return missing(text)


@lru_cache(maxsize=256)
def _line_metrics(px: int, bold: bool, first: str) -> tuple[int, int]:
    """(ascent, descent) in pixels of a line whose language draws with ``first`` first (Latin always counts)."""
    asc = desc = 0
    for family in dict.fromkeys((first, "latin")):
        font = _pg_font(family, px, bold)
        up, down = LINE_ROOM[family]
        asc = max(asc, min(font.get_ascent(), int(px * up + 0.5)))
        desc = max(desc, min(-font.get_descent(), int(px * down + 0.5)))
    return asc, desc


@lru_cache(maxsize=4096)
def _layout(text: str, px: int, bold: bool, language: str) -> tuple[int, ...]:
    """The widths of a line's runs (cached: wrapping measures the same words again and again)."""
    out = []
    for run in runs(text, language):
        font = _pg_font(run.family, px, bold)
        font.set_script(run.script)
        font.set_direction(pygame.DIRECTION_RTL if run.rtl else pygame.DIRECTION_LTR)
        out.append(font.size(run.text)[0])
    return tuple(out)


# ---------------------------------------------------------- line breaking

_KHMER_BASE = re.compile(r"[\u1780-\u17B3]")
_SPACE = re.compile(r"[ \u200b]+")


def break_points(text: str) -> list[int]:
    """Indexes where a line may end (the next line starts there, spaces skipped): after spaces and
    zero-width spaces, and in Khmer between orthographic syllables."""
    points = []
    for i in range(1, len(text)):
        prev, char = text[i - 1], text[i]
        if prev in " \u200b" and char not in " \u200b":
            points.append(i)
        elif (_KHMER_BASE.match(char) and "\u1780" <= prev <= "\u17ff" and prev != "\u17d2"
              and not (i + 1 < len(text) and "\u17c9" <= text[i + 1] <= "\u17d1")):
            points.append(i)  # a new Khmer syllable (not a subscript after the coeng sign, not a final
            # consonant that a sign such as the bantoc marks)
        elif prev in "\u17d4\u17d5\u17d6" and char not in " \u200b":
            points.append(i)  # after Khmer full stops
    return points


def wrap(font, text: str, width: int) -> list[str]:
    """Break text into lines that fit ``width`` pixels (blank lines kept as paragraph breaks).

    Greedy by words; Khmer phrases too long for the room left move to the next line whole when they fit
    there, and are cut between syllables when they fit no line. The lines of a text at a size, weight,
    width and language are kept (screens wrap the same alerts, news and hints every frame)."""
    if isinstance(font, TextFont):
        return list(_wrapped(text, width, font.px, font.bold, _text.language()))
    return _wrap_lines(font, text, width)


@lru_cache(maxsize=2048)
def _wrapped(text: str, width: int, px: int, bold: bool, language: str) -> tuple[str, ...]:
    return tuple(_wrap_lines(TextFont(px, bold), text, width))


def _wrap_lines(font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        para = para.strip(" ")
        if not para:
            lines.append("")
            continue
        lines.extend(_wrap_paragraph(font, para, width))
    return lines


#: A unit written after a number ("4,100 m²"): it never starts a line, it goes with its number.
_UNIT_AFTER_NUMBER = re.compile(r"(m²|km²)[.,;:)]*[ \u200b]*$")
_ENDS_IN_NUMBER = re.compile(r"\d[ ]+$")


def _words(para: str) -> list[str]:
    """The paragraph cut at spaces (each word keeps its following spaces; a unit stays with its number)."""
    out, start = [], 0
    for m in list(_SPACE.finditer(para)) + [None]:
        end = m.end() if m is not None else len(para)
        if end <= start:
            continue
        word = para[start:end]
        if out and _UNIT_AFTER_NUMBER.match(word) and _ENDS_IN_NUMBER.search(out[-1]):
            out[-1] += word
        else:
            out.append(word)
        start = end
    return out


def _fits(font, text: str, width: int) -> bool:
    return font.size(text.rstrip(" \u200b"))[0] <= width


#: A line whose words' widths add up to at most this share of the room fits without measuring the line
#: itself: shaping never joins letters across a space, so a line is its words' widths within a pixel or
#: two each. Near the edge the line is measured whole. (Measuring every longer prefix of every line made
#: a day's new news cost milliseconds in Arabic, where each new text is shaped afresh.)
_SURE_SHARE = 0.9


def _wrap_paragraph(font, para: str, width: int) -> list[str]:
    lines: list[str] = []
    cur, cur_width = "", 0  # cur_width: cur's measured width, or the sum of its words' widths
    for word in _words(para):
        word_width = font.size(word)[0]  # each word once, and words repeat: cached
        if cur_width + word_width <= width * _SURE_SHARE:
            cur, cur_width = cur + word, cur_width + word_width
            continue
        if _fits(font, cur + word, width):
            cur += word
            cur_width = font.size(cur)[0]
            continue
        if cur and _fits(font, word, width):
            lines.append(cur)
            cur, cur_width = word, word_width
            continue
        cur_width = width  # a word cut into pieces: measure every piece below
        for piece in _pieces(word):  # a word longer than a line: syllables (Khmer), else characters
            if _fits(font, cur + piece, width) or not cur:
                cur += piece
            else:
                lines.append(cur)
                cur = piece
    if cur:
        lines.append(cur)
    return [line.rstrip(" \u200b") for line in lines]


def _pieces(word: str) -> list[str]:
    cuts = break_points(word) or [i for i in range(1, len(word)) if unicodedata.combining(word[i]) == 0
                                   and unicodedata.category(word[i]) not in ("Mn", "Mc")]
    out, start = [], 0
    for cut in cuts:
        out.append(word[start:cut])
        start = cut
    out.append(word[start:])
    return [p for p in out if p]
