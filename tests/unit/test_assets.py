"""The generated art and sounds: present, well-formed, calm, and reproducible.

The files under assets/icons and assets/sounds are made by tools/make_icons.py
and tools/make_sounds.py; these tests check the committed files and that the
scripts regenerate them byte for byte.
"""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "assets" / "icons"
SOUNDS = ROOT / "assets" / "sounds"
SOUND_NAMES = ("find", "order", "alert", "report", "reject", "day", "success", "accident")


def _index() -> dict[str, str]:
    return json.loads((ICONS / "index.json").read_text(encoding="utf-8"))


def _rgba(path: Path) -> np.ndarray:
    surf = pygame.image.load(str(path))
    rgb = pygame.surfarray.array3d(surf).transpose(1, 0, 2)
    alpha = pygame.surfarray.array_alpha(surf).T
    return np.dstack([rgb, alpha])


def test_index_lists_the_required_icons():
    index = _index()
    required = {
        "nts", "technical_survey", "manual", "dog", "machine", "eore",
        "ap_blast", "ap_frag", "at", "uxo",
        "evidence", "community_report", "find", "false_alarm", "marking_sign", "fence", "village",
        "school", "well", "clinic", "water_point", "market", "road", "team_base", "accident",
        "civilian_incident", "heat", "rain", "funding", "qa", "cancel", "reduce", "clear",
    }
    assert required <= set(index)
    assert all(isinstance(d, str) and d for d in index.values())


@pytest.mark.parametrize("size", [32, 64])
def test_every_icon_exists_with_content(size):
    for name in _index():
        path = ICONS / str(size) / f"{name}.png"
        assert path.is_file(), path
        img = _rgba(path)
        assert img.shape == (size, size, 4), (name, img.shape)
        opaque = img[..., 3] > 200
        assert opaque.mean() > 0.15, f"{name} at {size} px is nearly empty"
        assert img[..., 3].min() == 0, f"{name} at {size} px has no transparent margin"
        # not a single flat colour: there is a drawing in there
        assert len(np.unique(img[opaque][:, :3], axis=0)) > 8, name


@pytest.mark.parametrize("size", [32, 64])
def test_marking_sign_is_mostly_red(size):
    img = _rgba(ICONS / str(size) / "marking_sign.png").astype(int)
    # the inner part of the (point-down) triangle, shrunk away from the border
    k = size / 32
    ys, xs = np.mgrid[0:size, 0:size]
    u, v = (xs + 0.5) / k, (ys + 0.5) / k
    top, apex = 5.0, 25.0
    half = 11.0 * (apex - v) / (apex - top)
    inside = (v > top) & (v < apex) & (np.abs(u - 16) < half)
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    red = (r > 150) & (r - g > 80) & (r - b > 80)
    assert red[inside].mean() > 0.5


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_sound_is_short_calm_mono_wav(name):
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as w:
        assert w.getnchannels() == 1
        assert w.getsampwidth() == 2
        rate = w.getframerate()
        assert rate == 22050
        frames = w.readframes(w.getnframes())
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0
    assert 0 < len(samples) / rate < 1.5
    peak = np.abs(samples).max()
    assert 0.01 < peak < 0.71  # audible, and below -3 dBFS
    # soft edges: no click at the start or the end
    assert abs(samples[0]) < 0.01 and abs(samples[-1]) < 0.01


def _pixels(path):
    import numpy as np
    import pygame

    return np.asarray(pygame.surfarray.array3d(pygame.image.load(str(path))), dtype=np.float64)


def test_scripts_reproduce_the_committed_files(tmp_path):
    """Sounds and the index are reproduced byte for byte; images to within a font renderer's rounding."""
    for script, out in (("make_icons.py", tmp_path / "icons"), ("make_sounds.py", tmp_path / "sounds")):
        subprocess.run([sys.executable, str(ROOT / "tools" / script), str(out)], check=True,
                       capture_output=True, timeout=60)
    for committed, fresh in ((ICONS, tmp_path / "icons"), (SOUNDS, tmp_path / "sounds")):
        made = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
        have = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
        assert made == have
        for rel in made:
            if rel.suffix == ".png":  # text is drawn by freetype, whose versions may round differently
                diff = abs(_pixels(fresh / rel) - _pixels(committed / rel)).mean()
                assert diff < 2.0, f"{rel} differs: re-run tools/"
            else:
                assert (fresh / rel).read_bytes() == (committed / rel).read_bytes(), f"{rel} differs: re-run tools/"
