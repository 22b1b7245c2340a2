"""Settings: the language, the UI scale (1x, 1.5x, 2x), hints, sound, and the name and class code for handing
in results. Saved at once to the user's data folder; a new language shows at once, without a restart."""

from __future__ import annotations

import pygame

from game.classroom.student import load_student
from game.text import LANGUAGES, _, available_languages, language
from game.ui import theme as th
from game.ui.layout import mirror
from game.ui.scene import Scene
from game.store.settings import UI_SCALES
from game.ui.widgets import Button, Scroller, draw_text, panel, text_block


class SettingsScene(Scene):
    overlay = True

    def __init__(self, app):
        super().__init__(app)
        self.who = load_student()  # read once, and again after the name screen (not every frame)
        self.stale = False
        self.scroller = Scroller()

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

    def toggle_auto_pause(self) -> None:
        """Whether alerts (a team idle, money low, a find...) stop time; on for new players."""
        self.app.settings.auto_pause = not self.app.settings.auto_pause
        self.app.save_settings()
    def next_language(self) -> None:
        """The L key: the next language of the list."""
        codes = available_languages()
        here = codes.index(language()) if language() in codes else -1
        self.app.set_language(codes[(here + 1) % len(codes)])

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.app.pop()
            return
        if event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, self.theme.px(40))
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        settings = self.app.settings
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        sw, sh = surface.get_size()
        rect = pygame.Rect(0, 0, min(sw - t.px(20), t.px(520)), min(sh - t.px(20), t.px(540)))
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        self.bar.clear()
        pad = t.px(18)
        bh = max(t.px(32), t.font(15).get_linesize() + t.px(8))
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Close the settings")))
        back.rect = mirror((rect.right - pad - t.px(100), rect.bottom - pad - bh, t.px(100), bh), rect)
        area = pygame.Rect(rect.x + pad, rect.y + t.px(12), rect.w - 2 * pad, back.rect.y - t.px(8) - rect.y - t.px(12))
        y = self.scroller.begin(surface, area)
        content = self.scroller.content(t.px(10))  # everything below is mirrored in it right to left
        x, w = content.x, content.w
        draw_text(surface, t, _("Settings"), (x, y), 22, th.TEXT, bold=True, within=content)
        y += t.font(22, True).get_linesize() + t.px(10)
        draw_text(surface, t, _("Language"), (x, y), 15, th.TEXT, within=content)
        y += t.line + t.px(4)
        codes = available_languages()
        per_row = 4 if w >= t.px(400) else 2
        gap = t.px(8)
        lw = (w - (per_row - 1) * gap) // per_row
        for i, code in enumerate(codes):
            b = Button(LANGUAGES[code], lambda c=code: self.app.set_language(c), None, "L",
                       _("Show the game in this language (L: the next one)"), active=language() == code)
            b.rect = mirror((x + (i % per_row) * (lw + gap), y + (i // per_row) * (bh + gap), lw, bh), content)
            if self.scroller.shows(b.rect):
                self.bar.add(b)
        y += ((len(codes) + per_row - 1) // per_row) * (bh + gap)
        self.bar.add(Button("", self.next_language, pygame.K_l, "L", hidden=True))
        y += t.px(6)  # the language first: a player who cannot read the others finds it at once
        draw_text(surface, t, _("Interface size"), (x, y), 15, th.TEXT, within=content)
        y += t.line + t.px(4)
        bw = min(t.px(80), (w - 2 * t.px(8)) // 3)
        for i, scale in enumerate(UI_SCALES):
            b = Button(f"{scale:g}x", lambda s=scale: self.set_scale(s), pygame.K_1 + i, str(i + 1),
                       _("Make text and buttons {n} times the normal size").format(n=f"{scale:g}"),
                       active=settings.ui_scale == scale)
            b.rect = mirror((x + i * (bw + t.px(8)), y, bw, bh), content)
            if self.scroller.shows(b.rect):
                self.bar.add(b)
        y += bh + t.px(6)
        if t.scale != settings.ui_scale:
            y = text_block(surface, t, _("This window is too small for {chosen}x: the interface is shown at {used}x. "
                                         "A larger window shows it at {chosen}x.").format(
                chosen=f"{settings.ui_scale:g}", used=f"{t.scale:g}"), pygame.Rect(x, y, w, 10 ** 4), 13,
                th.ACCENT) + t.px(4)
        y += t.px(6)
        toggles = [
            (_("Hints: {state}"), settings.show_hints, self.toggle_hints, pygame.K_h, "H",
             _("Show hints on the play screen")),
            (_("Sound: {state}"), settings.sound, self.app.toggle_sound, pygame.K_m, "M",
             _("Sound effects on or off (F9 anywhere)")),
            (_("Alerts stop time: {state}"), settings.auto_pause, self.toggle_auto_pause,
             pygame.K_a, "A", _("Stop time when a team falls idle, money runs low, something is found or someone "
                                "is hurt, or a survey ends")),
        ]
        tw = max(t.font(15).size(label.format(state=_("off")))[0] for label, *_rest in toggles) + t.px(24)
        tw = min(w, tw)
        for label, on, action, key, key_name, tip in toggles:
            b = Button(label.format(state=_("on") if on else _("off")), action, key, key_name, tip, active=on)
            b.rect = mirror((x, y, tw, bh), content)
            if self.scroller.shows(b.rect):
                self.bar.add(b)
            y += bh + t.px(8)
        student = self.who
        who = _("Name and class: {name}, {code}").format(name=student.name, code=student.class_code) if student \
            else _("Name and class: not entered")
        b = Button(who, self.student, pygame.K_n, "N", _("Type your name and class code for handing in results "
                                                         "(never needed to play)"))
        b.rect = pygame.Rect(x, y, w, bh)
        if self.scroller.shows(b.rect):
            self.bar.add(b)
        y += bh + t.px(8)
        self.scroller.end(surface, t, y)
        self.bar.draw(surface, t, 15)
