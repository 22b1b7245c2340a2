"""The terrain of a map as pre-rendered surfaces, one per zoom level.

Tile art comes as plain data from :func:`game.level.tmx_adapter.load_tile_art`
(the only pytmx user); here each tile is cut from its image, flipped as Tiled
says, scaled to the zoom's cell size, and the whole map is blitted once into a
single surface per zoom. Surfaces are built when a zoom is first used and the
two most recent are kept (a 256x256 map at 16 px a cell is 64 MB).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import numpy as np
import pygame

from game.level.tmx_adapter import load_tile_art

#: Cell sizes in screen pixels, smallest first; a map keeps those whose surface fits MAX_SIDE.
ZOOM_CELL_PX = (2, 3, 4, 6, 8, 12, 16, 20, 24, 32, 48)
MAX_SIDE = 4096
FALLBACK = (90, 110, 70)


def zoom_levels(width: int, height: int) -> tuple[int, ...]:
    """The cell sizes a map of this many cells offers (always at least three)."""
    fits = tuple(z for z in ZOOM_CELL_PX if max(width, height) * z <= MAX_SIDE)
    return fits if len(fits) >= 3 else ZOOM_CELL_PX[:3]


class TerrainArt:
    """Tile images of one map and its terrain surface per cell size."""

    def __init__(self, map_path, keep: int = 2):
        # an absolute path: pytmx gives image sources joined to the map path as given
        self.map_path = Path(map_path).resolve()
        self.art = load_tile_art(self.map_path)
        self.width, self.height = self.art.width, self.art.height
        self._source = self._load_tiles()
        self._by_zoom: OrderedDict[int, pygame.Surface] = OrderedDict()
        self._keep = keep

    def _load_tiles(self) -> list[pygame.Surface]:
        images: dict = {}
        tiles = []
        tile_px = self.art.tile_px
        for t in self.art.tiles:
            if t.image not in images:
                path = t.image
                try:
                    images[t.image] = pygame.image.load(str(path))
                except (pygame.error, FileNotFoundError):
                    images[t.image] = None
            img = images[t.image]
            if img is None:
                surf = pygame.Surface((tile_px, tile_px))
                surf.fill(FALLBACK)
            else:
                surf = img.subsurface(pygame.Rect(t.rect)).copy() if t.rect else img.copy()
            if t.flip_diagonal:
                surf = pygame.transform.flip(pygame.transform.rotate(surf, -90), True, False)
            if t.flip_x or t.flip_y:
                surf = pygame.transform.flip(surf, t.flip_x, t.flip_y)
            tiles.append(surf)
        return tiles

    def tiles(self) -> list[pygame.Surface]:
        """Each tile's picture as the map file gives it (flips applied)."""
        return list(self._source)

    def tile_colours(self) -> list[tuple[int, int, int]]:
        """The average colour of each tile (the minimap's one pixel a cell)."""
        return [tuple(pygame.transform.average_color(t)[:3]) for t in self._source]

    def surface(self, cell_px: int) -> pygame.Surface:
        """The whole map at ``cell_px`` pixels a cell (built on first use)."""
        if cell_px in self._by_zoom:
            self._by_zoom.move_to_end(cell_px)
            return self._by_zoom[cell_px]
        surf = self._build(cell_px)
        self._by_zoom[cell_px] = surf
        while len(self._by_zoom) > self._keep:
            self._by_zoom.popitem(last=False)
        return surf

    def _build(self, z: int) -> pygame.Surface:
        surf = pygame.Surface((self.width * z, self.height * z))
        surf.fill(FALLBACK)
        scaled = [pygame.transform.smoothscale(t.convert_alpha() if pygame.display.get_surface() else t, (z, z))
                  for t in self._source]
        for _name, grid in self.art.layers:
            ys, xs = np.nonzero(grid >= 0)
            idx = grid[ys, xs]
            surf.fblits([(scaled[i], (x * z, y * z)) for i, x, y in zip(idx.tolist(), xs.tolist(), ys.tolist())])
        if pygame.display.get_surface() is not None:
            surf = surf.convert()
        return surf
