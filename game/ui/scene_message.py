"""A message over the current screen that the player must answer: what happened to
their files (a file set aside, a save that failed) and what they can do.

The window stays open until the player picks a button; Esc picks the first
one. Used for the notices of game/store (told once, at start or when a file
is found broken) and when closing the window could not save the game.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.text import _
from game.ui import theme as th
from game.ui.layout import mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block

Choice = tuple[str, Callable[[], None], int | None, str, str]  # label, action, key, key name, tooltip


class MessageScene(Scene):
    overlay = True
    is_message = True  # the app closes a message it showed without knowing this class (game/ui/routes.py)

    def __init__(self, app, title: str, sentences: list[str], choices: list[Choice] | None = None,
                 colour=th.ACCENT):
        super().__init__(app)
        self.title = title
        self.sentences = list(sentences)
        self.colour = colour
        self.choices = choices or [(_("OK"), self.close, pygame.K_RETURN, "Enter", _("Close this message"))]

    def close(self) -> None:
        if self.app.scene is self:
            self.app.pop()

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.choices[0][1]()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 160))
        surface.blit(shade, (0, 0))
        w = min(surface.get_width() - t.px(20), t.px(620))
        pad = t.px(18)
        font = t.font(14)
        text_h = sum(len(th.wrap(font, s, w - 2 * pad)) * font.get_linesize() + t.px(8) for s in self.sentences)
        h = min(surface.get_height() - t.px(20), pad * 3 + t.px(30) + text_h + t.px(40))
        rect = pygame.Rect(0, 0, w, h)
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        pygame.draw.rect(surface, self.colour, rect, 2, border_radius=t.px(6))
        y = text_block(surface, t, self.title, pygame.Rect(rect.x + pad, rect.y + pad, w - 2 * pad, t.px(30)), 19,
                       self.colour, bold=True) + t.px(6)
        bottom = rect.bottom - pad - t.px(40)
        for sentence in self.sentences:
            y = text_block(surface, t, sentence, pygame.Rect(rect.x + pad, y, w - 2 * pad, bottom - y), 14) + t.px(8)
        self.bar.clear()
        n = len(self.choices)
        gap = t.px(10)
        bw = min(t.px(200), (w - 2 * pad - (n - 1) * gap) // n)
        x = rect.right - pad - n * bw - (n - 1) * gap
        for label, action, key, key_name, tip in self.choices:
            b = self.bar.add(Button(label, action, key, key_name, tip))
            b.rect = mirror((x, rect.bottom - pad - t.px(36), bw, t.px(36)), rect)  # the first one read first
            x += bw + gap
        self.bar.draw(surface, t, 15)
