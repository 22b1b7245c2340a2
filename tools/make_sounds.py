"""Synthesise the game's sounds: assets/sounds/*.wav (16-bit mono, 22050 Hz).

Calm, short interface sounds made from a few sine partials with soft attacks
and smooth decays: no noise bursts and nothing that resembles an explosion,
even for the accident cue. Each file is shorter than 1.5 s and normalised to a
peak of PEAK (about -4.4 dBFS, below the -3 dBFS ceiling). Synthesis is pure
numpy with no randomness, and the stdlib ``wave`` writer adds no timestamps,
so re-running gives byte-identical files.

    python tools/make_sounds.py            # writes assets/sounds/
    python tools/make_sounds.py OUT_DIR    # writes OUT_DIR/*.wav
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "sounds"
RATE = 22050
PEAK = 0.6  # full scale = 1.0; 0.6 is about -4.4 dBFS


def note_hz(name: str) -> float:
    """'A4' -> 440.0 (equal temperament)."""
    steps = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}
    semis = steps[name[0]]
    rest = name[1:]
    if rest.startswith("#"):
        semis, rest = semis + 1, rest[1:]
    elif rest.startswith("b"):
        semis, rest = semis - 1, rest[1:]
    return 440.0 * 2 ** ((semis + 12 * (int(rest) - 4)) / 12)


def timeline(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * RATE))


def envelope(n: int, attack: float, decay: float, release: float = 0.02) -> np.ndarray:
    """Raised-cosine attack, exponential decay (time constant `decay` s), cosine fade at the end."""
    t = np.arange(n) / RATE
    env = np.exp(-np.maximum(t - attack, 0.0) / decay)
    a = int(attack * RATE)
    if a > 0:
        env[:a] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(a) / a)
    r = min(n, int(release * RATE))
    if r > 0:
        env[n - r:] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(r) / r)
    return env


def tone(freq: float, seconds: float, partials=((1, 1.0),), attack=0.01, decay=0.3, release=0.03,
         vibrato: float = 0.0) -> np.ndarray:
    """A sum of sine partials (multiple, weight) under one envelope; higher partials fade faster."""
    n = round(seconds * RATE)
    t = np.arange(n) / RATE
    phase = 2 * np.pi * freq * t
    if vibrato:
        phase = phase + vibrato * np.sin(2 * np.pi * 5.0 * t)
    out = np.zeros(n)
    for mult, weight in partials:
        fade = np.exp(-t * (mult - 1) * 3.0)  # upper partials die away sooner: a soft, rounded timbre
        out += weight * fade * np.sin(mult * phase)
    return out * envelope(n, attack, decay, release)


def place(track: np.ndarray, sound: np.ndarray, at: float, gain: float = 1.0) -> None:
    i = round(at * RATE)
    j = min(len(track), i + len(sound))
    track[i:j] += gain * sound[: j - i]


def finish(track: np.ndarray, peak: float = PEAK) -> np.ndarray:
    """Normalise to `peak` and add a short fade at both ends (no clicks)."""
    track = track - track.mean()
    fade = min(len(track) // 4, int(0.004 * RATE))
    ramp = 0.5 - 0.5 * np.cos(np.pi * np.arange(fade) / fade)
    track[:fade] *= ramp
    track[len(track) - fade:] *= ramp[::-1]
    return track * (peak / np.max(np.abs(track)))


BELL = ((1, 1.0), (2, 0.28), (3, 0.08), (4.2, 0.04))
SOFT = ((1, 1.0), (2, 0.18), (3, 0.05))

# ------------------------------------------------------------------ sounds


def find() -> np.ndarray:
    """A gentle two-note chime (rising fourth)."""
    tr = timeline(1.1)
    place(tr, tone(note_hz("E5"), 0.9, BELL, attack=0.006, decay=0.28), 0.0)
    place(tr, tone(note_hz("A5"), 0.95, BELL, attack=0.006, decay=0.32), 0.14)
    return finish(tr)


def order() -> np.ndarray:
    """A soft click / confirm: a short rounded blip with a warm body."""
    tr = timeline(0.14)
    place(tr, tone(1320, 0.06, SOFT, attack=0.002, decay=0.012, release=0.01), 0.0, 0.6)
    place(tr, tone(660, 0.13, SOFT, attack=0.003, decay=0.03, release=0.02), 0.0)
    return finish(tr, PEAK * 0.8)


def alert() -> np.ndarray:
    """A calm two-tone alert (falling then rising, like a soft door chime)."""
    tr = timeline(0.95)
    place(tr, tone(note_hz("A5"), 0.5, SOFT, attack=0.02, decay=0.16), 0.0)
    place(tr, tone(note_hz("E5"), 0.6, SOFT, attack=0.02, decay=0.2), 0.28)
    return finish(tr)


def report() -> np.ndarray:
    """A soft notification: two quick, quiet notes."""
    tr = timeline(0.65)
    place(tr, tone(note_hz("G5"), 0.35, BELL, attack=0.005, decay=0.09), 0.0, 0.8)
    place(tr, tone(note_hz("D6"), 0.5, BELL, attack=0.005, decay=0.14), 0.08)
    return finish(tr, PEAK * 0.85)


def reject() -> np.ndarray:
    """A low, soft buzz: odd harmonics of a low note, rounded and short."""
    tr = timeline(0.42)
    buzz = ((1, 1.0), (3, 0.3), (5, 0.12), (7, 0.05))
    place(tr, tone(146.8, 0.4, buzz, attack=0.025, decay=0.25, release=0.08, vibrato=0.15), 0.0)
    return finish(tr, PEAK * 0.7)  # low buzzes carry more energy: keep it quieter


def day() -> np.ndarray:
    """A very subtle tick (a new day)."""
    tr = timeline(0.09)
    place(tr, tone(1760, 0.05, ((1, 1.0),), attack=0.001, decay=0.008, release=0.01), 0.0)
    place(tr, tone(880, 0.08, ((1, 1.0),), attack=0.002, decay=0.015, release=0.02), 0.0, 0.5)
    return finish(tr, 0.3)


def success() -> np.ndarray:
    """A small rising arpeggio (major triad up to the octave)."""
    tr = timeline(1.25)
    for i, n in enumerate(("C5", "E5", "G5", "C6")):
        last = i == 3
        place(tr, tone(note_hz(n), 0.95 if last else 0.5, BELL, attack=0.006, decay=0.3 if last else 0.14),
              i * 0.09, 1.0 if last else 0.8)
    return finish(tr)


def accident() -> np.ndarray:
    """A sober, low, calm tone: a soft low fifth that swells and fades. No blast, no noise."""
    tr = timeline(1.4)
    place(tr, tone(note_hz("D3"), 1.38, SOFT, attack=0.12, decay=0.55, release=0.3), 0.0)
    place(tr, tone(note_hz("A3"), 1.3, SOFT, attack=0.15, decay=0.5, release=0.3), 0.05, 0.55)
    place(tr, tone(note_hz("D4"), 1.2, ((1, 1.0),), attack=0.2, decay=0.4, release=0.3), 0.1, 0.2)
    return finish(tr)


SOUNDS = {
    "find": find,
    "order": order,
    "alert": alert,
    "report": report,
    "reject": reject,
    "day": day,
    "success": success,
    "accident": accident,
}


def write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = np.round(np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    for name, fn in SOUNDS.items():
        write_wav(out / f"{name}.wav", fn())
    print(f"wrote {len(SOUNDS)} sounds to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
