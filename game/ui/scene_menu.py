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
from game.ui.widgets import Button, Scroller, block_height, column, draw_text, panel, text_block


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
        self.scroller = Scroller()
        self._reveal = True  # bring the chosen level into view

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
                self._reveal = True
                return
            if event.key in (pygame.K_UP, pygame.K_w) and self.levels:
                self.index = (self.index - 1) % len(self.levels)
                self._reveal = True
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.open_level()
                return
            if event.key == pygame.K_ESCAPE:
                self.app.quit()
                return
        if event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, self.theme.px(40))
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        m = t.px(24)
        y = t.px(16)
        title_h = t.font(34, True).get_linesize()
        draw_text(surface, t, _("Mine Risk"), pygame.Rect(m, y, w - 2 * m, title_h), 34, th.ACCENT, bold=True)
        y += title_h
        y = text_block(surface, t, _("Release land by evidence. Keep people safe."),
                       pygame.Rect(m + t.px(2), y, w - 2 * m, t.line * 2), 15, th.TEXT_DIM) + t.px(10)
        self.bar.clear()
        foot = _("An offline game about humanitarian mine action. No data leaves this computer.")
        foot_h = block_height(t, foot, w - 2 * m, 12) + t.px(8)
        note_h = block_height(t, self.note, w - 2 * m, 14) + t.px(6) if self.note else 0
        bottom = h - foot_h - note_h - t.px(6)
        # the side buttons
        saved = self.saved
        cont_label = _("Continue (day {day})").format(day=saved.day) if saved else _("Continue")
        buttons = [
            Button(_("Play"), self.open_level, None, "Enter", _("Open the briefing of the chosen level")),
            Button(cont_label, self.continue_game, pygame.K_c, "C", _("Resume your saved game"),
                   enabled=saved is not None),
            Button(_("Settings"), self.settings, pygame.K_o, "O", _("Interface size, hints, sound, alerts")),
            Button(_("Glossary"), self.glossary, pygame.K_g, "G", _("The words of mine action")),
            Button(_("Hand in results"), self.hand_in, pygame.K_h, "H", _("Write your results to a USB stick "
                                                                          "for your teacher")),
            Button(_("Quit"), self.app.quit, pygame.K_q, "Q", _("Close the game")),
        ]
        gap = t.px(8)
        bw = min(t.px(240), max(t.px(160), (w - 2 * m) * 3 // 10))
        bh = max(t.font(16).get_linesize() + t.px(6), min(t.px(42), (bottom - y - (len(buttons) - 1) * gap) // len(buttons)))
        bx = w - m - bw
        for b in buttons:
            self.bar.add(b)
        column(buttons, bx, y, bw, bh, gap)
        # the campaign, scrolling when it is longer than the window
        list_rect = pygame.Rect(m, y, bx - 2 * m + t.px(8), bottom - y)
        panel(surface, list_rect, t, alpha=255)
        pad = t.px(10)
        head_h = t.font(17, True).get_linesize()
        draw_text(surface, t, _("Campaign"), (list_rect.x + pad, list_rect.y + t.px(6)), 17, th.TEXT, bold=True)
        hint = _("↑/↓ choose · Enter play")
        if t.font(17, True).size(_("Campaign"))[0] + t.font(12).size(hint)[0] + 3 * pad < list_rect.w:
            draw_text(surface, t, hint, (list_rect.right - pad, list_rect.y + t.px(9)), 12, th.TEXT_DIM,
                      anchor="topright")
        rows_rect = pygame.Rect(list_rect.x + pad, list_rect.y + head_h + t.px(12), list_rect.w - 2 * pad,
                                list_rect.h - head_h - t.px(18))
        y = self.scroller.begin(surface, rows_rect)
        row_w = rows_rect.w - (t.px(10) if self.scroller.scrolls else 0)
        line2 = t.font(13).get_linesize()
        for i, lv in enumerate(self.levels):
            open_ = self.unlocked(i)
            grade = self.app.progress.best_grades.get(lv.id)
            if grade:
                state, state_colour = _("best grade {grade}").format(grade=grade), th.GRADE_COLOURS.get(grade, th.TEXT)
            elif open_:
                state, state_colour = _("not played yet"), th.TEXT_DIM
            else:
                state, state_colour = _("locked: finish the level before"), th.TEXT_DIM
            stars = "★" * lv.difficulty + "☆" * max(0, 5 - lv.difficulty)
            info = _("Difficulty {stars}").format(stars=stars)
            inner_w = row_w - 2 * t.px(10)
            title = f"{i + 1}. {_(lv.title)}"
            title_h = block_height(t, title, inner_w, 16, bold=True)  # a long title takes two lines
            one_line = t.font(13).size(info + " · " + state)[0] <= inner_w  # else the state goes below
            row_h = title_h + line2 * (1 if one_line else 2) + t.px(12)
            row = pygame.Rect(rows_rect.x, y, row_w, row_h - t.px(4))
            b = Button("", lambda i=i: self.open_level(i), None, "Enter",
                       _("Play this level") if open_ else _("Locked: finish the level before"), hidden=True)
            b.rect = row
            if self.scroller.shows(row):
                self.bar.add(b)
            if i == self.index and self._reveal:
                self.scroller.reveal(row.y, row.bottom)
            bg = (64, 58, 30) if i == self.index else th.PANEL_LIGHT
            pygame.draw.rect(surface, bg, row, border_radius=t.px(5))
            if i == self.index:
                pygame.draw.rect(surface, th.ACCENT, row, 2, border_radius=t.px(5))
            colour = th.TEXT if open_ else th.TEXT_DIM
            inner = row.inflate(-2 * t.px(10), 0)
            text_block(surface, t, title, pygame.Rect(inner.x, row.y + t.px(4), inner.w, title_h), 16, colour,
                       bold=True)
            r2 = pygame.Rect(inner.x, row.y + t.px(4) + title_h, inner.w, line2)
            used = draw_text(surface, t, info, r2, 13, th.TEXT_DIM)
            if one_line:
                draw_text(surface, t, " · " + state, pygame.Rect(used.right, r2.y, r2.right - used.right, line2), 13,
                          state_colour)
            else:
                draw_text(surface, t, state, r2.move(0, line2), 13, state_colour)
            y += row_h
        self.scroller.end(surface, t, y)
        self._reveal = False
        self.bar.draw(surface, t, 16)
        if self.note:
            text_block(surface, t, self.note, pygame.Rect(m, bottom + t.px(6), w - 2 * m, note_h), 14, th.ACCENT)
        text_block(surface, t, foot, pygame.Rect(m, h - foot_h, w - 2 * m, foot_h), 12, th.TEXT_DIM)
