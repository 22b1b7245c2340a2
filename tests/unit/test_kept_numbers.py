"""Numbers and money are kept once worded (game/text/formats.py): a language switch words them anew, and a
kept figure never stands for another that compares equal to it."""

from __future__ import annotations

import pytest

import game.text as text
from game.text import formats


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    text.set_language("en")


def test_kept_figures_follow_a_language_switch():
    text.set_language("en")
    assert (formats.number(12345), formats.money(1250), formats.area(4100.0)) == ("12,345", "US$1,250", "4,100 m²")
    text.set_language("fr")
    assert formats.number(12345) == "12\u202f345"
    assert formats.money(1250) != "US$1,250" and "1" in formats.money(1250)
    text.set_language("ar")
    assert formats.money(1250).startswith(formats.LRM)  # right to left: kept whole
    text.set_language("en")
    assert formats.money(1250) == "US$1,250"


def test_equal_values_that_read_differently_are_kept_apart():
    assert formats.number(0.0) == "0" and formats.number(-0.0) == "-0"
    assert formats.number(2, 1) == "2.0" and formats.number(2.0) == "2"


def test_kept_percentages_follow_a_language_switch():
    text.set_language("en")
    assert formats.percent(0.2) == "20%" and formats.percent(-0.001) == "-0%" and formats.percent(0.0) == "0%"
    text.set_language("fr")
    assert formats.percent(0.2) == "20\u00a0%"
