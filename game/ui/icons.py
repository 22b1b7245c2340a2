"""The game's icons (``assets/icons/32`` and ``64``), loaded once and scaled once per size.

:func:`icon` gives the picture called ``name`` at ``size`` pixels: drawn from
the 32 px set up to 32 px and from the 64 px set above (so a 2x UI scale gets
the crisp large art), smooth-scaled once and cached. A missing file gives
None, and callers draw their plain shape instead, so a broken asset folder
never stops the game.
"""

from __future__ import annotations

import json

import pygame

from game.paths import assets_dir

_sources: dict[tuple[str, int], pygame.Surface | None] = {}
_scaled: dict[tuple[str, int], pygame.Surface | None] = {}

#: The icon of each kind of news event (the simulation's event kinds).
EVENT_ICONS = {
    "find": "find", "accident": "accident", "incident": "civilian_incident", "evidence": "evidence",
    "funding": "funding", "survey_done": "nts", "technical_survey_done": "technical_survey",
    "clearance_done": "clear", "marking_done": "marking_sign", "education_done": "eore",
    "quality_assurance_done": "qa", "indication": "dog", "machine_damaged": "machine", "returnees": "village",
    "message": "community_report", "level_start": "team_base", "level_end": "team_base",
}
#: The icon of each weather kind (kinds without art use none).
WEATHER_ICONS = {"heat": "heat", "rain": "rain", "storm": "rain"}


def names() -> tuple[str, ...]:
    """Every icon the asset index lists."""
    try:
        return tuple(json.loads((assets_dir() / "icons" / "index.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ()


def _source(name: str, base: int) -> pygame.Surface | None:
    key = (name, base)
    if key not in _sources:
        path = assets_dir() / "icons" / str(base) / f"{name}.png"
        try:
            img = pygame.image.load(str(path))
            _sources[key] = img.convert_alpha() if pygame.display.get_surface() is not None else img
        except (OSError, pygame.error, FileNotFoundError):
            _sources[key] = None
    return _sources[key]


def icon(name: str, size: int) -> pygame.Surface | None:
    """The icon ``name`` at ``size`` x ``size`` pixels (cached), or None if there is no such icon."""
    size = max(4, int(size))
    key = (name, size)
    if key in _scaled:
        return _scaled[key]
    base = 32 if size <= 32 else 64
    src = _source(name, base) or _source(name, 96 - base)
    out = None
    if src is not None:
        out = src if src.get_width() == size else pygame.transform.smoothscale(src, (size, size))
    _scaled[key] = out
    if len(_scaled) > 512:
        _scaled.pop(next(iter(_scaled)))
    return out


def event_icon(kind: str, data: dict | None = None) -> str | None:
    """The icon name for a news event of ``kind`` (weather by its kind), or None."""
    if kind == "weather":
        return WEATHER_ICONS.get(str((data or {}).get("weather", "")), None)
    if kind == "evidence" and data and "zone" in data:
        return "community_report"
    return EVENT_ICONS.get(kind)


def reset() -> None:
    """Forget loaded icons (they belong to one display; a new App starts clean)."""
    _sources.clear()
    _scaled.clear()
