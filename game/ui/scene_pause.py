"""The pause menu over a running level: resume, save and quit, glossary, settings, give up the attempt."""

from __future__ import annotations

import pygame

from game.text import _
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, block_height, column, draw_text, panel, text_block


class PauseScene(Scene):
    overlay = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.note = ""
        self.give_up_armed = False

    def resume(self) -> None:
        self.app.pop()

    def save_and_quit(self) -> None:
        if self.play.save():
            self.app.go("menu", how="reset")
        else:
            self.note = str(self.play.message[0]) if self.play.message else _("Could not save.")

    def settings(self) -> None:
        self.app.go("settings")

    def glossary(self) -> None:
        self.app.go("glossary")

    def give_up(self) -> None:
        """Leave the level without finishing it, after a second press: the attempt and its saved game end
        (the game is saved as it is played, so leaving cannot go back to an earlier save)."""
        if not self.give_up_armed:
            self.give_up_armed = True
            self.note = _("Press Give up again to end this attempt. Its saved game is deleted; the next attempt "
                          "hides the ordnance in new places.")
            return
        self.play.give_up()
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
        self.bar.clear()
        buttons = [
            Button(_("Resume"), self.resume, None, "Esc", _("Back to the level")),
            Button(_("Save and quit"), self.save_and_quit, pygame.K_s, "S",
                   _("Save the game (level, seed and your orders) and go to the menu")),
            Button(_("Glossary"), self.glossary, pygame.K_g, "G", _("The words of mine action")),
            Button(_("Settings"), self.settings, pygame.K_o, "O", _("Interface size, hints, sound, alerts")),
            Button(_("Give up this attempt"), self.give_up, pygame.K_q, "Q",
                   _("Leave the level without a grade; its saved game is deleted")),
        ]
        sw, sh = surface.get_size()
        gap = t.px(8)
        title_h = t.font(22, True).get_linesize()
        w = min(sw - t.px(20), t.px(340))
        note_h = block_height(t, self.note, w - t.px(40), 13) + t.px(6) if self.note else 0
        avail = sh - t.px(20) - title_h - t.px(34) - note_h
        bh = max(t.font(16).get_linesize() + t.px(8), min(t.px(40), (avail - gap * (len(buttons) - 1))
                                                          // len(buttons)))
        h = title_h + t.px(34) + len(buttons) * (bh + gap) + note_h
        rect = pygame.Rect(0, 0, w, min(h, sh - t.px(10)))
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        draw_text(surface, t, _("Paused"), (rect.centerx, rect.y + t.px(12)), 22, th.TEXT, bold=True, anchor="midtop")
        for b in buttons:
            self.bar.add(b)
        y = column(buttons, rect.x + t.px(20), rect.y + title_h + t.px(22), w - t.px(40), bh, gap)
        self.bar.draw(surface, t, 16)
        if self.note:
            text_block(surface, t, self.note, pygame.Rect(rect.x + t.px(20), y, w - t.px(40), note_h), 13, th.BAD)
