"""The text caches behind fast frames (game/ui/fonts.py) give what working it out afresh gives: the wrapped
lines kept per language and size, and the quick bidirectional levels of a left-to-right line."""

from __future__ import annotations

import pygame
import pytest

import game.text as text
from game.ui import fonts


@pytest.fixture(autouse=True)
def fonts_ready():
    pygame.font.init()
    fonts.reset()
    yield
    text.set_language("en")
    fonts.reset()


def test_kept_wrapped_lines_follow_a_language_switch():
    """The same words break otherwise in Arabic (a paragraph right to left: its dots and spaces are drawn
    in runs of their own): the lines kept for English are not given back in Arabic, nor the other way."""
    font = fonts.TextFont(15)
    line = "T. T. T. T. T. T. T. T. T."
    text.set_language("en")
    english = fonts.wrap(font, line, 41)
    text.set_language("ar")
    arabic = fonts.wrap(font, line, 41)
    assert arabic == fonts._wrap_lines(font, line, 41)
    assert english == ["T. T. T."] * 3 and len(arabic) > 3  # (the case this test needs)
    text.set_language("en")
    assert fonts.wrap(font, line, 41) == english


def test_kept_wrapped_lines_are_the_callers_own():
    font = fonts.TextFont(12)
    lines = fonts.wrap(font, "one two three four five six seven", 60)
    lines.append("changed by the caller")
    assert fonts.wrap(font, "one two three four five six seven", 60) == fonts._wrap_lines(
        font, "one two three four five six seven", 60)


@pytest.mark.parametrize("line", [
    "Day 12: 4,100 m² cleared", "US$12,500 (3.5%)", "-12 +4 = -8", "1/2 of 10", "#3, 4:15, 7.5", "$5 5$ 5% %5",
    "Тиждень 12: 4 100 м²", "a\u0301 12", "\u0301x", "12", "  ", "Ünïcödé 3.14 ±0.5", "« 12 » · 3 – 4",
])
def test_left_to_right_lines_get_the_levels_of_the_full_rules(line):
    """The quick path (a left-to-right paragraph without right-to-left letters or Arabic digits) gives the
    levels every rule gives, and a line with Arabic in it still goes through the rules."""
    assert fonts._bidi_levels(line, False) == fonts._bidi_levels_full(line, False)
    mixed = line + " مرحبا ١٢"
    assert fonts._bidi_levels(mixed, False) == fonts._bidi_levels_full(mixed, False)
    assert any(level % 2 for level in fonts._bidi_levels(mixed, False))
