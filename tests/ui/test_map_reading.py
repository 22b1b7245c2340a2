"""The land statuses read at a glance, also for colour-blind players, and never pass for terrain.

Each status pattern is drawn over a grass-like ground and seen as a person
with normal colour vision, protanopia or deuteranopia sees it (Machado,
Oliveira and Fernandes 2009, full severity, in linear RGB):

- it must have more light-and-dark structure (the spread of lightness in
  CIELAB, 10th to 90th percentile) than any tile of the campaign's tileset,
  so a crisp regular pattern never looks like a field, a forest or a road;
- every two statuses must differ in mean colour (CIE76 delta E at least 10)
  or in the shape of their pattern (lightness images correlated below 0.6).

Set MINERISK_SCREENS_DIR to get the legend and a map as each vision sees it.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame

from game.level import load_level
from game.run.levels import resolve_level
from game.ui import theme as th
from game.ui.overlays import pattern_pixels
from game.ui.terrain_art import TerrainArt

SIMULATE = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
}
SIZE = 40


def linear(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def seen(rgb: np.ndarray, vision: str) -> np.ndarray:
    """An sRGB image as a person with this vision sees it (sRGB, 0-255)."""
    lin = np.clip(linear(rgb) @ SIMULATE[vision].T, 0, 1)
    return 255 * np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def lab(rgb: np.ndarray) -> np.ndarray:
    xyz = linear(rgb) @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                                  [0.0193, 0.1192, 0.9505]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def on_ground(name: str, ground=th.SWATCH_GROUND) -> np.ndarray:
    """The status pattern over a plain ground, as the map draws it at 8 px a cell."""
    rgba, style = th.STATUS_STYLE[name]
    px = pattern_pixels(SIZE, SIZE, style, rgba, wash=min(200, int(rgba[3]) * 2)).astype(float)
    alpha = px[..., 3:4] / 255.0
    return px[..., :3] * alpha + np.array(ground, float) * (1 - alpha)


def spread(lightness: np.ndarray) -> float:
    return float(np.percentile(lightness, 90) - np.percentile(lightness, 10))


def tile_images() -> list[np.ndarray]:
    spec, level_map = load_level(resolve_level("the_sector"))
    art = TerrainArt(level_map.path)
    return [pygame.surfarray.array3d(pygame.transform.smoothscale(t.convert(), (SIZE, SIZE))).astype(float)
            .transpose(1, 0, 2) for t in art.tiles()]


def test_statuses_never_look_like_terrain_and_stay_distinct_for_colour_blind_players(app):
    tiles = tile_images()
    names = list(th.STATUS_STYLE)
    problems = []
    for vision in SIMULATE:
        terrain = max(spread(lab(seen(t, vision))[..., 0]) for t in tiles)
        images = {n: lab(seen(on_ground(n), vision)) for n in names}
        for n in names:
            if spread(images[n][..., 0]) < 1.1 * terrain:
                problems.append(f"{vision}: {n} has a lightness spread of {spread(images[n][..., 0]):.0f}, "
                                f"terrain up to {terrain:.0f}")
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                de = float(np.linalg.norm(images[a].reshape(-1, 3).mean(0) - images[b].reshape(-1, 3).mean(0)))
                la, lb = images[a][..., 0].ravel(), images[b][..., 0].ravel()
                corr = float(np.corrcoef(la, lb)[0, 1]) if la.std() and lb.std() else 1.0
                if de < 10 and corr >= 0.6:
                    problems.append(f"{vision}: {a} and {b} look alike (dE {de:.0f}, pattern correlation {corr:.2f})")
    assert not problems, "\n".join(problems)
    folder = os.environ.get("MINERISK_SCREENS_DIR")
    if folder:
        write_pictures(Path(folder), tiles)


def write_pictures(folder: Path, tiles: list[np.ndarray]) -> None:
    """The legend (each status over grass, then over a few terrain tiles) as each vision sees it."""
    folder.mkdir(parents=True, exist_ok=True)
    names = list(th.STATUS_STYLE)
    grounds = [np.full((SIZE, SIZE, 3), th.SWATCH_GROUND, float)] + tiles[::max(1, len(tiles) // 7)][:7]
    for vision in SIMULATE:
        rows = []
        for n in names:
            rgba, style = th.STATUS_STYLE[n]
            px = pattern_pixels(SIZE, SIZE, style, rgba, wash=min(200, int(rgba[3]) * 2)).astype(float)
            alpha = px[..., 3:4] / 255.0
            rows.append(np.concatenate([px[..., :3] * alpha + g * (1 - alpha) for g in grounds], axis=1))
        rows.append(np.concatenate(grounds, axis=1))  # the plain terrain, for comparison
        image = seen(np.concatenate(rows, axis=0), vision).clip(0, 255).astype(np.uint8)
        pygame.image.save(pygame.surfarray.make_surface(image.transpose(1, 0, 2).copy()),
                          str(folder / f"legend_{vision}.png"))
