"""The debrief: why the level ended, the grade and the score card, the truth revealed on the map
(fitted to view), learning points about this run (each with its place on the map), the risk-education
messages that fit it, charts of the run; then retry, next level or the menu.

The map is on the left (on top in a narrow window; on the right in a right-to-left language, the map
itself not mirrored); the report beside it scrolls. A learning point with a place shows a numbered ring on the map.
The level's own closing message (``debrief:`` in its file) comes first.

As a trainer's preview (``minerisk play LEVEL --debrief``, :meth:`DebriefScene.create_preview`) the
scripted player ``land_release`` plays the level to its end first; the screen says it is a preview,
records no grade, saves no result and offers only the truth toggle and Close.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.classroom.results import save_result
from game.text import N_, _, language, ngettext
from game.text.events import end_reason
from game.text.formats import area, money, number, reflow
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.ui import theme as th
from game.ui.charts import line_chart
from game.ui import icons
from game.run.learning import eore_messages, happenings, lessons
from game.text.learning import grade_caps_text, lesson_text, objective_note
from game.text.labels import join
from game.text.score import POINTS, objective_text
from game.ui.layout import blit, mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, block_height, draw_text, panel, text_block



@dataclass(frozen=True, slots=True)
class LearningPoint:
    """A lesson as the debrief shows it: what happened, the principle, its place on the map."""

    text: str
    principle: str
    place: tuple[int, int] | None = None
    good: bool = False


def ring_radius(theme, cell_px: int) -> int:
    """The ring around a learning point's place: a cell and a little room, never much wider than a team's
    marker."""
    return min(max(theme.px(10), cell_px), theme.px(14))


#: A part of the score that was taken away, in words (the parts earned: game.text.score.POINTS).
LOST = {"safety": N_("more harm expected than if nothing had been done")}
#: The parts of the score that only ever take points away.
PENALTIES = ("unjustified_releases", "skipped_procedures")


#: The scripted player whose run a debrief preview shows.
PREVIEW_PLAYER = "land_release"


class DebriefScene(Scene):
    def __init__(self, app, play, preview: bool = False):
        super().__init__(app)
        self.play = play
        self.preview = preview  # a trainer's preview: nothing recorded or saved
        link = play.link
        self.link = link
        self.card = link.score_card()
        self.truth = link.truth()
        play.truth = self.truth
        self.renderer = play.renderer
        self.renderer.overlays.truth = True
        play.refresh_zones()  # the zones' states as the level ended
        session = link.session
        self.lessons = lessons(link.view, self.truth, self.card, session.diary, session.all_events(), link.level)
        self._words: tuple[str, list, list] | None = None  # (language, learning points, EORE messages)
        self.save_problem = ""  # why the result could not be saved, in words ("" once saved)
        self.before, self.improved = None, False
        self.demo = bool(session.record().policy)  # a scripted player's run: a demonstration, never kept
        if not preview and not self.demo:
            if self.card.objectives and all(o.met for o in self.card.objectives):
                app.sounds.play("success")
            self.before = app.progress.best_grades.get(link.level.id)  # the best grade before this run
            self.improved = app.progress.record(link.level.id, self.card.grade)
            self.save_result()
        self._drag = None
        self._fitted: tuple | None = None  # the window the map was last fitted to
        self.note = ""
        self.scroller = Scroller()

    @classmethod
    def create_preview(cls, app, path, seed: int | None = None) -> "DebriefScene | None":
        """The debrief of a run of the scripted player :data:`PREVIEW_PLAYER`, played to its end headless
        through the run core (as ``minerisk simulate``); None if the level cannot be loaded."""
        from game.run.players import play_session

        play = app.make("play", path=path, seed=seed)
        if play is None:
            return None
        try:
            play_session(play.link.session, PREVIEW_PLAYER)
            play._sync(quiet=True)  # the map and the zones as the run ended
        except BaseException:
            play.close()
            raise
        return cls(app, play, preview=True)

    def _worded(self) -> tuple[list, list]:
        """The learning points and the risk-education messages matched to the run, in the language in use."""
        if self._words is None or self._words[0] != language():
            link = self.link
            points = [LearningPoint(*lesson_text(x, link.names, link.level), place=x.place, good=x.good)
                      for x in self.lessons]
            self._words = (language(), points, eore_messages(happenings(link.view, self.card)))
        return self._words[1], self._words[2]

    @property
    def points(self) -> list:
        return self._worded()[0]

    @property
    def eore(self) -> list:
        """Risk-education messages matched to what happened in the run, each with its icon."""
        return self._worded()[1]

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
        if self.preview:  # back to where the preview was opened (the window closes when it was alone)
            self.close()
            self.app.pop()
            return
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
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            if not self.scroller.wheel(pos, event.y, self.theme.px(40)) and cam.viewport.collidepoint(pos):
                cam.zoom_at(1 if event.y > 0 else -1, pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3) and cam.viewport.collidepoint(event.pos):
            self._drag = event.pos
        elif event.type == pygame.MOUSEMOTION and self._drag is not None:
            cam.scroll(self._drag[0] - event.pos[0], self._drag[1] - event.pos[1])
            self._drag = event.pos
        elif event.type == pygame.MOUSEBUTTONUP:
            self._drag = None
        elif event.type == pygame.KEYDOWN:
            step = 120
            moves = {pygame.K_LEFT: (-step, 0), pygame.K_RIGHT: (step, 0), pygame.K_a: (-step, 0),
                     pygame.K_d: (step, 0), pygame.K_w: (0, -step), pygame.K_s: (0, step)}
            if event.key in moves:
                cam.scroll(*moves[event.key])
            elif event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
                self.scroller.wheel(self.scroller.rect.center, -3, self.theme.px(40))
            elif event.key in (pygame.K_UP, pygame.K_PAGEUP):
                self.scroller.wheel(self.scroller.rect.center, 3, self.theme.px(40))
            elif event.key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
                cam.zoom_at(1)
            elif event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                cam.zoom_at(-1)

    # ----------------------------------------------------------------- draw

    def _grade_note(self) -> str:
        """Says a grade is a new best only when it is."""
        if self.preview or self.demo:
            return _("the grade of the scripted player's run (not recorded)")
        if self.before is None:
            return _("your first grade on this level")
        if self.improved:
            return _("a new best grade (before: {grade})").format(grade=self.before)
        return _("your best is {grade}").format(grade=self.before)

    def points_explained(self) -> list[tuple[str, tuple]]:
        """Where the points came from when mistakes cost some: what was earned and for what, what was lost and
        for which mistakes, and a total below zero in words (nothing when no points were lost)."""
        card = self.card
        lost = {k: -v for k, v in card.points.items() if v < 0}
        if not lost:
            return []
        earned = {k: v + 0.0 for k, v in card.points.items() if v >= 0 and k not in PENALTIES}  # (no "-0")
        gained = sum(earned.values())
        taken = sum(lost.values())
        out = [(ngettext("Earned {earned} of {best} possible point: {parts}.",
                         "Earned {earned} of {best} possible points: {parts}.", int(card.best_possible)).format(
            earned=number(gained), best=number(card.best_possible),
            parts=join([_("{part} {points}").format(part=_(POINTS.get(k, k)), points=number(v))
                        for k, v in earned.items()], conjunction=False)), th.TEXT),
            (ngettext("Lost {n} point for mistakes: {parts}.", "Lost {n} points for mistakes: {parts}.",
                      round(taken)).format(
                n=number(taken), parts=join([_("{part} {points}").format(part=_(LOST.get(k, POINTS.get(k, k))),
                                                                          points=number(v))
                                             for k, v in lost.items()], conjunction=False)), th.BAD)]
        if card.total < 0:
            out.append((ngettext("In all: {n} point below zero.", "In all: {n} points below zero.",
                                 round(-card.total)).format(n=number(-card.total)), th.BAD))
        return out

    def _figures(self) -> list[tuple[str, tuple]]:
        card, t = self.card, th
        released = card.released_m2
        hurt = sum(card.deminers.values()) + sum(card.civilians.values())
        return [
            (_("Released {total}: cancelled {c}, reduced {r}, cleared {cl}").format(
                total=area(released.get("total", 0)), c=area(released.get("cancelled", 0)),
                r=area(released.get("reduced", 0)), cl=area(released.get("cleared", 0))), t.TEXT),
            (ngettext("{n} item found", "{n} items found", sum(card.items_found.values())).format(
                n=number(sum(card.items_found.values()))) + " · " +
             ngettext("{n} left in released land", "{n} left in released land",
                      card.items_left_in_released_land).format(n=number(card.items_left_in_released_land)) + " · " +
             ngettext("{n} left in all", "{n} left in all", card.items_left_total).format(
                 n=number(card.items_left_total)),
             t.BAD if card.items_left_in_released_land else t.TEXT),
            (_("Deminers hurt: {d} · people from the villages hurt: {c}").format(
                d=number(sum(card.deminers.values())), c=number(sum(card.civilians.values()))),
             t.BAD if hurt else t.TEXT),
            (_("Spent {spent}; left {left}").format(spent=money(card.spent_usd), left=money(card.budget_left_usd)),
             t.BAD if card.end_reason == "budget" else t.TEXT),
        ]

    def _report(self, surface, x: int, y: int, w: int) -> int:
        """The grade, figures, quiz, objectives, learning points, risk-education messages and charts."""
        t, card = self.theme, self.card
        col = pygame.Rect(x, y, w, 1)  # the report's column: what is placed in it is mirrored right to left
        grade_colour = th.GRADE_COLOURS.get(card.grade, th.TEXT)
        big = draw_text(surface, t, card.grade, (x, y), 48, grade_colour, bold=True, within=col)
        gx = x + big.w + t.px(14)
        if card.total < 0:  # never a bare negative number: it says what made it
            head = _("Grade {grade} · below zero: the mistakes cost more points than the run earned").format(
                grade=card.grade)
        else:
            head = _("Grade {grade} · {total} of {best} points").format(
                grade=card.grade, total=number(card.total), best=number(card.best_possible))
        yy = text_block(surface, t, head, mirror((gx, y + t.px(4), x + w - gx, 10 ** 5), col), 15, grade_colour,
                        True)
        yy = text_block(surface, t, self._grade_note(), mirror((gx, yy, x + w - gx, 10 ** 5), col), 13,
                        th.GOOD if self.improved and self.before else th.TEXT_DIM)
        y = max(big.bottom, yy) + t.px(8)
        for text, colour in self.points_explained():
            y = text_block(surface, t, text, pygame.Rect(x, y, w, 10 ** 5), 13, colour)
        y += t.px(4)
        closing = self.link.level.debrief.strip()
        if closing:  # the level's own closing message, as its author wrote it
            y = text_block(surface, t, reflow(_(closing)), pygame.Rect(x, y, w, 10 ** 5), 14) + t.px(8)
        caps = grade_caps_text(getattr(card, "grade_caps", ()))
        if caps:
            y = text_block(surface, t, caps, pygame.Rect(x, y, w, 10 ** 5), 13, th.ACCENT) + t.px(4)
        for text, colour in self._figures():
            y = text_block(surface, t, text, pygame.Rect(x, y, w, 10 ** 5), 13, colour)
        if self.save_problem:
            y = text_block(surface, t, _("Your result could not be saved: {reason}. Press Save again (S).").format(
                reason=self.save_problem), pygame.Rect(x, y + t.px(4), w, 10 ** 5), 14, th.BAD, bold=True) + t.px(4)
        if self.play.quiz_score is not None:
            got, n = self.play.quiz_score
            y = text_block(surface, t, _("Quiz: {right} of {n} right").format(right=got, n=n),
                           pygame.Rect(x, y, w, 10 ** 5), 13, th.GOOD if got * 2 >= n else th.ACCENT)
        y += t.px(8)
        if card.objectives:
            y = text_block(surface, t, _("Objectives"), pygame.Rect(x, y, w, 10 ** 5), 15, th.TEXT, True)
        for result in card.objectives:
            mark = "✓" if result.met else "✗"
            text = objective_text(self.link.level.objectives[result.index], self.link.names)
            y = text_block(surface, t, f"{mark} {text}", pygame.Rect(x, y, w, 10 ** 5), 13,
                           th.GOOD if result.met else th.BAD)
            note = objective_note(result.kind, result.met, card, self.link.level.catalogue)
            if note:
                y = text_block(surface, t, note, mirror((x + t.px(14), y, w - t.px(14), 10 ** 5), col), 12,
                               th.TEXT_DIM)
        y += t.px(8)
        y = text_block(surface, t, _("What this run teaches"), pygame.Rect(x, y, w, 10 ** 5), 15, th.TEXT, True)
        for i, p in enumerate(self.points):
            place = getattr(p, "place", None)
            bullet = f"{i + 1}." if place is not None else "•"
            colour = th.GOOD if p.good else th.ACCENT
            indent = t.font(13, True).size("00. ")[0]
            draw_text(surface, t, bullet, (x, y), 13, colour, bold=True, within=col)
            y = text_block(surface, t, p.text, mirror((x + indent, y, w - indent, 10 ** 5), col), 13, colour, True)
            y = text_block(surface, t, p.principle, mirror((x + indent, y, w - indent, 10 ** 5), col), 12,
                           th.TEXT_DIM) + t.px(4)
        y += t.px(6)
        y = self._draw_eore(surface, pygame.Rect(x, y, w, 0)) + t.px(10)
        chart_h = t.px(150)
        if w >= t.px(420):
            cw = (w - t.px(10)) // 2
            self._charts(surface, mirror((x, y, cw, chart_h), col), mirror((x + cw + t.px(10), y, cw, chart_h), col))
            y += chart_h
        else:
            self._charts(surface, pygame.Rect(x, y, w, chart_h), pygame.Rect(x, y + chart_h + t.px(10), w, chart_h))
            y += 2 * chart_h + t.px(10)
        return y + t.px(6)

    def _charts(self, surface, left: pygame.Rect, right: pygame.Rect) -> None:
        s = self.card.series
        t = self.theme
        last_day = int(self.card.days_played) or None  # the time line ends on the day the level ended (as the
        # heading says), also when the level ended before that day's work (its values are of the day before)
        line_chart(surface, t, left, _("Released area per day"),
                   [(_("cancelled"), list(s.get("cancelled_m2", ())), (230, 230, 230)),
                    (_("reduced"), list(s.get("reduced_m2", ())), (200, 110, 255)),
                    (_("cleared"), list(s.get("cleared_m2", ())), (70, 225, 255))], stacked=True, last_day=last_day)
        line_chart(surface, t, right, _("Money per day"),
                   [(_("spent"), list(s.get("spent_usd", ())), th.BAD),
                    (_("budget left"), list(s.get("budget_usd", ())), th.GOOD)], unit=money, last_day=last_day)

    def _draw_eore(self, surface: pygame.Surface, rect: pygame.Rect) -> int:
        """The risk-education key messages that match what happened in this run, each with its icon."""
        t = self.theme
        pad, size = t.px(10), t.px(28)
        head_h = t.font(14, True).get_linesize() + t.px(4)
        text_w = rect.w - 2 * pad - size - t.px(8)
        h = 2 * pad + head_h + sum(max(size, block_height(t, text, text_w, 13)) + t.px(6) for _i, text in self.eore)
        box = pygame.Rect(rect.x, rect.y, rect.w, h)
        pygame.draw.rect(surface, (58, 48, 22), box, border_radius=t.px(5))
        pygame.draw.rect(surface, th.ACCENT, box, 1, border_radius=t.px(5))
        y = text_block(surface, t, _("Stay safe: what this run reminds us"),
                       pygame.Rect(box.x + pad, box.y + pad, box.w - 2 * pad, 10 ** 5), 14, th.ACCENT, True) + t.px(4)
        for icon_name, text in self.eore:
            img = icons.icon(icon_name, size)
            if img is not None:
                blit(surface, img, (box.x + pad, y), box)
            y = max(text_block(surface, t, text, mirror((box.x + pad + size + t.px(8), y, text_w, 10 ** 5), box), 13),
                    y + size) + t.px(6)
        return box.bottom

    def _draw_places(self, surface) -> None:
        """A numbered ring on the map where each learning point happened."""
        t, cam = self.theme, self.renderer.camera
        clip = surface.get_clip()
        surface.set_clip(cam.viewport)
        for i, p in enumerate(self.points):
            place = getattr(p, "place", None)
            if place is None:
                continue
            c = self.renderer.centre(place)
            r = ring_radius(t, cam.cell_px)
            if not cam.viewport.collidepoint(c):
                continue  # its place is scrolled out of view
            room = cam.viewport.inflate(-2 * (r + 3), -2 * (r + 3))  # a place at the frame's edge: ring drawn whole
            c = (min(max(c[0], room.left), room.right), min(max(c[1], room.top), room.bottom))
            pygame.draw.circle(surface, (255, 255, 255), c, r + 2, max(2, t.px(2)))
            pygame.draw.circle(surface, th.ACCENT, c, r, max(2, t.px(2)))
            w, h = t.font(13, True).size(str(i + 1))
            label = pygame.Rect(c[0] + r + t.px(2), c[1] - r - h, w, h)
            if label.right > cam.viewport.right:  # beside the ring, on the side that stays inside the frame
                label.right = c[0] - r - t.px(2)
            if label.top < cam.viewport.top:
                label.top = c[1] + r
            draw_text(surface, t, str(i + 1), label.topleft, 13, th.ACCENT, True)
        surface.set_clip(clip)

    def _legend_rows(self, legend: list, width: int) -> list[list]:
        """The truth map's legend placed on rows of ``width``: [(x offset, label, colour)] per row."""
        t = self.theme
        rows: list[list] = [[]]
        x = 0
        for label, colour in legend:
            lw = t.px(14) + t.font(12).size(label)[0]
            if rows[-1] and x + lw > width:
                rows.append([])
                x = 0
            rows[-1].append((x, label, colour))
            x += lw + t.px(14)
        return rows

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        w, h = surface.get_size()
        surface.fill(th.BG)
        m = t.px(12)
        y = t.px(10)
        title_h = t.font(22, True).get_linesize()
        draw_text(surface, t, _("Debrief: {title}").format(title=_(self.link.level.title)),
                  pygame.Rect(m, y, w - 2 * m, title_h), 22, th.ACCENT, bold=True)
        y += title_h
        if self.preview:
            y = text_block(surface, t, _("Preview: the debrief a student reads after this run, played by the "
                                         "game's scripted player who releases land by evidence (seed {seed}). "
                                         "Nothing is recorded or saved.").format(seed=self.link.seed),
                           pygame.Rect(m, y, w - 2 * m, 10 ** 4), 14, th.ACCENT, bold=True) + t.px(2)
        reason = self.card.end_reason
        ended = _("The level ended on day {day} of {last}: {reason}.").format(
            day=self.card.days_played, last=self.link.level.days, reason=end_reason(reason))
        y = text_block(surface, t, ended, pygame.Rect(m, y, w - 2 * m, 10 ** 4), 14,
                       th.BAD if reason == "budget" else th.TEXT) + t.px(8)
        bh = max(t.px(36), t.font(15).get_linesize() + t.px(10))
        bottom = h - m - bh - t.px(8)
        wide = w >= t.px(900) or h < t.px(500)  # (a short window: a map on top would be a thin strip)
        legend = [(_("live item"), (220, 30, 30)), (_("live item in released land"), (255, 0, 255)),
                  (_("found or destroyed"), (40, 40, 40))]
        if wide:  # the map on the left, the report on the right (swapped right to left; the map is not mirrored)
            map_w = (w - 3 * m) * 9 // 20
            rows = len(self._legend_rows(legend, map_w))
            map_rect = pygame.Rect(m, y, map_w, bottom - y - t.px(4) - rows * t.px(20))
            report = mirror((map_rect.right + m, y, w - map_rect.right - 2 * m, bottom - y), surface.get_rect())
            map_rect = mirror(map_rect, surface.get_rect())
        else:  # the map on top, the report under it
            map_rect = pygame.Rect(m, y, w - 2 * m, (bottom - y) * 2 // 5)
            under = t.px(8) + len(self._legend_rows(legend, map_rect.w)) * t.px(20)
            report = pygame.Rect(m, map_rect.bottom + under, w - 2 * m, bottom - map_rect.bottom - under)
        cam = self.renderer.camera
        cam.set_viewport(map_rect)
        if self._fitted != (w, h, t.scale):  # fitted to view on the first frame and on every resize
            self._fitted = (w, h, t.scale)
            cam.fit()
        self.renderer.draw(surface, t, self.link, None, self.truth)
        self._draw_places(surface)
        pygame.draw.rect(surface, th.BORDER, map_rect, 1)
        for r, row in enumerate(self._legend_rows(legend, map_rect.w)):  # (onto a second row when narrow)
            ly = map_rect.bottom + t.px(4) + r * t.px(20)
            for dx, label, colour in row:
                x = map_rect.x + dx
                dot = mirror((x + t.px(1), ly + t.px(4), t.px(10), t.px(10)), map_rect).center
                pygame.draw.circle(surface, colour, dot, t.px(5))
                pygame.draw.circle(surface, (0, 0, 0), dot, t.px(5), 1)
                draw_text(surface, t, label, (x + t.px(14), ly + t.px(1)), 12, th.TEXT_DIM, within=map_rect)
        panel(surface, report, t, alpha=255)
        inner = report.inflate(-2 * t.px(10), -2 * t.px(10))
        top = self.scroller.begin(surface, inner)
        used = self.scroller.content(t.px(12))
        self.scroller.end(surface, t, self._report(surface, used.x, top, used.w))
        self.bar.clear()
        o = self.renderer.overlays
        buttons = [
            Button(_("Truth on map"), self.toggle_truth, pygame.K_t, "T",
                   _("Show or hide where the items really were"), active=o.truth),
            Button(_("Retry"), self.retry, pygame.K_r, "R", _("Play this level again")),
            Button(_("Next level"), self.next_level, pygame.K_n, "N", _("Go on with the campaign")),
            Button(_("Menu"), self.menu, pygame.K_m, "M", _("Back to the main menu")),
        ]
        if self.preview:
            buttons = buttons[:1] + [Button(_("Close"), self.menu, None, "Esc", _("Close the preview"))]
        if self.save_problem:  # last, so it stays on screen when the row is too wide
            buttons.append(Button(_("Save again"), self.save_result, pygame.K_s, "S",
                                  _("Try again to save your result")))
        gap = t.px(8)
        bw = min(t.px(150), (w - 2 * m - (len(buttons) - 1) * gap) // len(buttons))
        x = w - m - len(buttons) * (bw + gap) + gap
        for b in buttons:
            self.bar.add(b)
            b.rect = mirror((x, h - m - bh, bw, bh), surface.get_rect())  # the first one read first
            x += bw + gap
        if self.note:
            text_block(surface, t, self.note, mirror((m, h - m - bh, x - len(buttons) * (bw + gap) - 2 * m, bh),
                                                     surface.get_rect()), 13, th.ACCENT)
        self.bar.draw(surface, t, 15)
