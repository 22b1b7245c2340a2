"""Draws a level's map: the cached picture, then what moves (teams, evidence, finds, tasks, villages).

:class:`MapRenderer` owns the terrain art, the cached :class:`MapPicture`, the
camera and the overlay switches. Per frame it blits the visible part of the
picture (one opaque blit) and draws the few dynamic markers that are in view.
Zone outlines are cached per zone and zoom.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.ui import theme as th
from game.ui.camera import Camera
from game.ui.overlays import MapPicture
from game.ui.terrain_art import TerrainArt, zoom_levels

TEAM_COLOURS = {"nts": (80, 160, 255), "technical_survey": (60, 210, 210), "manual": (250, 210, 60),
                "dog": (230, 140, 60), "machine": (190, 120, 240), "eore": (120, 230, 120)}
TEAM_LETTER = {"nts": "N", "technical_survey": "T", "manual": "M", "dog": "D", "machine": "X", "eore": "E"}


@dataclass
class Overlays:
    """Which layers are drawn (each has a key in the play scene)."""

    status: bool = True
    evidence: bool = True
    teams: bool = True
    villages: bool = True
    marked: bool = True
    truth: bool = False  # debrief only


class MapRenderer:
    def __init__(self, map_path, map_data, land_use: np.ndarray):
        self.map = map_data
        self.art = TerrainArt(map_path)
        self.picture = MapPicture(self.art, land_use)
        self.camera = Camera(map_data.width, map_data.height, zoom_levels(map_data.width, map_data.height))
        self.overlays = Overlays()
        self._outlines: dict[tuple, tuple[pygame.Surface, tuple[int, int]]] = {}

    def update(self, view) -> int:
        """Take a new player view (status and marks); returns how many cells changed."""
        o = self.overlays
        self.picture.set_overlays(o.status, o.villages, o.marked)
        return self.picture.update(view.status, view.marked)

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, theme: th.Theme, link, selected_team: str | None = None,
             truth=None) -> None:
        cam = self.camera
        o = self.overlays
        self.picture.set_overlays(o.status, o.villages, o.marked)
        picture = self.picture.surface(cam.cell_px)
        surface.fill(th.BG, cam.viewport)
        src = cam.visible_source()
        dest = cam.viewport.topleft
        if src.x < 0:
            dest = (dest[0] - src.x, dest[1])
            src.x = 0
        if src.y < 0:
            dest = (dest[0], dest[1] - src.y)
            src.y = 0
        prev_clip = surface.get_clip()
        surface.set_clip(cam.viewport)
        surface.blit(picture, dest, src)
        view = link.view
        if o.villages:
            self._draw_villages(surface, theme, link)
        if o.teams:
            self._draw_tasks(surface, theme, link)
        if o.evidence:
            self._draw_evidence(surface, theme, view)
        if truth is not None and o.truth:
            self._draw_truth(surface, theme, truth, view)
        if o.teams:
            self._draw_teams(surface, theme, link, selected_team)
        surface.set_clip(prev_clip)

    def in_view(self, x: int, y: int) -> bool:
        x0, y0, x1, y1 = self.camera.visible_cells()
        return x0 <= x < x1 and y0 <= y < y1

    def _centre(self, cell) -> tuple[int, int]:
        sx, sy = self.camera.cell_to_screen(cell)
        half = self.camera.cell_px // 2
        return sx + half, sy + half

    def _draw_villages(self, surface, theme, link) -> None:
        for v in link.view.villages:
            c = self._centre(v.cell)
            r = theme.px(7)
            pygame.draw.polygon(surface, (250, 245, 230), [(c[0] - r, c[1]), (c[0], c[1] - r), (c[0] + r, c[1]),
                                                           (c[0] + r, c[1] + r), (c[0] - r, c[1] + r)])
            pygame.draw.polygon(surface, (40, 40, 40), [(c[0] - r, c[1]), (c[0], c[1] - r), (c[0] + r, c[1]),
                                                        (c[0] + r, c[1] + r), (c[0] - r, c[1] + r)], 1)
            label = v.name.capitalize() + (" ✓" if v.educated else "")
            img = theme.text(label, 13, th.TEXT, bold=True)
            bg = pygame.Rect(0, 0, img.get_width() + 6, img.get_height() + 2)
            bg.midtop = (c[0], c[1] + r + 2)
            surface.fill((20, 20, 20), bg)
            surface.blit(img, (bg.x + 3, bg.y + 1))

    def outline(self, key, mask: np.ndarray, colour) -> tuple[pygame.Surface, tuple[int, int]] | None:
        """A cached outline of a cell mask at the current zoom: (surface, top-left cell)."""
        z = self.camera.cell_px
        ck = (key, z, colour)
        if ck in self._outlines:
            return self._outlines[ck]
        ys, xs = np.nonzero(mask)
        if len(xs) == 0:
            return None
        x0, y0, x1, y1 = xs.min(), ys.min(), xs.max() + 1, ys.max() + 1
        sub = np.pad(mask[y0:y1, x0:x1], 1)
        surf = pygame.Surface(((x1 - x0) * z, (y1 - y0) * z), pygame.SRCALPHA)
        w = max(2, z // 5)
        inner = sub[1:-1, 1:-1]
        for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nb = sub[1 + dy:sub.shape[0] - 1 + dy, 1 + dx:sub.shape[1] - 1 + dx]
            for y, x in zip(*np.nonzero(inner & ~nb)):
                px, py = int(x) * z, int(y) * z
                rect = {(-1, 0): (px, py, z, w), (1, 0): (px, py + z - w, z, w),
                        (0, -1): (px, py, w, z), (0, 1): (px + z - w, py, w, z)}[(dy, dx)]
                surf.fill(colour, rect)
        self._outlines[ck] = (surf, (int(x0), int(y0)))
        if len(self._outlines) > 256:
            self._outlines.pop(next(iter(self._outlines)))
        return self._outlines[ck]

    def draw_area(self, surface, link, area, colour, key=None) -> None:
        """Outline an order's area (a zone name or a cell rectangle)."""
        if isinstance(area, tuple):
            x, y, w, h = area
            pygame.draw.rect(surface, colour, self.camera.cell_rect(x, y, w, h), max(2, self.camera.cell_px // 5))
            return
        mask = link.area_cells(area)
        if mask is None:
            return
        got = self.outline(key or area, mask, colour)
        if got:
            surf, cell = got
            surface.blit(surf, self.camera.cell_to_screen(cell))

    def _draw_tasks(self, surface, theme, link) -> None:
        for t in link.view.teams:
            if t.task_area and t.deployed:
                colour = TEAM_COLOURS.get(t.type, th.TEXT)
                self.draw_area(surface, link, _area_of(t.task_area), colour, key=("task", t.task_area))

    def _draw_evidence(self, surface, theme, view) -> None:
        z = self.camera.cell_px
        r = max(3, min(z // 2, theme.px(6)))
        for e in view.evidence:
            if not self.in_view(e.x, e.y):
                continue
            c = self._centre((e.x, e.y))
            pts = [(c[0], c[1] - r), (c[0] + r, c[1]), (c[0], c[1] + r), (c[0] - r, c[1])]
            pygame.draw.polygon(surface, (255, 230, 0), pts)
            pygame.draw.polygon(surface, (0, 0, 0), pts, 1)
        for f in view.finds:
            if not self.in_view(f.x, f.y):
                continue
            c = self._centre((f.x, f.y))
            pygame.draw.circle(surface, (0, 0, 0), c, r + 1)
            pygame.draw.circle(surface, (255, 255, 255), c, r - 1)
            pygame.draw.line(surface, (0, 0, 0), (c[0] - r + 2, c[1]), (c[0] + r - 2, c[1]), 2)

    def _draw_truth(self, surface, theme, truth, view) -> None:
        z = self.camera.cell_px
        r = max(3, min(z // 2, theme.px(6)))
        released = view.status >= 3
        for row, state in zip(truth.items, truth.item_states):
            x, y = int(row["x"]), int(row["y"])
            if not self.in_view(x, y):
                continue
            c = self._centre((x, y))
            if state == "live":
                danger = bool(released[y, x])
                colour = (255, 0, 255) if danger else (220, 30, 30)
                pygame.draw.circle(surface, colour, c, r + (2 if danger else 0))
                pygame.draw.circle(surface, (0, 0, 0), c, r + (2 if danger else 0), 1)
            else:
                pygame.draw.circle(surface, (40, 40, 40), c, max(2, r - 2))

    def _draw_teams(self, surface, theme, link, selected: str | None) -> None:
        stacked: dict[tuple[int, int], int] = {}
        r = theme.px(10)
        for i, t in enumerate(link.teams()):
            cell = link.team_cell(t)
            n = stacked.get(cell, 0)
            stacked[cell] = n + 1
            c = self._centre(cell)
            c = (c[0] + (n % 4) * (2 * r + 2) - r, c[1] + (n // 4) * (2 * r + 2))
            colour = TEAM_COLOURS.get(t.type, th.TEXT)
            if t.name == selected:
                pygame.draw.circle(surface, th.SELECT, c, r + theme.px(4), theme.px(3))
            pygame.draw.circle(surface, colour, c, r)
            pygame.draw.circle(surface, (0, 0, 0), c, r, 2)
            label = f"{TEAM_LETTER.get(t.type, '?')}{i + 1}"
            img = theme.text(label, 11, (0, 0, 0), bold=True)
            surface.blit(img, img.get_rect(center=c))
            if not t.available:
                pygame.draw.line(surface, th.BAD, (c[0] - r, c[1] - r), (c[0] + r, c[1] + r), 3)

    def team_at(self, link, pos, theme) -> str | None:
        """The team whose marker is under a screen point."""
        if not self.overlays.teams:
            return None
        stacked: dict[tuple[int, int], int] = {}
        r = theme.px(10)
        for t in link.teams():
            cell = link.team_cell(t)
            n = stacked.get(cell, 0)
            stacked[cell] = n + 1
            c = self._centre(cell)
            c = (c[0] + (n % 4) * (2 * r + 2) - r, c[1] + (n // 4) * (2 * r + 2))
            if (pos[0] - c[0]) ** 2 + (pos[1] - c[1]) ** 2 <= (r + 2) ** 2:
                return t.name
        return None


def _area_of(label: str):
    """A task's area label back to an area: ``"x,y wxh"`` is a rectangle, anything else a zone name."""
    try:
        xy, wh = label.split(" ")
        x, y = (int(v) for v in xy.split(","))
        w, h = (int(v) for v in wh.split("x"))
        return (x, y, w, h)
    except ValueError:
        return label
