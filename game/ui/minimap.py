"""The overview map in a corner of the map view: the whole level small, its land status, and the part
the main view shows as a white frame; a click or a drag on it moves the view there.

One pixel a cell is built with numpy (each tile's average colour, the status
colours over it) and scaled to the box; it is rebuilt at most every
:data:`REBUILD_FRAMES` frames after the land changed, so it costs nothing
most frames, and a rebuild recolours only the cells that changed
(:meth:`Minimap.mark_dirty`) unless the whole map was invalidated.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.level.model import LAND_STATUSES
from game.ui import theme as th
from game.ui.layout import mirror

REBUILD_FRAMES = 20


class Minimap:
    def __init__(self, art, width: int, height: int):
        self.w, self.h = width, height
        self._base = self._terrain_colours(art)
        self._pixels = np.zeros((self.h, self.w, 3), np.uint8)  # the picture, one pixel a cell
        self._changed: list[np.ndarray] = []  # cells (flat indices) to recolour at the next rebuild
        self._whole = True  # the next rebuild recolours every cell
        self._image: pygame.Surface | None = None
        self._scaled: pygame.Surface | None = None
        self._dirty = True
        self._age = REBUILD_FRAMES
        self.rect = pygame.Rect(0, 0, 0, 0)  # where it was drawn last (for clicks)

    def _terrain_colours(self, art) -> np.ndarray:
        """(h, w, 3): each cell's colour, the average of its top tile."""
        colours = np.array(art.tile_colours() or [(90, 110, 70)], np.float32)
        out = np.zeros((self.h, self.w, 3), np.float32)
        out[:] = (90, 110, 70)
        for _name, grid in art.art.layers:
            grid = np.asarray(grid)
            if grid.shape != (self.h, self.w):
                continue
            has = grid >= 0
            out[has] = colours[np.clip(grid[has], 0, len(colours) - 1)]
        return out

    def invalidate(self) -> None:
        """Every cell may have changed: recolour them all at the next rebuild."""
        self._dirty = True
        self._whole = True
        self._changed = []

    def mark_dirty(self, cells: np.ndarray) -> None:
        """These cells (flat indices ``y * width + x``) changed their land status."""
        self._dirty = True
        if not self._whole:
            self._changed.append(np.asarray(cells, np.int64))

    def _build(self, view) -> None:
        status = np.asarray(view.status)
        if self._whole or self._image is None:
            self._pixels = _tinted(self._base.copy(), status).astype(np.uint8)
        elif self._changed:
            cells = np.unique(np.concatenate(self._changed))
            rgb = _tinted(self._base.reshape(-1, 3)[cells], status.ravel()[cells])
            self._pixels.reshape(-1, 3)[cells] = rgb.astype(np.uint8)
        self._whole, self._changed = False, []
        self._image = pygame.surfarray.make_surface(np.ascontiguousarray(self._pixels.transpose(1, 0, 2)))
        self._scaled = None
        self._dirty = False
        self._age = 0

    def box(self, viewport: pygame.Rect, theme) -> pygame.Rect:
        """Its place: the bottom corner of the map view at the end of a line (bottom-right, bottom-left right to
        left), keeping the map's proportions (its picture is never mirrored)."""
        side = max(theme.px(60), min(theme.px(150), viewport.w // 4, viewport.h // 3))
        scale = side / max(self.w, self.h)
        w, h = max(8, int(self.w * scale)), max(8, int(self.h * scale))
        m = theme.px(8)
        return mirror((viewport.right - w - m, viewport.bottom - h - m, w, h), viewport)

    def draw(self, surface: pygame.Surface, theme, camera, view) -> None:
        self._age += 1
        if self._image is None or (self._dirty and self._age >= REBUILD_FRAMES):
            self._build(view)
        box = self.box(camera.viewport, theme)
        if self._scaled is None or self._scaled.get_size() != box.size:
            self._scaled = pygame.transform.scale(self._image, box.size)
        self.rect = box
        pygame.draw.rect(surface, (10, 12, 15), box.inflate(4, 4))
        surface.blit(self._scaled, box)
        z = camera.cell_px
        sx, sy = box.w / self.w, box.h / self.h
        frame = pygame.Rect(box.x + int(camera.x / z * sx), box.y + int(camera.y / z * sy),
                            max(3, int(camera.viewport.w / z * sx)), max(3, int(camera.viewport.h / z * sy)))
        frame = frame.clip(box)
        if frame.size != box.size:
            pygame.draw.rect(surface, (255, 255, 255), frame, 1)
        pygame.draw.rect(surface, th.BORDER, box.inflate(4, 4), 1)

    def cell_at(self, pos) -> tuple[float, float] | None:
        """The map cell under a point of the minimap, or None outside it."""
        if not self.rect.collidepoint(pos):
            return None
        return ((pos[0] - self.rect.x) * self.w / self.rect.w, (pos[1] - self.rect.y) * self.h / self.rect.h)


def _tinted(rgb: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Terrain colours ``rgb`` (float, one row per cell of ``codes``) tinted by each cell's land status, in place."""
    for code, name in enumerate(LAND_STATUSES):
        if name not in th.STATUS_STYLE:
            continue
        m = codes == code
        if m.any():
            colour = np.array(th.STATUS_STYLE[name][0][:3], np.float32)
            rgb[m] = rgb[m] * 0.35 + colour * 0.65
    return rgb
