"""The "Preparing the map" screen shown while a level builds, with a risk-education tip.

:func:`load` draws the screen once (the next EORE key message in turn, see
:meth:`App.next_tip`), builds the level while it shows, and keeps it up for a
moment so the tip can be read (any key or click goes on; headless runs do
not wait). It returns what the builder returned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pygame

from game.text import _
from game.ui import icons
from game.ui import theme as th
from game.ui.layout import blit, mirror
from game.ui.scene import Scene
from game.ui.widgets import panel, text_block

T = TypeVar("T")
#: How long the tip stays at least, in seconds (interactive runs only).
MIN_SHOW_S = 1.5


class LoadingScene(Scene):
    """A calm screen with one key message; it has no buttons."""

    def __init__(self, app, tip: str):
        super().__init__(app)
        self.tip = tip

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        title = t.text(_("Preparing the map…"), 22, th.TEXT_DIM, bold=True)
        surface.blit(title, title.get_rect(midtop=(w // 2, h // 4)))
        box_w = min(w - t.px(60), t.px(640))
        lines = len(th.wrap(t.font(17), self.tip, box_w - t.px(108)))
        head_h = t.font(15, True).get_linesize() + t.px(4)  # (taller in Arabic and Khmer than in Latin letters)
        box = pygame.Rect(0, 0, box_w, max(t.px(92), 2 * t.px(18) + head_h + lines * t.font(17).get_linesize()))
        box.center = (w // 2, h // 2)
        panel(surface, box, t, alpha=255)
        pygame.draw.rect(surface, th.ACCENT, box, 1, border_radius=t.px(6))
        pad = t.px(18)
        ic = icons.icon("marking_sign", t.px(56))
        x = box.x + pad
        if ic is not None:
            blit(surface, ic, (x, box.y + pad), box)  # the sign before the words: on the right right to left
            x += t.px(72)
        inner = mirror((x, box.y + pad, box.right - pad - x, box.h - 2 * pad), box)
        y = text_block(surface, t, _("Risk education"), inner, 15, th.ACCENT, bold=True)
        text_block(surface, t, self.tip, pygame.Rect(inner.x, y + t.px(4), inner.w, inner.bottom - y), 17)


def load(app, build: Callable[[], T]) -> T:
    """Show the loading screen with the next tip while ``build()`` runs; returns its result."""
    scene = LoadingScene(app, app.next_tip())
    app.push(scene)
    started = time.monotonic()
    try:
        app.draw()
        pygame.display.flip()
        result = build()
        if not app.fixed_step:
            _linger(started)
    finally:
        if scene in app.scenes:
            app.scenes.remove(scene)
    return result


def _linger(started: float) -> None:
    """Keep the tip up until MIN_SHOW_S has passed or the player presses a key or clicks."""
    while time.monotonic() - started < MIN_SHOW_S:
        for event in pygame.event.get():
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                return
            if event.type == pygame.QUIT:
                pygame.event.post(event)
                return
        time.sleep(0.02)
