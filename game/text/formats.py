"""Numbers, money, areas and durations as a student reads them, in the language in use.

Every number the player reads goes through here, formatted by Babel with the
rules of the language (CLDR): grouping and decimal signs (12,500 / 12 500 /
12.500), where the currency goes, the unit of an area, real plurals.
Numbers keep Latin digits in every language (Babel's default), so a figure
reads the same in Arabic and on the map. Areas are in m² (km² from a square
kilometre up), money in US dollars rounded to the dollar, durations in days.
"""

from __future__ import annotations

import math
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel import numbers as _numbers
from babel import units as _units

from game import text as _text
from game.text import SOURCE_LANGUAGE, ngettext

#: Bidirectional marks Babel puts in some patterns (Arabic): dropped; money is kept whole with LRM instead.
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")
#: Left-to-right mark: in a right-to-left language it keeps an amount such as "12,500 US$" in one piece.
LRM = "\u200e"


@lru_cache(maxsize=16)
def babel_locale(code: str) -> Locale:
    """The Babel locale of a game language (the test language formats as English)."""
    try:
        return Locale.parse(code if code != _text.PSEUDO else SOURCE_LANGUAGE)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def _locale() -> Locale:
    return babel_locale(_text.language())


def number(value: float, decimals: int = 0) -> str:
    """A number with the language's grouping and decimal sign: 12,500 (or 3.5 with ``decimals=1``)."""
    try:  # (the sign too: -0.0 equals 0.0 but reads "-0")
        return _number(value, decimals, _text.language(), math.copysign(1.0, value))
    except TypeError:  # a value that cannot be kept (unhashable)
        return _number.__wrapped__(value, decimals, _text.language(), 1.0)


@lru_cache(maxsize=4096, typed=True)
def _number(value: float, decimals: int, code: str, _sign: float) -> str:
    """:func:`number` in language ``code``, kept: the play screen shows the same figures every frame, and
    Babel takes some 40 microseconds a number."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _numbers.format_decimal(value, format=pattern, locale=babel_locale(code)).translate(_BIDI_MARKS)


@lru_cache(maxsize=16)
def _money_pattern(code: str) -> _numbers.NumberPattern:
    loc = babel_locale(code)
    raw = loc.currency_formats["standard"].pattern.split(";")[0]
    if _numbers.get_currency_symbol("USD", loc) == "$":  # a bare $ could be any dollar: say which
        raw = raw.replace("¤", "'US$'")
    pattern = _numbers.parse_pattern(raw)
    pattern.frac_prec = (0, 0)
    return pattern


def money(usd: float) -> str:
    """An amount of US dollars rounded to the dollar, placed as the language places it: US$12,500,
    12 500 $US (a minus sign before it when negative)."""
    return _money(usd, _text.language())


@lru_cache(maxsize=2048, typed=True)
def _money(usd: float, code: str) -> str:
    loc = babel_locale(code)
    value = round(usd)
    text = _money_pattern(str(loc)).apply(abs(value), loc, currency="USD", currency_digits=False)
    text = text.translate(_BIDI_MARKS)
    text = _numbers.get_minus_sign_symbol(loc).translate(_BIDI_MARKS) + text if value < 0 else text
    return LRM + text + LRM if _text.is_rtl(code) else text


def area(m2: float) -> str:
    """An area: 1,200 m² below a square kilometre, 1.25 km² from one up (the language's unit symbols)."""
    loc = _locale()
    if abs(m2) >= 1_000_000:
        value, unit, digits = m2 / 1_000_000, "area-square-kilometer", 2
    else:
        value, unit, digits = m2, "area-square-meter", 0
    shown = number(value, digits)
    return _units.format_unit(shown, unit, length="short", locale=loc).translate(_BIDI_MARKS)


def days(n: float) -> str:
    """A duration in whole days with the language's plural: 1 day, 12 days."""
    whole = int(round(n))
    return ngettext("{n} day", "{n} days", whole).format(n=number(whole))


def percent(share: float) -> str:
    """A share as a whole percentage: 0.2 -> 20% (20 % in French)."""
    share = round(share, 2)
    try:  # kept like numbers (the side panel words each team's progress every frame)
        return _percent(share, _text.language(), math.copysign(1.0, share))
    except TypeError:
        return _percent.__wrapped__(share, _text.language(), 1.0)


@lru_cache(maxsize=1024, typed=True)
def _percent(share: float, code: str, _sign: float) -> str:
    return _numbers.format_percent(share, locale=babel_locale(code)).translate(_BIDI_MARKS)


def reflow(text: str) -> str:
    """A level's text as paragraphs: single line breaks (as a YAML block keeps them) become spaces, blank
    lines stay paragraph breaks, so the text wraps to the window."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r", "").split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
