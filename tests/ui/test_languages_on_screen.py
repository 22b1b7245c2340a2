"""Every screen in every language: no empty boxes, nothing left in English, Arabic read from the right.

The screens are built once (tests/ui/every_screen.py) and redrawn in each
language, switched without a restart as the settings screen does. Every
string the theme draws is recorded and checked:

- no empty boxes: each character is drawn by a font that has it (the runs
  game/ui/fonts.py makes, against the fonts' own tables);
- in the test language (``qps``: accented and 40% longer) no plain English
  word is drawn: a text that bypassed the catalogue would show;
- in Arabic the first character of a line is drawn at its right end (by the
  runs' order, and in pixels for a sample of lines), and on every screen, in
  the screen's own pixels, a line's first word is at its right end.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pygame
import pytest

import game.text as text
from game.text import LANGUAGES, PSEUDO
from game.text.glyphs import INVISIBLE, family_cover
from game.ui import fonts, theme as th
from game.ui.widgets import probing
from tests.ui.every_screen import screens

#: Words that stay as they are in every language: the game's name, key caps, standards' and sources' names.
KEPT = {"Mine", "Risk", "Esc", "Enter", "Tab", "Space", "End", "WASD", "IMAS", "GICHD", "US", "JSON", "UTF",
        "minerisk", "validate", "play", "Journal", "of", "Conventional", "Weapons", "Destruction",
        "II",  # the pause button's symbol
        "and"}  # lists in the test language are joined the English way (Babel's "en" data)
KEPT |= {w for name in LANGUAGES.values() for w in re.findall(r"[A-Za-z]+", name)}
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def drawn(monkeypatch):
    """Every string the theme draws while the fixture is active."""
    seen: list[str] = []
    text_fn, fit_fn = th.Theme.text, th.Theme.fit_text

    def record_text(self, s, *a, **k):
        seen.append(s)
        return text_fn(self, s, *a, **k)

    def record_fit(self, s, *a, **k):
        seen.append(s)
        return fit_fn(self, s, *a, **k)

    monkeypatch.setattr(th.Theme, "text", record_text)
    monkeypatch.setattr(th.Theme, "fit_text", record_fit)
    yield seen
    text.set_language("en")


class _Misses:
    """The language's catalogue, noting every text asked for that it does not hold (a text the extraction
    missed: shown in English in that language)."""

    def __init__(self, inner, missed: set):
        self.inner, self.missed = inner, missed
        self.known = set(getattr(inner, "_catalog", {}))

    def _note(self, key) -> None:
        if self.known and key not in self.known:
            self.missed.add(key if isinstance(key, str) else key[0])

    def gettext(self, message):
        self._note(message)
        return self.inner.gettext(message)

    def ngettext(self, singular, plural, n):
        self._note((singular, 0))
        return self.inner.ngettext(singular, plural, n)

    def pgettext(self, context, message):
        self._note(f"{context}\x04{message}")
        return self.inner.pgettext(context, message)

    def npgettext(self, context, singular, plural, n):
        self._note((f"{context}\x04{singular}", 0))
        return self.inner.npgettext(context, singular, plural, n)


def _tofu(s: str) -> list[str]:
    """Characters of ``s`` the renderer would draw with a font that lacks them."""
    bad = []
    for run in fonts.runs(s):
        cover = family_cover(run.family)
        bad += [c for c in run.text if ord(c) not in cover and c not in INVISIBLE and not c.isspace()]
    return bad


def _first_at_the_right(s: str) -> bool:
    """The run drawn rightmost (spaces aside) holds the line's first character."""
    clean = "".join(c for c in s if c not in INVISIBLE).strip()
    parts = [r for r in fonts.runs(s) if r.text.strip()]
    if not parts:
        return True
    first = parts[-1]
    if not first.rtl:  # a left-to-right piece (a number, an amount) at the right end reads from its own left
        i = len(parts) - 1
        while i > 0 and not parts[i - 1].rtl:
            i -= 1
        first = parts[i]
    return clean.startswith(first.text.strip()[:1])


def _ink_columns(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(surface).max(axis=1) > 40


def test_every_screen_in_every_language(app, drawn):
    languages = [code for code in LANGUAGES if code != "en"] + [PSEUDO]
    problems: list[str] = []
    arabic_lines: set[str] = set()
    missed: set = set()
    screens_checked = 0  # screens with lines of Arabic checked in their own pixels
    for name, _scene in screens(app):
        for code in languages:
            text.set_language(code)
            text._translation = _Misses(text._translation, missed)
            drawn.clear()
            with probing() as probe:
                app.draw()
            assert drawn, (name, code)
            if code == "ar":
                checked = [_first_word_at_the_right(app, line, rect) for line, rect in _arabic_lines(probe, app)]
                problems += [f"{name} [ar]: on screen, {why}" for why in checked if why]
                screens_checked += bool(checked)
            for s in set(drawn):
                if _tofu(s):
                    problems.append(f"{name} [{code}]: no font draws {_tofu(s)!r} in {s!r}")
                if code == PSEUDO:
                    leaked = [w for w in ASCII_WORD.findall(s) if w not in KEPT]
                    if leaked:
                        problems.append(f"{name} [{code}]: not through the catalogue: {s!r}")
                if code == "ar" and any(unicodedata.bidirectional(c) == "AL" for c in s):
                    arabic_lines.add(s)
                    if not _first_at_the_right(s):
                        problems.append(f"{name} [ar]: the line does not start at its right end: {s!r}")
    assert not problems, "\n".join(problems[:20])
    assert not missed, f"asked for but not in the catalogues (mark them for extraction): {sorted(missed)[:10]}"
    assert len(arabic_lines) > 100
    assert screens_checked >= 12  # (the loading tip and the message were worded in English when they were made)
    text.set_language("ar")
    font = app.theme.font(15)
    starts_arabic = [s for s in sorted(arabic_lines) if unicodedata.bidirectional(s.strip()[0]) == "AL"]
    for s in starts_arabic[:40]:  # in pixels: without its first letter, a line loses its right end
        body = s.strip()
        cut = 1
        while cut < len(body) and unicodedata.category(body[cut]) == "Mn":  # the letter with its marks
            cut += 1
        whole = _ink_columns(font.render(body, True, (255, 255, 255)))
        rest = _ink_columns(font.render(body[cut:], True, (255, 255, 255)))
        assert whole.size > rest.size and _right_side(whole, rest), s


def _arabic_lines(probe, app, most: int = 2) -> list[tuple[str, pygame.Rect]]:
    """The longest lines of the top screen that start with two Arabic words (so the first word can be taken off
    without changing how the rest is shaped), drawn in full on screen, away from other text."""
    layer = probe.layers[-1]
    screen = app.screen.get_rect()
    out = []
    for line, rect in layer["texts"]:
        words = line.split(" ")
        if len(words) < 2 or line != line.strip() or not screen.contains(rect):
            continue
        if not all(w and unicodedata.bidirectional(w[0]) == "AL" for w in words[:2]):
            continue
        if any(r.colliderect(rect) for other, r in layer["texts"] if r != rect):
            continue
        out.append((line, rect))
    out.sort(key=lambda item: -item[1].w)
    return out[:most]


def _first_word_at_the_right(app, line: str, rect: pygame.Rect) -> str:
    """Draw the screen again with ``line`` replaced by its rest (without its first word) at the left of a
    picture as wide as the line: if the screen drew the line starting at its right end, the left part of its
    pixels is the same and only its right end lost ink. Returns what is wrong ("" if nothing)."""
    before = pygame.surfarray.array3d(app.screen)
    first, rest = line.split(" ", 1)
    text_fn = th.Theme.text
    widths = []

    def rest_only(img, draw):
        if img.get_width() != rect.w:
            return img
        out = pygame.Surface(img.get_size(), pygame.SRCALPHA)
        part = draw()
        out.blit(part, (0, 0))
        widths.append(part.get_width())
        return out

    def text(self, s, *a, **k):
        img = text_fn(self, s, *a, **k)
        return rest_only(img, lambda: text_fn(self, rest, *a, **k)) if s == line else img

    th.Theme.text = text
    try:
        app.draw()
    finally:
        th.Theme.text = text_fn
    after = pygame.surfarray.array3d(app.screen)
    app.draw()
    if not widths:
        return ""  # shrunk to fit its box (drawn by Theme.fit_text): not this check's case
    cut = rect.x + widths[0]
    ys = slice(rect.y, rect.bottom)
    left_same = np.mean(np.all(before[rect.x:cut, ys] == after[rect.x:cut, ys], axis=2))
    right_changed = np.any(before[cut:rect.right, ys] != after[cut:rect.right, ys])
    if left_same < 0.97 or not right_changed:
        return f"the line does not start at its right end ({left_same:.0%} of the rest in place): {line!r}"
    return ""


def _right_side(whole: np.ndarray, rest: np.ndarray) -> bool:
    """The text without its first letter is the left part of the whole line (it lost its right end)."""
    n = rest.size
    same_left = np.mean(whole[:n] == rest) if n else 1.0
    same_right = np.mean(whole[-n:] == rest) if n else 0.0
    return same_left >= same_right


def test_the_language_picker_switches_without_a_restart(app, drawn):
    app.go("menu", how="reset")
    settings = app.go("settings")
    app.draw()
    french = next(b for b in settings.bar.buttons if b.label == "Français")
    french.action()
    drawn.clear()
    app.draw()
    assert "Paramètres" in drawn and text.language() == "fr"
    assert app.settings.language == "fr"
    from game.store.settings import Settings

    assert Settings.load().language == "fr"  # saved at once
    app.pop()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_o, mod=0, unicode="o"))
    app.step()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=0, unicode="l"))
    app.step()
    assert text.language() == "es" and Settings.load().language == "es"
