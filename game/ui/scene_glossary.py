"""The glossary: the words of mine action the game uses, in plain language.

The terms come from :func:`game.content.glossary` (game/content/glossary.yaml);
a few words of the game's own screens follow."""

from __future__ import annotations

import pygame

from game import content
from game.text import _
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block


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
        self.scroll = 0

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                self.app.pop()
                return
            if event.key in (pygame.K_DOWN, pygame.K_s, pygame.K_PAGEDOWN):
                self.scroll += 1
            elif event.key in (pygame.K_UP, pygame.K_w, pygame.K_PAGEUP):
                self.scroll = max(0, self.scroll - 1)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y)
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        rect = pygame.Rect(t.px(20), t.px(20), w - t.px(40), h - t.px(40))
        panel(surface, rect, t, alpha=255)
        x = rect.x + t.px(20)
        y = rect.y + t.px(14)
        surface.blit(t.text(_("Glossary"), 24, th.TEXT, bold=True), (x, y))
        surface.blit(t.text(_("↑/↓ or wheel to scroll · Esc back"), 13, th.TEXT_DIM), (x + t.px(180), y + t.px(8)))
        y += t.px(44)
        items = entries()
        self.scroll = min(self.scroll, max(0, len(items) - 1))
        indent = t.px(24)
        for term, text in items[self.scroll:]:
            if y > rect.bottom - t.px(80):
                break
            surface.blit(t.text(term, 15, th.ACCENT, bold=True), (x, y))
            y += t.font(15, True).get_linesize()
            y = text_block(surface, t, text, pygame.Rect(x + indent, y, rect.w - indent - t.px(40),
                                                          rect.bottom - t.px(60) - y), 14)
            y += t.px(8)
        self.bar.clear()
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Back to the menu")))
        back.rect = pygame.Rect(rect.right - t.px(120), rect.bottom - t.px(46), t.px(100), t.px(32))
        self.bar.draw(surface, t, 15)
