"""Colours, fonts and sizes of the interface, scaled by the player's UI scale.

Fonts come from ``assets/fonts`` (Noto Sans, Noto Sans Arabic, Noto Sans
Khmer, DejaVu Sans for symbols, shipped with the game), chosen per
language and per character by game/ui/fonts.py. :class:`Theme` caches one font object per
size and renders text through :func:`game.text._` callers (it never
translates by itself: pass translated text).
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.text import formats, language
from game.ui import fonts

BG = (24, 28, 33)
PANEL = (36, 42, 50)
PANEL_LIGHT = (50, 58, 68)
BORDER = (88, 100, 114)
TEXT = (232, 234, 236)
TEXT_DIM = (160, 168, 178)
ACCENT = (242, 178, 51)  # warning orange, also focus
GOOD = (110, 200, 120)
BAD = (232, 90, 80)
INFO = (110, 170, 235)
SELECT = (255, 235, 120)
#: Grade colours that mean what they say: good grades green, middling orange, poor ones red.
GRADE_COLOURS = {"A": GOOD, "B": (170, 210, 110), "C": ACCENT, "D": BAD, "E": BAD, "F": BAD}  # A/B green, C orange, D-F red

#: Land status: a colour (RGB and the alpha of its light wash) and a pattern, each unlike any terrain and told
#: apart by pattern and brightness alone (checked under simulated colour-blindness: tests/ui/test_map_reading.py).
STATUS_STYLE = {
    "suspected": ((255, 205, 0, 40), "stripes"),  # hazard-tape stripes, yellow and black
    "confirmed": ((245, 45, 70, 80), "cross"),  # a dense red and black cross-hatch
    "cancelled": ((255, 255, 255, 35), "dots"),  # white dots: given back without entering
    "reduced": ((220, 165, 255, 45), "lines"),  # light violet and black lines: searched in lanes
    "cleared": ((70, 225, 255, 55), "grid"),  # a cyan square grid: every square metre searched
}
PATTERN_PERIOD = 10  # map pixels between the lines of a pattern
PATTERN_DARK = (20, 20, 24)
SWATCH_GROUND = (96, 122, 70)  # a grass-like ground under legend swatches


@lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> fonts.TextFont:
    """The game's text at one size, for every language (game/ui/fonts.py: fallback, shaping, direction)."""
    return fonts.TextFont(size, bold)


class Theme:
    """Sizes in logical pixels times the UI scale (1, 1.5 or 2)."""

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def px(self, value: float) -> int:
        return max(1, int(round(value * self.scale)))

    def font(self, size: int = 15, bold: bool = False) -> fonts.TextFont:
        return _font(self.px(size), bold)

    @property
    def line(self) -> int:
        return self.font().get_linesize()

    def text(self, text: str, size: int = 15, colour=TEXT, bold: bool = False) -> pygame.Surface:
        return _render(text, self.px(size), colour, bold, language())

    def fit_text(self, text: str, width: int, size: int = 15, colour=TEXT, bold: bool = False,
                 min_px: int = 8) -> pygame.Surface:
        """Text at the largest size up to ``size`` whose width fits ``width`` pixels (down to ``min_px``)."""
        px = self.px(size)
        while px > min_px and _font(px, bold).size(text)[0] > width:
            px -= 1
        return _render(text, px, colour, bold, language())


@lru_cache(maxsize=2048)
def _render(text: str, size: int, colour, bold: bool, lang: str) -> pygame.Surface:
    """One line of text (cached per language: the fonts and the direction depend on it)."""
    return _font(size, bold).render(text, True, colour)


def wrap(font: fonts.TextFont, text: str, width: int) -> list[str]:
    """Break text into lines that fit ``width`` pixels (blank lines kept as paragraph breaks); Khmer
    breaks between syllables too (game/ui/fonts.py)."""
    return fonts.wrap(font, text, width)


def money(value: float) -> str:
    """An amount in the language in use (game.text.formats.money)."""
    return formats.money(value)


def area(m2: float) -> str:
    """An area in the language in use (game.text.formats.area)."""
    return formats.area(m2)


def reset_caches() -> None:
    """Forget fonts and rendered texts (they die with pygame's font module; a new App starts clean)."""
    _font.cache_clear()
    _render.cache_clear()
    fonts.reset()
