"""The default catalogue (teams, tasks, ordnance, terrain, safety, civilians,
score weights) and how a level's overrides merge into it.

The numbers live in ``defaults.yaml`` beside this file, with their sources;
code reads them from the merged dictionary a level carries, never from
constants of its own.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import yaml

from game.paths import CATALOGUE_DIR

DEFAULTS_FILE = CATALOGUE_DIR / "defaults.yaml"


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    with open(DEFAULTS_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_defaults() -> dict[str, Any]:
    """A fresh, mutable copy of the default catalogue."""
    return copy.deepcopy(_defaults())


def merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``overrides`` laid over it, key by key, recursively (new dict)."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def team_types() -> tuple[str, ...]:
    return tuple(_defaults()["teams"])


def ordnance_kinds() -> tuple[str, ...]:
    return tuple(_defaults()["ordnance"])


def terrain_names() -> tuple[str, ...]:
    return tuple(_defaults()["terrain"])
