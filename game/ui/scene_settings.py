"""Settings: the UI scale (1x, 1.5x, 2x), hints, sound, and the name and class code for handing in results.
Saved at once to the user's data folder."""

from __future__ import annotations

import pygame

from game.classroom.student import load_student
from game.text import _
from game.ui import theme as th
from game.ui.scene import Scene
from game.store.settings import UI_SCALES
from game.ui.widgets import Button, panel, text_block


class SettingsScene(Scene):
    overlay = True

    def __init__(self, app):
        super().__init__(app)
        self.who = load_student()  # read once, and again after the name screen (not every frame)
        self.stale = False

    def update(self, dt: float) -> None:
        if self.stale and self.app.scene is self:
            self.who, self.stale = load_student(), False

    def set_scale(self, scale: float) -> None:
        self.app.set_ui_scale(scale)

    def toggle_hints(self) -> None:
        self.app.settings.show_hints = not self.app.settings.show_hints
        self.app.save_settings()

    def student(self) -> None:
        self.stale = True
        self.app.go("student")

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.app.pop()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        rect = pygame.Rect(0, 0, min(surface.get_width() - 20, t.px(460)), min(surface.get_height() - 20, t.px(346)))
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        x = rect.x + t.px(20)
        y = rect.y + t.px(14)
        surface.blit(t.text(_("Settings"), 22, th.TEXT, bold=True), (x, y))
        y += t.px(44)
        surface.blit(t.text(_("Interface size"), 15, th.TEXT), (x, y))
        y += t.line + t.px(4)
        self.bar.clear()
        bw = t.px(80)
        for i, scale in enumerate(UI_SCALES):
            label = f"{scale:g}x"
            b = self.bar.add(Button(label, lambda s=scale: self.set_scale(s), pygame.K_1 + i, str(i + 1),
                                    _("Make text and buttons {n} times the normal size").format(n=f"{scale:g}"),
                                    active=self.app.settings.ui_scale == scale))
            b.rect = pygame.Rect(x + i * (bw + t.px(8)), y, bw, t.px(32))
        y += t.px(46)
        hints = _("on") if self.app.settings.show_hints else _("off")
        b = self.bar.add(Button(_("Hints: {state}").format(state=hints), self.toggle_hints, pygame.K_h, "H",
                                _("Show hints on the play screen")))
        b.rect = pygame.Rect(x, y, t.px(160), t.px(32))
        sound = _("on") if self.app.settings.sound else _("off")
        b = self.bar.add(Button(_("Sound: {state}").format(state=sound), self.app.toggle_sound, pygame.K_m, "M",
                                _("Sound effects on or off (F9 anywhere)")))
        b.rect = pygame.Rect(x + t.px(172), y, t.px(160), t.px(32))
        y += t.px(46)
        student = self.who
        who = _("Name and class: {name}, {code}").format(name=student.name, code=student.class_code) if student \
            else _("Name and class: not entered")
        b = self.bar.add(Button(who, self.student, pygame.K_n, "N", _("Type your name and class code for handing "
                                                                      "in results (never needed to play)")))
        b.rect = pygame.Rect(x, y, rect.w - t.px(40), t.px(32))
        y += t.px(46)
        text_block(surface, t, _("Language: English (more catalogues can be added in game/text)."),
                   pygame.Rect(x, y, rect.w - t.px(170), t.line * 3), 13, th.TEXT_DIM)  # clear of Back
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Close the settings")))
        back.rect = pygame.Rect(rect.right - t.px(120), rect.bottom - t.px(46), t.px(100), t.px(32))
        self.bar.draw(surface, t, 15)
