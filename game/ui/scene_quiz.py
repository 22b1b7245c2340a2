"""The short risk-education quiz after the tutorial level, before its debrief.

Questions come from :func:`game.content.quiz` (recognise, avoid, report):
one at a time, the answers as large buttons (keys 1-3), then feedback with
the explanation (Enter for the next question), then the score and the three
key messages, and on to the debrief. Esc skips the quiz.
"""

from __future__ import annotations

import pygame

from game import content
from game.text import _
from game.ui import icons
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block

#: The three things the quiz checks, each with the key message that says it (by id in eore.yaml).
SUMMARY = (("recognise", "signs"), ("avoid", "do_not_touch"), ("report", "report"))


class QuizScene(Scene):
    """One question at a time, feedback, a final score; then the debrief of the level."""

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.questions = content.quiz()
        self.index = 0
        self.chosen: int | None = None  # the answer picked for the current question
        self.score = 0
        self.finished = False

    @staticmethod
    def available() -> bool:
        try:
            return bool(content.quiz())
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def close(self) -> None:
        self.play.close()

    # -------------------------------------------------------------- actions

    @property
    def question(self):
        return self.questions[self.index] if self.index < len(self.questions) else None

    def answer(self, i: int) -> None:
        q = self.question
        if self.finished or q is None or self.chosen is not None or not (0 <= i < len(q.answers)):
            return
        self.chosen = i
        right = q.answers[i].correct
        self.score += int(right)
        self.app.sounds.play("order" if right else "reject")

    def next(self) -> None:
        if self.finished:
            self.to_debrief()
            return
        if self.chosen is None:
            return
        self.chosen = None
        self.index += 1
        if self.index >= len(self.questions):
            self.finished = True
            if self.score * 2 >= len(self.questions):
                self.app.sounds.play("success")

    def to_debrief(self) -> None:
        self.play.quiz_score = (self.score, len(self.questions))
        self.app.go("debrief", how="replace", play=self.play)

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.next()
                return
            if event.key == pygame.K_ESCAPE:
                self.to_debrief()
                return
        super().handle(event)

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        rect = pygame.Rect(0, 0, min(w - t.px(40), t.px(860)), h - t.px(40))
        rect.center = (w // 2, h // 2)
        panel(surface, rect, t, alpha=255)
        pad = t.px(24)
        x, y = rect.x + pad, rect.y + t.px(18)
        ic = icons.icon("eore", t.px(48))
        if ic is not None:
            surface.blit(ic, (x, y))
        tx = x + (t.px(60) if ic is not None else 0)
        surface.blit(t.text(_("Stay safe: a short quiz"), 24, th.ACCENT, bold=True), (tx, y))
        sub = (_("Question {n} of {total} · keys 1-{k} answer").format(
            n=self.index + 1, total=len(self.questions), k=len(self.question.answers)) if not self.finished
            else _("Your score"))
        surface.blit(t.text(sub, 14, th.TEXT_DIM), (tx, y + t.px(32)))
        y += t.px(70)
        self.bar.clear()
        inner_w = rect.w - 2 * pad
        if self.finished:
            self._draw_score(surface, pygame.Rect(x, y, inner_w, rect.bottom - y - t.px(70)))
            label, tip = _("See the debrief"), _("On to the debrief of the level")
        else:
            y = self._draw_question(surface, x, y, inner_w)
            label, tip = _("Next question") if self.index + 1 < len(self.questions) else _("See my score"), \
                _("Go on")
        nxt = self.bar.add(Button(label, self.next, None, "Enter", tip,
                                  enabled=self.finished or self.chosen is not None))
        nxt.rect = pygame.Rect(rect.right - pad - t.px(200), rect.bottom - t.px(58), t.px(200), t.px(40))
        if not self.finished:
            skip = self.bar.add(Button(_("Skip quiz"), self.to_debrief, None, "Esc", _("Straight to the debrief")))
            skip.rect = pygame.Rect(x, nxt.rect.y, t.px(140), t.px(40))
        self.bar.draw(surface, t, 16)

    def _draw_question(self, surface, x: int, y: int, w: int) -> int:
        t = self.theme
        q = self.question
        y = text_block(surface, t, _(q.question), pygame.Rect(x, y, w, t.px(90)), 19, th.TEXT, bold=True)
        y += t.px(12)
        font = t.font(16)
        for i, a in enumerate(q.answers):
            lines = th.wrap(font, _(a.text), w - t.px(70))
            box = pygame.Rect(x, y, w, max(t.px(44), len(lines) * font.get_linesize() + t.px(16)))
            bg, edge = th.PANEL_LIGHT, th.BORDER
            if self.chosen is not None:
                if a.correct:
                    bg, edge = (38, 80, 46), th.GOOD
                elif i == self.chosen:
                    bg, edge = (92, 40, 38), th.BAD
            elif box.collidepoint(pygame.mouse.get_pos()):
                bg = (64, 72, 84)
            pygame.draw.rect(surface, bg, box, border_radius=t.px(6))
            pygame.draw.rect(surface, edge, box, max(1, t.px(2)), border_radius=t.px(6))
            key = t.text(str(i + 1), 18, th.ACCENT, bold=True)
            surface.blit(key, key.get_rect(center=(box.x + t.px(24), box.centery)))
            ty = box.centery - len(lines) * font.get_linesize() // 2
            for line in lines:
                surface.blit(t.text(line, 16, th.TEXT), (box.x + t.px(50), ty))
                ty += font.get_linesize()
            b = self.bar.add(Button("", lambda i=i: self.answer(i), pygame.K_1 + i, str(i + 1), _("This answer"),
                                    hidden=True, enabled=self.chosen is None))
            b.rect = box
            y = box.bottom + t.px(10)
        if self.chosen is not None:
            right = q.answers[self.chosen].correct
            verdict = _("Right.") if right else _("Not quite.")
            y += t.px(4)
            y = text_block(surface, t, verdict + " " + _(q.explain), pygame.Rect(x, y, w, t.px(80)), 17,
                           th.GOOD if right else th.ACCENT, bold=True)
        return y

    def _draw_score(self, surface, rect: pygame.Rect) -> None:
        t = self.theme
        n = len(self.questions)
        colour = th.GOOD if self.score * 2 >= n else th.ACCENT
        y = text_block(surface, t, _("{score} of {n} right").format(score=self.score, n=n), rect, 30, colour,
                       bold=True)
        y += t.px(12)
        y = text_block(surface, t, _("Remember the three key messages:"), pygame.Rect(rect.x, y, rect.w, t.px(30)),
                       17, th.TEXT, bold=True)
        y += t.px(6)
        by_id = {m.id: m for m in content.key_messages()}
        words = {"recognise": _("Recognise"), "avoid": _("Avoid"), "report": _("Report")}
        for word, mid in SUMMARY:
            m = by_id.get(mid)
            if m is None:
                continue
            surface.blit(t.text(words[word], 17, th.ACCENT, bold=True), (rect.x, y))
            y = text_block(surface, t, _(m.text), pygame.Rect(rect.x + t.px(120), y, rect.w - t.px(120),
                                                              rect.bottom - y), 16, th.TEXT)
            y += t.px(10)
