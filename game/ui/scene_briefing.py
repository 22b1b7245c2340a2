"""The briefing before a level: the situation, a small map, objectives, budget, days, teams,
and one risk-education message from the level's tips."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.text import _
from game.text.score import objective_text
from game.ui import theme as th
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block


class BriefingScene(Scene):
    def __init__(self, app, play):
        super().__init__(app)
        self.play = play  # the level is loaded once, here, and handed on
        self._preview: pygame.Surface | None = None

    @classmethod
    def create(cls, app, path: Path) -> "BriefingScene | None":
        play = app.make("play", path=path, fresh_seed=True)
        return cls(app, play) if play is not None else None

    def start(self) -> None:
        self.app.replace(self.play)

    def back(self) -> None:
        self.play.close()
        self.app.pop()

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.start()
                return
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                self.back()
                return
        super().handle(event)

    def preview(self, box: pygame.Rect) -> pygame.Surface:
        """The map at its smallest zoom with the suspected land, scaled to fit ``box``."""
        if self._preview is None or self._preview.get_width() > box.w or self._preview.get_height() > box.h:
            r = self.play.renderer
            full = r.picture.surface(r.camera.zooms[0])
            scale = min(box.w / full.get_width(), box.h / full.get_height())
            size = (max(1, int(full.get_width() * scale)), max(1, int(full.get_height() * scale)))
            self._preview = pygame.transform.smoothscale(full, size)
        return self._preview

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        link = self.play.link
        lv = link.level
        surface.fill(th.BG)
        m = t.px(24)
        surface.blit(t.text(lv.title, 28, th.ACCENT, bold=True), (m, m))
        stars = "★" * lv.difficulty + "☆" * max(0, 5 - lv.difficulty)
        surface.blit(t.text(_("Briefing · difficulty {stars}").format(stars=stars), 14, th.TEXT_DIM),
                     (m, m + t.px(38)))
        top = m + t.px(66)
        left = pygame.Rect(m, top, (w - 3 * m) * 3 // 5, h - top - t.px(80))
        right = pygame.Rect(left.right + m, top, w - left.right - 2 * m, left.h)
        panel(surface, left, t, alpha=255)
        pad = t.px(14)
        y = text_block(surface, t, _(lv.briefing.strip()), left.inflate(-2 * pad, -2 * pad), 15)
        y += t.px(8)
        surface.blit(t.text(_("Objectives"), 16, th.TEXT, bold=True), (left.x + pad, y))
        y += t.line + t.px(4)
        for obj in lv.objectives:
            text = objective_text(obj)
            y = text_block(surface, t, "• " + _(text), pygame.Rect(left.x + pad, y, left.w - 2 * pad,
                                                                   left.bottom - y - pad), 14)
        # the right column: map, figures, teams, tip
        panel(surface, right, t, alpha=255)
        box = pygame.Rect(right.x + pad, right.y + pad, right.w - 2 * pad, right.h * 2 // 5)
        img = self.preview(box)
        surface.blit(img, img.get_rect(midtop=box.midtop))
        y = box.y + img.get_height() + t.px(10)
        facts = [_("Budget: {money}").format(money=th.money(lv.budget_usd)),
                 _("Days: {n}").format(n=lv.days),
                 _("Map: {w} × {h} cells of {m:g} m").format(w=link.view.width, h=link.view.height, m=lv.cell_size_m)]
        for f in facts:
            surface.blit(t.text(f, 14, th.TEXT), (right.x + pad, y))
            y += t.line
        teams = ", ".join(f"{s.count} × {_(link.team_type_name(s.type))}" for s in lv.start_teams)
        y = text_block(surface, t, _("Teams: {teams}").format(teams=teams),
                       pygame.Rect(right.x + pad, y, right.w - 2 * pad, t.line * 4), 14)
        if lv.hireable:
            hire = ", ".join(_(link.team_type_name(k)) for k in lv.hireable)
            y = text_block(surface, t, _("You may hire: {teams}").format(teams=hire),
                           pygame.Rect(right.x + pad, y, right.w - 2 * pad, t.line * 3), 13, th.TEXT_DIM)
        if lv.tips:
            y += t.px(8)
            tip_rect = pygame.Rect(right.x + pad, y, right.w - 2 * pad, right.bottom - y - pad)
            pygame.draw.rect(surface, (58, 48, 22), tip_rect, border_radius=t.px(5))
            pygame.draw.rect(surface, th.ACCENT, tip_rect, 1, border_radius=t.px(5))
            inner = tip_rect.inflate(-t.px(16), -t.px(12))
            yy = text_block(surface, t, _("Risk education"), inner, 14, th.ACCENT, bold=True)
            text_block(surface, t, _(lv.tips[0]), pygame.Rect(inner.x, yy, inner.w, inner.bottom - yy), 14)
        self.bar.clear()
        go = self.bar.add(Button(_("Start"), self.start, None, "Enter", _("Begin the level (paused on day 1)")))
        back = self.bar.add(Button(_("Back"), self.back, None, "Esc", _("Back to the menu")))
        go.rect = pygame.Rect(w - m - t.px(160), h - t.px(62), t.px(160), t.px(40))
        back.rect = pygame.Rect(go.rect.x - t.px(130), go.rect.y, t.px(120), t.px(40))
        self.bar.draw(surface, t, 17)
