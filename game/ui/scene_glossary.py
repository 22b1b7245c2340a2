"""The glossary: the words of mine action the game uses, in plain language.

The terms come from :func:`game.content.glossary` (game/content/glossary.yaml);
a few words of the game's own screens follow."""

from __future__ import annotations

import pygame

from game import content
from game.text import _
from game.ui import theme as th
from game.ui.layout import after, mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, draw_text, panel, text_block


def extra_entries() -> list[tuple[str, str]]:
    """Words of the game's own screens that the shared glossary (game/content/glossary.yaml) does not hold."""
    return [
        (_("Clearance"), _("Searching every square metre to depth and removing every item (IMAS 09.10).")),
        (_("SOP pace"), _("Working by the standard operating procedure. Rushing is faster but riskier.")),
        (_("IMAS"), _("The International Mine Action Standards, which the game follows.")),
    ]


def entries() -> list[tuple[str, str]]:
    """(term, explanation) pairs: the glossary of game/content first, then the words of the game's screens."""
    out: list[tuple[str, str]] = []
    for term in content.glossary():
        same = term.name.lower().startswith(term.term.lower())  # "Cancelled land" says "Cancelled" already
        head = _(term.name) if same else f"{_(term.term)} · {_(term.name)}"
        out.append((head, _(term.text)))
    known = {t.term.lower() for t in content.glossary()} | {t.name.lower() for t in content.glossary()}
    out += [(k, v) for k, v in extra_entries() if k.lower() not in known]
    return out


class GlossaryScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.scroller = Scroller()

    def handle(self, event) -> None:
        step = self.theme.px(40)
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                self.app.pop()
                return
            moves = {pygame.K_DOWN: -1, pygame.K_s: -1, pygame.K_UP: 1, pygame.K_w: 1, pygame.K_PAGEDOWN: -8,
                     pygame.K_PAGEUP: 8}
            if event.key in moves:
                self.scroller.wheel(self.scroller.rect.center, moves[event.key], step)
                return
        elif event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, step)
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        rect = pygame.Rect(t.px(12), t.px(12), w - t.px(24), h - t.px(24))
        panel(surface, rect, t, alpha=255)
        pad = t.px(16)
        x = rect.x + pad
        y = rect.y + t.px(10)
        title = draw_text(surface, t, _("Glossary"), (x, y), 24, th.TEXT, bold=True, within=rect)
        hint = _("↑/↓ or wheel to scroll · Esc back")
        room = after(title, rect.inflate(-2 * pad, 0), t.px(20))  # the hint after the title, if it fits
        if t.font(13).size(hint)[0] < room.w:
            draw_text(surface, t, hint, (room.x, title.y, room.w, title.h), 13, th.TEXT_DIM, anchor="midleft")
        self.bar.clear()
        bh = max(t.px(32), t.font(15).get_linesize() + t.px(8))
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Back")))
        back.rect = mirror((rect.right - pad - t.px(100), rect.bottom - t.px(10) - bh, t.px(100), bh), rect)
        area = pygame.Rect(x, title.bottom + t.px(10), rect.w - 2 * pad, back.rect.y - t.px(10) - title.bottom - t.px(10))
        y = self.scroller.begin(surface, area)
        content = self.scroller.content(t.px(12))
        x, width = content.x, content.w
        indent = t.px(20)
        for term, text in entries():
            y = text_block(surface, t, term, pygame.Rect(x, y, width, 10 ** 5), 15, th.ACCENT, bold=True)
            y = text_block(surface, t, text, mirror((x + indent, y, width - indent, 10 ** 5), content), 14) + t.px(8)
        self.scroller.end(surface, t, y)
        self.bar.draw(surface, t, 15)
