"""Hand in results: one file for the teacher, written to a USB stick (game/classroom/handin.py).

The screen says under which name the results go (and offers to type it), what
is new since the last hand-in, and lists where to write: the sticks plugged
in, then the desktop and the home folder (game/classroom/places.py), chosen
with the arrow keys or the mouse. "Hand in" writes the file and says where it
is, or why it could not be written. The check-in quiz can be taken from here
when it is due.
"""

from __future__ import annotations

import pygame

from game.classroom.checkin import due
from game.classroom.handin import HandInError, export, pending
from game.classroom.places import hand_in_places
from game.classroom.student import load_student
from game.text import _, ngettext
from game.ui import theme as th
from game.ui.layout import blit, mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, page_panel, text_block


class HandInScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.index = 0
        self.everything = False
        self.result = ("", th.TEXT)  # what the last hand-in did, and its colour
        self.refresh()

    def refresh(self) -> None:
        """Read again who plays, what is new and where to write (after a name was typed, a stick plugged in)."""
        self.student = load_student()
        self.new = pending(self.student) if self.student else None
        self.places = hand_in_places()
        self.index = min(self.index, max(0, len(self.places) - 1))
        ids = [lv for lv in self._campaign()]
        grades = self.app.progress.best_grades
        self.checkin = due(self.student, campaign_done=bool(ids) and all(i in grades for i in ids),
                           played_any=bool(grades))
        self.stale = False

    def _campaign(self) -> list[str]:
        from game.level.campaign import list_levels
        from game.paths import levels_dir

        return [lv.id for lv in list_levels(levels_dir())]

    # -------------------------------------------------------------- actions

    def enter_name(self) -> None:
        self.stale = True
        self.app.go("student")

    def take_checkin(self) -> None:
        if self.checkin:
            self.stale = True
            self.app.go("checkin", stage=self.checkin)

    def toggle_everything(self) -> None:
        self.everything = not self.everything

    def hand_in(self) -> None:
        if not self.places:
            self.result = (_("Plug in a USB stick, then choose Look again."), th.ACCENT)
            return
        place = self.places[self.index]
        try:
            done = export(place.path, self.student, everything=self.everything)
        except HandInError as exc:
            self.result = (exc.message[:1].upper() + exc.message[1:] + (". " + exc.hint[:1].upper() + exc.hint[1:]
                                                                       + "." if exc.hint else "."), th.BAD)
            return
        self.result = (_("Handed in: {what}. Written to {where} as {file}: give it to your teacher.").format(
            what=_counts(done.runs, done.checkins), where=place.where, file=done.path.name), th.GOOD)
        self.everything = False
        self.app.sounds.play("success")
        self.refresh()

    def choose(self, i: int) -> None:
        if 0 <= i < len(self.places):
            self.index = i

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop()
                return
            if event.key in (pygame.K_DOWN, pygame.K_UP) and self.places:
                step = 1 if event.key == pygame.K_DOWN else -1
                self.index = (self.index + step) % len(self.places)
                return
        super().handle(event)

    def update(self, dt: float) -> None:
        if self.stale and self.app.scene is self:
            self.refresh()

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        rect = page_panel(surface, t, 860, 500)
        compact = rect.h < t.px(400)  # a small window or a large scale
        pad = t.px(16 if compact else 24)
        x, y = rect.x + pad, rect.y + t.px(12 if compact else 16)
        inner = rect.w - 2 * pad
        blit(surface, t.fit_text(_("Hand in results"), inner, 20 if compact else 24, th.ACCENT, bold=True), (x, y),
             rect)
        y += t.px(30 if compact else 40)
        self.bar.clear()
        # who, and what is new (or what the last hand-in did)
        if self.student is None:
            who, who_colour = _("Type your name and class code first: your teacher sees your results under "
                                "them."), th.ACCENT
        else:
            who, who_colour = _("As {name}, class {code}.").format(name=self.student.name,
                                                                  code=self.student.class_code), th.TEXT
        y = text_block(surface, t, who, pygame.Rect(x, y, inner, t.line * 2), 16, who_colour, bold=True) + t.px(2)
        message, colour = self.result
        if not message and self.student is not None:
            message, colour = self._what_is_new(), th.TEXT_DIM
        if message:
            size = 13 if compact else 14
            y = text_block(surface, t, message, pygame.Rect(x, y, inner, t.font(size).get_linesize() * 3), size,
                           colour) + t.px(6)
        # the buttons, laid out first so the list of places knows how much room is left
        row_h, gap = t.px(34 if compact else 40), t.px(8)
        first = [Button(_("Change name") if self.student else _("Type my name"), self.enter_name, pygame.K_n, "N",
                        _("Your name and class code"))]
        if self.student is not None:
            first.append(Button(_("All again: {state}").format(state=_("on") if self.everything else _("off")),
                                self.toggle_everything, pygame.K_a, "A",
                                _("Hand in every result again, for example if a stick was lost"),
                                active=self.everything))
        if self.checkin:
            first.append(Button(_("Check-in quiz"), self.take_checkin, pygame.K_q, "Q",
                                _("Ten short questions; your answers go with your results")))
        first.append(Button(_("Look again"), self.refresh, pygame.K_r, "R", _("Look for USB sticks again")))
        last = [Button(_("Back"), self.app.pop, None, "Esc", _("Back to the menu")),
                Button(_("Hand in"), self.hand_in, pygame.K_RETURN, "Enter", _("Write the file into the chosen folder"),
                       enabled=self.student is not None and bool(self.places))]
        one_row = inner >= t.px(150) * (len(first) + len(last)) + gap * (len(first) + len(last) - 1)
        rows = [last[:1] + first + last[1:]] if one_row else [first, last]
        bottom = rect.bottom - pad - len(rows) * row_h - (len(rows) - 1) * gap
        for r, row in enumerate(rows):
            bw = (inner - gap * (len(row) - 1)) // len(row)
            for i, b in enumerate(row):
                self.bar.add(b)
                b.rect = mirror((x + i * (bw + gap), bottom + r * (row_h + gap), bw, row_h), rect)
        # where to write
        if not compact:
            blit(surface, t.text(_("Where to write the file"), 16, th.TEXT, bold=True), (x, y), rect)
            y += t.line + t.px(6)
        if not any(p.removable for p in self.places):
            y = text_block(surface, t, _("No USB stick found: plug one in and choose Look again, or write the file "
                                         "here and copy it later."), pygame.Rect(x, y, inner, t.line * 2), 13,
                           th.ACCENT) + t.px(4)
        place_h = t.px(30 if compact else 36)
        for i, place in enumerate(self.places):
            if y + place_h > bottom - gap:
                break
            row = pygame.Rect(x, y, inner, place_h - t.px(4))
            chosen = i == self.index
            pygame.draw.rect(surface, (64, 58, 30) if chosen else th.PANEL_LIGHT, row, border_radius=t.px(5))
            if chosen:
                pygame.draw.rect(surface, th.ACCENT, row, 2, border_radius=t.px(5))
            label = t.fit_text(place.label, row.w - t.px(20), 15, th.TEXT, bold=place.removable)
            blit(surface, label, (row.x + t.px(10), row.centery - label.get_height() // 2), row)
            b = self.bar.add(Button("", lambda i=i: self.choose(i), None, "↑/↓", str(place.path), hidden=True))
            b.rect = row
            y += place_h
        self.bar.draw(surface, t, 15)

    def _what_is_new(self) -> str:
        runs, quizzes = len(self.new.runs), len(self.new.checkins)
        if not runs and not quizzes:
            return _("Nothing new since your last hand-in.")
        return _("New since your last hand-in: {what}.").format(what=_counts(runs, quizzes))


def _counts(runs: int, quizzes: int) -> str:
    """"2 finished levels and 1 check-in quiz", leaving out a kind there is none of."""
    levels = ngettext("{n} finished level", "{n} finished levels", runs).format(n=runs)
    checkins = ngettext("{n} check-in quiz", "{n} check-in quizzes", quizzes).format(n=quizzes)
    if runs and quizzes:
        return _("{levels} and {quizzes}").format(levels=levels, quizzes=checkins)
    return levels if runs else checkins
