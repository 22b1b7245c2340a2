"""The main menu: the campaign in order (difficulty, best grade, locked or open), then the levels of
the My levels folder, continue a saved game, install levels, settings, glossary, hand in results,
quit. The check-in quiz is offered before the first level and once the campaign is done.

My levels (game.packs.my_levels) are never locked by the campaign. A level with an error is listed with
its first error in words (``file:line: what is wrong; hint``, the file inside the My levels folder) and
cannot be started; a level with a warning only can be played and shows its first warning. The list is
read again when the player comes back from installing levels."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.classroom.checkin import due, offer_once
from game.classroom.student import load_student
from game.text import _
from game.level.campaign import list_levels
from game.packs import MyLevel, my_levels
from game.paths import levels_dir
from game.store.folders import my_levels_dir
from game.ui import theme as th
from game.store.saves import all_saves
from game.ui.layout import after, mirror, mirror_all
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, block_height, column, draw_text, panel, text_block


class MenuScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.levels = list_levels(levels_dir())
        self.ids = [lv.id for lv in self.levels]
        self.mine: list[MyLevel] = []
        self.read_my_levels()
        self.index = 0
        for i in range(len(self.levels)):
            if self.app.progress.unlocked(self.ids, i):
                self.index = i
        saves = all_saves()  # one per level, the most recent first
        self.saved = saves[0] if saves else None  # what Continue resumes
        self.in_progress = {r.level_id: r.day for r in saves}  # level id -> the day its saved game reached
        self.note = ""
        self.checked_after = False
        self.scroller = Scroller()
        self._reveal = True  # bring the chosen level into view

    def read_my_levels(self) -> None:
        """The levels of the My levels folder, with their problems (never raises)."""
        self.mine = my_levels()
        self._read_again = False

    @property
    def count(self) -> int:
        """How many levels the menu lists: the campaign's, then My levels."""
        return len(self.levels) + len(self.mine)

    def _continue_words(self) -> tuple[str, str]:
        """Continue's label, naming the level it resumes (by its campaign number: the button is narrow) and
        the day; its tooltip names the level in full."""
        saved = self.saved
        if saved is None:
            return _("Continue"), _("Resume your saved game")
        n, title = _title_of(self.levels, self.mine, saved.level_id)
        label = (_("Continue level {n} (day {day})").format(n=n, day=saved.day) if n is not None
                 else _("Continue (day {day})").format(day=saved.day))
        tip = (_("Resume {level} at day {day}").format(level=title, day=saved.day) if title
               else _("Resume your saved game"))
        return label, tip

    def my_level(self, i: int) -> MyLevel | None:
        """The My level at menu row ``i`` (None for a campaign row)."""
        return self.mine[i - len(self.levels)] if len(self.levels) <= i < self.count else None

    def unlocked(self, i: int) -> bool:
        if i >= len(self.levels):
            return True  # My levels are never locked by the campaign
        return self.app.progress.unlocked(self.ids, i)

    def open_level(self, i: int | None = None) -> None:
        i = self.index if i is None else i
        if not (0 <= i < self.count):
            return
        self.index = i
        mine = self.my_level(i)
        if mine is not None and not mine.playable:
            self.note = _("This level cannot be played: {problem}").format(problem=first_problem(mine))
            return
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
        if self._read_again and self.app.scene is self:  # back from installing levels
            self.read_my_levels()
        if not self.checked_after:  # the campaign is done: the quiz again (offered once a start of the game)
            self.checked_after = True
            self._offer_checkin("after")

    def _open(self, i: int) -> None:
        mine = self.my_level(i)
        path = mine.path if mine is not None else self.levels[i].path
        if self.app.go("briefing", loading=True, path=path) is None:
            self.note = _("This level could not be loaded; run `minerisk validate` for details.")

    def continue_game(self) -> None:
        if self.saved is None:
            self.note = _("There is no saved game.")
            return
        if self.app.go("resume", loading=True, saved=self.saved) is None:
            self.note = _("The saved game could not be resumed (its level is missing or changed).")

    def install(self) -> None:
        if self.app.go("install") is not None:
            self._read_again = True

    def settings(self) -> None:
        self.app.go("settings")

    def glossary(self) -> None:
        self.app.go("glossary")

    def hand_in(self) -> None:
        self.app.go("handin")

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_DOWN, pygame.K_s) and self.count:
                self.index = (self.index + 1) % self.count
                self._reveal = True
                return
            if event.key in (pygame.K_UP, pygame.K_w) and self.count:
                self.index = (self.index - 1) % self.count
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

    def _row(self, surface, i: int, title: str, difficulty: int, state: tuple[str, tuple], detail: str, y: int,
             x: int, row_w: int, detail_colour: tuple = th.TEXT_DIM) -> int:
        """One level of the list as a button: its title, difficulty and state, and a problem under them
        (a My level's); returns the y of the next row."""
        t = self.theme
        line2 = t.font(13).get_linesize()
        open_ = self.unlocked(i)
        state_text, state_colour = state
        stars = "★" * difficulty + "☆" * max(0, 5 - difficulty)
        info = _("Difficulty {stars}").format(stars=stars) if difficulty else ""
        inner_w = row_w - 2 * t.px(10)
        title_h = block_height(t, title, inner_w, 16, bold=True)  # a long title takes two lines
        joined = f"{info} · {state_text}" if info else state_text
        one_line = t.font(13).size(joined)[0] <= inner_w  # else the state goes below
        detail_h = block_height(t, detail, inner_w, 12) if detail else 0
        row_h = title_h + line2 * (1 if one_line or not info else 2) + detail_h + t.px(12)
        row = pygame.Rect(x, y, row_w, row_h - t.px(4))
        mine = self.my_level(i)
        if mine is not None and not mine.playable:
            tip = _("This level has a problem; your teacher can fix it")
        else:
            tip = _("Play this level") if open_ else _("Locked: finish the level before")
        b = Button("", lambda i=i: self.open_level(i), None, "Enter", tip, hidden=True)
        b.rect = row
        if self.scroller.shows(row):
            self.bar.add(b)
        if i == self.index and self._reveal:
            self.scroller.reveal(row.y, row.bottom)
        bg = (64, 58, 30) if i == self.index else th.PANEL_LIGHT
        pygame.draw.rect(surface, bg, row, border_radius=t.px(5))
        if i == self.index:
            pygame.draw.rect(surface, th.ACCENT, row, 2, border_radius=t.px(5))
        colour = th.TEXT if open_ and (mine is None or mine.playable) else th.TEXT_DIM
        inner = row.inflate(-2 * t.px(10), 0)
        text_block(surface, t, title, pygame.Rect(inner.x, row.y + t.px(4), inner.w, title_h), 16, colour, bold=True)
        r2 = pygame.Rect(inner.x, row.y + t.px(4) + title_h, inner.w, line2)
        if not info:
            draw_text(surface, t, state_text, r2, 13, state_colour)
        elif one_line:
            used = draw_text(surface, t, info, r2, 13, th.TEXT_DIM)
            draw_text(surface, t, " · " + state_text, after(used, r2), 13, state_colour)
        else:
            draw_text(surface, t, info, r2, 13, th.TEXT_DIM)
            r2 = r2.move(0, line2)
            draw_text(surface, t, state_text, r2, 13, state_colour)
        if detail:
            text_block(surface, t, detail, pygame.Rect(inner.x, r2.bottom, inner.w, detail_h), 12, detail_colour)
        return y + row_h

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
        cont_label, cont_tip = self._continue_words()
        buttons = [
            Button(_("Play"), self.open_level, None, "Enter", _("Open the briefing of the chosen level")),
            Button(cont_label, self.continue_game, pygame.K_c, "C", cont_tip, enabled=saved is not None),
            Button(_("Install levels"), self.install, pygame.K_i, "I",
                   _("Add a level pack from your teacher (a USB stick, Downloads, a folder)")),
            Button(_("Settings"), self.settings, pygame.K_o, "O", _("Interface size, hints, sound, alerts")),
            Button(_("Glossary"), self.glossary, pygame.K_g, "G", _("The words of mine action")),
            Button(_("Hand in results"), self.hand_in, pygame.K_h, "H", _("Write your results to a USB stick "
                                                                          "for your teacher")),
            Button(_("Quit"), self.app.quit, pygame.K_q, "Q", _("Close the game")),
        ]
        gap, label_size, n = t.px(8), 16, len(buttons)
        bw = min(t.px(240), max(t.px(160), (w - 2 * m) * 3 // 10))
        if saved is not None:  # a long language or a large scale: a shorter label (the tooltip says it all)
            fits = [c for c in (cont_label, _("Continue (day {day})").format(day=saved.day))
                    if t.font(label_size).size(c)[0] <= bw - t.px(16)]
            buttons[1].label = fits[0] if fits else _("Continue")
        bh = max(t.font(16).get_linesize() + t.px(6), min(t.px(42), (bottom - y - (n - 1) * gap) // n))
        if y + n * bh + (n - 1) * gap > bottom:  # a short window at a large scale (Arabic lines are tall): closer,
            gap, label_size = t.px(4), 14     # smaller labels in buttons as tall as their letters need
            bh = max(t.font(14).get_linesize() * 4 // 5 + t.px(4), (bottom - y - (n - 1) * gap) // n)
        bx = w - m - bw
        for b in buttons:
            self.bar.add(b)
        column(buttons, bx, y, bw, bh, gap)
        # the campaign, scrolling when it is longer than the window
        list_rect = pygame.Rect(m, y, bx - 2 * m + t.px(8), bottom - y)
        mirror_all(buttons, surface.get_rect())  # right to left: the campaign on the right, the buttons on the left
        list_rect = mirror(list_rect, surface.get_rect())
        panel(surface, list_rect, t, alpha=255)
        pad = t.px(10)
        head_h = t.font(17, True).get_linesize()
        draw_text(surface, t, _("Campaign"), (list_rect.x + pad, list_rect.y + t.px(6)), 17, th.TEXT, bold=True,
                  within=list_rect)
        hint = _("↑/↓ choose · Enter play")
        if t.font(17, True).size(_("Campaign"))[0] + t.font(12).size(hint)[0] + 3 * pad < list_rect.w:
            draw_text(surface, t, hint, (list_rect.right - pad, list_rect.y + t.px(9)), 12, th.TEXT_DIM,
                      anchor="topright", within=list_rect)
        rows_rect = pygame.Rect(list_rect.x + pad, list_rect.y + head_h + t.px(12), list_rect.w - 2 * pad,
                                list_rect.h - head_h - t.px(18))
        y = self.scroller.begin(surface, rows_rect)
        rows = self.scroller.content(t.px(10))  # (the scroll bar on the left right to left)
        row_w = rows.w
        for i, lv in enumerate(self.levels):
            grade = self.app.progress.best_grades.get(lv.id)
            if grade:
                state, colour = _("best grade {grade}").format(grade=grade), th.GRADE_COLOURS.get(grade, th.TEXT)
            elif lv.id in self.in_progress:
                state, colour = _("in progress, day {day}").format(day=self.in_progress[lv.id]), th.ACCENT
            elif self.unlocked(i):
                state, colour = _("not played yet"), th.TEXT_DIM
            else:
                state, colour = _("locked: finish the level before"), th.TEXT_DIM
            y = self._row(surface, i, f"{i + 1}. {_(lv.title)}", lv.difficulty, (state, colour), "", y, rows.x,
                          row_w)
        y += t.px(8)
        y = text_block(surface, t, _("My levels"), pygame.Rect(rows.x, y, row_w, 10 ** 4), 17, th.TEXT,
                       bold=True) + t.px(4)
        if not self.mine:
            y = text_block(surface, t, _("No levels of your own yet. Your teacher's level packs appear here once "
                                         "installed: choose Install levels."),
                           pygame.Rect(rows.x, y, row_w, 10 ** 4), 13, th.TEXT_DIM) + t.px(4)
        for k, mine in enumerate(self.mine):
            i = len(self.levels) + k
            grade = self.app.progress.best_grades.get(mine.id)
            warning = ""
            if not mine.playable:
                state, colour = _("cannot be played"), th.BAD
                detail = first_problem(mine)
            else:
                state, colour = ((_("best grade {grade}").format(grade=grade), th.GRADE_COLOURS.get(grade, th.TEXT))
                                 if grade else (_("in progress, day {day}").format(day=self.in_progress[mine.id]),
                                                th.ACCENT) if mine.id in self.in_progress
                                 else (_("not played yet"), th.TEXT_DIM))
                detail = ""
                if mine.problems:
                    warning = _("Warning: {problem}").format(problem=first_problem(mine))
            shown = mine.title if mine.difficulty else mine.path.name  # a file that could not be read: its name
            y = self._row(surface, i, shown, mine.difficulty, (state, colour), detail or warning, y,
                          rows.x, row_w, detail_colour=th.BAD if detail else th.TEXT_DIM)
        self.scroller.end(surface, t, y)
        self._reveal = False
        self.bar.draw(surface, t, label_size)
        if self.note:
            text_block(surface, t, self.note, pygame.Rect(m, bottom + t.px(6), w - 2 * m, note_h), 14, th.ACCENT)
        text_block(surface, t, foot, pygame.Rect(m, h - foot_h, w - 2 * m, foot_h), 12, th.TEXT_DIM)


def _title_of(levels, mine, level_id: str) -> tuple[int | None, str]:
    """A level's campaign number (None for a My level) and its title, by id ("" if not listed)."""
    for i, lv in enumerate(levels):
        if lv.id == level_id:
            return i + 1, _(lv.title)
    for m in mine:
        if m.id == level_id:
            return None, m.title
    return None, ""


def first_problem(level: MyLevel) -> str:
    """A My level's first error (else its first warning) in words: ``file:line: what is wrong; hint``, the
    file named inside the My levels folder."""
    problems = sorted(level.problems, key=lambda p: p.is_warning)
    if not problems:
        return ""
    p = problems[0]
    where = p.file
    try:
        folder = my_levels_dir().resolve()
        path = Path(p.file).resolve()
        if path.is_relative_to(folder):
            where = path.relative_to(folder).as_posix()
    except (OSError, ValueError):
        pass
    text = f"{where}:{p.line}: {p.message}"
    return f"{text}; {p.hint}" if p.hint else text
