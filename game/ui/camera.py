"""Where the map sits on screen: scroll offset and zoom, and cell <-> pixel conversions.

The map never leaves a blank strip on a side where it is larger than the view, and never leaves the view on a
side where it is smaller (it stays whole in view, where the zoom put it). Zooming keeps the point under the
pointer still whenever that rule allows it.
"""

from __future__ import annotations

import pygame


class Camera:
    """A viewport onto a map of ``width x height`` cells, zoomed to one of ``zooms`` (pixels a cell)."""

    def __init__(self, width: int, height: int, zooms: tuple[int, ...]):
        self.width, self.height = width, height
        self.zooms = zooms
        self.zoom_index = min(len(zooms) - 1, max(0, len(zooms) // 2))
        self.viewport = pygame.Rect(0, 0, 800, 600)
        self.x = 0.0  # map pixels (at the current zoom) at the viewport's left edge
        self.y = 0.0

    @property
    def cell_px(self) -> int:
        return self.zooms[self.zoom_index]

    def fit(self) -> None:
        """The largest zoom at which the whole map fits the viewport (the smallest if none does), the map
        centred."""
        fitting = [i for i, z in enumerate(self.zooms)
                   if self.width * z <= self.viewport.w and self.height * z <= self.viewport.h]
        self.zoom_index = fitting[-1] if fitting else 0
        z = self.cell_px
        self.x = (self.width * z - self.viewport.w) / 2
        self.y = (self.height * z - self.viewport.h) / 2
        self.clamp()

    def set_viewport(self, rect: pygame.Rect) -> None:
        self.viewport = pygame.Rect(rect)
        self.clamp()

    def _range(self, map_px: int, view_px: int) -> tuple[float, float]:
        """The offsets allowed on one axis: no blank beyond the map where the map is larger than the view; the
        whole map in view where it is smaller."""
        return (0, map_px - view_px) if map_px >= view_px else (map_px - view_px, 0)

    def clamp(self) -> None:
        z = self.cell_px
        (x0, x1), (y0, y1) = self._range(self.width * z, self.viewport.w), self._range(self.height * z, self.viewport.h)
        self.x = min(max(x0, self.x), x1)
        self.y = min(max(y0, self.y), y1)

    def shows_all(self) -> bool:
        """Whether the whole map is in view."""
        z = self.cell_px
        return self.width * z <= self.viewport.w and self.height * z <= self.viewport.h

    def scroll(self, dx: float, dy: float) -> None:
        """Move the view over the map (along the sides where the map is larger than the view)."""
        z = self.cell_px
        if self.width * z > self.viewport.w:
            self.x += dx
        if self.height * z > self.viewport.h:
            self.y += dy
        self.clamp()

    def zoom_at(self, steps: int, screen_pos: tuple[int, int] | None = None) -> bool:
        """Zoom in (steps > 0) or out keeping the cell under ``screen_pos`` still. True if it changed."""
        new = min(len(self.zooms) - 1, max(0, self.zoom_index + steps))
        if new == self.zoom_index:
            return False
        pos = screen_pos or self.viewport.center
        cx, cy = self.screen_to_cellf(pos)
        self.zoom_index = new
        z = self.cell_px
        self.x = cx * z - (pos[0] - self.viewport.x)
        self.y = cy * z - (pos[1] - self.viewport.y)
        self.clamp()
        return True

    def centre_on(self, cell: tuple[float, float]) -> None:
        z = self.cell_px
        self.x = (cell[0] + 0.5) * z - self.viewport.w / 2
        self.y = (cell[1] + 0.5) * z - self.viewport.h / 2
        self.clamp()

    def screen_to_cellf(self, pos) -> tuple[float, float]:
        z = self.cell_px
        return ((pos[0] - self.viewport.x + self.x) / z, (pos[1] - self.viewport.y + self.y) / z)

    def screen_to_cell(self, pos) -> tuple[int, int] | None:
        """The cell under a screen point, or None outside the map or the viewport."""
        if not self.viewport.collidepoint(pos):
            return None
        fx, fy = self.screen_to_cellf(pos)
        x, y = int(fx // 1), int(fy // 1)
        if 0 <= x < self.width and 0 <= y < self.height:
            return (x, y)
        return None

    def cell_to_screen(self, cell) -> tuple[int, int]:
        """Top-left screen pixel of a cell."""
        z = self.cell_px
        return (int(self.viewport.x + cell[0] * z - self.x), int(self.viewport.y + cell[1] * z - self.y))

    def cell_rect(self, x: int, y: int, w: int = 1, h: int = 1) -> pygame.Rect:
        sx, sy = self.cell_to_screen((x, y))
        z = self.cell_px
        return pygame.Rect(sx, sy, w * z, h * z)

    def visible_source(self) -> pygame.Rect:
        """The part of the full-map picture the viewport shows."""
        return pygame.Rect(int(self.x), int(self.y), self.viewport.w, self.viewport.h)

    def visible_cells(self) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the cells at least partly in view, clipped to the map."""
        z = self.cell_px
        x0, y0 = int(self.x // z), int(self.y // z)
        x1 = min(self.width, int((self.x + self.viewport.w) // z) + 1)
        y1 = min(self.height, int((self.y + self.viewport.h) // z) + 1)
        return max(0, x0), max(0, y0), x1, y1
