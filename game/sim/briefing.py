"""What a player is told before a level starts: the public part of a scenario.

A :class:`Briefing` is all a scripted player (and the window's briefing
screen) may know of a level: the map (terrain, zones, villages, features,
bases), the villages (not when families come home: only the briefing text says that), the teams, the budget and
days, the objectives, the catalogue's rates, and the scrap metal that can be
seen on the ground. It holds no reference to the scenario: the hidden items,
where they were generated, the seed that places them, the level's file and
its scripted events (a funding cut on day 60 is news on day 60) are left out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.level.model import LevelSpec, MapData, Scenario, Village


@dataclass(frozen=True, slots=True)
class Briefing:
    """The public level: ``level`` is the level spec without its truth, seed, path or scripted events."""

    level: LevelSpec
    map: MapData
    villages: tuple[Village, ...]

    @property
    def catalogue(self) -> dict[str, Any]:
        return self.level.catalogue

    @classmethod
    def of(cls, scenario: Scenario) -> "Briefing":
        # when families come home is what the briefing's words announce, not the level's schedule, which
        # may differ (returnees arriving early is news a student learns on the day): no scripted player
        # reads it
        level = dataclasses.replace(
            scenario.level, path=Path(scenario.level.path.name), seed=0, placed_items=(), item_fields=(),
            events=(), catalogue=_copy(scenario.level.catalogue),
            villages=tuple(dataclasses.replace(v, returnees=()) for v in scenario.level.villages))
        villages = tuple(dataclasses.replace(v, returnees=()) for v in scenario.villages)
        return cls(level=level, map=scenario.map, villages=villages)


def _copy(value: Any) -> Any:
    """A deep copy of the catalogue, so a player cannot change the rules the simulation reads."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
