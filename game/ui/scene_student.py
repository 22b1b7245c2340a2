"""Your name and class: the two fields a student types once (Settings, or the hand-in screen).

Typing goes to the chosen field (Tab or a click switches); Enter keeps them,
Esc goes back without change. The words under the fields say what is kept
and that nothing is sent anywhere. The checks and the file are
game/classroom/student.py.
"""

from __future__ import annotations

import unicodedata

import pygame

from game.classroom.student import MAX_CLASS_CODE, MAX_NAME, check, forget_student, load_student, save_student
from game.text import _
from game.ui import theme as th
from game.ui.layout import blit, mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, block_height, draw_text, panel, text_block


class StudentScene(Scene):
    overlay = True

    def __init__(self, app):
        super().__init__(app)
        student = load_student()
        self.values = [student.name if student else "", student.class_code if student else ""]
        self.limits = (MAX_NAME, MAX_CLASS_CODE)
        self.field = 0
        self.field_rects: list[pygame.Rect] = []
        self.problem = ""
        self.saved = student is not None

    # -------------------------------------------------------------- actions

    def save(self) -> None:
        problems = check(*self.values)
        if problems:
            self.problem = problems[0]
            return
        try:
            save_student(*self.values)
        except (OSError, ValueError) as exc:
            self.problem = _("Not kept: {reason}").format(reason=exc)
            return
        self.app.sounds.play("order")
        self.app.pop()

    def forget(self) -> None:
        forget_student()
        self.values = ["", ""]
        self.saved = False
        self.problem = _("Your name and class code are removed from this computer.")

    def handle(self, event) -> None:
        if event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in event.text if ch.isprintable())
            value = self.values[self.field]
            self.values[self.field] = (value + text)[:self.limits[self.field]]
            self.problem = ""
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop()
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                if self.field == 0 and not self.values[1]:
                    self.field = 1
                else:
                    self.save()
            elif event.key == pygame.K_TAB:
                self.field = 1 - self.field
            elif event.key == pygame.K_BACKSPACE:
                self.values[self.field] = self.values[self.field][:-1]
            return  # letters are typing here, never button keys
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, r in enumerate(self.field_rects):
                if r.collidepoint(event.pos):
                    self.field = i
                    return
        super().handle(event)

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        w = min(surface.get_width() - t.px(20), t.px(560))
        h = min(surface.get_height() - t.px(20), t.px(400))
        rect = pygame.Rect(0, 0, w, h)
        rect.center = surface.get_rect().center
        panel(surface, rect, t, alpha=255)
        pad = t.px(20)
        x, y = rect.x + pad, rect.y + t.px(14)
        inner = rect.w - 2 * pad
        draw_text(surface, t, _("Your name and class"), (x, y), 22, th.TEXT, bold=True, within=rect)
        y += t.px(40)
        y = text_block(surface, t, _("Type them once: your results then carry them when you hand them in to your "
                                     "teacher. You can play without them."), pygame.Rect(x, y, inner, t.px(60)),
                       14, th.TEXT_DIM) + t.px(8)
        self.field_rects = []
        labels = (_("Your name"), _("Class code (your teacher gives it)"))
        blink = (pygame.time.get_ticks() // 500) % 2 == 0
        for i, label in enumerate(labels):
            draw_text(surface, t, label, (x, y), 14, th.TEXT, within=rect)
            y += t.line + t.px(2)
            box = pygame.Rect(x, y, inner, t.px(34))
            pygame.draw.rect(surface, th.PANEL_LIGHT, box, border_radius=t.px(4))
            pygame.draw.rect(surface, th.ACCENT if i == self.field else th.BORDER, box, max(1, t.px(2)),
                             border_radius=t.px(4))
            shown = self.values[i] + (_caret(self.values[i]) if i == self.field and blink else "")
            img = t.fit_text(shown, box.w - t.px(12), 16, th.TEXT)
            blit(surface, img, (box.x + t.px(8), box.centery - img.get_height() // 2), box)  # typed from the start
            self.field_rects.append(box)
            y = box.bottom + t.px(10)
        colour = th.ACCENT if self.problem else th.TEXT_DIM
        note = self.problem or _("Only your name and class code are kept, on this computer and in the file you "
                                 "hand in. Nothing is ever sent anywhere.")
        box = pygame.Rect(x, y, inner, rect.bottom - y - t.px(56))
        size = next((s for s in (13, 12, 11) if block_height(t, note, inner, s) <= box.h), 11)  # long languages
        text_block(surface, t, note, box, size, colour)
        self.bar.clear()
        by = rect.bottom - t.px(48)
        keep = self.bar.add(Button(_("Keep"), self.save, None, "Enter", _("Keep your name and class code")))
        keep.rect = mirror((rect.right - pad - t.px(110), by, t.px(110), t.px(34)), rect)
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Back without change")))
        back.rect = mirror((rect.right - pad - t.px(230), by, t.px(110), t.px(34)), rect)
        if self.saved:
            forget = self.bar.add(Button(_("Remove"), self.forget, None, "",
                                         _("Remove your name and class code from this computer")))
            forget.rect = mirror((x, by, t.px(110), t.px(34)), rect)
        self.bar.draw(surface, t, 15)


def _caret(typed: str) -> str:
    """The typing cursor, at the end of what was typed in its own direction: after a Latin name in an Arabic
    screen, after an Arabic name in a Latin one (a direction mark after it ties it to the last letter)."""
    strong = [unicodedata.bidirectional(c) for c in typed if unicodedata.bidirectional(c) in ("L", "R", "AL")]
    return ("|\u200f" if strong[-1] in ("R", "AL") else "|\u200e") if strong else "|"
