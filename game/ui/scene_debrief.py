"""The debrief: the score card and grade, the truth revealed on the map, charts of the run,
and learning points drawn from what happened; then retry, next level or the menu."""

from __future__ import annotations

import pygame

from game.classroom.results import save_result
from game.text import _
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.ui import theme as th
from game.ui.charts import line_chart
from game.ui import icons
from game.run.learning import eore_messages, happenings, learning_points
from game.text.score import objective_text
from game.ui.scene import Scene
from game.ui.widgets import Button, panel, text_block

GRADE_COLOURS = {"A": th.GOOD, "B": (170, 210, 110), "C": th.ACCENT, "D": (235, 130, 60), "E": th.BAD, "F": th.BAD}


class DebriefScene(Scene):
    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        link = play.link
        self.link = link
        self.card = link.score_card()
        self.truth = link.truth()
        play.truth = self.truth
        self.renderer = play.renderer
        self.renderer.overlays.truth = True
        self.points = learning_points(link.view, self.truth, self.card, link.accepted, level=link.level,
                                      names=link.names)
        self.eore = eore_messages(happenings(link.view, self.card))  # risk-education messages matched to the run
        if self.card.objectives and all(o.met for o in self.card.objectives):
            app.sounds.play("success")
        self.improved = app.progress.record(link.level.id, self.card.grade)
        self.save_problem = ""  # why the result could not be saved, in words ("" once saved)
        self.save_result()
        self._drag = None
        self._fitted = False
        self.note = ""

    def close(self) -> None:
        self.play.close()

    def save_result(self) -> None:
        """Save the grade with the campaign progress, and keep the run for the next hand-in (game/classroom);
        on failure the debrief says why and offers to retry."""
        result = self.app.progress.save()
        kept = save_result(self.link.session.record())
        self.save_problem = "" if result and kept else (result.reason if not result else kept.reason)

    # -------------------------------------------------------------- actions

    def retry(self) -> None:
        self._open_briefing(self.link.level_path)

    def next_level(self) -> None:
        levels = list_levels(levels_dir())
        ids = [lv.id for lv in levels]
        if self.link.level.id in ids:
            i = ids.index(self.link.level.id) + 1
            if i < len(levels) and self.app.progress.unlocked(ids, i):
                self._open_briefing(levels[i].path)
                return
        self.menu()

    def _open_briefing(self, path) -> None:
        """The briefing of a level instead of this debrief (which stays if the level cannot be loaded)."""
        scene = self.app.make("briefing", loading=True, path=path)
        if scene is None:
            self.note = _("This level could not be loaded; run `minerisk validate` for details.")
            return
        self.close()
        self.app.replace(scene)

    def menu(self) -> None:
        self.app.go("menu", how="reset")

    def toggle_truth(self) -> None:
        o = self.renderer.overlays
        o.truth = not o.truth

    def handle(self, event) -> None:
        cam = self.renderer.camera
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.menu()
            return
        if self.bar.handle(event):
            return
        if event.type == pygame.MOUSEWHEEL and cam.viewport.collidepoint(pygame.mouse.get_pos()):
            cam.zoom_at(1 if event.y > 0 else -1, pygame.mouse.get_pos())
        elif event.type == pygame.MOUSEBUTTONDOWN and cam.viewport.collidepoint(event.pos):
            self._drag = event.pos
        elif event.type == pygame.MOUSEMOTION and self._drag is not None:
            cam.scroll(self._drag[0] - event.pos[0], self._drag[1] - event.pos[1])
            self._drag = event.pos
        elif event.type == pygame.MOUSEBUTTONUP:
            self._drag = None
        elif event.type == pygame.KEYDOWN:
            step = 120
            moves = {pygame.K_LEFT: (-step, 0), pygame.K_RIGHT: (step, 0), pygame.K_UP: (0, -step),
                     pygame.K_DOWN: (0, step), pygame.K_a: (-step, 0), pygame.K_d: (step, 0),
                     pygame.K_w: (0, -step), pygame.K_s: (0, step)}
            if event.key in moves:
                cam.scroll(*moves[event.key])
            elif event.key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
                cam.zoom_at(1)
            elif event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                cam.zoom_at(-1)

    # ----------------------------------------------------------------- draw

    def _eore_height(self, width: int) -> int:
        """The height the risk-education box needs at ``width`` pixels."""
        t = self.theme
        pad, size = t.px(10), t.px(28)
        font = t.font(13)
        h = 2 * pad + t.font(14, True).get_linesize() + t.px(4)
        for _icon, text in self.eore:
            lines = len(th.wrap(font, text, width - 2 * pad - size - t.px(8)))
            h += max(size, lines * font.get_linesize()) + t.px(6)
        return h

    def _draw_eore(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The risk-education key messages that match what happened in this run, each with its icon."""
        t = self.theme
        pygame.draw.rect(surface, (58, 48, 22), rect, border_radius=t.px(5))
        pygame.draw.rect(surface, th.ACCENT, rect, 1, border_radius=t.px(5))
        pad = t.px(10)
        y = text_block(surface, t, _("Stay safe: what this run reminds us"), rect.inflate(-2 * pad, -2 * pad), 14,
                       th.ACCENT, bold=True) + t.px(4)
        size = t.px(28)
        for icon_name, text in self.eore:
            if y + t.line > rect.bottom - pad:
                break
            img = icons.icon(icon_name, size)
            if img is not None:
                surface.blit(img, (rect.x + pad, y))
            box = pygame.Rect(rect.x + pad + size + t.px(8), y, rect.w - 2 * pad - size - t.px(8),
                              rect.bottom - pad - y)
            y = max(text_block(surface, t, text, box, 13), y + size) + t.px(6)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        m = t.px(16)
        card = self.card
        column_h = h - 2 * m - t.px(100)
        eore_h = min(column_h // 2, self._eore_height(w * 2 // 5))
        map_rect = pygame.Rect(m, m + t.px(40), w * 2 // 5, column_h - eore_h - t.px(30))
        cam = self.renderer.camera
        cam.set_viewport(map_rect)
        if not self._fitted:
            cam.fit()
            cam.centre_on((cam.width / 2, cam.height / 2))
            self._fitted = True
        self.renderer.draw(surface, t, self.link, None, self.truth)
        pygame.draw.rect(surface, th.BORDER, map_rect, 1)
        surface.blit(t.text(_("Debrief: {title}").format(title=self.link.level.title), 22, th.ACCENT, bold=True),
                     (m, m))
        legend = [(_("live item"), (220, 30, 30)), (_("live item in released land"), (255, 0, 255)),
                  (_("found or destroyed"), (40, 40, 40))]
        x, y = map_rect.x, map_rect.bottom + t.px(6)
        for label, colour in legend:
            pygame.draw.circle(surface, colour, (x + t.px(6), y + t.px(8)), t.px(5))
            img = t.text(label, 12, th.TEXT_DIM)
            surface.blit(img, (x + t.px(14), y))
            x += img.get_width() + t.px(26)
        self._draw_eore(surface, pygame.Rect(m, map_rect.bottom + t.px(30), map_rect.w, eore_h))
        # the score card
        right = pygame.Rect(map_rect.right + m, m + t.px(40), w - map_rect.right - 2 * m, h - 2 * m - t.px(100))
        panel(surface, right, t, alpha=255)
        pad = t.px(12)
        grade = t.text(card.grade, 56, GRADE_COLOURS.get(card.grade, th.TEXT), bold=True)
        surface.blit(grade, (right.x + pad, right.y + pad))
        gx = right.x + pad + grade.get_width() + t.px(16)
        y = right.y + pad
        best = _("(a new best grade)") if self.improved else ""
        lines = [
            (_("Grade {grade} · {total:,.0f} of {best:,.0f} points {note}").format(
                grade=card.grade, total=card.total, best=card.best_possible, note=best), th.TEXT),
            (_("Released {total}: cancelled {c}, reduced {r}, cleared {cl}").format(
                total=th.area(card.released_m2.get("total", 0)), c=th.area(card.released_m2.get("cancelled", 0)),
                r=th.area(card.released_m2.get("reduced", 0)), cl=th.area(card.released_m2.get("cleared", 0))),
             th.TEXT),
            (_("Items found {found}; left in released land {left}; left anywhere {total}").format(
                found=sum(card.items_found.values()), left=card.items_left_in_released_land,
                total=card.items_left_total),
             th.BAD if card.items_left_in_released_land else th.TEXT),
            (_("Deminers hurt {d}; villagers hurt {c}").format(d=sum(card.deminers.values()),
                                                               c=sum(card.civilians.values())),
             th.BAD if sum(card.deminers.values()) + sum(card.civilians.values()) else th.TEXT),
            (_("Spent {spent}; left {left}").format(spent=th.money(card.spent_usd),
                                                   left=th.money(card.budget_left_usd)), th.TEXT),
        ]
        right_w = right.right - gx - pad
        for text, colour in lines:
            y = text_block(surface, t, text, pygame.Rect(gx, y, right_w, t.line * 2), 13, colour)
        y = max(y, right.y + pad + grade.get_height()) + t.px(6)
        if self.save_problem:
            y = text_block(surface, t, _("Your result could not be saved: {reason}. Press Save again (S).").format(
                reason=self.save_problem), pygame.Rect(right.x + pad, y, right.w - 2 * pad, t.line * 3), 14, th.BAD,
                bold=True) + t.px(4)
        if self.play.quiz_score is not None:
            got, n = self.play.quiz_score
            y = text_block(surface, t, _("Quiz: {right} of {n} right").format(right=got, n=n),
                           pygame.Rect(gx, y, right_w, t.line * 2), 13, th.GOOD if got * 2 >= n else th.ACCENT)
        for result in card.objectives:
            mark = "✓" if result.met else "✗"
            text = objective_text(self.link.level.objectives[result.index], self.link.names)
            y = text_block(surface, t, f"{mark} {text}", pygame.Rect(right.x + pad, y, right.w - 2 * pad,
                                                                      t.line * 2), 13,
                           th.GOOD if result.met else th.BAD)
        y += t.px(6)
        if y + t.line < right.bottom:
            surface.blit(t.text(_("What this run teaches"), 15, th.TEXT, bold=True), (right.x + pad, y))
            y += t.line + t.px(2)
        for p in self.points:
            if y + t.line > right.bottom:
                break
            colour = th.GOOD if p.good else th.ACCENT
            y = text_block(surface, t, "• " + p.text, pygame.Rect(right.x + pad, y, right.w - 2 * pad,
                                                                   right.bottom - y), 13, colour, bold=True)
            y = text_block(surface, t, p.principle, pygame.Rect(right.x + pad + t.px(14), y,
                                                                right.w - 2 * pad - t.px(14), right.bottom - y),
                           12, th.TEXT_DIM)
            y += t.px(4)
        chart_h = min(t.px(160), right.bottom - y - pad)
        if chart_h >= t.px(80):  # the charts take what room is left
            y = right.bottom - pad - chart_h
            cw = (right.w - 3 * pad) // 2
            s = card.series
            line_chart(surface, t, pygame.Rect(right.x + pad, y, cw, chart_h), _("Released area per day"),
                       [(_("cancelled"), list(s.get("cancelled_m2", ())), (120, 220, 120)),
                        (_("reduced"), list(s.get("reduced_m2", ())), (60, 200, 200)),
                        (_("cleared"), list(s.get("cleared_m2", ())), (90, 140, 255))], stacked=True)
            line_chart(surface, t, pygame.Rect(right.x + 2 * pad + cw, y, cw, chart_h), _("Money per day"),
                       [(_("spent"), list(s.get("spent_usd", ())), th.BAD),
                        (_("budget left"), list(s.get("budget_usd", ())), th.GOOD)], unit=th.money)
        self.bar.clear()
        o = self.renderer.overlays
        buttons = [
            Button(_("Truth on map"), self.toggle_truth, pygame.K_t, "T",
                   _("Show or hide where the items really were"), active=o.truth),
            Button(_("Retry"), self.retry, pygame.K_r, "R", _("Play this level again")),
            Button(_("Next level"), self.next_level, pygame.K_n, "N", _("Go on with the campaign")),
            Button(_("Menu"), self.menu, pygame.K_m, "M", _("Back to the main menu")),
        ]
        if self.save_problem:  # last, so it stays on screen when the row is too wide
            buttons.append(Button(_("Save again"), self.save_result, pygame.K_s, "S",
                                  _("Try again to save your result")))
        bw, bh = t.px(150), t.px(38)
        x = w - m - len(buttons) * (bw + t.px(10))
        for b in buttons:
            self.bar.add(b)
            b.rect = pygame.Rect(x, h - m - bh, bw, bh)
            x += bw + t.px(10)
        self.bar.draw(surface, t, 15)
