"""Draw the game's icons: assets/icons/{32,64}/NAME.png, index.json and sheet.png.

Every icon is drawn once, in a 32-unit design space, onto a canvas four times
the target size; each drawing step adds a *layer* that gets its own dark
outline, so overlapping parts stay readable. The finished canvas gets a soft
dark rim (for light and dark map backgrounds alike) and is box-filtered down
4x with premultiplied alpha (exact supersampling, no dark fringes). The 64 px
version is drawn from the same design, not scaled up; the marking sign adds the
word "MINES" there.

Drawing is deterministic (no randomness, fixed font from assets/fonts, PNGs
written by our own zlib encoder), so re-running gives byte-identical files.

    python tools/make_icons.py              # writes assets/icons/
    python tools/make_icons.py OUT_DIR      # writes OUT_DIR/{32,64}/..., index.json, sheet.png
    python tools/make_icons.py --no-sheet   # skip the contact sheet
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
import zlib
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import itertools

import numpy as np
import pygame

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "icons"
FONT_BOLD = ROOT / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
FONT = ROOT / "assets" / "fonts" / "DejaVuSans.ttf"
SIZES = (32, 64)
SS = 4  # supersampling factor
UNITS = 32.0  # design space: 0..32 on both axes
OUTLINE_W = 1.0  # outline width, design units (1 px at 32, 2 px at 64)
RIM_W = 0.9  # soft rim outside the outline, design units
RIM_ALPHA = 0.45

# ------------------------------------------------------------------ palette
# Muted, calm colours in the family of the terrain tileset (tools/make_tileset.py).
INK = (40, 36, 34)  # outline
PAPER = (240, 234, 218)
CREAM = (246, 230, 168)  # light yellow border of the marking sign
SAND = (214, 190, 140)
DIRT = (186, 162, 118)
SOIL = (150, 112, 74)
WOOD = (132, 94, 60)
GRASS = (104, 150, 74)
LEAF = (82, 140, 64)
GREEN = (88, 162, 84)  # "released / ok"
GREEN_D = (58, 124, 66)  # first-aid green (ISO 7010 style)
BLUE = (64, 112, 164)
BLUE_L = (132, 178, 214)
SKY = (176, 208, 230)
TEAL = (60, 130, 138)
OCHRE = (214, 166, 70)
YELLOW = (236, 196, 82)
ORANGE = (222, 134, 58)
RED = (196, 56, 44)  # marking red
TERRACOTTA = (178, 88, 62)
ROOF_GREY = (116, 120, 130)
GREY = (138, 134, 128)
GREY_L = (184, 180, 172)
STEEL = (92, 96, 104)
OLIVE = (104, 114, 72)
OLIVE_D = (78, 88, 56)
KHAKI = (168, 152, 100)
HEAD = (222, 198, 160)  # neutral pictogram head colour
BROWN_DOG = (156, 110, 66)


def shade(colour, amount: int):
    return tuple(max(0, min(255, c + amount)) for c in colour)


# ------------------------------------------------------------------ canvas


class Pen:
    """Draws in design units onto layers; each layer is outlined when composed."""

    def __init__(self, size: int):
        self.size = size
        self.px = size * SS
        self.k = self.px / UNITS
        self.layers: list[pygame.Surface] = []
        self.outlined: list[bool] = []
        self.layer()

    # --- layers
    def layer(self, outline: bool = True) -> None:
        self.surf = pygame.Surface((self.px, self.px), pygame.SRCALPHA)
        self.surf.fill((0, 0, 0, 0))
        self.layers.append(self.surf)
        self.outlined.append(outline)

    # --- coordinates
    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.k, y * self.k)

    def pts(self, points) -> list[tuple[float, float]]:
        return [self.p(x, y) for x, y in points]

    def r(self, x, y, w, h) -> pygame.Rect:
        return pygame.Rect(round(x * self.k), round(y * self.k), round(w * self.k), round(h * self.k))

    # --- shapes (flat, opaque fills)
    def circle(self, x, y, rad, colour, width: float = 0) -> None:
        pygame.draw.circle(self.surf, colour, self.p(x, y), rad * self.k, round(width * self.k))

    def ellipse(self, x, y, w, h, colour, width: float = 0) -> None:
        pygame.draw.ellipse(self.surf, colour, self.r(x, y, w, h), round(width * self.k))

    def rect(self, x, y, w, h, colour, radius: float = 0, width: float = 0) -> None:
        pygame.draw.rect(self.surf, colour, self.r(x, y, w, h), round(width * self.k), round(radius * self.k))

    def poly(self, points, colour) -> None:
        pygame.draw.polygon(self.surf, colour, self.pts(points))

    def line(self, a, b, colour, width: float = 1.0, cap: bool = True) -> None:
        """A thick line with round caps."""
        w = width * self.k
        ax, ay = self.p(*a)
        bx, by = self.p(*b)
        dx, dy = bx - ax, by - ay
        n = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / n * w / 2, dx / n * w / 2
        pygame.draw.polygon(self.surf, colour, [(ax + ox, ay + oy), (bx + ox, by + oy), (bx - ox, by - oy), (ax - ox, ay - oy)])
        if cap:
            pygame.draw.circle(self.surf, colour, (ax, ay), w / 2)
            pygame.draw.circle(self.surf, colour, (bx, by), w / 2)

    def path(self, points, colour, width: float = 1.0) -> None:
        for a, b in itertools.pairwise(points):
            self.line(a, b, colour, width)

    def arc(self, x, y, rad, a0, a1, colour, width: float = 1.0, steps: int = 24) -> None:
        """An arc from angle a0 to a1 (degrees, 0 = right, counter-clockwise on screen)."""
        pts = [(x + rad * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
                y - rad * math.sin(math.radians(a0 + (a1 - a0) * i / steps))) for i in range(steps + 1)]
        self.path(pts, colour, width)

    def text(self, s: str, cx: float, cy: float, height: float, colour, bold: bool = True) -> None:
        font = pygame.font.Font(str(FONT_BOLD if bold else FONT), max(4, round(height * self.k)))
        img = font.render(s, True, colour)
        self.surf.blit(img, img.get_rect(center=self.p(cx, cy)))

    # --- compose
    def finish(self) -> np.ndarray:
        """Composite the layers with outlines and rim; return the RGBA array (H, W, 4) at target size."""
        h = w = self.px
        rgb = np.zeros((h, w, 3), np.float64)  # premultiplied
        alpha = np.zeros((h, w), np.float64)
        ink = np.array(INK, np.float64) / 255.0
        disc_out = _disc(OUTLINE_W * self.k)
        for surf, outlined in zip(self.layers, self.outlined):
            a = pygame.surfarray.pixels_alpha(surf).T.astype(np.float64) / 255.0
            c = pygame.surfarray.pixels3d(surf).transpose(1, 0, 2).astype(np.float64) / 255.0
            if outlined:
                o = _dilate(a, disc_out)
                rgb = ink * o[..., None] + rgb * (1 - o[..., None])
                alpha = o + alpha * (1 - o)
            rgb = c * a[..., None] + rgb * (1 - a[..., None])
            alpha = a + alpha * (1 - a)
        # soft rim: a wider, translucent dark halo under everything
        rim = _dilate(alpha, _disc(RIM_W * self.k)) * RIM_ALPHA
        rgb = rgb + ink * rim[..., None] * (1 - alpha[..., None])
        alpha = alpha + rim * (1 - alpha)
        # box-filter down by SS (premultiplied)
        n = self.size
        rgb = rgb.reshape(n, SS, n, SS, 3).mean(axis=(1, 3))
        alpha = alpha.reshape(n, SS, n, SS).mean(axis=(1, 3))
        out = np.zeros((n, n, 4), np.float64)
        safe = np.where(alpha > 0, alpha, 1.0)
        out[..., :3] = rgb / safe[..., None]
        out[..., 3] = alpha
        return np.clip(np.round(out * 255.0), 0, 255).astype(np.uint8)


def _disc(radius: float) -> list[tuple[int, int]]:
    r = math.ceil(radius)
    return [(dy, dx) for dy in range(-r, r + 1) for dx in range(-r, r + 1) if dx * dx + dy * dy <= radius * radius + 0.25]


def _dilate(a: np.ndarray, offsets) -> np.ndarray:
    """Grey-scale dilation (max filter) of an alpha mask by a disc of offsets."""
    h, w = a.shape
    r = max(max(abs(dy), abs(dx)) for dy, dx in offsets)
    pad = np.pad(a, r)
    out = np.zeros_like(a)
    for dy, dx in offsets:
        np.maximum(out, pad[r + dy:r + dy + h, r + dx:r + dx + w], out=out)
    return out


# ------------------------------------------------------------------ PNG writer


def write_png(path: Path, rgba: np.ndarray) -> None:
    """A minimal, deterministic RGBA PNG encoder (no timestamps, fixed zlib level)."""
    h, w, _ = rgba.shape
    raw = b"".join(b"\x00" + rgba[y].tobytes() for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


# ------------------------------------------------------------------ figure helpers


def person(p: Pen, x: float, y: float, s: float, body, head=HEAD) -> None:
    """A standing pictogram person: head centre at (x, y), scale s (1 = about 18 units tall)."""
    p.rect(x - 4.2 * s, y + 3.6 * s, 8.4 * s, 9 * s, body, radius=3.2 * s)
    p.rect(x - 3.0 * s, y + 11 * s, 6 * s, 5 * s, shade(body, -30), radius=1.2 * s)
    p.layer()
    p.circle(x, y, 3.1 * s, head)
    p.circle(x - 0.9 * s, y - 0.9 * s, 1.1 * s, shade(head, 18))


def bust(p: Pen, x: float, y: float, s: float, body) -> None:
    """Head and shoulders (audience seen from the front), head centre at (x, y)."""
    p.rect(x - 5 * s, y + 3.4 * s, 10 * s, 9 * s, body, radius=4 * s)
    p.rect(x - 3.6 * s, y + 4.4 * s, 2.2 * s, 4 * s, shade(body, 22), radius=1 * s)
    p.layer()
    p.circle(x, y, 3.2 * s, HEAD)
    p.circle(x - 1 * s, y - 1 * s, 1.1 * s, shade(HEAD, 18))


def round_mine(p: Pen, cx: float, cy: float, w: float, h: float, body, plate=True) -> None:
    """A short cylinder seen at three-quarter view: top ellipse centre (cx, cy)."""
    eh = w * 0.42
    p.ellipse(cx - w / 2, cy - eh / 2 + h, w, eh, shade(body, -28))
    p.rect(cx - w / 2, cy, w, h, shade(body, -14))
    p.rect(cx - w / 2 + w * 0.1, cy + h * 0.25, w * 0.12, h * 0.6, shade(body, 10))
    p.layer()
    p.ellipse(cx - w / 2, cy - eh / 2, w, eh, body)
    p.ellipse(cx - w * 0.38, cy - eh * 0.4, w * 0.4, eh * 0.32, shade(body, 26))
    if plate:
        p.layer()
        pw = w * 0.42
        p.ellipse(cx - pw / 2, cy - pw * 0.42 / 2, pw, pw * 0.42, shade(body, -22))
        p.ellipse(cx - pw / 2 + pw * 0.15, cy - pw * 0.42 / 2 + pw * 0.05, pw * 0.45, pw * 0.18, shade(body, 8))


def badge(p: Pen, x: float, y: float, r: float, colour, mark: str) -> None:
    """A small round badge with a white check or cross."""
    p.layer()
    p.circle(x, y, r, colour)
    p.circle(x - r * 0.3, y - r * 0.3, r * 0.45, shade(colour, 18))
    if mark == "check":
        p.path([(x - r * 0.5, y + r * 0.02), (x - r * 0.12, y + r * 0.42), (x + r * 0.55, y - r * 0.42)], PAPER, r * 0.34)
    else:
        p.line((x - r * 0.42, y - r * 0.42), (x + r * 0.42, y + r * 0.42), PAPER, r * 0.32)
        p.line((x - r * 0.42, y + r * 0.42), (x + r * 0.42, y - r * 0.42), PAPER, r * 0.32)


def field(p: Pen, colour=SAND, furrow=None) -> None:
    """A patch of land in gentle perspective (a parallelogram), lower half of the icon."""
    pts = [(7, 17), (30, 17), (25, 29), (2, 29)]
    p.poly(pts, colour)
    fc = furrow or shade(colour, -22)
    for i in range(1, 4):
        t = i / 4
        y = 17 + 12 * t
        x0 = 7 - 5 * t
        p.line((x0 + 1.2, y), (x0 + 21.8, y), fc, 0.7)


def skull(p: Pen, cx: float, cy: float, s: float, bone, hole) -> None:
    """A simple, friendly-schematic skull and crossbones (no gore)."""
    for sgn in (-1, 1):
        a = (cx - 6.2 * s * sgn, cy + 1.2 * s)
        b = (cx + 6.2 * s * sgn, cy + 7.6 * s)
        p.line(a, b, bone, 1.5 * s)
        for q in (a, b):
            p.circle(q[0] - 0.5 * s, q[1] - 0.2 * s, 1.05 * s, bone)
            p.circle(q[0] + 0.5 * s, q[1] + 0.5 * s, 1.05 * s, bone)
    p.circle(cx, cy, 4.6 * s, bone)
    p.rect(cx - 2.6 * s, cy + 2.4 * s, 5.2 * s, 3.4 * s, bone, radius=1 * s)
    p.circle(cx - 1.8 * s, cy + 0.4 * s, 1.3 * s, hole)
    p.circle(cx + 1.8 * s, cy + 0.4 * s, 1.3 * s, hole)
    p.poly([(cx, cy + 2.0 * s), (cx - 0.7 * s, cy + 3.2 * s), (cx + 0.7 * s, cy + 3.2 * s)], hole)


def house(p: Pen, x: float, y: float, w: float, h: float, wall, roof, door=True) -> None:
    """A house front: wall rectangle with its top-left at (x, y), gable roof above."""
    p.rect(x, y, w, h, wall)
    p.rect(x, y, w * 0.22, h, shade(wall, 14))
    if door:
        p.rect(x + w * 0.4, y + h * 0.45, w * 0.24, h * 0.55, shade(WOOD, -10))
    p.poly([(x - 1.4, y + 0.6), (x + w / 2, y - h * 0.75), (x + w + 1.4, y + 0.6)], roof)
    p.poly([(x - 1.4, y + 0.6), (x + w / 2, y - h * 0.75), (x + w / 2, y - h * 0.75 + 1.6), (x + 0.6, y + 0.6)], shade(roof, 22))


# ------------------------------------------------------------------ icons
# Each function draws one icon; `big` is True for the 64 px version.

ICONS: dict[str, tuple[str, object]] = {}


def icon(name: str, description: str):
    def register(fn):
        ICONS[name] = (description, fn)
        return fn
    return register


# --- teams


@icon("nts", "Non-technical survey team: a surveyor with a clipboard, asking questions")
def _nts(p: Pen, big: bool) -> None:
    person(p, 10.5, 11.5, 1.05, BLUE)
    p.layer()  # clipboard held in front
    p.rect(9.5, 17.5, 8.5, 10.5, WOOD, radius=0.8)
    p.rect(10.6, 18.8, 6.3, 8.2, PAPER)
    p.rect(12.2, 16.9, 3.2, 2.2, STEEL, radius=0.6)
    for i in range(3):
        p.line((11.8, 21 + i * 2), (15.6, 21 + i * 2), GREY, 0.6)
    p.layer()  # speech bubble
    p.poly([(19.5, 12.5), (18.0, 16.2), (23.0, 12.5)], PAPER)
    p.rect(17.5, 3, 13, 10, PAPER, radius=4)
    for i in range(3):
        p.circle(20.6 + i * 3.4, 8, 1.05, BLUE)


@icon("technical_survey", "Technical survey team: search lanes sampled across an area")
def _ts(p: Pen, big: bool) -> None:
    p.rect(2.5, 2.5, 27, 27, GRASS, radius=3)
    p.circle(7, 7, 2.4, LEAF)
    p.circle(25.5, 20, 2.0, LEAF)
    p.layer()
    for x, top in ((5.5, 6.5), (13.5, 12.5), (21.5, 9.5)):  # search lanes from a baseline
        p.rect(x, top, 5.5, 26.5 - top, SAND)
        p.rect(x, top, 1.4, 26.5 - top, shade(SAND, 16))
    p.layer()
    p.line((3.5, 26.5), (28.5, 26.5), RED, 1.3)  # baseline tape
    for x, top in ((5.5, 6.5), (13.5, 12.5), (21.5, 9.5)):
        p.circle(x + 2.75, top, 1.5, RED)  # lane-end pegs
    p.layer()
    p.circle(16.25, 20, 1.9, ORANGE)  # a sample point in a lane
    p.circle(15.7, 19.4, 0.7, shade(ORANGE, 30))


@icon("manual", "Manual clearance team: a deminer kneeling with a detector")
def _manual(p: Pen, big: bool) -> None:
    p.line((2, 28.2), (30, 28.2), SOIL, 1.6)
    p.layer()
    # detector pole first (behind the arm)
    p.line((17, 16.5), (25.5, 25.2), STEEL, 1.3)
    p.layer()
    p.ellipse(21.5, 24.3, 9, 3.4, OCHRE)
    p.ellipse(23, 24.7, 4.4, 1.2, shade(OCHRE, 30))
    p.layer()
    # back leg, knee on the ground
    p.path([(9.5, 19), (11.5, 26.2), (4.5, 26.8)], shade(BLUE, -40), 3.4)
    # front leg: thigh forward, shin down
    p.path([(10, 19.5), (16, 20.2), (16.8, 26.6)], shade(BLUE, -28), 3.4)
    p.layer()
    p.rect(6.5, 10.5, 7.2, 10.5, BLUE, radius=2.6)  # torso in a protective vest
    p.rect(7.5, 11.5, 1.8, 6.5, shade(BLUE, 26), radius=0.9)
    p.layer()
    p.line((11.5, 13), (17, 16.5), BLUE, 2.4)  # arm to the detector handle
    p.circle(17.2, 16.6, 1.2, HEAD)
    p.layer()
    p.circle(10.5, 7, 3.3, HEAD)
    p.layer()
    p.rect(11.6, 4.2, 3.6, 5.6, SKY, radius=1.2)  # visor
    p.rect(12.1, 4.8, 1.0, 3.6, PAPER, radius=0.5)


@icon("dog", "Mine detection dog team: a detection dog in a harness")
def _dog(p: Pen, big: bool) -> None:
    c = BROWN_DOG
    p.path([(7, 15), (3.5, 11.5), (3.2, 8.5)], c, 2.0)  # tail
    p.rect(8.5, 20, 2.6, 8, shade(c, -24), radius=1.1)  # far legs
    p.rect(19.5, 20, 2.6, 8, shade(c, -24), radius=1.1)
    p.layer()
    p.ellipse(5.5, 12.5, 19.5, 10, c)  # body
    p.poly([(18, 15), (21.5, 8.5), (25, 10.5), (23.5, 17)], c)  # neck
    p.rect(6, 19, 2.8, 9.5, c, radius=1.2)  # near legs
    p.rect(17, 19, 2.8, 9.5, c, radius=1.2)
    p.ellipse(8, 13.5, 9, 3, shade(c, 18))
    p.layer(outline=False)
    p.rect(13, 12.5, 3.2, 9.9, BLUE)  # harness strap
    p.rect(8, 14.4, 9, 3, BLUE, radius=1.2)
    p.layer()
    p.ellipse(19.5, 5.2, 9, 7.4, c)  # head
    p.poly([(25, 7.4), (30.2, 9.6), (29.8, 11.6), (25, 12)], c)  # muzzle
    p.poly([(20.4, 6.8), (20.6, 1.8), (23.8, 5.6)], shade(c, -18))  # ear
    p.circle(30, 10, 1.0, INK)  # nose
    p.circle(24.3, 7.8, 0.8, INK)  # eye


@icon("machine", "Mechanical team: an armoured flail machine")
def _machine(p: Pen, big: bool) -> None:
    p.line((1.5, 29), (30.5, 29), SOIL, 1.2)
    p.layer()
    p.rect(2, 21.5, 17.5, 6.5, STEEL, radius=3.2)  # track
    for x in (5.2, 9.2, 13.2, 16.4):
        p.circle(x, 24.8, 1.5, GREY_L)
    p.layer()
    p.rect(3, 14.5, 15.5, 7, YELLOW, radius=1)  # body
    p.rect(3, 14.5, 15.5, 1.6, shade(YELLOW, 22))
    p.rect(5, 8, 7.5, 7, YELLOW, radius=1)  # cab
    p.rect(6.3, 9.3, 4.9, 3.6, SKY, radius=0.6)
    p.rect(6.8, 9.8, 1.2, 2.4, PAPER)
    p.layer()
    p.line((17, 17.5), (25.2, 21), OCHRE, 2.2)  # arm
    p.layer()
    for i, x in enumerate((22.3, 24.8, 27.3, 29.6)):  # chains hitting the ground
        p.line((x - 1.2 + i * 0.2, 22.6), (x, 28.2), STEEL, 0.7)
        p.circle(x, 28.2, 0.8, STEEL)
    p.layer()
    p.circle(25.8, 21.5, 3.1, OCHRE)  # rotor drum
    p.circle(25.8, 21.5, 1.1, shade(OCHRE, -40))


@icon("eore", "Explosive ordnance risk education team: a session with a picture board")
def _eore(p: Pen, big: bool) -> None:
    p.line((10, 16), (7.5, 27), WOOD, 1.2)  # easel legs
    p.line((22, 16), (24.5, 27), WOOD, 1.2)
    p.layer()
    p.rect(5, 2.5, 22, 15, PAPER, radius=1)
    p.rect(5, 2.5, 22, 15, GREEN_D, radius=1, width=1.1)
    p.poly([(9, 5.5), (17, 5.5), (13, 12.5)], RED)  # a small marking sign on the board
    p.poly([(10.6, 6.4), (15.4, 6.4), (13, 10.6)], shade(RED, 18))
    for i in range(3):
        p.line((19, 6.5 + i * 2.6), (24, 6.5 + i * 2.6), GREY, 0.8)
    p.layer()
    bust(p, 8.5, 21.5, 0.85, GREEN)
    p.layer()
    bust(p, 23.5, 21.5, 0.85, OCHRE)
    p.layer()
    bust(p, 16, 23.5, 0.7, BLUE)


# --- ordnance (the truth, shown at the debrief)


@icon("ap_blast", "AP blast mine: a small round anti-personnel mine")
def _ap_blast(p: Pen, big: bool) -> None:
    p.ellipse(4, 22.5, 24, 5.5, shade(SOIL, 10))  # patch of ground
    p.layer()
    round_mine(p, 16, 15.5, 13, 5.5, OLIVE)


@icon("ap_frag", "AP fragmentation mine: a stake mine with a tripwire")
def _ap_frag(p: Pen, big: bool) -> None:
    p.ellipse(3, 24.5, 18, 5, shade(SOIL, 10))
    p.layer(outline=False)
    p.line((13, 6), (29.5, 26.5), PAPER, 0.6)  # tripwire, no outline (thin)
    p.layer()
    p.circle(29.4, 26.4, 1.0, WOOD)  # tripwire peg
    p.rect(11.2, 17, 3.6, 10, WOOD, radius=0.8)  # stake
    p.layer()
    p.rect(7.5, 7.5, 11, 11.5, OLIVE, radius=1.6)  # segmented body
    for i in range(1, 4):
        p.line((7.5, 7.5 + i * 2.9), (18.5, 7.5 + i * 2.9), OLIVE_D, 0.5)
    for x in (10.3, 13, 15.7):
        p.line((x, 7.8), (x, 18.6), OLIVE_D, 0.5)
    p.rect(8.2, 8.2, 1.6, 10, shade(OLIVE, 28), radius=0.6)
    p.layer()
    p.rect(11, 3.5, 4, 4.5, STEEL, radius=0.8)  # fuze
    p.circle(13, 3.5, 1.1, GREY_L)


@icon("at", "AT mine: a large round anti-tank mine")
def _at(p: Pen, big: bool) -> None:
    p.ellipse(1.5, 21.5, 29, 7, shade(SOIL, 10))
    p.layer()
    round_mine(p, 16, 13.5, 25, 6.5, OLIVE_D)
    p.layer()
    p.rect(27, 15.2, 2.8, 3.4, STEEL, radius=0.8)  # carrying handle


@icon("uxo", "UXO: an unexploded artillery shell")
def _uxo(p: Pen, big: bool) -> None:
    p.ellipse(4.5, 22.5, 23, 5.5, shade(SOIL, 10))
    p.layer()
    ang = math.radians(-24)
    ca, sa = math.cos(ang), math.sin(ang)

    def tf(pts):
        return [(15.5 + x * ca - y * sa, 16.5 + x * sa + y * ca) for x, y in pts]

    r = 4.0
    ogive = [(2.5 + 10.5 * math.sin(t), -r * (1 - math.sin(t)) ** 1.1) for t in np.linspace(0, math.pi / 2, 10)]
    nose = ogive + [(x, -y) for x, y in reversed(ogive)]
    p.poly(tf([(-12, -r), (2.6, -r), (2.6, r), (-12, r)]), OLIVE)
    p.poly(tf(nose), OLIVE)
    p.poly(tf([(-12, -r), (2.6, -r), (2.6, -r + 1.7), (-12, -r + 1.7)]), shade(OLIVE, 26))
    p.poly(tf([(4.2, -r * 0.82), (5.4, -r * 0.74), (5.4, r * 0.74), (4.2, r * 0.82)]), YELLOW)  # marking band
    p.poly(tf([(-9.6, -r - 0.3), (-7.6, -r - 0.3), (-7.6, r + 0.3), (-9.6, r + 0.3)]), (190, 124, 70))  # driving band
    p.poly(tf([(10.2, -1.3), (13.4, -0.6), (13.4, 0.6), (10.2, 1.3)]), STEEL)  # fuze
    p.poly(tf([(-12.9, -r + 0.5), (-11.8, -r + 0.5), (-11.8, r - 0.5), (-12.9, r - 0.5)]), OLIVE_D)  # base


# --- evidence and events


@icon("evidence", "Evidence of contamination: a magnifying glass over a warning mark")
def _evidence(p: Pen, big: bool) -> None:
    p.line((18.5, 18.5), (27.5, 27.5), WOOD, 4.2)  # handle
    p.layer()
    p.circle(13, 13, 9.5, STEEL)
    p.circle(13, 13, 7.6, SKY)
    p.circle(10.5, 10.3, 2.6, shade(SKY, 28))
    p.layer()
    p.rect(11.7, 7.2, 2.6, 7.6, ORANGE, radius=1.2)
    p.circle(13, 17.5, 1.5, ORANGE)


@icon("community_report", "Community report: a villager's speech bubble with an exclamation mark")
def _report(p: Pen, big: bool) -> None:
    p.poly([(8, 20), (5, 28.5), (15, 21)], PAPER)
    p.rect(3, 3.5, 26, 18.5, PAPER, radius=7)
    p.rect(5, 5.2, 9, 3, shade(PAPER, 12), radius=1.5)
    p.layer()
    p.rect(14.4, 6.6, 3.4, 9, ORANGE, radius=1.6)
    p.circle(16.1, 18.6, 1.8, ORANGE)


@icon("find", "Find: an explosive item found and confirmed")
def _find(p: Pen, big: bool) -> None:
    p.ellipse(2.5, 17.5, 21, 5.5, shade(SOIL, 10))
    p.layer()
    round_mine(p, 13, 11, 15, 5.5, OLIVE)
    badge(p, 23.5, 22.5, 6.5, GREEN, "check")


@icon("false_alarm", "False alarm: a detector signal that proved to be scrap metal")
def _false_alarm(p: Pen, big: bool) -> None:
    for r in (4.5, 9, 13.5):  # signal waves from a detector head
        p.arc(5, 21, r, -5, 95, OCHRE, 2.1)
    p.layer()
    p.ellipse(1.5, 19.5, 8.5, 3.2, OCHRE)
    p.ellipse(2.2, 19.9, 3.8, 1.1, shade(OCHRE, 30))
    badge(p, 23, 23, 6.5, (172, 78, 62), "cross")


@icon("marking_sign", 'Mine marking sign (CCW Amended Protocol II): red triangle, light border, skull and "MINES"')
def _sign(p: Pen, big: bool) -> None:
    top, apex = 2.2, 30.5
    p.poly([(1.2, top), (30.8, top), (16, apex)], CREAM)
    p.layer(outline=False)
    p.poly([(3.9, top + 1.55), (28.1, top + 1.55), (16, apex - 3.1)], RED)
    if big:
        p.text("MINES", 16, 6.9, 4.6, PAPER)
        skull(p, 16, 12.6, 0.62, PAPER, RED)
    else:
        skull(p, 16, 9.8, 0.86, PAPER, RED)


@icon("fence", "Marked area: a fence of posts and red tape with a warning sign")
def _fence(p: Pen, big: bool) -> None:
    p.line((1.5, 28.5), (30.5, 28.5), GRASS, 1.4)
    p.layer()
    for x in (4.5, 16, 27.5):
        p.rect(x - 1.3, 7, 2.6, 21.5, WOOD, radius=0.8)
        p.rect(x - 1.3, 7, 0.9, 21.5, shade(WOOD, 24))
    p.layer()
    for y in (11, 19):
        p.path([(3, y), (9.5, y + 1.2), (16, y), (22.5, y + 1.2), (29, y)], RED, 1.3)
    p.layer()
    p.poly([(8.8, 12.2), (15.2, 12.2), (12, 18.3)], CREAM)
    p.poly([(10.1, 13.0), (13.9, 13.0), (12, 16.7)], RED)


@icon("village", "Village: a cluster of houses")
def _village(p: Pen, big: bool) -> None:
    house(p, 15.5, 10.5, 12, 8, SAND, ROOF_GREY, door=False)
    p.rect(23.5, 12.2, 2.6, 2.6, shade(WOOD, -10))
    p.layer()
    house(p, 4.5, 16, 14, 11.5, PAPER, TERRACOTTA)
    p.rect(6.3, 18.2, 3, 3, BLUE_L)
    p.layer()
    p.line((1.5, 28.2), (30.5, 28.2), GRASS, 1.4)


@icon("school", "School: a schoolhouse with a bell")
def _school(p: Pen, big: bool) -> None:
    p.rect(3, 14, 26, 13.5, YELLOW)
    p.rect(3, 14, 5, 13.5, shade(YELLOW, 18))
    for x in (5.3, 21.7):
        p.rect(x, 17, 5, 4.2, BLUE_L)
    p.rect(13.5, 18.5, 5, 9, shade(WOOD, -10))
    p.layer()
    p.poly([(1.5, 14.6), (16, 7.5), (30.5, 14.6)], ROOF_GREY)
    p.layer()
    p.rect(13, 2, 6, 7.5, PAPER)  # bell tower
    p.poly([(12, 2.8), (16, 0.2), (20, 2.8)], ROOF_GREY)
    p.poly([(14.3, 7.8), (15, 4.3), (17, 4.3), (17.7, 7.8)], OCHRE)  # bell
    p.line((1.5, 28.2), (30.5, 28.2), GRASS, 1.4)


@icon("well", "Well: a village well with a bucket")
def _well(p: Pen, big: bool) -> None:
    p.rect(7, 3, 2.4, 19, WOOD)
    p.rect(22.6, 3, 2.4, 19, WOOD)
    p.line((8, 8), (24, 8), shade(WOOD, -10), 1.3)
    p.layer()
    p.poly([(3.5, 5), (16, 0.5), (28.5, 5), (28.5, 6.8), (3.5, 6.8)], TERRACOTTA)  # roof
    p.layer(outline=False)
    p.line((16, 8), (16, 13), INK, 0.5)
    p.layer()
    p.poly([(13.6, 12.8), (18.4, 12.8), (17.8, 17), (14.2, 17)], GREY_L)  # bucket
    p.layer()
    p.ellipse(4.5, 17.5, 23, 6, shade(BLUE, -20))
    p.rect(4.5, 20.5, 23, 7.5, GREY)  # stone ring
    p.ellipse(4.5, 25, 23, 6, GREY)
    for y in (23, 26):
        for x in (7.5, 12.5, 17.5, 22.5):
            p.line((x + (y == 26) * 2.5, y), (x + (y == 26) * 2.5, y + 2.5), shade(GREY, -30), 0.5)
    p.layer()
    p.ellipse(4.5, 17.5, 23, 6, GREY_L, width=1.3)


@icon("clinic", "Clinic: a health post with a first-aid cross")
def _clinic(p: Pen, big: bool) -> None:
    p.rect(3, 11, 26, 17, PAPER)
    p.rect(3, 11, 4.5, 17, shade(PAPER, 10))
    p.rect(13.5, 20, 5, 8, shade(WOOD, -10))
    p.rect(5, 20, 5, 4, BLUE_L)
    p.rect(22, 20, 5, 4, BLUE_L)
    p.layer()
    p.rect(1.5, 7.5, 29, 4, ROOF_GREY, radius=0.8)
    p.layer()
    p.rect(10.5, 1.5, 11, 11, GREEN_D, radius=2)
    p.rect(14.6, 3.2, 2.8, 7.6, PAPER)
    p.rect(12.2, 5.6, 7.6, 2.8, PAPER)


@icon("water_point", "Water point: a tap with a drop of water")
def _water(p: Pen, big: bool) -> None:
    p.rect(1.5, 7.5, 11, 5, GREY, radius=1)  # pipe
    p.rect(1.5, 7.5, 11, 1.5, GREY_L)
    p.layer()
    p.rect(10, 5.5, 8, 9, STEEL, radius=2)  # tap body
    p.rect(15, 9, 8, 4.4, STEEL)  # spout
    p.rect(19, 9, 4.4, 7.5, STEEL, radius=1.2)
    p.layer()
    p.rect(13, 1.2, 2.2, 4.6, STEEL)
    p.rect(9.5, 0.8, 9.5, 2.2, BLUE, radius=1)  # handle
    p.layer()
    p.circle(21.2, 24, 4.2, BLUE_L)  # drop
    p.poly([(17.3, 22.3), (21.2, 16.8), (25.1, 22.3)], BLUE_L)
    p.circle(19.7, 23.2, 1.2, shade(BLUE_L, 34))


@icon("market", "Market: a stall with an awning and produce")
def _market(p: Pen, big: bool) -> None:
    p.rect(4.5, 10, 2, 18, WOOD)
    p.rect(25.5, 10, 2, 18, WOOD)
    p.layer()
    p.rect(3, 19.5, 26, 8, SAND)
    p.rect(3, 19.5, 26, 1.5, shade(SAND, 16))
    p.layer()
    for i, c in enumerate((TERRACOTTA, YELLOW, LEAF, ORANGE, TERRACOTTA, LEAF)):
        p.circle(7 + i * 3.6, 18.2, 1.9, c)
    p.layer()
    stripes = 6
    w = 28 / stripes
    for i in range(stripes):
        c = PAPER if i % 2 else TEAL
        x = 2 + i * w
        p.poly([(x + 0.6, 3), (x + w + 0.6 - (0.0), 3), (x + w, 10), (x, 10)], c)
        p.circle(x + w / 2, 10, w / 2, c)


@icon("road", "Road: a rural road")
def _road(p: Pen, big: bool) -> None:
    p.poly([(11, 3), (21, 3), (30, 29), (2, 29)], DIRT)
    p.poly([(11, 3), (13, 3), (7, 29), (2, 29)], shade(DIRT, 14))
    p.layer(outline=False)
    for y0, y1, w in ((4.5, 8, 0.9), (11, 16, 1.3), (19.5, 26.5, 1.8)):
        p.line((16, y0), (16, y1), PAPER, w)


@icon("team_base", "Team base: a field tent with a pennant")
def _base(p: Pen, big: bool) -> None:
    p.line((1.5, 28.2), (30.5, 28.2), GRASS, 1.4)
    p.layer()
    p.line((22.5, 13), (22.5, 1.8), WOOD, 1.0)
    p.layer()
    p.poly([(23, 2), (30, 4.5), (23, 7)], ORANGE)  # plain pennant, no emblem
    p.layer()
    p.poly([(2.5, 27.5), (14, 9.5), (17, 9.5), (29.5, 27.5)], KHAKI)
    p.poly([(2.5, 27.5), (14, 9.5), (15.5, 9.5), (7.5, 27.5)], shade(KHAKI, 18))
    p.poly([(11.5, 27.5), (15.5, 15), (19.5, 27.5)], shade(KHAKI, -60))  # door


@icon("accident", "Accident: a calm first-aid cross")
def _accident(p: Pen, big: bool) -> None:
    p.rect(3, 3, 26, 26, GREEN_D, radius=5)
    p.rect(5, 5, 9, 5, shade(GREEN_D, 18), radius=2.5)
    p.layer(outline=False)
    p.rect(12.5, 7, 7, 18, PAPER, radius=0.8)
    p.rect(7, 12.5, 18, 7, PAPER, radius=0.8)


@icon("civilian_incident", "Civilian incident: a warning triangle with a person")
def _civilian(p: Pen, big: bool) -> None:
    p.poly([(16, 1.5), (30.5, 28), (1.5, 28)], YELLOW)
    p.poly([(16, 1.5), (17.5, 4.2), (4.3, 28), (1.5, 28)], shade(YELLOW, 18))
    p.layer(outline=False)
    c = INK
    p.circle(16, 10.4, 2.2, c)
    p.rect(13.5, 13.4, 5, 6.6, c, radius=1.6)
    p.line((14.9, 19), (13.8, 25), c, 2.0)
    p.line((17.1, 19), (18.2, 25), c, 2.0)


@icon("heat", "Heat: a hot sun and a thermometer")
def _heat(p: Pen, big: bool) -> None:
    for i in range(8):
        a = math.radians(i * 45 + 22.5)
        p.line((13 + math.cos(a) * 9.2, 13 + math.sin(a) * 9.2), (13 + math.cos(a) * 12, 13 + math.sin(a) * 12), ORANGE, 1.8)
    p.layer()
    p.circle(13, 13, 6.8, YELLOW)
    p.circle(11, 11, 2.5, shade(YELLOW, 24))
    p.layer()
    p.rect(22, 9, 5, 16, PAPER, radius=2.5)  # thermometer
    p.circle(24.5, 26, 3.6, PAPER)
    p.layer(outline=False)
    p.rect(23.4, 13, 2.2, 13, RED, radius=1.1)
    p.circle(24.5, 26, 2.5, RED)


@icon("rain", "Rain: a cloud with rain drops")
def _rain(p: Pen, big: bool) -> None:
    for x, y in ((8, 22), (15, 24), (22, 22), (11.5, 27.5), (18.5, 28.5)):
        p.line((x + 1.4, y - 2.5), (x, y), BLUE_L, 1.9)
    p.layer()
    p.circle(11, 13, 5.5, GREY_L)
    p.circle(18.5, 10.5, 7, GREY_L)
    p.circle(24.5, 14, 4.8, GREY_L)
    p.rect(6, 12.5, 23, 6, GREY_L, radius=3)
    p.circle(16.5, 8.5, 3, shade(GREY_L, 28))


@icon("funding", "Funding: a banknote and coins")
def _funding(p: Pen, big: bool) -> None:
    p.rect(2, 4.5, 22, 13, (122, 168, 112), radius=1.2)
    p.rect(2, 4.5, 22, 13, (94, 140, 88), radius=1.2, width=1.4)
    p.circle(13, 11, 3.6, (150, 190, 136))
    p.layer()
    for i in range(3):  # coin stack
        y = 25 - i * 3.2
        p.ellipse(13, y, 14, 5, shade(YELLOW, -36))
        p.rect(13, y - 1.7 + 2.5, 14, 1.8, shade(YELLOW, -36))
    p.ellipse(13, 15.2, 14, 5, YELLOW)
    p.ellipse(16, 16.2, 8, 2.6, shade(YELLOW, -30))
    p.ellipse(14.6, 15.7, 4, 1.4, shade(YELLOW, 26))


@icon("qa", "Quality assurance: an approval seal with a check")
def _qa(p: Pen, big: bool) -> None:
    p.poly([(10, 17), (6.5, 29.5), (10.5, 27.5), (13.5, 30)], BLUE)  # ribbon tails
    p.poly([(22, 17), (25.5, 29.5), (21.5, 27.5), (18.5, 30)], BLUE)
    p.layer()
    pts = []
    for i in range(24):  # scalloped seal
        a = math.radians(i * 15)
        r = 12.4 if i % 2 == 0 else 11
        pts.append((16 + r * math.cos(a), 13.5 + r * math.sin(a)))
    p.poly(pts, BLUE)
    p.circle(16, 13.5, 8.4, PAPER)
    p.layer(outline=False)
    p.path([(11.5, 13.8), (14.8, 17.0), (20.8, 10)], GREEN, 2.6)


@icon("cancel", "Cancel: land released by non-technical survey (a check over land)")
def _cancel(p: Pen, big: bool) -> None:
    field(p, SAND)
    p.layer()
    p.path([(6.5, 12.5), (13.2, 19.5), (26.5, 3.5)], GREEN, 4.0)
    p.layer(outline=False)
    p.path([(7.5, 12.6), (13.2, 18.4)], shade(GREEN, 26), 1.0)


@icon("reduce", "Reduce: land released by technical survey (the suspected area shrinks)")
def _reduce(p: Pen, big: bool) -> None:
    p.rect(2.5, 2.5, 27, 27, (150, 196, 120), radius=2)  # released land
    p.layer(outline=False)
    for i in range(7):  # dashed old boundary
        t = 2.5 + i * 4
        for a, b in (((t, 2.5), (t + 2, 2.5)), ((29.5, t), (29.5, t + 2)), ((t, 29.5), (t + 2, 29.5)), ((2.5, t), (2.5, t + 2))):
            p.line(a, b, RED, 1.2)
    p.layer()
    p.rect(11, 11, 10, 10, RED, radius=1)  # the remaining suspected area
    p.rect(12, 12, 3, 3, shade(RED, 30), radius=1)
    p.layer(outline=False)
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):  # arrows pointing in
        tip = (16 + sx * 6.8, 16 + sy * 6.8)
        tail = (16 + sx * 11.5, 16 + sy * 11.5)
        p.line(tail, tip, INK, 1.2)
        p.poly([tip, (tip[0] + sx * 3.2, tip[1]), (tip[0], tip[1] + sy * 3.2)], INK)


@icon("clear", "Clear: land fully cleared (swept lanes and a detector)")
def _clear(p: Pen, big: bool) -> None:
    pts = [(7, 15), (30, 15), (25, 29.5), (2, 29.5)]
    p.poly(pts, (150, 196, 120))
    for i in range(0, 6, 2):  # swept lanes, like a mown field
        a, b = 7 + i * 23 / 6, 7 + (i + 1) * 23 / 6
        p.poly([(a, 15), (b, 15), (b - 5, 29.5), (a - 5, 29.5)], (128, 178, 100))
    p.layer()
    p.line((14, 21), (25, 3.5), STEEL, 1.4)  # detector pole
    p.rect(23.3, 2.2, 3.6, 4.5, BLUE, radius=1)  # grip
    p.layer()
    p.ellipse(8, 19.2, 12, 4.6, OCHRE)
    p.ellipse(9.8, 19.8, 5, 1.5, shade(OCHRE, 30))
    p.layer(outline=False)
    for r in (7.5, 10):
        p.arc(14, 21.5, r, 150, 175, PAPER, 1.0, 8)
        p.arc(14, 21.5, r, 5, 30, PAPER, 1.0, 8)


# ------------------------------------------------------------------ output


def render(name: str, size: int) -> np.ndarray:
    _, fn = ICONS[name]
    pen = Pen(size)
    fn(pen, size >= 64)
    return pen.finish()


def contact_sheet(images: dict[str, dict[int, np.ndarray]]) -> np.ndarray:
    """All icons: the 32 px icon at 2x on a light and a dark tile, the 64 px icon, and its name."""
    cols = 4
    cell_w, cell_h = 232, 96
    names = list(images)
    rows = (len(names) + cols - 1) // cols
    sheet = pygame.Surface((cols * cell_w, rows * cell_h))
    sheet.fill((58, 56, 54))
    font = pygame.font.Font(str(FONT), 13)
    light, dark = (196, 188, 160), (44, 58, 40)
    for i, name in enumerate(names):
        x0, y0 = (i % cols) * cell_w, (i // cols) * cell_h
        sheet.fill((74, 72, 68), (x0 + 2, y0 + 2, cell_w - 4, cell_h - 4))
        for j, bg in enumerate((light, dark)):
            r = pygame.Rect(x0 + 6 + j * 72, y0 + 6, 68, 68)
            sheet.fill(bg, r)
            img = _surface(images[name][32])
            sheet.blit(pygame.transform.scale_by(img, 2), (r.x + 2, r.y + 2))
        r = pygame.Rect(x0 + 150, y0 + 6, 68, 68)
        sheet.fill(GRASS, r)
        sheet.blit(_surface(images[name][64]), (r.x + 2, r.y + 2))
        label = font.render(name, True, (236, 232, 222))
        sheet.blit(label, (x0 + 8, y0 + 76))
    arr = pygame.surfarray.array3d(sheet).transpose(1, 0, 2)
    out = np.full(arr.shape[:2] + (4,), 255, np.uint8)
    out[..., :3] = arr
    return out


def _surface(rgba: np.ndarray) -> pygame.Surface:
    h, w, _ = rgba.shape
    return pygame.image.frombuffer(np.ascontiguousarray(rgba).tobytes(), (w, h), "RGBA").copy()


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else OUT
    pygame.font.init()
    images: dict[str, dict[int, np.ndarray]] = {}
    for name in ICONS:
        images[name] = {}
        for size in SIZES:
            rgba = render(name, size)
            images[name][size] = rgba
            write_png(out / str(size) / f"{name}.png", rgba)
    index = {name: desc for name, (desc, _) in ICONS.items()}
    (out / "index.json").write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if "--no-sheet" not in argv:
        write_png(out / "sheet.png", contact_sheet(images))
    print(f"wrote {len(ICONS)} icons at {SIZES} px to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
