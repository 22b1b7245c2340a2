"""The cached map picture: terrain plus the slow-changing overlays, patched cell by cell.

:class:`MapPicture` keeps one opaque surface per zoom holding the terrain, the
land-use tint, the land status (a colour *and* a pattern per status that no
terrain has, so it reads without colour vision and never passes for a field),
the outline of every suspected area, and marked perimeters (a red line, and
small mine-marking signs along it where the zoom leaves room).

It never compares whole grids: the play screen tells it which cells changed
(:meth:`MapPicture.mark_dirty`, from the session's ``changes(cursor)``), and
each call of :meth:`MapPicture.surface` redraws at most
:data:`PATCH_CELLS_PER_FRAME` of them (the zone outlines and marked edges are
worked out on the window of grid around them, not on the whole map), so a day that changes a whole zone is
spread over a few frames instead of stalling one. Cells are redrawn in row
runs (one terrain blit and one pattern blit per run of equal cells), so a
zone of thousands of cells costs a few hundred blits. Changing zoom or
toggling an overlay rebuilds the picture once.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from game.level.model import LAND_STATUSES
from game.ui import icons
from game.ui import theme as th
from game.ui.terrain_art import TerrainArt

MARK_COLOUR = (230, 30, 30)
ZONE_EDGE = (12, 12, 16)
#: Marking signs are drawn on marked land's edge from this zoom (pixels a cell) up, about this far apart.
SIGN_ZOOM = 12
SIGN_SPACING_PX = 48
SIGN_MAX_PX = 26
LAND_USE_TINT = (255, 236, 120, 70)
#: At most this many changed cells are redrawn a frame (the rest the next frames): a smooth frame rate.
PATCH_CELLS_PER_FRAME = 4000


def pattern_pixels(width: int, height: int, style: str, rgba: tuple, y0: int = 0, wash: int | None = None) -> np.ndarray:
    """The RGBA pixels of a status pattern over ``width`` x ``height`` screen pixels whose first row is the
    map's pixel row ``y0``. Patterns are drawn in map pixels, so they join seamlessly across cells at every
    zoom: thick diagonal stripes (suspected), a dense cross-hatch (confirmed), dots (cancelled),
    horizontal lines (reduced), a square grid (cleared)."""
    u = np.arange(width)[None, :]
    v = (np.arange(height) + y0)[:, None]
    period = th.PATTERN_PERIOD
    out = np.zeros((height, width, 4), np.uint8)
    colour = np.array(rgba[:3], np.uint8)
    dark = np.array(th.PATTERN_DARK, np.uint8)
    wash = int(rgba[3]) if wash is None else wash

    def paint(mask, rgb, alpha):
        mask = np.broadcast_to(mask, (height, width))
        out[mask, :3] = rgb
        out[mask, 3] = alpha

    paint(np.ones((height, width), bool), colour, wash)
    if style == "stripes":  # hazard tape: a broad colour band with a dark edge
        d = (u + v) % period
        paint(d < period * 0.4, colour, 230)
        paint((d >= period * 0.4) & (d < period * 0.55), dark, 200)
    elif style == "cross":
        d1, d2 = (u + v) % (period // 2 + 1), (u - v) % (period // 2 + 1)
        paint((d1 == 2) | (d2 == 2), np.array((255, 235, 235), np.uint8), 220)  # a light edge: the red line
        paint((d1 == 5) | (d2 == 5), dark, 230)  # stays distinct from its neighbours without colour vision
        paint((d1 < 2) | (d2 < 2), colour, 245)
    elif style == "dots":
        cu, cv = u % period - period / 2 + 0.5, v % period - period / 2 + 0.5
        r2 = cu * cu + cv * cv
        paint(r2 <= (period * 0.34) ** 2, dark, 200)
        paint(r2 <= (period * 0.24) ** 2, colour, 245)
    elif style == "lines":
        d = v % period
        paint(d < 3, colour, 240)
        paint((d == 3) | (d == period - 1), dark, 230)
    elif style == "grid":
        du, dv = u % period, v % period
        paint((du == 0) | (dv == 0), colour, 235)
        paint(((du == 1) | (dv == 1)) & (du != 0) & (dv != 0), dark, 120)
    return out


def surface_of(pixels: np.ndarray) -> pygame.Surface:
    """An alpha surface from an (h, w, 4) uint8 array."""
    h, w = pixels.shape[:2]
    surf = pygame.image.frombuffer(np.ascontiguousarray(pixels).tobytes(), (w, h), "RGBA")
    return surf.convert_alpha() if pygame.display.get_surface() is not None else surf.copy()


@lru_cache(maxsize=64)
def swatch(size: int, name: str) -> pygame.Surface:
    """A legend square of the status ``name`` (the same pattern the map shows), on a neutral ground."""
    rgba, style = th.STATUS_STYLE[name]
    surf = pygame.Surface((size, size))
    surf.fill(th.SWATCH_GROUND)
    surf.blit(surface_of(pattern_pixels(size, size, style, rgba)), (0, 0))
    return surf


class MapPicture:
    """The terrain with the land status, zone outlines, land use and marks, one surface per zoom."""

    def __init__(self, art: TerrainArt, land_use: np.ndarray, zone_masks=()):
        self.art = art
        self.w, self.h = art.width, art.height
        self.show_status = True
        self.show_land_use = False
        self.show_marked = True
        self._land_use = np.asarray(land_use) >= 2.0
        self._status = np.zeros((self.h, self.w), np.int8)  # the live layers, set by set_layers
        self._marked = np.zeros((self.h, self.w), bool)
        self._zone_edges = _zone_edges(self.h, self.w, zone_masks)
        self._dirty = np.zeros(self.h * self.w, bool)
        self._zoom = 0
        self._surface: pygame.Surface | None = None
        self._sheets: dict[int, pygame.Surface] = {}
        self._tint: pygame.Surface | None = None
        self.cells_drawn = 0  # cells redrawn since the picture was made (a figure for tests and the bench)

    # ---------------------------------------------------------------- state

    def set_overlays(self, status: bool, land_use: bool, marked: bool) -> None:
        if (status, land_use, marked) != (self.show_status, self.show_land_use, self.show_marked):
            self.show_status, self.show_land_use, self.show_marked = status, land_use, marked
            self._surface = None

    def set_layers(self, status: np.ndarray, marked: np.ndarray) -> None:
        """The player's land status and marks (the view's read-only windows: they follow the run)."""
        self._status, self._marked = status, marked

    def mark_dirty(self, cells: np.ndarray) -> None:
        """Cells (flat indices ``y * width + x``) whose status or marks changed; they and their neighbours
        (whose perimeter lines may change) are redrawn over the next frames."""
        cells = np.asarray(cells, np.int64)
        if self._surface is None or not len(cells):
            return
        ys, xs = np.divmod(cells, self.w)
        for dy, dx in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):
            ny, nx = ys + dy, xs + dx
            ok = (ny >= 0) & (ny < self.h) & (nx >= 0) & (nx < self.w)
            self._dirty[ny[ok] * self.w + nx[ok]] = True

    def invalidate(self) -> None:
        """Redraw everything at the next :meth:`surface`."""
        self._surface = None

    @property
    def pending(self) -> int:
        """Changed cells not drawn yet."""
        return int(self._dirty.sum()) if self._surface is not None else 0

    def surface(self, zoom: int, budget: int | None = 0) -> pygame.Surface:
        """The full picture at ``zoom`` pixels a cell, with up to ``budget`` pending cells redrawn
        (0: :data:`PATCH_CELLS_PER_FRAME`; None: all of them); rebuilt after a zoom or overlay change."""
        budget = PATCH_CELLS_PER_FRAME if budget == 0 else budget
        if self._surface is None or zoom != self._zoom:
            self._zoom = zoom
            self._sheets = {}
            self._tint = None
            self._surface = self.art.surface(zoom).copy()
            self._dirty[:] = False
            self._draw(np.arange(self.w * self.h), full=True)
        elif self._dirty.any():
            idx = np.flatnonzero(self._dirty)
            if budget is not None:
                idx = idx[:budget]
            self._dirty[idx] = False
            self._draw(idx)
        return self._surface

    # -------------------------------------------------------------- drawing

    def _sheet(self, code: int) -> pygame.Surface:
        """The pattern of status ``code`` over a row of the whole map, tall enough for any row's phase."""
        if code not in self._sheets:
            rgba, style = th.STATUS_STYLE[LAND_STATUSES[code]]
            z = self._zoom
            # at small zooms a cell is a few pixels: a stronger wash keeps the status readable as a colour
            wash = min(200, int(rgba[3]) * (3 if z <= 4 else 2 if z <= 8 else 1))
            self._sheets[code] = surface_of(pattern_pixels(self.w * z, z + th.PATTERN_PERIOD, style, rgba, wash=wash))
        return self._sheets[code]

    def _tint_sheet(self) -> pygame.Surface:
        if self._tint is None:
            z = self._zoom
            px = np.zeros((z, self.w * z, 4), np.uint8)
            px[:, :] = LAND_USE_TINT
            px[z - 1, ::max(2, z // 3)] = (255, 236, 120, 140)
            self._tint = surface_of(px)
        return self._tint

    def _draw(self, idx: np.ndarray, full: bool = False) -> None:
        """Redraw the cells with these flat indices (sorted), in row runs of equal cells."""
        if not len(idx):
            return
        self.cells_drawn += len(idx)
        surf, z, w = self._surface, self._zoom, self.w
        ys, xs = np.divmod(idx, w)
        status = np.asarray(self._status)[ys, xs] if self.show_status else np.zeros(len(idx), np.int8)
        lu = self._land_use[ys, xs] if self.show_land_use else np.zeros(len(idx), bool)
        key = status.astype(np.int16) * 2 + lu
        brk = np.ones(len(idx), bool)
        brk[1:] = (ys[1:] != ys[:-1]) | (xs[1:] != xs[:-1] + 1) | (key[1:] != key[:-1])
        starts = np.flatnonzero(brk)
        lengths = np.diff(np.append(starts, len(idx)))
        rx, ry = xs[starts].tolist(), ys[starts].tolist()
        rs, rl, rn = status[starts].tolist(), lu[starts].tolist(), lengths.tolist()
        if not full:
            terrain = self.art.surface(z)
            surf.blits([(terrain, (x * z, y * z), (x * z, y * z, n * z, z)) for x, y, n in zip(rx, ry, rn)],
                       doreturn=False)
        if self.show_land_use and any(rl):
            tint = self._tint_sheet()
            surf.blits([(tint, (x * z, y * z), (x * z, 0, n * z, z)) for x, y, n, u in zip(rx, ry, rn, rl) if u],
                       doreturn=False)
        if self.show_status:
            period = th.PATTERN_PERIOD
            surf.blits([(self._sheet(c), (x * z, y * z), (x * z, (y * z) % period, n * z, z))
                        for x, y, n, c in zip(rx, ry, rn, rs) if c > 0 and LAND_STATUSES[c] in th.STATUS_STYLE],
                       doreturn=False)
        win = _Window.around(ys, xs)
        sel = np.zeros(win.shape, bool)
        sel[ys - win.y0, xs - win.x0] = True
        self._draw_zone_edges(sel, win)
        if self.show_marked:
            self._draw_perimeter(sel, win)

    def _edge_rects(self, edges: dict[str, np.ndarray], sel: np.ndarray, width: int, win: "_Window"):
        """The screen rectangles of the edges (grids over ``win``) of the selected cells."""
        z = self._zoom
        for edge, grid in edges.items():
            ys, xs = np.nonzero(grid & sel)
            for x, y in zip(((xs + win.x0) * z).tolist(), ((ys + win.y0) * z).tolist()):
                if edge == "top":
                    yield (x, y, z, width)
                elif edge == "bottom":
                    yield (x, y + z - width, z, width)
                elif edge == "left":
                    yield (x, y, width, z)
                else:
                    yield (x + z - width, y, width, z)

    def _draw_zone_edges(self, sel: np.ndarray, win: "_Window") -> None:
        """A thin dark line around every suspected area, so each zone's extent reads whatever its state."""
        if not self.show_status or self._zoom < 3:
            return
        width = 1 if self._zoom < 12 else 2
        edges = {edge: win.of(grid) for edge, grid in self._zone_edges.items()}
        for rect in self._edge_rects(edges, sel, width, win):
            self._surface.fill(ZONE_EDGE, rect)

    def _draw_perimeter(self, sel: np.ndarray, win: "_Window") -> None:
        """Marked land: a red line along each edge it shares with unmarked land, inside the marked cell."""
        m = np.asarray(self._marked)
        if not win.of(m)[sel].any():
            return  # (the lines lie inside marked cells: none is selected)
        edges = _edges(m, win)
        for rect in self._edge_rects(edges, sel, max(1, self._zoom // 6), win):
            self._surface.fill(MARK_COLOUR, rect)
        if self._zoom >= SIGN_ZOOM:
            self._draw_signs(m, sel, win)

    def _draw_signs(self, m: np.ndarray, sel: np.ndarray, win: "_Window") -> None:
        """Small mine-marking signs on marked land's edge, one per block of about 48 pixels, each inside its
        cell. Chosen within each block of the whole map (its first edge cell), so redrawing a few cells puts
        the same signs back."""
        z = self._zoom
        sign = icons.icon("marking_sign", min(z - 2, SIGN_MAX_PX))
        if sign is None:
            return
        k = max(1, round(SIGN_SPACING_PX / z))
        blocks_win = win.to_blocks(k, self.h, self.w)  # whole blocks: each block's first edge cell is in it
        edges = _edges(m, blocks_win)
        ys, xs = np.nonzero(edges["top"] | edges["bottom"] | edges["left"] | edges["right"])
        if len(xs) == 0:
            return
        ys, xs = ys + blocks_win.y0, xs + blocks_win.x0
        blocks = (ys // k) * (self.w // k + 1) + xs // k
        _u, first = np.unique(blocks, return_index=True)
        xs, ys = xs[first], ys[first]
        inside = (ys >= win.y0) & (ys < win.y1) & (xs >= win.x0) & (xs < win.x1)
        xs, ys = xs[inside], ys[inside]
        keep = sel[ys - win.y0, xs - win.x0]
        off = (z - sign.get_width()) // 2
        self._surface.fblits([(sign, (x * z + off, y * z + off)) for x, y in zip(xs[keep].tolist(),
                                                                                 ys[keep].tolist())])


class _Window:
    """A rectangle of map cells (rows ``y0:y1``, columns ``x0:x1``): redrawing a few cells works on the
    grids' window around them, not on whole 256x256 grids."""

    __slots__ = ("y0", "y1", "x0", "x1")

    def __init__(self, y0: int, y1: int, x0: int, x1: int):
        self.y0, self.y1, self.x0, self.x1 = int(y0), int(y1), int(x0), int(x1)

    @classmethod
    def around(cls, ys: np.ndarray, xs: np.ndarray) -> "_Window":
        """The smallest window holding these cells."""
        return cls(ys.min(), ys.max() + 1, xs.min(), xs.max() + 1)

    @property
    def shape(self) -> tuple[int, int]:
        return self.y1 - self.y0, self.x1 - self.x0

    def of(self, grid: np.ndarray) -> np.ndarray:
        return grid[self.y0:self.y1, self.x0:self.x1]

    def to_blocks(self, k: int, h: int, w: int) -> "_Window":
        """The window grown to whole blocks of ``k`` x ``k`` cells (within the map)."""
        return _Window(self.y0 // k * k, min(h, -(-self.y1 // k) * k), self.x0 // k * k, min(w, -(-self.x1 // k) * k))


def _edges(m: np.ndarray, win: _Window) -> dict[str, np.ndarray]:
    """Per side, the cells of ``m`` in ``win`` whose neighbour on that side (within the map) is not in ``m``."""
    h, w = m.shape
    sub = np.zeros((win.y1 - win.y0 + 2, win.x1 - win.x0 + 2), bool)  # the window and a ring around it
    sy0, sy1, sx0, sx1 = max(0, win.y0 - 1), min(h, win.y1 + 1), max(0, win.x0 - 1), min(w, win.x1 + 1)
    sub[sy0 - win.y0 + 1:sy1 - win.y0 + 1, sx0 - win.x0 + 1:sx1 - win.x0 + 1] = m[sy0:sy1, sx0:sx1]
    inner = sub[1:-1, 1:-1]
    return {"top": inner & ~sub[:-2, 1:-1], "bottom": inner & ~sub[2:, 1:-1],
            "left": inner & ~sub[1:-1, :-2], "right": inner & ~sub[1:-1, 2:]}


def _zone_edges(h: int, w: int, masks) -> dict[str, np.ndarray]:
    """Per side, the cells of a suspected area whose neighbour on that side is outside that area."""
    edges = {e: np.zeros((h, w), bool) for e in ("top", "bottom", "left", "right")}
    for mask in masks:
        m = np.asarray(mask, bool)
        if m.shape != (h, w):
            continue
        pad = np.pad(m, 1)
        for dy, dx, edge in ((-1, 0, "top"), (1, 0, "bottom"), (0, -1, "left"), (0, 1, "right")):
            edges[edge] |= m & ~pad[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
    return edges
