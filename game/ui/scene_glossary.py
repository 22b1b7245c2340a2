"""The glossary: the words of mine action the game uses, in plain language."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block


def entries() -> list[tuple[str, str]]:
    return [
        (_("Land release"), _("Returning land to people by evidence: cancel, reduce or clear (IMAS 07.11).")),
        (_("Suspected hazardous area (SHA)"), _("Land thought to be dangerous, without direct evidence yet.")),
        (_("Confirmed hazardous area (CHA)"), _("Land where direct evidence shows explosive ordnance.")),
        (_("Non-technical survey (NTS)"), _("Talking to people, checking records and looking from safe ground. "
                                            "It never enters the land (IMAS 08.10).")),
        (_("Cancelled"), _("Suspected land released by non-technical survey because nothing points to danger.")),
        (_("Technical survey (TS)"), _("Searching lanes through part of an area: a find confirms a hazardous "
                                       "area; no find lets the rest be reduced (IMAS 08.20).")),
        (_("Reduced"), _("Land released by technical survey.")),
        (_("Clearance"), _("Searching every square metre to depth and removing every item (IMAS 09.10).")),
        (_("Cleared"), _("Land released by full clearance.")),
        (_("Marking"), _("Signs or fences around dangerous land so people stay out. Never remove a sign.")),
        (_("Quality assurance (QA)"), _("Checking samples of released land for missed items (IMAS 09.20).")),
        (_("Risk education (EORE)"), _("Sessions that teach people safe behaviour: do not touch, stay on used "
                                       "paths, report what you see (IMAS 12.10).")),
        (_("UXO"), _("Unexploded ordnance: shells, mortars, submunitions that did not go off.")),
        (_("AP mine"), _("Anti-personnel mine: set off by a person.")),
        (_("AT mine"), _("Anti-vehicle mine: set off by vehicles and machines, not by a person's weight.")),
        (_("SOP pace"), _("Working by the standard operating procedure. Rushing is faster but riskier.")),
        (_("IMAS"), _("The International Mine Action Standards, which the game follows.")),
    ]


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
        term_w = min(max(t.font(15, True).size(term)[0] for term, _t in items) + t.px(16), rect.w // 2)
        for term, text in items[self.scroll:]:
            if y > rect.bottom - t.px(60):
                break
            surface.blit(t.text(term, 15, th.ACCENT, bold=True), (x, y))
            y = text_block(surface, t, text, pygame.Rect(x + term_w, y, rect.w - term_w - t.px(40),
                                                          rect.bottom - t.px(60) - y), 15)
            y += t.px(8)
        self.bar.clear()
        back = self.bar.add(Button(_("Back"), self.app.pop, None, "Esc", _("Back to the menu")))
        back.rect = pygame.Rect(rect.right - t.px(120), rect.bottom - t.px(46), t.px(100), t.px(32))
        self.bar.draw(surface, t, 15)
