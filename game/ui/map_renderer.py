"""Draws a level's map: the cached picture, then what moves (teams, evidence, finds, tasks, villages).

The markers themselves (icons, labels) are drawn by :mod:`game.ui.map_markers`.

:class:`MapRenderer` owns the terrain art, the cached :class:`MapPicture`, the
camera and the overlay switches. Per frame it blits the visible part of the
picture (one opaque blit) and draws the few dynamic markers that are in view.
Zone outlines are cached per zone and zoom.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.ui import map_markers as markers
from game.ui import theme as th
from game.ui.camera import Camera
from game.ui.map_markers import TEAM_COLOURS, TEAM_LETTER  # noqa: F401  (re-exported)
from game.ui.minimap import Minimap
from game.ui.overlays import MapPicture
from game.ui.terrain_art import TerrainArt, zoom_levels


@dataclass
class Overlays:
    """Which layers are drawn (each has a key in the play scene)."""

    status: bool = True
    evidence: bool = True
    teams: bool = True
    villages: bool = True
    marked: bool = True
    minimap: bool = True  # the overview map in the corner
    truth: bool = False  # debrief only


class MapRenderer:
    """One level's map on screen: terrain art, the cached picture, the camera and what is drawn over it."""

    def __init__(self, map_path, map_data, land_use: np.ndarray):
        self.map = map_data
        self.art = TerrainArt(map_path)
        self.picture = MapPicture(self.art, land_use,
                                  [o.mask for o in map_data.objects if o.kind == "suspected_area"])
        self.camera = Camera(map_data.width, map_data.height, zoom_levels(map_data.width, map_data.height))
        self.overlays = Overlays()
        self._outlines: dict[tuple, tuple[pygame.Surface, tuple[int, int]]] = {}
        #: suspected areas, named on the map: (zone name, centre cell, cells)
        self.zone_labels = [(o.name, o.centre_cell, o.area_cells) for o in map_data.objects
                            if o.kind == "suspected_area"]
        self.zone_states: dict = {}  # zone name -> game.run.zones.ZoneState, set by the play screen
        self.label_rects: list[tuple[pygame.Rect, str]] = []  # where zone names were drawn this frame
        self.label_surfaces: list = []
        self.minimap = Minimap(self.art, map_data.width, map_data.height)
        #: places drawn with an icon (features, team bases): (icon name, centre cell)
        self.places = [(o.properties.get("feature", ""), o.centre_cell) for o in map_data.objects
                       if o.kind == "feature"]
        self.places += [("team_base", o.centre_cell) for o in map_data.objects if o.kind == "team_base"]
        self._bounds = (0, 0, 0, 0)

    def sync(self, view, changes=None) -> None:
        """Follow the run: the view's layers, and the cells a session's ``changes`` say changed (everything
        when ``changes`` is None or asks for a full redraw). Nothing compares whole grids."""
        self.picture.set_layers(view.status, view.marked)
        if changes is None or changes.full:
            self.picture.invalidate()
            self.minimap.invalidate()
        elif len(changes.cells):
            self.picture.mark_dirty(changes.cells)
            self.minimap.mark_dirty(changes.cells)

    def zone_at(self, pos) -> str | None:
        """The zone whose name label is under a screen point (labels count as part of their zone)."""
        for rect, name in self.label_rects:
            if rect.collidepoint(pos):
                return name
        return None

    # ------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, theme: th.Theme, link, selected_team: str | None = None,
             truth=None, first_label: str | None = None, covered: tuple = (), under_labels=None) -> None:
        """The map in the camera's viewport. ``covered``: screen rectangles the caller will draw over the map
        (a banner, a badge, a hint): no name label is placed under them (nor under the minimap).
        ``under_labels(surface)`` draws the caller's outlines (the order's area, the tutorial's zone) before
        the labels, so no outline crosses a name."""
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
        self._bounds = cam.visible_cells()
        view = link.view
        show_minimap = o.minimap and not cam.shows_all()
        if show_minimap:
            covered = tuple(covered) + (self.minimap.box(cam.viewport, theme).inflate(theme.px(6), theme.px(6)),)
        markers.layout_zone_labels(self, theme, link, first_label, covered)
        if o.teams:
            self._draw_tasks(surface, theme, link)
        if o.villages:
            markers.draw_places(self, surface, theme, link)
        if o.evidence:
            markers.draw_evidence(self, surface, theme, view)
        if truth is not None and o.truth:
            markers.draw_truth(self, surface, theme, truth, view)
        if o.teams:
            markers.draw_teams(self, surface, theme, link, selected_team)
        if under_labels is not None:
            under_labels(surface)
        markers.draw_zone_labels(self, surface, theme)
        if show_minimap:
            self.minimap.draw(surface, theme, cam, view)
        else:
            self.minimap.rect = pygame.Rect(0, 0, 0, 0)
        surface.set_clip(prev_clip)

    def in_view(self, x: int, y: int, margin: int = 0) -> bool:
        """Whether a cell is in view (``margin`` cells around it count, for markers wider than a cell)."""
        x0, y0, x1, y1 = self._bounds  # the cells in view this frame
        return x0 - margin <= x < x1 + margin and y0 - margin <= y < y1 + margin

    def centre(self, cell) -> tuple[int, int]:
        """Screen centre of a cell."""
        sx, sy = self.camera.cell_to_screen(cell)
        half = self.camera.cell_px // 2
        return sx + half, sy + half

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
                area = tuple(t.task_area) if isinstance(t.task_area, list) else t.task_area
                self.draw_area(surface, link, area, colour, key=("task", area))

    def team_at(self, link, pos, theme) -> str | None:
        """The team whose marker is under a screen point."""
        if not self.overlays.teams:
            return None
        return markers.team_at(self, link, pos, theme)
