"""The window's handle on a run: a :class:`~game.run.session.Session` plus what only drawing needs.

The run itself (orders, days, the run record, estimates, the score) lives in
the session (game/run); this module adds what the window needs to draw and
take input: where to draw a team, which zones a click can pick, the order
kinds of the action bar, and the answers to orders in words (game/text).
The UI never changes simulation state itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game import sim as _sim
from game.run.record import RunRecord
from game.run.session import Session
from game.sim.grid import area_mask
from game import text
from game.text.orders import outcome_text

#: What the player can order: kind -> (needs a team that works on..., needs an area, command class name).
ACTIONS: dict[str, tuple[str | None, bool, str]] = {
    "survey": ("survey", True, "Survey"),
    "technical_survey": ("technical_survey", True, "TechnicalSurvey"),
    "clear": ("clearance", True, "Clear"),
    "mark": (None, True, "Mark"),
    "educate": ("village", True, "Educate"),
    "cancel": (None, True, "Cancel"),
    "confirm": (None, True, "Confirm"),
    "quality_assurance": (None, True, "QualityAssurance"),
}


@dataclass(frozen=True, slots=True)
class Answer:
    """The simulation's answer to an order: accepted, and why (or why not) as a code worded when read,
    so a message kept on screen follows a language change."""

    accepted: bool
    code: str = ""
    params: Any = None
    names: Any = None
    team: str | None = None

    @property
    def reason(self) -> str:
        """Why (or why not), in the words of the language in use ("" when there is nothing to say)."""
        return outcome_text(self.code, self.params or {}, self.names) if self.names is not None else ""


class GameLink:
    """One running level as the window sees it."""

    def __init__(self, session: Session, level_path: Path):
        self.session = session
        text.use_level(session.scenario.level)  # the level's own translations, while it is open
        self.scenario = session.scenario
        self.level_path = Path(level_path)
        self.names = session.names
        self._catalogue = self.scenario.level.catalogue
        self._bases = {o.name: o.centre_cell for o in self.scenario.map.objects_of("team_base")}
        m = self.scenario.map
        self._first_base = next(iter(self._bases.values()), (m.width // 2, m.height // 2))
        self._centres = {o.name: o.centre_cell for o in m.objects}  # centre cells, computed once
        self._area_names: dict = {}
        self._zone_index = None  # game.run.zones.ZoneIndex, prepared on first use

    @classmethod
    def open(cls, level_path: Path, seed: int | None = None, fresh_seed: bool = False,
             player: dict[str, str] | None = None, policy: str | None = None) -> "GameLink":
        return cls(Session.start(level_path, seed=seed, fresh_seed=fresh_seed, player=player, policy=policy),
                   level_path)

    @classmethod
    def resume(cls, record: RunRecord, level_path: Path) -> "GameLink":
        """A saved game rebuilt on its level (game.run.session.ResumeError if it no longer replays)."""
        return cls(Session.resume(record, level_path), level_path)

    def close(self) -> None:
        self.session.close()

    # -------------------------------------------------------------- reading

    @property
    def view(self):
        return self.session.view()

    @property
    def level(self):
        return self.scenario.level

    @property
    def seed(self) -> int:
        return self.session.seed

    @property
    def day(self) -> int:
        return self.session.day

    @property
    def ended(self) -> bool:
        return self.session.ended

    @property
    def accepted(self) -> list[dict[str, Any]]:
        """The accepted orders so far (``to_dict`` form)."""
        return [_sim.to_dict(c.command) for c in self.session.record().commands if c.outcome.accepted]

    def refresh(self) -> None:
        """Nothing to do: the session's view is always current (kept for the scenes' calls)."""

    def teams(self):
        """Deployed teams, in the order number keys select them."""
        return [t for t in self.view.teams if t.deployed]

    def team_works_on(self, team_type: str) -> str:
        return str(self._catalogue["teams"].get(team_type, {}).get("works_on", ""))

    def team_type_name(self, team_type: str) -> str:
        return self.names.team_type(team_type)

    def team_name(self, team_id: str) -> str:
        """A team as the player reads it ("Clearance team 2")."""
        return self.names.team(team_id)

    def terrain_name(self, index: int) -> str:
        names = self.scenario.map.terrain_names
        return self.names.terrain(names[index] if 0 <= index < len(names) else "")

    def area_name(self, area: Any) -> str:
        """An order's area in words ("North field", "part of North field"), worked out once per area and language."""
        key = (text.language(), tuple(area) if isinstance(area, list) else area)
        name = self._area_names.get(key)
        if name is None:
            name = self._area_names[key] = self.names.area(area)
            if len(self._area_names) > 4096:
                self._area_names.clear()
        return name

    def item_name(self, kind: str) -> str:
        return self.names.item_title(kind)

    def area_cells(self, area: Any) -> np.ndarray | None:
        """The bool mask of an area (zone name or (x, y, w, h)), or None."""
        return area_mask(self.scenario, area)[0]

    def team_cell(self, team) -> tuple[int, int]:
        """Where to draw a team: the centre of its task area, else its base."""
        area = team.task_area
        if isinstance(area, str) and area in self._centres:
            return self._centres[area]
        if isinstance(area, (list, tuple)) and len(area) == 4:
            x, y, w, h = (int(v) for v in area)
            return (x + w // 2, y + h // 2)
        return self._bases.get(team.base, self._first_base)

    def zone_states(self) -> dict:
        """Each suspected area's state as the player knows it (game.run.zones.ZoneState by zone name)."""
        if self._zone_index is None:
            from game.run.zones import ZoneIndex

            buffer = int(float(self._catalogue["survey"]["evidence_offset_m"]) // self.scenario.level.cell_size_m) + 1
            m = self.scenario.map
            self._zone_index = ZoneIndex(m.objects_of("suspected_area"), m.height, m.width, buffer)
        return self._zone_index.states(self.view)

    def zones(self) -> list:
        """Map objects an order can name: suspected areas first, then villages and features."""
        order = {"suspected_area": 0, "village": 1, "feature": 2}
        objs = [o for o in self.scenario.map.objects if o.kind in order]
        return sorted(objs, key=lambda o: (order[o.kind], o.name))

    # -------------------------------------------------------------- orders

    def make_order(self, kind: str, team: str | None, area: Any) -> Any:
        """The simulation command for an order of ``kind`` on ``area`` given today."""
        cls = getattr(_sim, ACTIONS[kind][2])
        if kind == "educate":
            return cls(day=self.day, team=team, village=str(area))
        if ACTIONS[kind][0] is None:
            return cls(day=self.day, area=area)
        return cls(day=self.day, team=team, area=area)

    @staticmethod
    def order_of(cmd: Any) -> tuple[str, Any]:
        """The UI's action name and the area of a command (``hire``, ``end_level``... for the others)."""
        name = type(cmd).__name__
        for kind, (_works_on, _area, cls_name) in ACTIONS.items():
            if cls_name == name:
                area = getattr(cmd, "village", None) if kind == "educate" else getattr(cmd, "area", None)
                return kind, tuple(area) if isinstance(area, list) else area
        other = {"Hire": "hire", "EndLevel": "end_level", "Stop": "stop", "SetPace": "pace"}
        return other.get(name, name.lower()), None

    def submit(self, cmd: Any) -> Answer:
        """Send one order to the run; the answer in the player's words."""
        outcome = self.session.apply(cmd)
        return Answer(bool(outcome.accepted), outcome.code, dict(outcome.params), self.names, outcome.team)

    def hire(self, team_type: str) -> Answer:
        return self.submit(_sim.Hire(day=self.day, team_type=team_type))

    def stop(self, team: str) -> Answer:
        return self.submit(_sim.Stop(day=self.day, team=team))

    def set_pace(self, team: str, pace: str) -> Answer:
        return self.submit(_sim.SetPace(day=self.day, team=team, pace=pace))

    def end_level(self) -> Answer:
        return self.submit(_sim.EndLevel(day=self.day))

    def step_day(self) -> None:
        """Run one simulated day."""
        self.session.step()

    def estimate(self, kind: str, team: str | None, area: Any):
        """The preview of an order (game.run.estimate.Estimate), or None when its area is not one."""
        if area is None:
            return None
        return self.session.estimate(self.make_order(kind, team, area))

    # ----------------------------------------------------------- debrief

    def truth(self):
        """The hidden world (items, what happened to them); only once the level has ended."""
        return self.session.truth() if self.ended else None

    def score_card(self):
        """The score card of an ended level (game.scoring.ScoreCard)."""
        return self.session.score()

    # ------------------------------------------------------------- policies

    def policy(self, name: str):
        """A scripted player by name, told only the briefing; ``decide()`` gives today's orders. None if
        there is none."""
        from game.policies import make_policy

        try:
            return make_policy(name, self.session.briefing)
        except KeyError:
            return None
