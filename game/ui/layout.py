"""Right to left: the screens mirror in a right-to-left language (Arabic), the map does not.

Every screen lays itself out once, left to right, as it always did: the
reading start is the left. In a right-to-left language the reading start is
the right, so a screen mirrors what it places inside a container (the
window, a panel, a row) with :func:`mirror`: a rect keeps its size and its
distance from the container's *other* side. A row of buttons mirrored button
by button comes out in reverse order; a side panel goes to the other side;
an icon before its text goes to the text's right.

The direction is read when a frame is drawn (:func:`rtl`), never kept, so a
language switch in the settings mirrors every screen at the next frame. Hit
testing needs nothing more: a button is clicked where its (mirrored) rect
is, because the rect is where it is drawn.

The widgets (game/ui/widgets.py) do their part themselves: text is placed at
the start of its box (``draw_text`` flips a left anchor to the right),
wrapped lines are right-aligned, scroll bars sit on the left, progress bars
fill from the right and tooltips open to the left of the pointer. What is
never mirrored: the map picture, the overview map's picture, the truth map,
and text itself (game/ui/fonts.py orders its letters and keeps numbers left
to right). docs/translating.md says how to keep a new screen mirrored.
"""

from __future__ import annotations

from typing import Iterable

import pygame

from game import text as _text


def rtl() -> bool:
    """Whether the language in use reads right to left (asked each frame: the language may change)."""
    return _text.is_rtl()


def mirror(rect, within) -> pygame.Rect:
    """``rect`` placed as a right-to-left reader expects inside ``within``: reflected about its vertical
    centre line in a right-to-left language, unchanged otherwise (a copy either way)."""
    out = pygame.Rect(rect)
    if rtl():
        box = pygame.Rect(within)
        out.x = box.x + box.right - out.right
    return out


def mirror_x(x: int, within, width: int = 0) -> int:
    """The left edge of something ``width`` wide whose left edge is at ``x`` in a left-to-right layout."""
    if not rtl():
        return x
    box = pygame.Rect(within)
    return box.x + box.right - (x + width)


def mirror_point(pos, within) -> tuple[int, int]:
    """A point (an anchor of text or an icon) reflected inside ``within`` in a right-to-left language."""
    return mirror_x(int(pos[0]), within), int(pos[1])


def mirror_all(items: Iterable, within) -> None:
    """Mirror the ``rect`` of each item (buttons laid out in a row, a column or a grid) inside ``within``, once
    each (an item named twice is not mirrored back)."""
    for item in {id(item): item for item in items}.values():
        item.rect = mirror(item.rect, within)


def anchor(name: str) -> str:
    """A pygame rect anchor for the reading direction: ``topleft`` means "top, at the start", which is
    ``topright`` in a right-to-left language (centred anchors stay)."""
    if not rtl():
        return name
    if name.endswith("left"):
        return name[:-4] + "right"
    if name.endswith("right"):
        return name[:-5] + "left"
    return name


def start(box, width: int) -> pygame.Rect:
    """The part of ``box`` ``width`` wide at its reading start (its left end, or its right end in a
    right-to-left language): where an icon goes before its text."""
    box = pygame.Rect(box)
    return mirror(pygame.Rect(box.x, box.y, min(width, box.w), box.h), box)


def after(used, box, gap: int = 0) -> pygame.Rect:
    """What is left of ``box`` after ``used`` (and ``gap``) in reading order: to the right of it, or to its
    left in a right-to-left language. The text after an icon, the second colour of a line."""
    used, box = pygame.Rect(used), pygame.Rect(box)
    if rtl():
        right = min(box.right, used.x - gap)
        return pygame.Rect(box.x, box.y, max(0, right - box.x), box.h)
    left = max(box.x, used.right + gap)
    return pygame.Rect(left, box.y, max(0, box.right - left), box.h)


def ltr(text: str) -> str:
    """A piece that always reads left to right (a folder path, a file name) kept whole inside right-to-left
    text: direction marks around it keep its first "/" at its left (unchanged in a left-to-right language)."""
    return f"\u200e{text}\u200e" if rtl() else text


def blit(surface: pygame.Surface, image: pygame.Surface, pos, within) -> pygame.Rect:
    """Blit ``image`` whose top-left corner is at ``pos`` in a left-to-right layout, mirrored inside
    ``within`` (an icon, a picture of text); returns where it went."""
    rect = mirror(image.get_rect(topleft=(int(pos[0]), int(pos[1]))), within)
    surface.blit(image, rect)
    return rect
