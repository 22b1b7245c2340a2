"""Drawing the play screen: map, the order being drafted, HUD, tutorial prompt, side panel, alerts, the
end-of-level moment and the tooltips.

:class:`PlayDraw` is mixed into :class:`~game.ui.scene_play.PlayScene`
(``self`` is the scene); it only reads the scene and lays out its buttons.
The layout follows the window and the UI scale each frame: the top bar and
the strip under the map take as many rows as their content needs, the side
panel scrolls when it must, and the map gets the rest (fitted to view when
the window size changes).
"""

from __future__ import annotations

import pygame

from game.text import _, language, ngettext
from game.text.alerts import alert_text
from game.text.events import end_reason
from game.ui import play_hud, play_panel, play_tutorial
from game.ui.alert_banner import alert_line
from game.ui import theme as th
from game.ui.layout import mirror, rtl
from game.ui.play_input import _clamp_to
from game.ui.widgets import Button, draw_text, panel, text_block, tooltip

BANNER_BG = (44, 36, 18)
#: A window shorter than this (in interface pixels: 1280x720 at 2x, 1024x600 at 1.5x) is short: the strip
#: under the map spans the whole width in one row and folds the legend behind a switch, so the map keeps
#: its room.
SHORT_BELOW = 500
PAUSE_BG = (16, 19, 23)


class PlayDraw:
    """The play scene's drawing (a mixin)."""

    legend_open: bool = False  # on a short window, whether the player opened the legend (F7)
    short: bool = False  # the window is short for the UI scale (SHORT_BELOW): rows are saved for the map

    def _side_width(self, w: int) -> int:
        t = self.theme
        return min(max(t.px(250), w * 9 // 25), t.px(380), w // 2)

    def _strip_plan(self, size) -> tuple[int, bool, bool, int]:
        """The strip under the map: (its width, the legend shows, the legend's switch shows, its height).
        On a short window it spans the whole width (the side panel ends above it) in one row, the legend
        folded behind its switch; otherwise it sits under the map with the legend inline."""
        w, h = size
        if self.short:
            legend, switch, width = self.legend_open, True, w
        else:
            legend, switch, width = True, False, w - self._side_width(w)
        return width, legend, switch, play_hud.strip_height(self, width, legend, switch)

    def toggle_legend(self) -> None:
        """Open or fold the legend of the strip (a short window folds it at first)."""
        self.legend_open = not self.legend_open

    def _layout(self, size) -> None:
        w, h = size
        t = self.theme
        self.short = h < t.px(SHORT_BELOW)
        side = self._side_width(w)
        top_h = self._top_bar_height(w)
        window = pygame.Rect(0, 0, w, h)  # the side panel on the right, or on the left right to left
        self.top_rect = pygame.Rect(0, 0, w, top_h)
        strip_w, self._legend, self._legend_switch, strip_h = self._strip_plan(size)
        below = strip_h if strip_w == w else 0  # a strip across the whole width: the panel ends above it
        self.panel_rect = mirror((w - side, top_h, side, h - top_h - below), window)
        band, self._prompt_size = play_tutorial.layout(self, w - side, h - top_h, self.short)
        self.prompt_rect = mirror((0, top_h, w - side, band), window)
        self.strip_rect = mirror((0, h - strip_h, strip_w, strip_h), window)
        top = self.prompt_rect.bottom
        viewport = mirror((0, top, w - side, max(t.px(40), h - top - strip_h)), window)
        cam = self.renderer.camera
        window = (tuple(size), t.scale)
        cam.set_viewport(viewport)
        if getattr(self, "_window_key", None) != window:  # fit the map to view on start and on a resize
            self._window_key = window
            cam.fit()
        self._layout_key = (tuple(size), t.scale, rtl(), top_h, (self._legend, self._legend_switch, strip_h))

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        t = self.theme
        self.short = size[1] < t.px(SHORT_BELOW)
        key = (size, t.scale, rtl(), self._top_bar_height(size[0]), self._strip_plan(size)[1:])
        if getattr(self, "_layout_key", None) != key:
            self._layout(size)
        self.bar.clear()
        self.refresh_zones()
        vp = self.renderer.camera.viewport
        over = self._map_overlays(vp)  # where the banner, the badge and the hint go: no label goes under them
        first = self.draft.area if self.draft is not None and isinstance(self.draft.area, str) else None
        self.renderer.draw(surface, t, self.link, self.selected, self.truth, first_label=first,
                           covered=tuple(r for r in (over["alerts"], over["badge"], over["hint"]) if r),
                           under_labels=self._draw_outlines)
        play_hud.draw_top_bar(self, surface, self.top_rect)
        if self.tutorial is not None:
            play_tutorial.draw_prompt(self, surface, self.prompt_rect, self._prompt_size, self.short)
        play_hud.overlay_strip(self, surface, self.strip_rect, self._legend, self._legend_switch)
        play_panel.draw_panel(self, surface, self.panel_rect)
        if over["alerts"]:
            self._draw_alerts(surface, over["alerts"], over["alert_lines"])
        if over["badge"]:
            box = over["badge"]
            surface.fill(PAUSE_BG, box)
            draw_text(surface, t, self._badge_text(), box.inflate(-t.px(12), 0), 14, th.ACCENT, True,
                      anchor="midleft")
        if over["hint"]:
            surface.fill(PAUSE_BG, over["hint"])
            text_block(surface, t, self._hint_text(), over["hint"].inflate(-t.px(12), -t.px(4)), 12, th.TEXT)
        if self.end_shown:
            self._draw_end(surface, vp)
        self.bar.draw(surface, t, 13)

    def _top_bar_height(self, width: int) -> int:
        """The top bar's height (its rows follow its words' widths), worked out again only when the run
        changed (``version``), or the width, the UI scale, the language or the window's shortness did."""
        key = (self.version, width, self.theme.scale, language(), self.short)
        if getattr(self, "_top_bar_key", None) != key:
            self._top_bar_key = key
            self._top_bar_h = play_hud.top_bar_height(self, width)
        return self._top_bar_h

    def _draw_outlines(self, surface) -> None:
        """The outlines drawn on the map under its labels: the tutorial's zone, the order's area."""
        if self.tutorial is not None:
            play_tutorial.draw_target(self, surface)
        self._draw_draft(surface)

    def _badge_text(self) -> str:
        """The badge over the map while time stands still (after an alert stopped it: says so)."""
        if self.paused_by_alert and self.alerts:
            return _("Time stopped for this: press Space to go on.")
        return _("Paused: press Space to run")

    @staticmethod
    def _hint_text() -> str:
        return _("Pick a team (1-9), an action (the key on its button), then click a zone or drag an area · "
                 "right-drag or arrows to move · wheel or +/- to zoom")

    def _map_overlays(self, vp: pygame.Rect) -> dict:
        """What this frame draws over the map, placed before the map so its labels keep clear of it: the
        alert banner (at the top, or at the bottom when the top would hide the zone the tutorial asks for),
        the "Paused" badge and the hint line."""
        t = self.theme
        out: dict = {"alerts": None, "alert_lines": [], "badge": None, "hint": None}
        mini = self.renderer.minimap.box(vp, t) if (self.renderer.overlays.minimap
                                                    and not self.renderer.camera.shows_all()) else None
        top = vp.y + t.px(6)
        if self.alerts:
            box, lines = self._alert_layout(pygame.Rect(vp.x + t.px(6), top, vp.w - t.px(12), 0))
            target = self._target_rect()
            if target is not None and box.colliderect(target):
                right = (mini.x if not rtl() else vp.right) if mini else vp.right  # beside the overview map
                left = vp.x if not rtl() or not mini else mini.right
                width = max(t.px(120), right - left - t.px(12))
                low, lines = self._alert_layout(pygame.Rect(left + t.px(6), 0, width, 0))
                low.bottom = vp.bottom - t.px(6)
                if not low.colliderect(target) or low.clip(target).h < box.clip(target).h:
                    box = low
            out["alerts"], out["alert_lines"] = box, lines
            if box.y == top:
                top = box.bottom + t.px(4)
        if self.paused and self.autoplay is None and not self.end_shown and top + t.line <= self.strip_rect.y:
            img = t.text(self._badge_text(), 14, th.ACCENT, bold=True)
            out["badge"] = mirror((vp.x + t.px(6), top, min(vp.w - t.px(12), img.get_width() + t.px(12)),
                                   img.get_height() + t.px(4)), vp)
        if (self.app.settings.show_hints and self.tutorial is None and not self.alerts and not self.end_shown
                and not self.orders_sent):  # (how to give an order: said until the first one is sent)
            width = max(t.px(80), (mirror(mini, vp).x if mini else vp.right) - vp.x - t.px(16))
            h = t.font(12).get_linesize() * len(th.wrap(t.font(12), self._hint_text(), width - t.px(12))) + t.px(6)
            out["hint"] = mirror((vp.x, vp.bottom - h, width, h), vp)
        return out

    def _target_rect(self) -> pygame.Rect | None:
        """The screen rectangle around the zone the tutorial's step asks for (None without one)."""
        step = self.tutorial.step if self.tutorial is not None else None
        if step is None or not step.zone:
            return None
        cells = getattr(self, "_target_cells", {})
        self._target_cells = cells
        if step.zone not in cells:
            mask = self.link.area_cells(step.zone)
            if mask is None or not mask.any():
                cells[step.zone] = None
            else:
                ys, xs = mask.nonzero()
                cells[step.zone] = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1),
                                    int(ys.max() - ys.min() + 1))
        box = cells[step.zone]
        return self.renderer.camera.cell_rect(*box) if box else None

    def _alert_layout(self, rect: pygame.Rect) -> tuple[pygame.Rect, list]:
        """The banner's box (at ``rect``'s top left, ``rect``'s width) and its lines: the newest alerts that
        fit in a quarter of the map's height (the rest: "n more in the news")."""
        t = self.theme
        pad = t.px(6)
        bw = t.font(13).size(_("Close"))[0] + t.px(16)
        text_w = rect.w - bw - 3 * pad
        lines = []
        for a in self.alerts:
            text = alert_line(a, self.link.view.day, alert_text(a, self.link.names, self._level_text))
            lines.append((text, th.BAD if a.code in ("accident", "incident", "money_out") else th.TEXT))
        font = t.font(13)
        line = font.get_linesize()
        limit = max(self.renderer.camera.viewport.h // 4, t.px(30) + 2 * pad)
        shown, h = [], 2 * pad
        for i, (text, colour) in enumerate(lines):
            more = len(th.wrap(font, text, text_w)) * line
            if shown and h + more + line > limit:
                left = len(lines) - i
                shown.append((ngettext("({n} more in the news)", "({n} more in the news)", left).format(n=left),
                              th.TEXT_DIM))
                h += line
                break
            shown.append((text, colour))  # (the newest alert shows whole, even over a quarter of the map)
            h += more
        return pygame.Rect(rect.x, rect.y, rect.w, max(h, t.px(30) + 2 * pad)), shown

    def _draw_alerts(self, surface, box: pygame.Rect, lines: list) -> None:
        """The alert banner laid out by :meth:`_alert_layout`, with its Close button."""
        t = self.theme
        pad = t.px(6)
        bw = t.font(13).size(_("Close"))[0] + t.px(16)
        text_w = box.w - bw - 3 * pad
        pygame.draw.rect(surface, BANNER_BG, box, border_radius=t.px(4))
        pygame.draw.rect(surface, th.ACCENT, box, 1, border_radius=t.px(4))
        y = box.y + pad
        for text, colour in lines:
            y = text_block(surface, t, text, mirror((box.x + pad, y, text_w, 10 ** 4), box), 13, colour)
        close = self.bar.add(Button(_("Close"), self.dismiss_alerts, None, "",
                                    _("Close the alerts (the news keeps them). Whether alerts stop time: "
                                      "Settings.")))
        close.rect = mirror((box.right - pad - bw, box.y + pad, bw, t.px(26)), box)
        self.alert_rect = box

    def _draw_end(self, surface, vp: pygame.Rect) -> None:
        """The end-of-level moment: why the level ended, then on to the debrief."""
        t = self.theme
        view = self.link.view
        reason = self.link.session.end_reason
        head = {"budget": _("The money ran out"), "last_day": _("The last day has passed")}.get(
            reason, _("The level is over"))
        text = _("The level ended on day {day} of {last}: {reason}.").format(day=view.day, last=view.last_day,
                                                                              reason=end_reason(reason))
        if reason == "budget":
            text += " " + _("Every deployed team is paid each day, busy or idle: the debrief shows where the money "
                            "went.")
        w = min(vp.w - t.px(20), t.px(460))
        inner = w - 2 * t.px(16)
        bh = t.px(36)
        h = (t.font(20, True).get_linesize() + t.px(8) + len(th.wrap(t.font(14), text, inner))
             * t.font(14).get_linesize() + t.px(14) + bh + 2 * t.px(14))
        box = pygame.Rect(0, 0, w, min(h, vp.h - t.px(10)))
        box.center = vp.center
        panel(surface, box, t, alpha=255)
        pygame.draw.rect(surface, th.ACCENT, box, 2, border_radius=t.px(6))
        x, y = box.x + t.px(16), box.y + t.px(14)
        draw_text(surface, t, head, pygame.Rect(x, y, inner, t.font(20, True).get_linesize()), 20, th.ACCENT, True)
        y += t.font(20, True).get_linesize() + t.px(8)
        text_block(surface, t, text, pygame.Rect(x, y, inner, box.bottom - bh - t.px(28) - y), 14)
        go = self.bar.add(Button(_("See the debrief"), self.to_debrief, pygame.K_RETURN, "Enter",
                                 _("What happened, and what this run teaches")))
        bw = min(inner, t.font(15).size(_("See the debrief"))[0] + t.px(30))
        go.rect = mirror((box.right - t.px(16) - bw, box.bottom - t.px(14) - bh, bw, bh), box)

    def _draw_draft(self, surface) -> None:
        cam = self.renderer.camera
        if self._drag is not None and self._drag["mode"] == "area" and self._drag["moved"]:
            a = cam.screen_to_cell(self._drag["start"])
            b = cam.screen_to_cell(_clamp_to(cam.viewport, self._drag["now"]))
            if a and b:
                x0, x1 = sorted((a[0], b[0]))
                y0, y1 = sorted((a[1], b[1]))
                pygame.draw.rect(surface, th.SELECT, cam.cell_rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1), 2)
        elif self.draft is not None and self.draft.area is not None:
            clip = surface.get_clip()
            surface.set_clip(cam.viewport)
            area = self.draft.area
            if self.draft.action == "educate":
                v = next((v for v in self.link.view.villages if v.name == area), None)
                if v is not None:
                    c = cam.cell_to_screen(v.cell)
                    pygame.draw.circle(surface, th.SELECT, c, self.theme.px(18), 3)
            else:
                self.renderer.draw_area(surface, self.link, area, th.SELECT, key=("draft", area))
            surface.set_clip(clip)

    def map_tooltip(self, pos) -> list[str]:
        """The tooltip of the map at a screen point: the zone (a label under the pointer names its zone first)
        and its state, then the ground, evidence and finds there ([] off the map)."""
        cell = self.renderer.camera.screen_to_cell(pos)
        if cell is None:
            return []
        lines = play_hud.cell_tooltip(self, cell)
        zone = self.renderer.zone_at(pos)
        if zone is not None:
            state = self.zone_state(zone)  # ("" for a village or a feature: its name alone)
            head = self.link.names.zone(zone) + (" · " + state if state else "")
            lines = [head] + (lines[1:] if play_hud.zone_under(self, cell) is not None else lines)
        return lines

    def draw_tooltips(self, surface: pygame.Surface) -> None:
        pos = self.mouse_pos
        b = self.bar.hovered(pos)
        if b is not None and b.hint():
            lines = [b.hint()]
            for rect, team in self.team_tips:
                if rect.collidepoint(pos):
                    t = self.link.view.team(team)
                    if t is not None:
                        lines = [play_panel.team_detail(self, t), b.hint()]
            tooltip(surface, self.theme, lines, pos)
            return
        if play_hud.hud_tooltip(self, surface, pos):
            return
        if self._drag is None and not self.end_shown:
            if self.renderer.overlays.minimap and self.renderer.minimap.rect.collidepoint(pos):
                tooltip(surface, self.theme, [_("Overview: click or drag to move the view")], pos)
                return
            team = self.renderer.team_at(self.link, pos, self.theme)
            if team is not None:
                t = self.link.view.team(team)
                tooltip(surface, self.theme, [play_panel.team_detail(self, t), _("Click to select it")], pos)
                return
            lines = self.map_tooltip(pos)
            if lines:
                tooltip(surface, self.theme, lines, pos)
