"""The main menu: the campaign in order (difficulty, best grade, locked or open),
continue a saved game, settings, glossary, hand in results, quit. The check-in
quiz is offered before the first level and once the campaign is done."""

from __future__ import annotations

import pygame

from game.classroom.checkin import due, offer_once
from game.classroom.student import load_student
from game.text import _
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.ui import theme as th
from game.store.saves import latest_save
from game.ui.scene import Scene
from game.ui.widgets import Button, column, panel, text_block


class MenuScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.levels = list_levels(levels_dir())
        self.ids = [lv.id for lv in self.levels]
        self.index = 0
        for i in range(len(self.levels)):
            if self.app.progress.unlocked(self.ids, i):
                self.index = i
        self.saved = latest_save()  # the most recent of the saved games (one per level)
        self.note = ""
        self.checked_after = False

    def unlocked(self, i: int) -> bool:
        return self.app.progress.unlocked(self.ids, i)

    def open_level(self, i: int | None = None) -> None:
        i = self.index if i is None else i
        if not (0 <= i < len(self.levels)):
            return
        self.index = i
        if not self.unlocked(i):
            self.note = _("Finish the level before to open this one.")
            return
        if self._offer_checkin("before", then=lambda: self._open(i)):
            return
        self._open(i)

    def _offer_checkin(self, stage: str, then=None) -> bool:
        """Show the check-in quiz first if it is due for the student (game/classroom/checkin.py)."""
        grades = self.app.progress.best_grades
        student = load_student()
        found = due(student, campaign_done=all(i in grades for i in self.ids), played_any=bool(grades))
        if found != stage or not offer_once(student, stage):
            return False
        return self.app.go("checkin", stage=stage, then=then) is not None

    def update(self, dt: float) -> None:
        if not self.checked_after:  # the campaign is done: the quiz again (offered once a start of the game)
            self.checked_after = True
            self._offer_checkin("after")

    def _open(self, i: int) -> None:
        if self.app.go("briefing", loading=True, path=self.levels[i].path) is None:
            self.note = _("This level could not be loaded; run `minerisk validate` for details.")

    def continue_game(self) -> None:
        if self.saved is None:
            self.note = _("There is no saved game.")
            return
        if self.app.go("resume", loading=True, saved=self.saved) is None:
            self.note = _("The saved game could not be resumed (its level is missing or changed).")

    def settings(self) -> None:
        self.app.go("settings")

    def glossary(self) -> None:
        self.app.go("glossary")

    def hand_in(self) -> None:
        self.app.go("handin")

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_DOWN, pygame.K_s) and self.levels:
                self.index = (self.index + 1) % len(self.levels)
                return
            if event.key in (pygame.K_UP, pygame.K_w) and self.levels:
                self.index = (self.index - 1) % len(self.levels)
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.open_level()
                return
            if event.key == pygame.K_ESCAPE:
                self.app.quit()
                return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        self.saved = self.saved if self.saved is not None else None
        surface.fill(th.BG)
        title = t.text(_("Mine Risk"), 40, th.ACCENT, bold=True)
        surface.blit(title, (t.px(40), t.px(26)))
        sub = t.text(_("Release land by evidence. Keep people safe."), 16, th.TEXT_DIM)
        surface.blit(sub, (t.px(44), t.px(26) + title.get_height()))
        top = t.px(26) + title.get_height() + sub.get_height() + t.px(24)
        self.bar.clear()
        # the campaign
        list_rect = pygame.Rect(t.px(40), top, min(w - t.px(340), t.px(720)), h - top - t.px(40))
        panel(surface, list_rect, t, alpha=255)
        surface.blit(t.text(_("Campaign"), 18, th.TEXT, bold=True), (list_rect.x + t.px(14), list_rect.y + t.px(10)))
        hint = t.text(_("↑/↓ choose · Enter play"), 13, th.TEXT_DIM)
        surface.blit(hint, (list_rect.right - hint.get_width() - t.px(14), list_rect.y + t.px(14)))
        y = list_rect.y + t.px(46)
        row_h = t.px(58)
        for i, lv in enumerate(self.levels):
            row = pygame.Rect(list_rect.x + t.px(10), y, list_rect.w - t.px(20), row_h - t.px(6))
            open_ = self.unlocked(i)
            b = self.bar.add(Button("", lambda i=i: self.open_level(i), None, "Enter",
                                    _("Play this level") if open_ else _("Locked"), hidden=True))
            b.rect = row
            bg = (64, 58, 30) if i == self.index else th.PANEL_LIGHT
            pygame.draw.rect(surface, bg, row, border_radius=t.px(5))
            if i == self.index:
                pygame.draw.rect(surface, th.ACCENT, row, 2, border_radius=t.px(5))
            colour = th.TEXT if open_ else th.TEXT_DIM
            surface.blit(t.text(f"{i + 1}. {lv.title}", 17, colour, bold=True), (row.x + t.px(12), row.y + t.px(6)))
            stars = "★" * lv.difficulty + "☆" * max(0, 5 - lv.difficulty)
            info = _("Difficulty {stars}").format(stars=stars)
            surface.blit(t.text(info, 13, th.TEXT_DIM), (row.x + t.px(14), row.y + t.px(30)))
            grade = self.app.progress.best_grades.get(lv.id)
            right = _("Best grade: {grade}").format(grade=grade) if grade else (
                _("Not played yet") if open_ else _("Locked: finish the level before"))
            img = t.text(right, 14, th.GOOD if grade else (th.TEXT_DIM if open_ else th.BAD))
            surface.blit(img, (row.right - img.get_width() - t.px(12), row.y + t.px(18)))
            y += row_h
        # the side buttons
        saved = self.saved
        cont_label = _("Continue (day {day})").format(day=saved.day) if saved else _("Continue")
        buttons = [
            Button(_("Play"), self.open_level, None, "Enter", _("Open the briefing of the chosen level")),
            Button(cont_label, self.continue_game, pygame.K_c, "C", _("Resume your saved game"),
                   enabled=saved is not None),
            Button(_("Settings"), self.settings, pygame.K_o, "O", _("Interface size and hints")),
            Button(_("Glossary"), self.glossary, pygame.K_g, "G", _("The words of mine action")),
            Button(_("Hand in results"), self.hand_in, pygame.K_h, "H", _("Write your results to a USB stick "
                                                                          "for your teacher")),
            Button(_("Quit"), self.app.quit, pygame.K_q, "Q", _("Close the game")),
        ]
        for b in buttons:
            self.bar.add(b)
        bx = list_rect.right + t.px(30)
        bw = min(t.px(240), w - bx - t.px(30))
        gap = t.px(10)  # buttons as high as the window lets them be, so the last one stays in view
        bh = max(t.px(28), min(t.px(42), (h - top - t.px(36) - gap * (len(buttons) - 1)) // len(buttons)))
        column(buttons, bx, top, bw, bh, gap)
        self.bar.draw(surface, t, 16)
        if self.note:
            text_block(surface, t, self.note, pygame.Rect(bx, top + len(buttons) * (bh + gap) + gap, bw, t.px(120)),
                       14, th.ACCENT)
        foot = t.text(_("An offline game about humanitarian mine action. No data leaves this computer."), 12,
                      th.TEXT_DIM)
        surface.blit(foot, (t.px(40), h - t.px(28)))
