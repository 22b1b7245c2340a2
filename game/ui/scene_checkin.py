"""The check-in quiz: before the first level and after the campaign (game/classroom/checkin.py).

A first page says what it is for and offers "Start" or "Later" (never needed
to play); then one question at a time, the answers as large buttons (keys
1-4) and "I don't know" (key 0), with no right or wrong shown (it would teach
the answers of the quiz before); then the score. After the campaign the end
page also shows the "before" score and the explanations of what was missed.
``then`` is what happens once the student leaves (open the level they chose).
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.classroom.checkin import CheckinRun, add_attempt, attempts_of, load_attempts, score
from game.classroom.student import load_student
from game.text import _, ngettext
from game.ui import icons
from game.ui import theme as th
from game.ui.layout import blit, mirror, mirror_all
from game.ui.scene import Scene
from game.ui.widgets import Button, draw_text, page_panel, text_block


class CheckinScene(Scene):
    def __init__(self, app, stage: str, then: Callable[[], None] | None = None):
        super().__init__(app)
        self.run = CheckinRun(stage, load_student())
        self.then = then
        self.started = False
        self.kept = ""  # why the answers could not be kept ("" once kept)

    # -------------------------------------------------------------- actions

    def start(self) -> None:
        self.started = True

    def choose(self, choice: int | None) -> None:
        if not self.started or self.run.finished or not self.run.choose(choice):
            return
        self.app.sounds.play("order")
        if self.run.finished:
            self.keep()

    def keep(self) -> None:
        try:
            add_attempt(self.run.attempt())
            self.kept = ""
        except OSError as exc:
            self.kept = str(exc)

    def leave(self) -> None:
        """Back to where the student was going (Later, or done)."""
        self.app.pop()
        if self.then is not None:
            self.then()

    def before_score(self) -> tuple[int, int] | None:
        before = [a for a in attempts_of(self.run.student, load_attempts()) if a.stage == "before"]
        return score(before[0], self.run.quiz) if before else None

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE and not (self.started and not self.run.finished):
                self.leave()
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if not self.started:
                    self.start()
                elif self.run.finished:
                    self.leave()
                return
        super().handle(event)

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        rect = page_panel(surface, t, 860)
        pad = t.px(24)
        x, y = rect.x + pad, rect.y + t.px(18)
        short = rect.h < t.px(520)  # a small window or a large scale: no icon, a tighter header
        ic = None if short else icons.icon("eore", t.px(48))
        if ic is not None:
            blit(surface, ic, (x, y), rect)
        tx = x + (t.px(60) if ic is not None else 0)
        title = _("Check-in quiz: before you start") if self.run.stage == "before" else \
            _("Check-in quiz: after the campaign")
        n = len(self.run.items)
        asking = self.started and not self.run.finished
        if not self.started:
            sub = ngettext("{n} question", "{n} questions", n).format(n=n)
            buttons = [(_("Start"), self.start, "Enter", _("Answer the questions now")),
                       (_("Later"), self.leave, "Esc", _("Not now: you can play without it"))]
        elif self.run.finished:
            sub = _("Your score")
            buttons = [(_("Continue"), self.leave, "Enter", _("Go on"))]
        else:
            sub = _("Question {n} of {total} · keys 1-{k} answer, 0 I don't know").format(
                n=self.run.index + 1, total=n, k=len(self.run.current[1]))
            buttons = [(_("I don't know"), lambda: self.choose(None), "0", _("Go on without answering"))]
        self.bar.clear()
        on_top = asking and short  # a short window: "I don't know" beside the title, the answers get the room
        bx, by = rect.right - pad, (y if on_top else rect.bottom - t.px(58))
        for label, action, key_name, tip in buttons:
            b = self.bar.add(Button(label, action, pygame.K_0 if key_name == "0" else None, key_name, tip))
            bw = max(t.px(150), t.text(label, 16).get_width() + t.px(24))
            b.rect = pygame.Rect(bx - bw, by, bw, t.px(40))
            bx -= bw + t.px(12)
        mirror_all(self.bar.buttons, rect)  # right to left: from the left edge, the first one leftmost
        title_w = (bx if on_top else rect.right - pad) - tx
        blit(surface, t.fit_text(title, title_w, 24, th.ACCENT, bold=True), (tx, y), rect)
        blit(surface, t.fit_text(sub, title_w, 14, th.TEXT_DIM), (tx, y + t.px(32)), rect)
        y += t.px(56 if short else 70)
        inner = pygame.Rect(x, y, rect.w - 2 * pad, rect.bottom - y - (pad if on_top else t.px(68)))
        if not self.started:
            self._draw_intro(surface, inner)
        elif self.run.finished:
            self._draw_score(surface, inner)
        else:
            self._draw_question(surface, inner)
        self.bar.draw(surface, t, 16)

    def _draw_intro(self, surface, rect: pygame.Rect) -> None:
        t = self.theme
        if self.run.stage == "before":
            words = [_("Ten short questions about staying safe around explosive ordnance and about how land is given "
                       "back to people."),
                     _("It does not count towards any grade. At the end you see how many you got right, but not "
                       "which ones: you answer the same questions again after the campaign, so your teacher sees what "
                       "the game taught. Not sure? Choose \"I don't know\".")]
        else:
            words = [_("You finished the campaign. Answer the same ten questions as before you started."),
                     _("At the end you see both scores, and what the questions you missed teach.")]
        size = 17 if rect.h > t.px(300) else 14
        y = rect.y
        for sentence in words:
            y = text_block(surface, t, sentence, pygame.Rect(rect.x, y, rect.w, rect.bottom - y), size) + t.px(10)
        student = self.run.student
        if student is not None:
            text_block(surface, t, _("Your answers are kept with your results as {name} (class {code}).").format(
                name=student.name, code=student.class_code), pygame.Rect(rect.x, y, rect.w, rect.bottom - y), 13,
                th.TEXT_DIM)

    def _question_sizes(self, width: int, height: int) -> tuple[int, int]:
        """Text sizes of the question and its answers that fit ``height`` (smaller on a small window or a large
        interface scale)."""
        t = self.theme
        question, answers = self.run.current
        for q_size, a_size in ((19, 16), (17, 15), (15, 13), (13, 12)):
            q_lines = len(th.wrap(t.font(q_size, True), _(question.question), width))
            need = q_lines * t.font(q_size, True).get_linesize() + t.px(12)
            font = t.font(a_size)
            for a in answers:
                lines = len(th.wrap(font, _(a.text), width - t.px(70)))
                need += max(t.px(36), lines * font.get_linesize() + t.px(12)) + t.px(8)
            if need <= height:
                break
        return q_size, a_size

    def _draw_question(self, surface, rect: pygame.Rect) -> None:
        t = self.theme
        question, answers = self.run.current
        q_size, a_size = self._question_sizes(rect.w, rect.h)
        y = text_block(surface, t, _(question.question), pygame.Rect(rect.x, rect.y, rect.w, rect.h), q_size,
                       th.TEXT, bold=True) + t.px(12)
        font = t.font(a_size)
        for i, a in enumerate(answers):
            lines = th.wrap(font, _(a.text), rect.w - t.px(70))
            box = pygame.Rect(rect.x, y, rect.w, max(t.px(36), len(lines) * font.get_linesize() + t.px(12)))
            hover = box.collidepoint(pygame.mouse.get_pos())
            pygame.draw.rect(surface, (64, 72, 84) if hover else th.PANEL_LIGHT, box, border_radius=t.px(6))
            pygame.draw.rect(surface, th.BORDER, box, max(1, t.px(2)), border_radius=t.px(6))
            key = t.text(str(i + 1), a_size + 2, th.ACCENT, bold=True)
            surface.blit(key, mirror(key.get_rect(center=(box.x + t.px(24), box.centery)), box))
            ty = box.centery - len(lines) * font.get_linesize() // 2
            column = mirror((box.x + t.px(50), ty, rect.w - t.px(70), 1), box)  # the answer after its number
            for line in lines:
                draw_text(surface, t, line, (column.x, ty, column.w, font.get_linesize()), a_size, th.TEXT)
                ty += font.get_linesize()
            b = self.bar.add(Button("", lambda i=i: self.choose(i), pygame.K_1 + i, str(i + 1), _("This answer"),
                                    hidden=True))
            b.rect = box
            y = box.bottom + t.px(8)

    def _draw_score(self, surface, rect: pygame.Rect) -> None:
        t = self.theme
        big, text, small = (30, 17, 15) if rect.h > t.px(300) else (22, 14, 13)  # a short window: smaller
        right, n = self.run.result()
        colour = th.GOOD if right * 2 >= n else th.ACCENT
        y = text_block(surface, t, _("{score} of {n} right").format(score=right, n=n), rect, big, colour, bold=True)
        y += t.px(8)
        if self.kept:
            y = text_block(surface, t, _("Your answers could not be kept: {reason}").format(reason=self.kept),
                           pygame.Rect(rect.x, y, rect.w, t.line * 3), small, th.BAD) + t.px(8)
        if self.run.stage == "before":
            text_block(surface, t, _("Thank you. You will meet all of this in the campaign; after the last level "
                                     "you answer the same questions again."),
                       pygame.Rect(rect.x, y, rect.w, rect.bottom - y), text)
            return
        before = self.before_score()
        if before is not None:
            y = text_block(surface, t, _("Before the campaign: {score} of {n} right.").format(
                score=before[0], n=before[1]), pygame.Rect(rect.x, y, rect.w, t.line * 2), text) + t.px(8)
        missed = self.run.missed()
        if missed:
            y = text_block(surface, t, _("What the questions you missed teach:"),
                           pygame.Rect(rect.x, y, rect.w, t.line * 2), text, th.ACCENT, bold=True) + t.px(4)
            line = t.font(small).get_linesize()
            for i, q in enumerate(missed):
                needed = len(th.wrap(t.font(small), "• " + _(q.explain), rect.w)) * line
                more = len(missed) - i
                if y + needed + (line if more > 1 else 0) > rect.bottom:  # keep a line to say what is left
                    text_block(surface, t, ngettext("…and {n} more.", "…and {n} more.", more).format(n=more),
                               pygame.Rect(rect.x, y, rect.w, line), small, th.TEXT_DIM)
                    break
                y = text_block(surface, t, "• " + _(q.explain), pygame.Rect(rect.x, y, rect.w, rect.bottom - y),
                               small) + t.px(4)
