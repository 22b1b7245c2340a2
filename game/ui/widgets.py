"""Small home-made widgets: buttons, panels, text in boxes and a tooltip.

Widgets are plain objects laid out by their scene each frame (so a resized
window or a new UI scale just works). A :class:`Button` knows its key, shown
in its tooltip, so every action reachable with the mouse has a key too.

Text is drawn through :func:`draw_text` (one line in a box: smaller, then
shortened with "…", if it must) and :func:`text_block` (wrapped lines in a
box). While a :class:`LayoutProbe` listens (:func:`probing`, the layout
tests), they and the buttons report where they drew and what did not fit,
so a test can fail on clipped text, overlapping controls, text under a
control or a control off screen at any window size and UI scale.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pygame

from game.text import is_rtl
from game.ui import layout
from game.ui import theme as th


# ------------------------------------------------------------ the layout probe


@dataclass
class LayoutProbe:
    """What one frame drew, screen by screen (``layers``: one per scene drawn, the top one last)."""

    layers: list[dict] = field(default_factory=list)

    def begin_layer(self, name: str) -> None:
        self.layers.append({"name": name, "texts": [], "controls": [], "clipped": []})

    @property
    def top(self) -> dict:
        if not self.layers:
            self.begin_layer("?")
        return self.layers[-1]


_probe: LayoutProbe | None = None


@contextmanager
def probing() -> Iterator[LayoutProbe]:
    """Record the layout of what is drawn inside the ``with`` block."""
    global _probe
    _probe, before = LayoutProbe(), _probe
    try:
        yield _probe
    finally:
        _probe = before


def probe_layer(name: str) -> None:
    """A new scene starts drawing (the app calls this)."""
    if _probe is not None:
        _probe.begin_layer(name)


def note_text(text: str, rect: pygame.Rect, surface: pygame.Surface | None = None) -> None:
    """Text drawn at ``rect``; text outside the surface's clip (scrolled out of its box) is not shown and
    not recorded."""
    if _probe is None or not text.strip():
        return
    if surface is not None and not surface.get_clip().contains(rect):
        return
    _probe.top["texts"].append((text, pygame.Rect(rect)))


def note_clipped(text: str, box: pygame.Rect, why: str) -> None:
    """Text that did not fit its box (shortened, shrunk too far, or lines left out)."""
    if _probe is not None:
        _probe.top["clipped"].append((text, pygame.Rect(box), why))


def note_control(button: "Button") -> None:
    if _probe is not None:
        _probe.top["controls"].append((button.label or button.tooltip, pygame.Rect(button.rect), button.hidden))


@dataclass
class Button:
    """A clickable label with an optional keyboard key (``key`` is a pygame key code)."""

    label: str
    action: Callable[[], None]
    key: int | None = None
    key_name: str = ""
    tooltip: str = ""
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    enabled: bool = True
    active: bool = False  # drawn highlighted (a chosen option)
    hidden: bool = False  # a hit area only: the scene draws what it stands for

    def hint(self) -> str:
        if self.key_name:
            return f"{self.tooltip} [{self.key_name}]" if self.tooltip else f"[{self.key_name}]"
        return self.tooltip

    def draw(self, surface: pygame.Surface, theme: th.Theme, hover: bool, size: int = 15) -> None:
        if self.hidden:
            return
        bg = th.PANEL_LIGHT if hover and self.enabled else th.PANEL
        if self.active:
            bg = (80, 70, 30)
        pygame.draw.rect(surface, bg, self.rect, border_radius=theme.px(4))
        pygame.draw.rect(surface, th.ACCENT if self.active else th.BORDER, self.rect, width=max(1, theme.px(1)),
                         border_radius=theme.px(4))
        colour = th.TEXT if self.enabled else th.TEXT_DIM
        draw_text(surface, theme, self.label, self.rect.inflate(-theme.px(6), 0), size, colour, anchor="center")


class ButtonBar:
    """A group of buttons: hit-testing, hover, keys and tooltips in one place."""

    def __init__(self) -> None:
        self.buttons: list[Button] = []

    def clear(self) -> None:
        self.buttons = []

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    def handle(self, event: pygame.event.Event) -> bool:
        """Run the button a click or key means; True if the event was used."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.enabled and b.rect.collidepoint(event.pos):
                    b.action()
                    return True
        elif event.type == pygame.KEYDOWN:
            for b in self.buttons:
                if b.enabled and b.key is not None and event.key == b.key:
                    b.action()
                    return True
        return False

    def hovered(self, pos) -> Button | None:
        for b in self.buttons:
            if b.rect.collidepoint(pos):
                return b
        return None

    def draw(self, surface: pygame.Surface, theme: th.Theme, size: int = 15) -> None:
        mouse = pygame.mouse.get_pos()
        for b in self.buttons:
            note_control(b)
            b.draw(surface, theme, b.rect.collidepoint(mouse), size)


def column(buttons: list[Button], x: int, y: int, w: int, h: int, gap: int) -> int:
    """Lay buttons out top to bottom; returns the y below the last one."""
    for b in buttons:
        b.rect = pygame.Rect(x, y, w, h)
        y += h + gap
    return y


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: th.Theme, alpha: int = 235) -> None:
    """A dark rounded panel (translucent over the map)."""
    if alpha >= 255:
        pygame.draw.rect(surface, th.PANEL, rect, border_radius=theme.px(6))
    else:
        tmp = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(tmp, (*th.PANEL, alpha), tmp.get_rect(), border_radius=theme.px(6))
        surface.blit(tmp, rect.topleft)
    pygame.draw.rect(surface, th.BORDER, rect, width=1, border_radius=theme.px(6))


def page_panel(surface: pygame.Surface, theme: th.Theme, max_w: int, max_h: int | None = None,
               margin: int = 40) -> pygame.Rect:
    """A full screen's one panel: the background cleared, then a panel centred in the window, at most
    ``max_w`` by ``max_h`` (default: the window's height) and ``margin`` from its edges (sizes in 1x pixels)."""
    w, h = surface.get_size()
    surface.fill(th.BG)
    height = h - theme.px(margin) if max_h is None else min(h - theme.px(margin), theme.px(max_h))
    rect = pygame.Rect(0, 0, min(w - theme.px(margin), theme.px(max_w)), height)
    rect.center = (w // 2, h // 2)
    panel(surface, rect, theme, alpha=255)
    return rect


#: A one-line text may shrink to this share of its size before it is shortened with "…".
MIN_SHRINK = 0.8


def draw_text(surface: pygame.Surface, theme: th.Theme, text: str, box: pygame.Rect | tuple, size: int = 15,
              colour=th.TEXT, bold: bool = False, anchor: str = "topleft",
              min_shrink: float = MIN_SHRINK, within: pygame.Rect | None = None) -> pygame.Rect:
    """One line of text placed in ``box`` (a rect, or a point for text that needs no box) at ``anchor``
    (``topleft``, ``midleft``, ``center``, ``midright``, ``topright``...). Text wider than the box gets a
    little smaller (down to ``min_shrink`` of its size), then is shortened with "…" (and reported to the layout
    probe). Returns where it went.

    Right to left (game/ui/layout.py): a left anchor means the start of the box, so in a box the text goes to
    its right end. A point stays where it is unless ``within`` is given: then the point and its anchor are
    mirrored inside ``within`` (a box given with ``within`` is mirrored inside it too)."""
    if within is not None:
        box = layout.mirror_point(box, within) if len(box) == 2 else layout.mirror(box, within)
    if len(box) == 2:
        img = theme.text(text, size, colour, bold)
        rect = img.get_rect(**{(layout.anchor(anchor) if within is not None else anchor): tuple(box)})
    else:
        anchor = layout.anchor(anchor)
        box = pygame.Rect(box)
        img = theme.text(text, size, colour, bold)
        if img.get_width() > box.w:
            img = theme.fit_text(text, box.w, size, colour, bold, min_px=max(8, int(theme.px(size) * min_shrink)))
            if img.get_width() > box.w:
                note_clipped(text, box, "too wide")
                img = _shortened(theme, text, box.w, img.get_height(), colour, bold)
        rect = img.get_rect(**{anchor: getattr(box, anchor)})
    surface.blit(img, rect)
    note_text(text, rect, surface)
    return rect


def _shortened(theme: th.Theme, text: str, width: int, height: int, colour, bold: bool) -> pygame.Surface:
    """The longest start of ``text`` that fits ``width`` with "…" after it, at the font that is ``height`` tall."""
    font = next((f for f in (theme.font(s, bold) for s in range(40, 4, -1)) if f.get_height() == height), None)
    font = font or theme.font(8, bold)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return font.render(text[:lo].rstrip() + "…", True, colour)


def block_height(theme: th.Theme, text: str, width: int, size: int = 15, bold: bool = False) -> int:
    """The height :func:`text_block` needs for ``text`` at ``width`` pixels."""
    font = theme.font(size, bold)
    return len(th.wrap(font, text, width)) * font.get_linesize()


def text_block(surface: pygame.Surface, theme: th.Theme, text: str, rect: pygame.Rect, size: int = 15,
               colour=th.TEXT, bold: bool = False) -> int:
    """Draw wrapped text inside ``rect``; returns the y below the last line drawn. Lines that do not fit
    are left out (and reported to the layout probe)."""
    font = theme.font(size, bold)
    y = rect.y
    lines = th.wrap(font, text, rect.w)
    for i, line in enumerate(lines):
        if y + font.get_linesize() > rect.bottom:
            note_clipped(text, rect, f"{len(lines) - i} of {len(lines)} lines left out")
            break
        if line:
            img = theme.text(line, size, colour, bold)
            if img.get_width() > rect.w:  # one word wider than the box
                note_clipped(line, rect, "a word too wide")
            if is_rtl():  # right to left: lines start at the right edge (ragged left); an overflow loses its end
                x = max(rect.x, rect.right - img.get_width())
                surface.blit(img, (x, y), pygame.Rect(max(0, img.get_width() - rect.w), 0, rect.w, img.get_height()))
            else:
                x = rect.x
                surface.blit(img, (x, y), pygame.Rect(0, 0, rect.w, img.get_height()))
            note_text(line, pygame.Rect(x, y, min(img.get_width(), rect.w), img.get_height()), surface)
        y += font.get_linesize()
    return y


def tooltip(surface: pygame.Surface, theme: th.Theme, lines: list[str], pos: tuple[int, int]) -> None:
    """A box of text lines near ``pos``, kept inside the window: below and after the pointer in reading order
    (to its left, lines right-aligned, in a right-to-left language)."""
    if not lines:
        return
    font = theme.font(13)
    width = min(theme.px(440), surface.get_width() - theme.px(40))
    imgs = [theme.text(part, 13) for line in lines for part in th.wrap(font, line, width)]
    pad = theme.px(6)
    w = max(i.get_width() for i in imgs) + 2 * pad
    h = sum(i.get_height() for i in imgs) + 2 * pad
    x, y = pos[0] + theme.px(16), pos[1] + theme.px(16)
    sw, sh = surface.get_size()
    if layout.rtl():
        x = pos[0] - theme.px(16) - w
    x = max(2, min(x, sw - w - 2))
    y = min(y, sh - h - 2)
    rect = pygame.Rect(max(0, x), max(0, y), w, h)
    pygame.draw.rect(surface, (14, 16, 20), rect, border_radius=theme.px(4))
    pygame.draw.rect(surface, th.ACCENT, rect, width=1, border_radius=theme.px(4))
    yy = rect.y + pad
    for img in imgs:
        layout.blit(surface, img, (rect.x + pad, yy), rect)
        yy += img.get_height()


def progress_bar(surface: pygame.Surface, theme: th.Theme, rect: pygame.Rect, share: float, colour=th.INFO,
                 back=th.PANEL_LIGHT) -> pygame.Rect:
    """A bar ``share`` (0 to 1) full, filling from the reading start (the right in a right-to-left language);
    returns the filled part."""
    rect = pygame.Rect(rect)
    radius = min(rect.h // 2, theme.px(2))
    pygame.draw.rect(surface, back, rect, border_radius=radius)
    full = pygame.Rect(rect.x, rect.y, int(round(rect.w * max(0.0, min(1.0, share)))), rect.h)
    full = layout.mirror(full, rect)
    if full.w:
        pygame.draw.rect(surface, colour, full, border_radius=radius)
    return full


class Scroller:
    """A vertical scroll position for content taller than its box (a panel, a menu, a list).

    Each frame: ``top = scroller.begin(surface, rect)`` clips drawing to ``rect`` and gives the y where
    the content starts (above ``rect`` when scrolled), the content is drawn from there, then
    ``scroller.end(surface, bottom)`` says where it ended (for the scroll bar and limits). Controls are
    added only where :meth:`shows` says they are in full view; the mouse wheel over ``rect`` scrolls
    (:meth:`wheel`), and :meth:`reveal` brings a part of the content into view.
    """

    def __init__(self) -> None:
        self.offset = 0
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.content_h = 0
        self._clip: pygame.Rect | None = None

    def begin(self, surface: pygame.Surface, rect: pygame.Rect) -> int:
        self.rect = pygame.Rect(rect)
        self.offset = max(0, min(self.offset, self.content_h - self.rect.h))
        self._clip = surface.get_clip()
        surface.set_clip(self.rect.clip(self._clip) if self._clip else self.rect)
        return self.rect.y - self.offset

    def end(self, surface: pygame.Surface, theme: th.Theme, bottom: int) -> None:
        self.content_h = bottom + self.offset - self.rect.y
        surface.set_clip(self._clip)
        self.offset = max(0, min(self.offset, self.content_h - self.rect.h))
        if self.scrolls:
            w = max(3, theme.px(4))
            bar = layout.mirror(pygame.Rect(self.rect.right - w, self.rect.y, w, self.rect.h), self.rect)
            pygame.draw.rect(surface, th.PANEL_LIGHT, bar, border_radius=w // 2)
            h = max(theme.px(20), self.rect.h * self.rect.h // max(1, self.content_h))
            y = self.rect.y + (self.rect.h - h) * self.offset // max(1, self.content_h - self.rect.h)
            pygame.draw.rect(surface, th.TEXT_DIM, (bar.x, y, w, h), border_radius=w // 2)

    @property
    def scrolls(self) -> bool:
        return self.content_h > self.rect.h

    def content(self, gutter: int) -> pygame.Rect:
        """The part of the box the content uses: all of it, less ``gutter`` pixels for the scroll bar when it
        scrolls (on the right, or on the left in a right-to-left language)."""
        box = pygame.Rect(self.rect)
        if self.scrolls:
            box.w -= gutter
            box = layout.mirror(box, self.rect)
        return box

    def shows(self, rect: pygame.Rect) -> bool:
        """Whether ``rect`` is in full view (a control is clickable only then)."""
        return self.rect.contains(rect)

    def wheel(self, pos, dy: int, step: int) -> bool:
        """Scroll by ``dy`` wheel notches if ``pos`` is over the box; True if it was."""
        if not self.rect.collidepoint(pos) or not self.scrolls:
            return False
        self.offset = max(0, min(self.offset - dy * step, self.content_h - self.rect.h))
        return True

    def reveal(self, top: int, bottom: int) -> None:
        """Scroll so that content from ``top`` to ``bottom`` (screen y as last drawn) is in view."""
        if bottom > self.rect.bottom:
            self.offset += bottom - self.rect.bottom
        if top < self.rect.y:
            self.offset -= self.rect.y - top
        self.offset = max(0, self.offset)
