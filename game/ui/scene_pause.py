"""The pause menu over a running level: resume, save and quit, settings, quit to the menu."""

from __future__ import annotations

import pygame

from game.text import _
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, column, panel


class PauseScene(Scene):
    overlay = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.note = ""

    def resume(self) -> None:
        self.app.pop()

    def save_and_quit(self) -> None:
        if self.play.save():
            self.app.go("menu", how="reset")
        else:
            self.note = self.play.message[0] if self.play.message else _("Could not save.")

    def settings(self) -> None:
        self.app.go("settings")

    def quit_to_menu(self) -> None:
        self.app.go("menu", how="reset")

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.resume()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        w, h = t.px(340), t.px(300)
        rect = pygame.Rect(0, 0, w, h)
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        title = t.text(_("Paused"), 22, th.TEXT, bold=True)
        surface.blit(title, title.get_rect(midtop=(rect.centerx, rect.y + t.px(14))))
        self.bar.clear()
        buttons = [
            Button(_("Resume"), self.resume, None, "Esc", _("Back to the level")),
            Button(_("Save and quit"), self.save_and_quit, pygame.K_s, "S",
                   _("Save the game (level, seed and your orders) and go to the menu")),
            Button(_("Settings"), self.settings, pygame.K_o, "O", _("UI scale and other settings")),
            Button(_("Quit to menu"), self.quit_to_menu, pygame.K_m, "M", _("Leave without saving")),
        ]
        for b in buttons:
            self.bar.add(b)
        column(buttons, rect.x + t.px(30), rect.y + t.px(60), w - t.px(60), t.px(40), t.px(10))
        self.bar.draw(surface, t, 16)
        if self.note:
            img = t.text(self.note, 13, th.BAD)
            surface.blit(img, img.get_rect(midbottom=(rect.centerx, rect.bottom - t.px(6))))
