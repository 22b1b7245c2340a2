"""The catalogue's numbers, arranged for fast use by the processors.

Everything comes from ``scenario.level.catalogue`` (defaults merged with the
level's overrides); nothing here invents a number.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.level.model import Scenario

class Rules:
    """Catalogue lookups for one scenario: team figures, terrain multipliers, detection by kind."""

    def __init__(self, scenario: Scenario):
        self.catalogue: dict[str, Any] = scenario.level.catalogue
        self.teams: dict[str, dict[str, Any]] = self.catalogue["teams"]
        self.item_kinds = scenario.item_kinds
        self._terrain_names = scenario.map.terrain_names
        self._multipliers: dict[str, np.ndarray] = {}
        ordnance = self.catalogue["ordnance"]
        self.person_triggers = np.array(["person" in ordnance.get(k, {}).get("triggered_by", ["person"])
                                         for k in self.item_kinds], dtype=bool)
        self.is_anti_vehicle = np.array([ordnance.get(k, {}).get("class") == "at" for k in self.item_kinds],
                                        dtype=bool)
        self._low_metal = {k: ordnance.get(k, {}).get("metal") == "low" for k in self.item_kinds}
        terrain = self.catalogue["terrain"]
        self._magnetic = [bool(terrain.get(name, {}).get("magnetic_soil", False)) for name in self._terrain_names]

    def team(self, team_type: str) -> dict[str, Any]:
        return self.teams[team_type]

    def terrain_multiplier(self, team_type: str) -> np.ndarray:
        """Speed multiplier per terrain index for a team type (1 where terrain does not matter)."""
        if team_type not in self._multipliers:
            column = self.teams[team_type].get("terrain_speed")
            terrain = self.catalogue["terrain"]
            values = [float(terrain.get(name, {}).get(column, 1.0)) if column else 1.0
                      for name in self._terrain_names]
            self._multipliers[team_type] = np.array(values or [1.0], dtype=np.float64)
        return self._multipliers[team_type]

    def p_detect(self, team_type: str, kind: str, terrain_index: int) -> float:
        """Probability that a team of this type detects an item of ``kind`` on this terrain.

        A low-metal item in magnetic soil is found with the team's
        ``detection_low_metal_magnetic_soil`` instead, when that is lower.
        """
        team = self.teams[team_type]
        p = float(team.get("detection", {}).get(kind, 1.0))
        if self._low_metal.get(kind) and 0 <= terrain_index < len(self._magnetic) and self._magnetic[terrain_index]:
            p = min(p, float(team.get("detection_low_metal_magnetic_soil", p)))
        return p

    def false_alarm_m2(self, team_type: str) -> float:
        """Open-ground m2 of work one scrap signal costs a detector team (0 if it has no detectors)."""
        t = self.teams[team_type]
        if "false_alarm_minutes" not in t:
            return 0.0
        minutes_a_day = float(t["deminers"]) * float(t["field_hours_per_day"]) * 60.0
        return float(t["false_alarm_minutes"]) * float(t["rate_m2_per_day"]) / minutes_a_day

    def pace_factor(self, pace: str, what: str) -> float:
        """Speed, accident or miss factor of a pace ("sop" is 1)."""
        if pace != "rushed":
            return 1.0
        return float(self.catalogue["safety"][f"rushed_{what}_factor"])

    def weather(self, kind: str) -> dict[str, Any]:
        return self.catalogue["weather"].get(kind, self.catalogue["weather"]["clear"])
