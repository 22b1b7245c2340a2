"""The play screen: the map, the HUD, the side panel, time controls and the order flow.

Input becomes orders here and only here: :meth:`PlayScene.submit` is the one
path to the simulation, used by the confirm button, the Enter key and the
autoplay driver alike. The scene reads ``link.view`` and never changes state
itself.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.i18n import _
from game.level import LevelError
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.ui import play_hud, play_panel
from game.ui import theme as th
from game.ui.map_renderer import MapRenderer
from game.ui.order_draft import ACTION_INFO, OrderDraft
from game.ui.play_input import PlayInput, _clamp_to
from game.ui.savegame import SavedGame, delete_save, write_save
from game.ui.scene import Scene
from game.ui.sim_link import GameLink
from game.ui.widgets import tooltip

def resolve_level(level: str) -> Path | None:
    """A level file path, or the campaign level with this id."""
    path = Path(level)
    if path.is_file():
        return path
    for info in list_levels(levels_dir()):
        if info.id == level or info.path.stem == level:
            return info.path
    return None


class PlayScene(PlayInput, Scene):
    def __init__(self, app, link: GameLink, autoplay=None):
        super().__init__(app)
        self.link = link
        self.renderer = MapRenderer(link.scenario.map.path, link.scenario.map, link.view.land_use)
        self.renderer.update(link.view)
        self.zone_objects = [o for o in link.scenario.map.objects if o.kind != "team_base"]
        teams = link.teams()
        self.selected: str | None = teams[0].name if teams else None
        self.draft: OrderDraft | None = None
        self.message: tuple[str, tuple] | None = None
        self.hire_open = False
        self.speed = 1
        self.paused = True
        self.acc = 0.0
        self.news: list[tuple[int, str, str]] = []
        self._seen_events = 0
        self._drag: dict | None = None
        self._zone_index = -1
        self._end_armed = False
        self.truth = None
        self.speed_left = 0
        self.mouse_pos = (0, 0)  # last pointer position seen in an event
        self.days_stepped = 0
        self.autoplay = autoplay
        self._autoplay_day = 0
        self._take_news()
        base = link.team_cell(teams[0]) if teams else (link.view.width // 2, link.view.height // 2)
        self._layout(app.screen.get_size())
        self.renderer.camera.fit()
        self.renderer.camera.centre_on(base)
        if autoplay is not None:
            self.paused, self.speed = False, 8

    # ------------------------------------------------------------ creation

    @classmethod
    def start(cls, app, path: Path, seed: int | None = None, autoplay: str | None = None) -> "PlayScene | None":
        try:
            link = GameLink.open(path, seed)
        except LevelError as exc:
            print("\n".join(str(p) for p in exc.problems))
            return None
        driver = None
        if autoplay:
            driver = link.policy(autoplay)
            if driver is None:
                from game.ui.sim_link import PolicyDriver

                known = ", ".join(PolicyDriver.names()) or _("none yet")
                print(_("minerisk play: no scripted player called '{name}' (known: {known})").format(
                    name=autoplay, known=known))
                link.close()
                return None
        return cls(app, link, driver)

    @classmethod
    def resume(cls, app, saved: SavedGame) -> "PlayScene | None":
        path = resolve_level(saved.level_id) or resolve_level(saved.level_path)
        if path is None:
            return None
        try:
            link = GameLink.open(path, saved.seed)
        except LevelError:
            return None
        if link.level.id != saved.level_id:
            link.close()
            return None
        refused = link.replay(saved.commands, saved.day)
        scene = cls(app, link)
        scene.message = ((_("Game resumed on day {day}.").format(day=link.day), th.GOOD) if not refused else
                         (_("Game resumed; {n} saved order(s) no longer apply.").format(n=refused), th.ACCENT))
        return scene

    def close(self) -> None:
        self.link.close()

    def saved_game(self) -> SavedGame:
        return SavedGame(self.link.level.id, str(self.link.level_path), self.link.seed, self.link.day,
                         list(self.link.accepted))

    def save(self) -> bool:
        try:
            write_save(self.saved_game())
        except OSError as exc:
            self.message = (_("Could not save: {error}").format(error=exc.strerror or exc), th.BAD)
            return False
        return True

    def on_quit(self) -> None:
        if not self.link.ended and self.link.accepted:
            self.save()

    # ------------------------------------------------------------- layout

    def _layout(self, size) -> None:
        w, h = size
        t = self.theme
        self.top_rect = pygame.Rect(0, 0, w, t.px(34))
        side = min(t.px(360), max(t.px(240), w * 2 // 5))
        self.panel_rect = pygame.Rect(w - side, self.top_rect.bottom, side, h - self.top_rect.bottom)
        strip_h = t.px(26)
        self.strip_rect = pygame.Rect(0, h - strip_h, w - side, strip_h)
        self.renderer.camera.set_viewport(pygame.Rect(0, self.top_rect.bottom, w - side,
                                                      h - self.top_rect.bottom - strip_h))

    # ---------------------------------------------------------- the orders

    def select_team(self, name: str) -> None:
        self.selected = name
        self.hire_open = False
        if self.draft is not None:
            self.draft.fit_team(self.link, name)
            self.draft.set_area(self.link, self.draft.area)

    def begin_order(self, action: str) -> None:
        self.hire_open = False
        self.message = None
        self.draft = OrderDraft(action)
        self.draft.fit_team(self.link, self.selected)
        if self.draft.team:
            self.selected = self.draft.team

    def cancel_order(self) -> None:
        self.draft = None

    def set_draft_area(self, area) -> None:
        if self.draft is not None:
            self.draft.set_area(self.link, area)

    def confirm_order(self) -> None:
        if self.draft is None or not self.draft.ready():
            return
        answer = self.submit(self.draft.command(self.link))
        if answer.accepted:
            self.draft = None

    def submit(self, cmd):
        """Send one order to the simulation (the one path for the player and for autoplay)."""
        answer = self.link.submit(cmd)
        if answer.accepted:
            self.message = (_("Order accepted.") + (f" {_(answer.reason)}" if answer.reason else ""), th.GOOD)
            self.renderer.update(self.link.view)
        else:
            self.message = (_("Refused: {reason}").format(reason=_(answer.reason)), th.BAD)
            self.news.append((self.link.day, "refused", self.message[0]))
        self._take_news()
        return answer

    def toggle_hire(self) -> None:
        self.draft = None
        self.hire_open = not self.hire_open

    def hire(self, index: int) -> None:
        kinds = self.link.view.hireable
        self.hire_open = False
        if 0 <= index < len(kinds):
            answer = self.link.hire(kinds[index])
            self._answer(answer)
            if answer.accepted and answer.team:
                self.selected = answer.team

    def toggle_pace(self) -> None:
        team = self.link.view.team(self.selected) if self.selected else None
        if team is not None:
            self._answer(self.link.set_pace(team.name, "rushed" if team.pace == "sop" else "sop"))

    def stop_team(self) -> None:
        if self.selected:
            self._answer(self.link.stop(self.selected))

    def end_level(self) -> None:
        if not self._end_armed:
            self._end_armed = True
            self.message = (_("Press End again to end the level now."), th.ACCENT)
            return
        self._answer(self.link.end_level())

    def _answer(self, answer) -> None:
        if answer.accepted:
            self.message = (_("Done.") + (f" {_(answer.reason)}" if answer.reason else ""), th.GOOD)
            self.renderer.update(self.link.view)
        else:
            self.message = (_("Refused: {reason}").format(reason=_(answer.reason)), th.BAD)
        self._take_news()

    # ---------------------------------------------------------------- time

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def set_speed(self, speed: int) -> None:
        self.speed = speed
        self.paused = False

    def change_speed(self, steps: int) -> None:
        speeds = play_hud.SPEEDS
        i = speeds.index(self.speed) if self.speed in speeds else 0
        self.set_speed(speeds[min(len(speeds) - 1, max(0, i + steps))])

    def open_pause_menu(self) -> None:
        from game.ui.scene_pause import PauseScene

        self.app.push(PauseScene(self.app, self))

    def toggle_overlay(self, name: str) -> None:
        o = self.renderer.overlays
        setattr(o, name, not getattr(o, name))

    def step_day(self) -> None:
        self.link.step_day()
        self.days_stepped += 1
        self.renderer.update(self.link.view)
        self._take_news()

    def _take_news(self) -> None:
        events = self.link.view.events
        for e in events[self._seen_events:]:
            if e.kind != "order":
                self.news.append((e.day, e.kind, _(e.text)))
        self._seen_events = len(events)
        del self.news[:-200]

    def update(self, dt: float) -> None:
        self._scroll_keys(dt)
        if self.link.ended:
            self._finish()
            return
        if self.autoplay is not None and self._autoplay_day != self.link.day:
            self._autoplay_day = self.link.day
            for cmd in self.autoplay.decide(self.link.view):
                self.submit(cmd)
        if not self.paused:
            self.acc += dt * self.speed
            if self.acc >= 1.0:  # at most one day a frame keeps frames short
                self.acc = min(self.acc - 1.0, 1.0)
                self.step_day()

    def _finish(self) -> None:
        from game.ui.scene_debrief import DebriefScene

        delete_save()
        self.app.replace(DebriefScene(self.app, self))

    # --------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        if surface.get_size() != (self.top_rect.w, self.panel_rect.bottom):
            self._layout(surface.get_size())
        self.bar.clear()
        self.renderer.draw(surface, self.theme, self.link, self.selected, self.truth)
        self._draw_draft(surface)
        play_hud.speed_buttons(self, self.top_rect)
        play_hud.draw_top_bar(self, surface, self.top_rect)
        play_hud.overlay_strip(self, surface, self.strip_rect)
        play_panel.draw_panel(self, surface, self.panel_rect)
        self.bar.draw(surface, self.theme, 13)
        vp = self.renderer.camera.viewport
        if self.paused and self.autoplay is None:
            img = self.theme.text(_("Paused — Space to run"), 14, th.ACCENT, bold=True)
            surface.blit(img, (vp.x + self.theme.px(8), vp.y + self.theme.px(6)))
        if self.app.settings.show_hints:
            hint = _("Pick a team (1-9), an action (key on its button), then drag an area or press Z · "
                     "right-drag or arrows/WASD to move · wheel or +/- to zoom")
            img = self.theme.text(hint, 12, th.TEXT)
            bg = pygame.Rect(vp.x, vp.bottom - img.get_height() - self.theme.px(4), min(vp.w, img.get_width()
                                                                                         + self.theme.px(12)),
                             img.get_height() + self.theme.px(4))
            surface.fill((16, 19, 23), bg)
            surface.blit(img, (bg.x + self.theme.px(6), bg.y + self.theme.px(2)), pygame.Rect(0, 0, bg.w, bg.h))

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

    def draw_tooltips(self, surface: pygame.Surface) -> None:
        pos = self.mouse_pos
        b = self.bar.hovered(pos)
        if b is not None and b.hint():
            tooltip(surface, self.theme, [b.hint()], pos)
            return
        if self._drag is None:
            cell = self.renderer.camera.screen_to_cell(pos)
            if cell is not None:
                tooltip(surface, self.theme, play_hud.cell_tooltip(self, cell), pos)


__all__ = ["PlayScene", "resolve_level", "ACTION_INFO"]
