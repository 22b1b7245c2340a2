"""The short risk-education quiz after the tutorial level, before its debrief.

Questions come from :func:`game.content.quiz` (recognise, avoid, report):
one at a time, the answers as large buttons (keys 1-3), then feedback with
the explanation (Enter for the next question), then the score and the three
key messages, and on to the debrief. Esc skips the quiz.
"""

from __future__ import annotations

import pygame

from game import content
from game.text import _, ngettext
from game.ui import icons
from game.ui import theme as th
from game.ui.layout import blit, mirror, mirror_all
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, draw_text, page_panel, text_block

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
        self.scroller = Scroller()

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
        self.scroller.offset = 10 ** 6  # show the explanation (the scroller keeps it in range)
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
        self.scroller.offset = 0
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
            if event.key in (pygame.K_DOWN, pygame.K_UP):
                self.scroller.wheel(self.scroller.rect.center, 1 if event.key == pygame.K_UP else -1,
                                    self.theme.px(40))
                return
        if event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, self.theme.px(40))
            return
        super().handle(event)

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        rect = page_panel(surface, t, 860, margin=20)
        pad = t.px(20)
        x, y = rect.x + pad, rect.y + t.px(12)
        ic = icons.icon("eore", t.px(40))
        if ic is not None:
            blit(surface, ic, (x, y), rect)
        tx = x + (t.px(50) if ic is not None else 0)
        title_h = t.font(22, True).get_linesize()
        draw_text(surface, t, _("Stay safe: a short quiz"), pygame.Rect(tx, y, rect.right - pad - tx, title_h), 22,
                  th.ACCENT, bold=True, within=rect)
        sub = (_("Question {n} of {total} · keys 1-{k} answer").format(
            n=self.index + 1, total=len(self.questions), k=len(self.question.answers)) if not self.finished
            else _("Your score"))
        draw_text(surface, t, sub, pygame.Rect(tx, y + title_h, rect.right - pad - tx, t.font(14).get_linesize()), 14,
                  th.TEXT_DIM, within=rect)
        y += max(t.px(40), title_h + t.font(14).get_linesize()) + t.px(10)
        self.bar.clear()
        bh = max(t.px(38), t.font(16).get_linesize() + t.px(10))
        inner_w = rect.w - 2 * pad
        area = pygame.Rect(x, y, inner_w, rect.bottom - t.px(16) - bh - t.px(10) - y)
        top = self.scroller.begin(surface, area)
        used = self.scroller.content(t.px(12))
        x, width = used.x, used.w
        if self.finished:
            bottom = self._draw_score(surface, pygame.Rect(x, top, width, 10 ** 5))
            label, tip = _("See the debrief"), _("On to the debrief of the level")
        else:
            bottom = self._draw_question(surface, x, top, width)
            label, tip = _("Next question") if self.index + 1 < len(self.questions) else _("See my score"), \
                _("Go on")
        self.scroller.end(surface, t, bottom)
        bw = min(t.px(200), inner_w // 2 - t.px(6))
        nxt = self.bar.add(Button(label, self.next, None, "Enter", tip,
                                  enabled=self.finished or self.chosen is not None))
        nxt.rect = pygame.Rect(rect.right - pad - bw, rect.bottom - t.px(16) - bh, bw, bh)
        row = [nxt]
        if not self.finished:
            skip = self.bar.add(Button(_("Skip quiz"), self.to_debrief, None, "Esc", _("Straight to the debrief")))
            skip.rect = pygame.Rect(rect.x + pad, nxt.rect.y, min(t.px(150), bw), bh)
            row.append(skip)
        mirror_all(row, rect)  # Next at the end of the row, Skip at its start
        self.bar.draw(surface, t, 16)

    def _draw_question(self, surface, x: int, y: int, w: int) -> int:
        t = self.theme
        q = self.question
        y = text_block(surface, t, _(q.question), pygame.Rect(x, y, w, 10 ** 5), 19, th.TEXT, bold=True)
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
            draw_text(surface, t, str(i + 1), (box.x + t.px(24), box.centery), 18, th.ACCENT, True, anchor="center",
                      within=box)  # the number before the answer: on its right right to left
            ty = box.centery - len(lines) * font.get_linesize() // 2
            text_block(surface, t, _(a.text), mirror((box.x + t.px(50), ty, w - t.px(70), 10 ** 4), box), 16)
            b = Button("", lambda i=i: self.answer(i), pygame.K_1 + i, str(i + 1), _("This answer"),
                       hidden=True, enabled=self.chosen is None)
            b.rect = box
            if self.scroller.shows(box):
                self.bar.add(b)
            y = box.bottom + t.px(10)
        if self.chosen is not None:
            right = q.answers[self.chosen].correct
            said = (_("Right. {explanation}") if right else _("Not quite. {explanation}")).format(
                explanation=_(q.explain))
            y += t.px(4)
            y = text_block(surface, t, said, pygame.Rect(x, y, w, 10 ** 5), 17,
                           th.GOOD if right else th.ACCENT, bold=True)
        return y

    def _draw_score(self, surface, rect: pygame.Rect) -> int:
        t = self.theme
        n = len(self.questions)
        colour = th.GOOD if self.score * 2 >= n else th.ACCENT
        y = text_block(surface, t, ngettext("{score} of {n} right", "{score} of {n} right", n).format(score=self.score, n=n), rect, 30, colour,
                       bold=True)
        y += t.px(12)
        y = text_block(surface, t, _("Remember the three key messages:"), pygame.Rect(rect.x, y, rect.w, 10 ** 4),
                       17, th.TEXT, bold=True)
        y += t.px(6)
        by_id = {m.id: m for m in content.key_messages()}
        words = {"recognise": _("Recognise"), "avoid": _("Avoid"), "report": _("Report")}
        for word, mid in SUMMARY:
            m = by_id.get(mid)
            if m is None:
                continue
            label_w = max(t.font(17, True).size(v)[0] for v in words.values()) + t.px(14)
            if rect.w - label_w >= t.px(220):  # the word beside its message
                draw_text(surface, t, words[word], (rect.x, y), 17, th.ACCENT, bold=True, within=rect)
                y = text_block(surface, t, _(m.text), mirror((rect.x + label_w, y, rect.w - label_w, 10 ** 5), rect),
                               16)
            else:  # the word above its message
                y = text_block(surface, t, words[word], pygame.Rect(rect.x, y, rect.w, 10 ** 5), 17, th.ACCENT, True)
                y = text_block(surface, t, _(m.text), pygame.Rect(rect.x, y, rect.w, 10 ** 5), 16)
            y += t.px(10)
        return y
