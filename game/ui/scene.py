"""The base of every screen: it handles events, advances time and draws itself.

Scenes sit on the app's stack; only the top one gets events and updates. A
scene laid over another (the pause menu) draws the one below first.
"""

from __future__ import annotations

import pygame

from game.ui.widgets import ButtonBar, tooltip


class Scene:
    """One screen of the game. Subclasses override :meth:`handle`, :meth:`update`, :meth:`draw`."""

    overlay = False  # True: the scene below is drawn first

    def __init__(self, app):
        self.app = app
        self.bar = ButtonBar()

    @property
    def theme(self):
        return self.app.theme

    def handle(self, event: pygame.event.Event) -> None:
        self.bar.handle(event)

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def draw_tooltips(self, surface: pygame.Surface) -> None:
        """Tooltip of the button under the mouse (its text and key)."""
        pos = pygame.mouse.get_pos()
        b = self.bar.hovered(pos)
        if b is not None and b.hint():
            tooltip(surface, self.theme, [b.hint()], pos)

    def on_quit(self) -> None:
        """The window is closing: save what must be saved."""
