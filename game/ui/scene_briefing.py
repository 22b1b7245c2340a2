"""The briefing before a level: the situation, a small map, objectives, budget, days, teams,
and one risk-education message from the level's tips.

As a preview (``minerisk play LEVEL --briefing``) it says so, and offers only Close: a trainer reads the
texts, nothing is played."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.text import _, ngettext
from game.text.formats import money, number, reflow
from game.text.labels import join
from game.text.score import objective_text
from game.ui import theme as th
from game.ui.layout import mirror, mirror_all
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, block_height, draw_text, panel, text_block


class BriefingScene(Scene):
    def __init__(self, app, play, preview: bool = False):
        super().__init__(app)
        self.play = play  # the level is loaded once, here, and handed on
        self.preview_only = preview  # a trainer's preview: no Start
        self._preview: pygame.Surface | None = None
        self._preview_box: tuple[int, int] | None = None
        self.scroller = Scroller()

    @classmethod
    def create(cls, app, path: Path) -> "BriefingScene | None":
        play = app.make("play", path=path, fresh_seed=True)
        return cls(app, play) if play is not None else None

    @classmethod
    def create_preview(cls, app, path: Path, seed: int | None = None) -> "BriefingScene | None":
        """The briefing as a trainer's preview (nothing is played)."""
        play = app.make("play", path=path, seed=seed)
        return cls(app, play, preview=True) if play is not None else None

    def start(self) -> None:
        if self.preview_only:
            return
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
            step = {pygame.K_DOWN: 1, pygame.K_UP: -1, pygame.K_PAGEDOWN: 5, pygame.K_PAGEUP: -5}.get(event.key)
            if step:
                self.scroller.wheel(self.scroller.rect.center, -step, self.theme.px(40))
                return
        if event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, self.theme.px(40))
            return
        super().handle(event)

    def preview(self, size: tuple[int, int]) -> pygame.Surface:
        """The map at its smallest zoom with the suspected land, scaled to fit ``size``."""
        if self._preview is None or self._preview_box != size:
            r = self.play.renderer
            full = r.picture.surface(r.camera.zooms[0], budget=None)
            scale = min(size[0] / full.get_width(), size[1] / full.get_height())
            self._preview = pygame.transform.smoothscale(
                full, (max(1, int(full.get_width() * scale)), max(1, int(full.get_height() * scale))))
            self._preview_box = size
        return self._preview

    def _story(self, surface, x: int, y: int, w: int) -> int:
        """The situation and the objectives."""
        t, lv = self.theme, self.play.link.level
        y = text_block(surface, t, reflow(_(lv.briefing.strip())), pygame.Rect(x, y, w, 10 ** 5), 15) + t.px(8)
        draw_text(surface, t, _("Objectives"), (x, y), 16, th.TEXT, bold=True, within=(x, y, w, 1))
        y += t.font(16, True).get_linesize() + t.px(4)
        for obj in lv.objectives:
            y = text_block(surface, t, "• " + objective_text(obj, self.play.link.names),
                           pygame.Rect(x, y, w, 10 ** 5), 14) + t.px(2)
        return y

    def _facts(self, surface, x: int, y: int, w: int, map_h: int) -> int:
        """The map, budget and days, the teams, and one risk-education message."""
        t, link = self.theme, self.play.link
        lv = link.level
        img = self.preview((w, map_h))
        surface.blit(img, img.get_rect(midtop=(x + w // 2, y)))
        y += img.get_height() + t.px(10)
        cost = sum(s.count * float(lv.catalogue["teams"].get(s.type, {}).get("cost_per_day_usd", 0))
                   for s in lv.start_teams)
        facts = [_("Budget: {money}").format(money=money(lv.budget_usd)),
                 ngettext("{n} day", "{n} days", lv.days).format(n=number(lv.days)) + " · " +
                 _("the teams cost {cost} a day").format(cost=money(cost)),
                 _("Map: {w} × {h} cells of {m:g} m").format(w=link.view.width, h=link.view.height, m=lv.cell_size_m)]
        for f in facts:
            y = text_block(surface, t, f, pygame.Rect(x, y, w, 10 ** 5), 14)
        teams = join([link.names.team_count(s.type, s.count) for s in lv.start_teams])
        y = text_block(surface, t, _("Teams: {teams}").format(teams=teams), pygame.Rect(x, y, w, 10 ** 5), 14)
        if lv.hireable:
            hire = join([link.names.team_type(k) for k in lv.hireable])
            y = text_block(surface, t, _("You may hire: {teams}").format(teams=hire), pygame.Rect(x, y, w, 10 ** 5),
                           13, th.TEXT_DIM)
        if lv.tips:
            y += t.px(8)
            pad = t.px(8)
            title_h = t.font(14, True).get_linesize()
            h = title_h + block_height(t, _(lv.tips[0]), w - 2 * pad, 14) + 2 * pad
            box = pygame.Rect(x, y, w, h)
            pygame.draw.rect(surface, (58, 48, 22), box, border_radius=t.px(5))
            pygame.draw.rect(surface, th.ACCENT, box, 1, border_radius=t.px(5))
            draw_text(surface, t, _("Risk education"), (box.x + pad, box.y + pad), 14, th.ACCENT, bold=True,
                      within=box)
            text_block(surface, t, _(lv.tips[0]), pygame.Rect(box.x + pad, box.y + pad + title_h, w - 2 * pad, h), 14)
            y = box.bottom
        return y

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        lv = self.play.link.level
        surface.fill(th.BG)
        m = t.px(20)
        y = t.px(14)
        draw_text(surface, t, _(lv.title), pygame.Rect(m, y, w - 2 * m, t.font(26, True).get_linesize()), 26, th.ACCENT,
                  bold=True)
        y += t.font(26, True).get_linesize()
        stars = "★" * lv.difficulty + "☆" * max(0, 5 - lv.difficulty)
        draw_text(surface, t, _("Briefing · difficulty {stars}").format(stars=stars),
                  pygame.Rect(m, y, w - 2 * m, t.font(14).get_linesize()), 14, th.TEXT_DIM)
        y += t.font(14).get_linesize() + t.px(8)
        if self.preview_only:
            y = text_block(surface, t, _("Preview: the briefing a student reads before this level. Nothing is "
                                         "played or saved."), pygame.Rect(m, y - t.px(6), w - 2 * m, 10 ** 4), 14,
                           th.ACCENT, bold=True) + t.px(6)
        bh = t.px(38)
        content = pygame.Rect(m, y, w - 2 * m, h - y - bh - 2 * t.px(12))
        panel(surface, content.inflate(t.px(8), t.px(8)), t, alpha=255)
        top = self.scroller.begin(surface, content)
        used = self.scroller.content(t.px(12))
        inner = used.w
        if inner >= t.px(760):  # two columns: the story, and the map with the facts (swapped right to left)
            left_w = inner * 3 // 5 - t.px(8)
            story = mirror((used.x, top, left_w, 1), used)
            bottom = self._story(surface, story.x, top, left_w)
            facts = mirror((used.x + left_w + t.px(16), top, inner - left_w - t.px(16), 1), used)
            map_h = min(content.h * 2 // 5, t.px(260))
            bottom = max(bottom, self._facts(surface, facts.x, top, facts.w, map_h))
        else:  # one column, which scrolls
            bottom = self._story(surface, used.x, top, inner) + t.px(10)
            bottom = self._facts(surface, used.x, bottom, inner, min(content.h * 3 // 5, t.px(240)))
        self.scroller.end(surface, t, bottom + t.px(4))
        self.bar.clear()
        if self.preview_only:
            go = back = self.bar.add(Button(_("Close"), self.back, None, "Esc", _("Close the preview")))
        else:
            go = self.bar.add(Button(_("Start"), self.start, None, "Enter", _("Begin the level (paused on day 1)")))
            back = self.bar.add(Button(_("Back"), self.back, None, "Esc", _("Back to the menu")))
        bw = max(t.px(110), t.font(17).size(go.label)[0] + t.px(30))
        go.rect = pygame.Rect(w - m - bw, h - bh - t.px(10), bw, bh)
        if back is not go:
            back.rect = pygame.Rect(go.rect.x - bw - t.px(10), go.rect.y, bw, bh)
        if self.scroller.scrolls:
            draw_text(surface, t, _("↑/↓ or wheel to read on"), pygame.Rect(m, go.rect.y, back.rect.x - 2 * m, bh),
                      13, th.TEXT_DIM, anchor="midleft", within=surface.get_rect())
        mirror_all((go, back), surface.get_rect())  # Start first in reading order
        self.bar.draw(surface, t, 17)
