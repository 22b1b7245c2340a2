"""Small home-made widgets: buttons, panels, text blocks and a tooltip.

Widgets are plain objects laid out by their scene each frame (so a resized
window or a new UI scale just works). A :class:`Button` knows its key, shown
in its tooltip, so every action reachable with the mouse has a key too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from game.ui import theme as th


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
        img = theme.fit_text(self.label, self.rect.w - theme.px(6), size, colour)
        surface.blit(img, img.get_rect(center=self.rect.center))


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


def text_block(surface: pygame.Surface, theme: th.Theme, text: str, rect: pygame.Rect, size: int = 15,
               colour=th.TEXT, bold: bool = False) -> int:
    """Draw wrapped text inside ``rect``; returns the y below the last line drawn."""
    font = theme.font(size, bold)
    y = rect.y
    for line in th.wrap(font, text, rect.w):
        if y + font.get_linesize() > rect.bottom:
            break
        if line:
            surface.blit(theme.text(line, size, colour, bold), (rect.x, y))
        y += font.get_linesize()
    return y


def tooltip(surface: pygame.Surface, theme: th.Theme, lines: list[str], pos: tuple[int, int]) -> None:
    """A box of text lines near ``pos``, kept inside the window."""
    if not lines:
        return
    imgs = [theme.text(line, 13) for line in lines]
    pad = theme.px(6)
    w = max(i.get_width() for i in imgs) + 2 * pad
    h = sum(i.get_height() for i in imgs) + 2 * pad
    x, y = pos[0] + theme.px(16), pos[1] + theme.px(16)
    sw, sh = surface.get_size()
    x = min(x, sw - w - 2)
    y = min(y, sh - h - 2)
    rect = pygame.Rect(max(0, x), max(0, y), w, h)
    pygame.draw.rect(surface, (14, 16, 20), rect, border_radius=theme.px(4))
    pygame.draw.rect(surface, th.ACCENT, rect, width=1, border_radius=theme.px(4))
    yy = rect.y + pad
    for img in imgs:
        surface.blit(img, (rect.x + pad, yy))
        yy += img.get_height()
