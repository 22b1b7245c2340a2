"""Line wrapping in every script: lines fit their room, keep every word, and break no earlier than needed.

Wrapping adds the cached widths of words and measures a line whole only near the edge (game.ui.fonts);
these checks hold that shortcut to what measuring every line whole gives.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from babel.messages.pofile import read_po

import game.text as text
from game.ui import fonts


def _long_texts(language: str, n: int = 40) -> list[str]:
    """The longest sentences of a language's catalogue (English: the source texts)."""
    po = Path(text.__file__).parent / "locale" / ("ar" if language == "en" else language) / "LC_MESSAGES" / "minerisk.po"
    with open(po, "rb") as fh:
        catalogue = read_po(fh, locale="ar" if language == "en" else language)
    found = []
    for m in catalogue:
        if not m.id or isinstance(m.id, tuple):
            continue
        found.append(m.id if language == "en" else (m.string or ""))
    return sorted((t for t in found if "{" not in t), key=len, reverse=True)[:n]


@pytest.fixture
def font():
    fonts.reset()  # fonts cached by an earlier test's pygame are dead
    pygame.init()
    yield fonts.TextFont(14)
    fonts.reset()
    pygame.quit()


@pytest.mark.parametrize("language", ["en", "ar", "km", "uk"])
def test_wrapped_lines_fit_keep_every_word_and_break_late(font, language):
    before = text.language()
    text.set_language(language)
    try:
        for sample in _long_texts(language):
            for para in (p.strip(" ") for p in sample.split("\n") if p.strip(" ")):
                for width in (90, 160, 280, 430):
                    _check(font, para, width, language)
    finally:
        text.set_language(before)


def _check(font, para: str, width: int, language: str) -> None:
    lines = fonts.wrap(font, para, width)
    squeeze = str.maketrans("", "", " \u200b")
    assert "".join(lines).translate(squeeze) == para.translate(squeeze)
    for i, line in enumerate(lines):
        single = len(fonts._words(line)) == 1  # a word wider than the room is cut, not squeezed
        assert font.size(line)[0] <= width or single, (language, width, line)
        if i + 1 < len(lines) and not single:
            first_next = fonts._words(lines[i + 1])[0].rstrip(" \u200b")
            # the next line's first word did not fit here: the break was needed
            assert font.size(line + " " + first_next)[0] > width * 0.85, (language, width, line, first_next)
