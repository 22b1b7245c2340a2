"""The cached map picture: terrain plus the slow-changing overlays, updated cell by cell.

:class:`MapPicture` keeps one opaque surface per zoom holding the terrain, the
land-use tint, the land status (colour *and* a hatching pattern per status, so
it reads without colour vision) and marked perimeters (a red line, and small
mine-marking signs along it where the zoom leaves room). When a new day changes
some cells, only those cells (and their neighbours, for perimeter lines) are
redrawn; toggling an overlay or changing zoom rebuilds it once. A frame then
blits the visible part: one opaque blit whatever the number of overlays.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.level.model import LAND_STATUSES
from game.ui import icons
from game.ui import theme as th
from game.ui.terrain_art import TerrainArt

MARK_COLOUR = (230, 30, 30)
#: Marking signs are drawn on marked land's edge from this zoom (pixels a cell) up, about this far apart.
SIGN_ZOOM = 12
SIGN_SPACING_PX = 48
SIGN_MAX_PX = 26
LAND_USE_TINT = (255, 236, 120, 70)
#: above this many changed cells a full rebuild is quicker than cell by cell
FULL_REBUILD_CELLS = 30000


def hatch_pattern(z: int, rgba: tuple, style: str) -> pygame.Surface:
    """One cell of a status pattern, ``z`` pixels square; patterns join seamlessly across cells."""
    surf = pygame.Surface((z, z), pygame.SRCALPHA)
    colour = rgba[:3]
    fill = (*colour, rgba[3] // 2 if style != "solid" else rgba[3])
    surf.fill(fill)
    line = (*[max(0, c - 70) for c in colour], 235)
    period = max(4, min(8, z))
    w = 1 if z < 12 else 2
    if style == "diagonal":
        for off in range(-z, z + period, period):
            pygame.draw.line(surf, line, (off, z), (off + z, 0), w)
    elif style == "cross":
        for off in range(-z, z + period, period):
            pygame.draw.line(surf, line, (off, z), (off + z, 0), w)
            pygame.draw.line(surf, line, (off, 0), (off + z, z), w)
    elif style == "horizontal":
        for y in range(period // 2, z, period):
            pygame.draw.line(surf, line, (0, y), (z, y), w)
    elif style == "dots":
        r = max(1, z // 10)
        for y in range(period // 2, z, period):
            for x in range(period // 2, z, period):
                pygame.draw.circle(surf, line, (x, y), r)
    return surf


class MapPicture:
    """The terrain with the land status, land use and marked overlays, one surface per zoom."""

    def __init__(self, art: TerrainArt, land_use: np.ndarray):
        self.art = art
        self.w, self.h = art.width, art.height
        self.show_status = True
        self.show_land_use = False
        self.show_marked = True
        self._land_use = np.asarray(land_use) >= 2.0
        self._status = np.zeros((self.h, self.w), np.int8)
        self._marked = np.zeros((self.h, self.w), bool)
        self._zoom = 0
        self._surface: pygame.Surface | None = None
        self._patterns: dict[int, pygame.Surface] = {}
        self._tint: pygame.Surface | None = None

    # ---------------------------------------------------------------- state

    def set_overlays(self, status: bool, land_use: bool, marked: bool) -> None:
        if (status, land_use, marked) != (self.show_status, self.show_land_use, self.show_marked):
            self.show_status, self.show_land_use, self.show_marked = status, land_use, marked
            self._surface = None

    def update(self, status: np.ndarray, marked: np.ndarray) -> int:
        """Take the day's status and marks; redraw changed cells. Returns how many cells changed."""
        changed = (status != self._status) | (marked != self._marked)
        n = int(changed.sum())
        if not n:
            return 0
        self._status = np.array(status, dtype=np.int8, copy=True)
        self._marked = np.array(marked, dtype=bool, copy=True)
        if self._surface is not None:
            if n > FULL_REBUILD_CELLS:
                self._surface = None
            else:
                grown = changed.copy()  # neighbours too: their perimeter lines may change
                grown[1:, :] |= changed[:-1, :]
                grown[:-1, :] |= changed[1:, :]
                grown[:, 1:] |= changed[:, :-1]
                grown[:, :-1] |= changed[:, 1:]
                self._draw_cells(grown)
        return n

    def surface(self, zoom: int) -> pygame.Surface:
        """The full picture at ``zoom`` pixels a cell (rebuilt after a zoom or overlay change)."""
        if self._surface is None or zoom != self._zoom:
            self._zoom = zoom
            self._patterns = {code: hatch_pattern(zoom, *th.STATUS_STYLE[name])
                              for code, name in enumerate(LAND_STATUSES) if name in th.STATUS_STYLE}
            self._tint = pygame.Surface((zoom, zoom), pygame.SRCALPHA)
            self._tint.fill(LAND_USE_TINT)
            for x in range(0, zoom, max(2, zoom // 3)):
                pygame.draw.line(self._tint, (255, 236, 120, 140), (x, zoom - 1), (x, zoom - 1))
            self._surface = self.art.surface(zoom).copy()
            self._draw_cells(None)
        return self._surface

    # -------------------------------------------------------------- drawing

    def _draw_cells(self, which: np.ndarray | None) -> None:
        """Redraw the cells of a mask (all cells when None) onto the picture."""
        surf, z = self._surface, self._zoom
        if which is not None:
            terrain = self.art.surface(z)
            ys, xs = np.nonzero(which)
            surf.blits([(terrain, (x * z, y * z), (x * z, y * z, z, z))
                        for x, y in zip(xs.tolist(), ys.tolist())], doreturn=False)
        sel = np.ones((self.h, self.w), bool) if which is None else which
        if self.show_land_use:
            ys, xs = np.nonzero(sel & self._land_use)
            tint = self._tint
            surf.fblits([(tint, (x * z, y * z)) for x, y in zip(xs.tolist(), ys.tolist())])
        if self.show_status:
            ys, xs = np.nonzero(sel & (self._status > 0))
            codes = self._status[ys, xs].tolist()
            pats = self._patterns
            surf.fblits([(pats[c], (x * z, y * z)) for c, x, y in zip(codes, xs.tolist(), ys.tolist())
                         if c in pats])
        if self.show_marked:
            self._draw_perimeter(sel)

    def _draw_perimeter(self, sel: np.ndarray) -> None:
        """Marked land: a red line along each edge it shares with unmarked land, inside the marked cell."""
        m, z, surf = self._marked, self._zoom, self._surface
        if not m.any():
            return
        pad = np.pad(m, 1)
        width = max(1, z // 6)
        inner = m & sel
        edge_all = np.zeros_like(m)
        for dy, dx, edge in ((-1, 0, "top"), (1, 0, "bottom"), (0, -1, "left"), (0, 1, "right")):
            nb = pad[1 + dy:1 + dy + self.h, 1 + dx:1 + dx + self.w]
            on_edge = m & ~nb
            edge_all |= on_edge
            ys, xs = np.nonzero(on_edge & sel)
            for x, y in zip(xs.tolist(), ys.tolist()):
                x0, y0 = x * z, y * z
                if edge == "top":
                    rect = (x0, y0, z, width)
                elif edge == "bottom":
                    rect = (x0, y0 + z - width, z, width)
                elif edge == "left":
                    rect = (x0, y0, width, z)
                else:
                    rect = (x0 + z - width, y0, width, z)
                surf.fill(MARK_COLOUR, rect)
        if z >= SIGN_ZOOM and inner.any():
            self._draw_signs(edge_all, sel)

    def _draw_signs(self, edge_all: np.ndarray, sel: np.ndarray) -> None:
        """Small mine-marking signs on marked land's edge, one per block of about 48 pixels, each inside its
        cell. Chosen from the whole edge, so redrawing a few cells puts the same signs back."""
        z = self._zoom
        sign = icons.icon("marking_sign", min(z - 2, SIGN_MAX_PX))
        if sign is None:
            return
        k = max(1, round(SIGN_SPACING_PX / z))
        ys, xs = np.nonzero(edge_all)
        if len(xs) == 0:
            return
        blocks = (ys // k) * (self.w // k + 1) + xs // k
        _u, first = np.unique(blocks, return_index=True)
        xs, ys = xs[first], ys[first]
        keep = sel[ys, xs]
        off = (z - sign.get_width()) // 2
        self._surface.fblits([(sign, (x * z + off, y * z + off)) for x, y in zip(xs[keep].tolist(),
                                                                                 ys[keep].tolist())])
