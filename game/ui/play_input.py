"""Keyboard and mouse on the play screen: every key and pointer gesture becomes a call on the scene.

:class:`PlayInput` is mixed into :class:`~game.ui.scene_play.PlayScene`; it
never talks to the simulation, it only calls the scene's actions (select a
team, begin an order, set its area, confirm, change speed, scroll, zoom).
"""

from __future__ import annotations

import pygame

from game.text import Later, _
from game.ui import play_hud
from game.ui import theme as th

SCROLL_PX_PER_S = 900
DRAG_THRESHOLD_PX = 5


class PlayInput:
    """Input handling of the play scene (a mixin: ``self`` is the PlayScene)."""

    def _scroll_keys(self, dt: float) -> None:
        keys = pygame.key.get_pressed()
        mods = pygame.key.get_mods()
        if mods & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        if dx or dy:
            self.renderer.camera.scroll(dx * SCROLL_PX_PER_S * dt, dy * SCROLL_PX_PER_S * dt)

    # -------------------------------------------------------------- input

    def handle(self, event: pygame.event.Event) -> None:
        if hasattr(event, "pos"):
            self.mouse_pos = event.pos
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse_pos = (-1, -1)
        if event.type == pygame.VIDEORESIZE:
            self._layout((event.w, event.h))
            return
        if self.end_shown:  # the end-of-level moment: only its button (Enter) and the pause menu
            if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.open_pause_menu()
            elif event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                self.bar.handle(event)
            return
        if event.type == pygame.KEYDOWN:
            if event.key != pygame.K_END:
                self._end_armed = False
            if self._key(event):
                return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.bar.handle(event):
            return
        if event.type == pygame.KEYDOWN and self.bar.handle(event):
            return
        self._mouse(event)

    def _key(self, event) -> bool:
        k = event.key
        if k == pygame.K_ESCAPE:
            if self.draft is not None:
                self.draft = None
            elif self.hire_open:
                self.hire_open = False
            else:
                self.open_pause_menu()
            return True
        if k == pygame.K_SPACE and self.alerts and self.paused_by_alert:
            self.dismiss_alerts()
            self.toggle_pause()
            return True
        if pygame.K_1 <= k <= pygame.K_9:
            i = k - pygame.K_1
            if self.hire_open:
                self.hire(i)
            elif i < len(self.link.teams()):
                self.select_team(self.link.teams()[i].name)
            return True
        if k == pygame.K_TAB:
            teams = self.link.teams()
            if teams:
                names = [t.name for t in teams]
                i = names.index(self.selected) if self.selected in names else -1
                step = -1 if event.mod & pygame.KMOD_SHIFT else 1
                self.select_team(names[(i + step) % len(names)])
            return True
        if k in (pygame.K_COMMA, pygame.K_LESS):
            self.change_speed(-1)
            return True
        if k in (pygame.K_PERIOD, pygame.K_GREATER):
            self.change_speed(1)
            return True
        if k in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_PAGEUP):
            self.renderer.camera.zoom_at(1)
            return True
        if k in (pygame.K_MINUS, pygame.K_KP_MINUS, pygame.K_PAGEDOWN):
            self.renderer.camera.zoom_at(-1)
            return True
        if k == pygame.K_z:
            self._cycle_zone(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if k == pygame.K_HOME and self.selected:
            team = self.link.view.team(self.selected)
            if team:
                self.renderer.camera.centre_on(self.link.team_cell(team))
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.draft is None and self.tutorial is not None:
                self.tutorial_next()
            else:
                self.confirm_order()
            return True
        return False

    def _cycle_zone(self, step: int) -> None:
        if self.draft is not None and self.draft.action == "educate":
            names = [v.name for v in self.link.view.villages]
        else:
            names = [o.name for o in self.link.zones()]
        if not names:
            return
        self._zone_index = (self._zone_index + step) % len(names)
        name = names[self._zone_index]
        obj = self.link.scenario.map.object_named(name)
        if obj is not None:
            self.renderer.camera.centre_on(obj.centre_cell)
        if self.draft is not None:
            self.set_draft_area(name)
        else:
            self.message = (Later(lambda: _("Zone: {name}").format(name=self.link.names.zone(name))), th.INFO)

    def _mouse(self, event) -> None:
        cam = self.renderer.camera
        minimap = self.renderer.minimap if self.renderer.overlays.minimap else None
        if event.type == pygame.MOUSEWHEEL:
            if self.team_list_rect.collidepoint(self.mouse_pos) and len(self.link.teams()) > 2:
                self.team_scroll = max(0, self.team_scroll - event.y)
            elif self.panel_scroll.wheel(self.mouse_pos, event.y, self.theme.px(40)):
                pass
            elif cam.viewport.collidepoint(self.mouse_pos):
                cam.zoom_at(1 if event.y > 0 else -1, self.mouse_pos)
        elif (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and minimap is not None
              and minimap.cell_at(event.pos) is not None):
            cam.centre_on(minimap.cell_at(event.pos))
            self._drag = {"mode": "minimap", "start": event.pos, "now": event.pos, "moved": False}
        elif event.type == pygame.MOUSEBUTTONDOWN and cam.viewport.collidepoint(event.pos):
            if event.button == 1:
                team = self.renderer.team_at(self.link, event.pos, self.theme)
                if team is not None and (self.draft is None or self.draft.works_on is not None):
                    self.select_team(team)
                    return
                mode = "area" if self.draft is not None else "pan"
                self._drag = {"mode": mode, "start": event.pos, "now": event.pos, "moved": False}
            elif event.button in (2, 3):
                self._drag = {"mode": "pan", "start": event.pos, "now": event.pos, "moved": False}
        elif event.type == pygame.MOUSEMOTION and self._drag is not None:
            d = self._drag
            if abs(event.pos[0] - d["start"][0]) + abs(event.pos[1] - d["start"][1]) > DRAG_THRESHOLD_PX:
                d["moved"] = True
            if d["mode"] == "pan":
                cam.scroll(d["now"][0] - event.pos[0], d["now"][1] - event.pos[1])
            elif d["mode"] == "minimap" and minimap is not None:
                r = minimap.rect
                cam.centre_on(minimap.cell_at((min(max(event.pos[0], r.x), r.right - 1),
                                               min(max(event.pos[1], r.y), r.bottom - 1))))
            d["now"] = event.pos
        elif event.type == pygame.MOUSEBUTTONUP and self._drag is not None:
            d, self._drag = self._drag, None
            d["now"] = event.pos
            if d["mode"] == "area" and self.draft is not None:
                self._finish_area(d)

    def _finish_area(self, d) -> None:
        cam = self.renderer.camera
        a = cam.screen_to_cell(d["start"])
        b = cam.screen_to_cell(_clamp_to(cam.viewport, d["now"]))
        if a is None or b is None:
            return
        if d["moved"] and self.draft.action != "educate":
            x0, x1 = sorted((a[0], b[0]))
            y0, y1 = sorted((a[1], b[1]))
            self.set_draft_area((x0, y0, x1 - x0 + 1, y1 - y0 + 1))
        else:
            educate = self.draft.action == "educate"
            zone = None if educate else self.renderer.zone_at(d["now"])
            zone = zone or play_hud.zone_under(self, b, villages_only=educate)
            if zone is not None:
                self.set_draft_area(zone)
            else:
                self.message = (Later(lambda: _("No zone here: drag a rectangle instead.")), th.ACCENT)


def _clamp_to(rect: pygame.Rect, pos) -> tuple[int, int]:
    return (min(max(pos[0], rect.left), rect.right - 1), min(max(pos[1], rect.top), rect.bottom - 1))
