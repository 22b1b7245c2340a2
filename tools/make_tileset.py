"""Draw the terrain tileset: levels/maps/terrain.png and terrain.tsx.

One row of 32 px tiles per terrain of the default catalogue (in catalogue
order), VARIANTS tiles a row. Each tile carries a ``terrain`` property in the
.tsx, which is how the game recognises it (never by tile number). Drawing is
deterministic (fixed seeds), so re-running gives the same files.

    python tools/make_tileset.py            # writes levels/maps/terrain.{png,tsx}
    python tools/make_tileset.py --preview  # also writes a 2x preview PNG to /tmp
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402
import yaml  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "levels" / "maps"
TILE = 32
VARIANTS = 4


def terrain_names() -> list[str]:
    """The terrain names of the default catalogue, in order."""
    data = yaml.safe_load((ROOT / "game" / "catalogue" / "defaults.yaml").read_text())
    return list(data["terrain"])


# ------------------------------------------------------------------ helpers


def base(rng: np.random.Generator, colour, spread=10, speckle=0.08, speck_shift=-30) -> pygame.Surface:
    """A flat colour with fine per-pixel noise and a few darker or lighter specks."""
    arr = np.empty((TILE, TILE, 3), dtype=np.int16)
    arr[:] = colour
    arr += rng.integers(-spread, spread + 1, (TILE, TILE, 1))
    specks = rng.random((TILE, TILE)) < speckle
    arr[specks] += speck_shift
    light = rng.random((TILE, TILE)) < speckle / 2
    arr[light] += abs(speck_shift) // 2
    surf = pygame.Surface((TILE, TILE))
    pygame.surfarray.blit_array(surf, np.clip(arr, 0, 255).astype(np.uint8).transpose(1, 0, 2))
    return surf


def shade(colour, amount: int):
    return tuple(max(0, min(255, c + amount)) for c in colour)


def wrapped(draw, surf: pygame.Surface, x: float, y: float, *args) -> None:
    """Draw a shape at (x, y) and at its wrapped copies, so tiles repeat seamlessly."""
    for dx in (-TILE, 0, TILE):
        for dy in (-TILE, 0, TILE):
            draw(surf, x + dx, y + dy, *args)


def canopy(surf, x, y, r, colour) -> None:
    """A round tree crown seen from above: shadow, crown, lit side."""
    pygame.draw.circle(surf, shade(colour, -45), (x + 2, y + 3), r)
    pygame.draw.circle(surf, shade(colour, -20), (x, y), r)
    pygame.draw.circle(surf, colour, (x - r * 0.2, y - r * 0.2), r * 0.75)
    pygame.draw.circle(surf, shade(colour, 25), (x - r * 0.4, y - r * 0.4), max(1, r * 0.35))


def stone(surf, x, y, w, h, colour) -> None:
    pygame.draw.ellipse(surf, shade(colour, -50), (x + 1, y + 2, w, h))
    pygame.draw.ellipse(surf, colour, (x, y, w, h))
    pygame.draw.ellipse(surf, shade(colour, 30), (x + w * 0.2, y + h * 0.15, w * 0.45, h * 0.4))


# ----------------------------------------------------------------- terrains

GRASS = (104, 150, 74)


def grass(rng, v):
    s = base(rng, GRASS, 8, 0.10, -22)
    for _ in range(14):
        x, y = rng.integers(0, TILE, 2)
        c = shade(GRASS, int(rng.choice([-30, 22])))
        pygame.draw.line(s, c, (x, y), (x + rng.integers(-1, 2), y - 2))
    if v == 3:  # a few small flowers
        for _ in range(4):
            x, y = rng.integers(2, TILE - 2, 2)
            s.set_at((int(x), int(y)), (236, 226, 150) if rng.random() < 0.5 else (240, 240, 235))
    return s


def farmland(rng, v):
    soil = (150, 112, 74)
    s = base(rng, soil, 6, 0.06, -18)
    crop = [None, (120, 160, 70), (96, 146, 60), (200, 176, 92)][v]
    for row in range(0, TILE, 4):
        pygame.draw.line(s, shade(soil, -30), (0, row + 3), (TILE - 1, row + 3))
        pygame.draw.line(s, shade(soil, 14), (0, row + 1), (TILE - 1, row + 1))
        if crop:
            for x in range(int(rng.integers(0, 3)), TILE, 3):
                if rng.random() < 0.85:
                    c = shade(crop, int(rng.integers(-15, 16)))
                    s.fill(c, (x, row + 1, 2, 2 if v < 3 else 3))
    return s


def orchard(rng, v):
    s = base(rng, shade(GRASS, 6), 8, 0.08, -20)
    r = [9, 10, 8, 10][v]
    leaf = [(70, 128, 58), (76, 134, 62), (82, 140, 64), (72, 126, 56)][v]
    canopy(s, 16, 15, r, leaf)
    if v == 1:  # fruit
        for _ in range(6):
            a, d = rng.random() * 6.28, rng.random() * (r - 2)
            s.fill((196, 70, 52), (16 + np.cos(a) * d, 15 + np.sin(a) * d, 2, 2))
    if v == 3:  # blossom
        for _ in range(10):
            a, d = rng.random() * 6.28, rng.random() * (r - 1)
            s.set_at((int(16 + np.cos(a) * d), int(15 + np.sin(a) * d)), (245, 228, 236))
    return s


def scrub(rng, v):
    dry = (150, 152, 86)
    s = base(rng, dry, 9, 0.10, -25)
    for _ in range(3 + v):
        x, y = rng.integers(0, TILE, 2)
        r = int(rng.integers(3, 6))
        c = shade((96, 118, 60), int(rng.integers(-10, 11)))
        wrapped(lambda surf, a, b, rr, cc: (pygame.draw.circle(surf, shade(cc, -35), (a + 1, b + 2), rr),
                                            pygame.draw.circle(surf, cc, (a, b), rr),
                                            pygame.draw.circle(surf, shade(cc, 22), (a - 1, b - 1), rr // 2)),
                s, x, y, r, c)
    return s


def forest(rng, v):
    s = base(rng, (46, 84, 44), 6, 0.05, -15)
    for _ in range(7):
        x, y = rng.integers(0, TILE, 2)
        r = int(rng.integers(6, 10))
        c = shade((58, 104, 52), int(rng.integers(-14, 12)))
        if v == 3:
            c = shade((50, 96, 66), int(rng.integers(-10, 10)))  # conifers, bluer
        wrapped(lambda surf, a, b, rr, cc: canopy(surf, a, b, rr, cc), s, x, y, r, c)
    return s


def rocky(rng, v):
    ground = (150, 140, 118)
    s = base(rng, ground, 9, 0.14, -28)
    for _ in range(4 + v):
        x, y = rng.integers(-2, TILE - 4, 2)
        w, h = int(rng.integers(4, 10)), int(rng.integers(3, 7))
        stone(s, x, y, w, h, shade((138, 134, 128), int(rng.integers(-18, 18))))
    return s


def road(rng, v):
    dirt = (186, 162, 118)
    s = base(rng, dirt, 7, 0.12, -26)
    for _ in range(6 + 3 * v):  # gravel
        x, y = rng.integers(0, TILE, 2)
        s.fill(shade((150, 140, 126), int(rng.integers(-20, 20))), (x, y, 2, 1))
    return s


def water(rng, v):
    blue = (64, 112, 164)
    s = base(rng, shade(blue, v * 3), 4, 0.0, 0)
    for _ in range(5):
        x, y = rng.integers(0, TILE, 2)
        w = int(rng.integers(5, 10))
        wrapped(lambda surf, a, b, ww: pygame.draw.arc(surf, shade(blue, 38), (a, b, ww, 4), 0.3, 2.8),
                s, x, y, w)
    return s


def building(rng, v):
    yard = (176, 160, 124)
    s = base(rng, yard, 6, 0.08, -20)
    roof = [(178, 88, 62), (116, 120, 130), (186, 98, 70), (168, 164, 156)][v]
    x, y, w, h = 4, 5, 24, 21
    pygame.draw.rect(s, (60, 52, 46), (x + 2, y + 3, w, h))  # shadow
    if v == 3:  # flat roof with a low parapet
        pygame.draw.rect(s, shade(roof, -30), (x, y, w, h))
        pygame.draw.rect(s, roof, (x + 2, y + 2, w - 4, h - 4))
        pygame.draw.rect(s, shade(roof, -50), (x + 15, y + 5, 4, 4))
        return s
    if v == 1:  # ridge runs up-down
        pygame.draw.rect(s, shade(roof, 18), (x, y, w // 2, h))
        pygame.draw.rect(s, shade(roof, -18), (x + w // 2, y, w - w // 2, h))
        for yy in range(y + 2, y + h, 3):
            pygame.draw.line(s, shade(roof, -40), (x, yy), (x + w - 1, yy))
        pygame.draw.line(s, shade(roof, 45), (x + w // 2, y), (x + w // 2, y + h - 1), 2)
    else:  # ridge runs left-right, clay tiles in rows
        pygame.draw.rect(s, shade(roof, 18), (x, y, w, h // 2))
        pygame.draw.rect(s, shade(roof, -18), (x, y + h // 2, w, h - h // 2))
        for xx in range(x + 2, x + w, 3):
            pygame.draw.line(s, shade(roof, -38), (xx, y), (xx, y + h - 1))
        pygame.draw.line(s, shade(roof, 40), (x, y + h // 2), (x + w - 1, y + h // 2), 2)
        if v == 2:
            pygame.draw.rect(s, (120, 110, 104), (x + 17, y + 2, 3, 4))  # chimney
    pygame.draw.rect(s, shade(roof, -60), (x, y, w, h), 1)
    return s


def rubble(rng, v):
    dust = (160, 150, 136)
    s = base(rng, dust, 8, 0.14, -30)
    if v in (0, 2):  # the stump of a wall
        pygame.draw.line(s, (132, 124, 116), (3, 6 + v * 4), (14 + v * 3, 6 + v * 4), 3)
    for _ in range(10 + 2 * v):
        x, y = rng.integers(-1, TILE - 2, 2)
        c = (168, 96, 72) if rng.random() < 0.45 else (138, 134, 128)
        c = shade(c, int(rng.integers(-20, 16)))
        pts = [(x + rng.integers(0, 5), y + rng.integers(0, 3)) for _ in range(4)]
        pygame.draw.polygon(s, shade(c, -45), [(a + 1, b + 1) for a, b in pts])
        pygame.draw.polygon(s, c, pts)
    return s


PAINTERS = {"grass": grass, "farmland": farmland, "orchard": orchard, "scrub": scrub,
            "forest": forest, "rocky": rocky, "road": road, "water": water,
            "building": building, "rubble": rubble}


# -------------------------------------------------------------------- output


TSX_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="terrain" tilewidth="{t}" tileheight="{t}" tilecount="{n}" columns="{c}">
 <image source="terrain.png" width="{w}" height="{h}"/>
"""
TSX_TILE = """ <tile id="{i}" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="{name}"/>
  </properties>
 </tile>
"""


def main(argv: list[str]) -> int:
    pygame.init()
    names = terrain_names()
    missing = [n for n in names if n not in PAINTERS]
    if missing:
        print(f"no painter for terrain(s): {', '.join(missing)}", file=sys.stderr)
        return 1
    sheet = pygame.Surface((TILE * VARIANTS, TILE * len(names)))
    tsx = [TSX_HEAD.format(t=TILE, n=VARIANTS * len(names), c=VARIANTS,
                           w=TILE * VARIANTS, h=TILE * len(names))]
    for row, name in enumerate(names):
        for v in range(VARIANTS):
            rng = np.random.default_rng(1000 * row + v)
            sheet.blit(PAINTERS[name](rng, v), (v * TILE, row * TILE))
            tsx.append(TSX_TILE.format(i=row * VARIANTS + v, name=name))
    tsx.append("</tileset>\n")
    OUT.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(OUT / "terrain.png"))
    (OUT / "terrain.tsx").write_text("".join(tsx), encoding="utf-8")
    print(f"wrote {OUT / 'terrain.png'} and terrain.tsx: {len(names)} terrains x {VARIANTS} variants")
    if "--preview" in argv:
        big = pygame.transform.scale_by(sheet, 2)
        pygame.image.save(big, "/tmp/terrain_2x.png")
        print("preview: /tmp/terrain_2x.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
