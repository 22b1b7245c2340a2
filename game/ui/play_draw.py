"""Drawing the play screen: map, the order being drafted, HUD, tutorial prompt, side panel, tooltips.

:class:`PlayDraw` is mixed into :class:`~game.ui.scene_play.PlayScene`
(``self`` is the scene); it only reads the scene and lays out its buttons.
"""

from __future__ import annotations

import pygame

from game.text import _
from game.ui import play_hud, play_panel, play_tutorial
from game.ui import theme as th
from game.ui.play_input import _clamp_to
from game.ui.widgets import tooltip


class PlayDraw:
    """The play scene's drawing (a mixin)."""

    def _layout(self, size) -> None:
        w, h = size
        t = self.theme
        self.top_rect = pygame.Rect(0, 0, w, t.px(34))
        side = min(t.px(360), max(t.px(240), w * 2 // 5))
        self.panel_rect = pygame.Rect(w - side, self.top_rect.bottom, side, h - self.top_rect.bottom)
        band, self._prompt_size = play_tutorial.layout(self, w - side, h - self.top_rect.bottom)
        self.prompt_rect = pygame.Rect(0, self.top_rect.bottom, w - side, band)
        strip_h = t.px(26)
        self.strip_rect = pygame.Rect(0, h - strip_h, w - side, strip_h)
        top = self.prompt_rect.bottom
        self.renderer.camera.set_viewport(pygame.Rect(0, top, w - side, h - top - strip_h))
        self._layout_key = (size, t.scale)

    def draw(self, surface: pygame.Surface) -> None:
        if getattr(self, "_layout_key", None) != (surface.get_size(), self.theme.scale):
            self._layout(surface.get_size())
        self.bar.clear()
        self.renderer.draw(surface, self.theme, self.link, self.selected, self.truth)
        if self.tutorial is not None:
            play_tutorial.draw_target(self, surface)
        self._draw_draft(surface)
        play_hud.speed_buttons(self, self.top_rect)
        play_hud.draw_top_bar(self, surface, self.top_rect)
        if self.tutorial is not None:
            play_tutorial.draw_prompt(self, surface, self.prompt_rect, self._prompt_size)
        play_hud.overlay_strip(self, surface, self.strip_rect)
        play_panel.draw_panel(self, surface, self.panel_rect)
        self.bar.draw(surface, self.theme, 13)
        vp = self.renderer.camera.viewport
        if self.paused and self.autoplay is None:
            img = self.theme.text(_("Paused — Space to run"), 14, th.ACCENT, bold=True)
            bg = img.get_rect(topleft=(vp.x + self.theme.px(8), vp.y + self.theme.px(6))).inflate(
                self.theme.px(10), self.theme.px(4))
            surface.fill((16, 19, 23), bg)
            surface.blit(img, (vp.x + self.theme.px(8), vp.y + self.theme.px(6)))
        if self.app.settings.show_hints and self.tutorial is None:
            hint = _("Pick a team (1-9), an action (key on its button), then drag an area or press Z · "
                     "right-drag or arrows/WASD to move · wheel or +/- to zoom")
            img = self.theme.text(hint, 12, th.TEXT)
            bg = pygame.Rect(vp.x, vp.bottom - img.get_height() - self.theme.px(4),
                             min(vp.w, img.get_width() + self.theme.px(12)), img.get_height() + self.theme.px(4))
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
