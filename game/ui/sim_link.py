"""The one door between the UI and the simulation.

Every call into ``game.sim``, ``game.policies`` and ``game.scoring`` is made
here, so a change of the simulation's API is a change of this one file. The
UI reads :attr:`GameLink.view` (the player's knowledge, refreshed after each
order and each day) and sends orders with :meth:`GameLink.submit`; it never
changes simulation state itself.

Order kinds are the UI's names (``ACTIONS``); :meth:`GameLink.make_order`
turns a kind, a team and an area into the simulation's command dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.level import load_scenario
from game.level.model import LAND_STATUSES, Scenario
from game import sim as _sim

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
STATUS_CODES = {name: code for code, name in enumerate(LAND_STATUSES)}


@dataclass(frozen=True, slots=True)
class Answer:
    """The simulation's answer to an order: accepted, and why (or why not)."""

    accepted: bool
    reason: str = ""
    team: str | None = None


@dataclass(frozen=True, slots=True)
class Estimate:
    """What an order would cost and roughly how long it would take (before confirming)."""

    cells: int
    area_m2: float
    cost_usd: float
    days: float | None  # None when it does not take days (cancel, confirm)
    note: str = ""


@dataclass
class Card:
    """The debrief's score card: grade, released area by kind, safety, money, objectives, daily series."""

    grade: str
    total: float
    best: float
    released: dict[str, float]  # cancelled, reduced, cleared, total (m2)
    items_found: int
    items_left_released: int
    items_left_total: int
    deminers: dict[str, int]  # injured, killed
    civilians: dict[str, int]
    casualties: int
    spent_usd: float
    budget_left_usd: float
    cost_per_m2: float | None
    objectives: list[tuple[str, bool]]
    points: dict[str, float]
    series: dict[str, tuple]
    end_reason: str


class GameLink:
    """One running level: the simulation, the player's view of it and the orders given."""

    def __init__(self, scenario: Scenario, level_path: Path, seed: int | None = None):
        self.scenario = scenario
        self.level_path = Path(level_path)
        self.seed = int(scenario.seed if seed is None else seed)
        self._sim = _sim.Simulation(scenario, self.seed)
        self.accepted: list[dict[str, Any]] = []  # accepted orders, to_dict form (the saved game)
        self.view = self._sim.view()
        self._catalogue = scenario.level.catalogue
        self._bases = self._team_bases()
        self._centres = {o.name: o.centre_cell for o in scenario.map.objects}  # centre cells, computed once

    @classmethod
    def open(cls, level_path: Path, seed: int | None = None) -> "GameLink":
        scenario = load_scenario(level_path, seed)
        return cls(scenario, level_path, seed)

    def close(self) -> None:
        self._sim.close()

    # -------------------------------------------------------------- reading

    @property
    def level(self):
        return self.scenario.level

    @property
    def day(self) -> int:
        return self._sim.day

    @property
    def ended(self) -> bool:
        return self._sim.ended

    def refresh(self) -> None:
        self.view = self._sim.view()

    def teams(self):
        """Deployed teams, in the order number keys select them."""
        return [t for t in self.view.teams if t.deployed]

    def team_works_on(self, team_type: str) -> str:
        return str(self._catalogue["teams"].get(team_type, {}).get("works_on", ""))

    def team_type_name(self, team_type: str) -> str:
        return str(self._catalogue["teams"].get(team_type, {}).get("name", team_type))

    def terrain_name(self, index: int) -> str:
        names = self.scenario.map.terrain_names
        key = names[index] if 0 <= index < len(names) else ""
        return str(self._catalogue["terrain"].get(key, {}).get("name", key))

    def item_name(self, kind: str) -> str:
        return str(self._catalogue["ordnance"].get(kind, {}).get("name", kind))

    def area_cells(self, area: Any) -> np.ndarray | None:
        """The bool mask of an area (zone name or (x, y, w, h)), or None."""
        mask, _reason = _sim.grid.area_mask(self.scenario, area)
        return mask

    def team_cell(self, team) -> tuple[int, int]:
        """Where to draw a team: the centre of its task area, else its base."""
        if team.task_area:
            if team.task_area in self._centres:
                return self._centres[team.task_area]
            for v in self.scenario.villages:
                if v.name == team.task_area:
                    return v.cell
            try:
                xy, wh = team.task_area.split(" ")
                x, y = (int(v) for v in xy.split(","))
                w, h = (int(v) for v in wh.split("x"))
                return (x + w // 2, y + h // 2)
            except ValueError:
                pass
        return self._bases.get(team.name, self._bases.get("", (0, 0)))

    def _team_bases(self) -> dict[str, tuple[int, int]]:
        m = self.scenario.map
        bases = {o.name: o.centre_cell for o in m.objects_of("team_base")}
        out: dict[str, tuple[int, int]] = {"": next(iter(bases.values()), (m.width // 2, m.height // 2))}
        numbers: dict[str, int] = {}
        for start in self.level.start_teams:
            for _ in range(int(start.count)):
                numbers[start.type] = numbers.get(start.type, 0) + 1
                out[f"{start.type}-{numbers[start.type]}"] = bases.get(start.base or "", out[""])
        return out

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
        """Send one order to the simulation; refreshes the view when it is accepted."""
        outcome = self._sim.apply(cmd)
        if outcome.accepted:
            self.accepted.append(_sim.to_dict(cmd))
            self.refresh()
        return Answer(bool(outcome.accepted), str(outcome.reason or ""), outcome.team)

    def hire(self, team_type: str) -> Answer:
        return self.submit(_sim.Hire(day=self.day, team_type=team_type))

    def stop(self, team: str) -> Answer:
        return self.submit(_sim.Stop(day=self.day, team=team))

    def set_pace(self, team: str, pace: str) -> Answer:
        return self.submit(_sim.SetPace(day=self.day, team=team, pace=pace))

    def end_level(self) -> Answer:
        return self.submit(_sim.EndLevel(day=self.day))

    def replay(self, commands: list[dict[str, Any]], until_day: int) -> int:
        """Re-apply saved orders on their days, stepping to ``until_day``; returns how many were refused."""
        pending = []
        refused = 0
        for data in commands:
            try:
                pending.append(_sim.from_dict(data))
            except ValueError:
                refused += 1
        pending.sort(key=lambda cmd: cmd.day)  # stable: same-day orders keep their order
        i = 0
        while not self.ended:
            while i < len(pending) and pending[i].day <= self.day:
                if not self._sim.apply(pending[i]).accepted:
                    refused += 1
                else:
                    self.accepted.append(_sim.to_dict(pending[i]))
                i += 1
            if self.day >= until_day:
                break
            self._sim.step()
        self.refresh()
        return refused

    def step_day(self) -> None:
        """Run one simulated day and refresh the view."""
        self._sim.step()
        self.refresh()

    def estimate(self, kind: str, team_type: str | None, area: Any) -> Estimate | None:
        """Rough cost and duration of an order, from the catalogue and what the player knows."""
        mask = self.area_cells(area)
        if mask is None:
            return None
        v, cat = self.view, self._catalogue
        cell_m2 = v.cell_size_m ** 2
        status = v.status
        hazardous = (status == STATUS_CODES["suspected"]) | (status == STATUS_CODES["confirmed"])
        released = status >= STATUS_CODES["cancelled"]
        if kind == "educate":
            t = cat["teams"].get(team_type or "eore", {})
            days = float(t.get("days_per_village", 1))
            return Estimate(0, 0.0, days * float(t.get("cost_per_day_usd", 0)), days)
        if kind in ("cancel", "confirm"):
            cells = mask & ((status == STATUS_CODES["suspected"]) if kind == "cancel"
                            else (status <= STATUS_CODES["suspected"]))
            n = int(cells.sum())
            return Estimate(n, n * cell_m2, 0.0, None)
        if kind == "mark":
            cells = mask & hazardous & ~v.marked
            metres = _sim.grid.perimeter_m(cells, v.cell_size_m)
            m = cat["tasks"]["marking"]
            n = int(cells.sum())
            return Estimate(n, n * cell_m2, metres / 100.0 * float(m["cost_per_100m_perimeter_usd"]),
                            metres / float(m["metres_per_team_day"]) if n else 0.0)
        if kind == "quality_assurance":
            cells = mask & released
            qa = cat["tasks"]["quality_assurance"]
            n = int(cells.sum())
            days = n * cell_m2 / float(qa["rate_m2_per_day"])
            return Estimate(n, n * cell_m2, days * float(qa["cost_per_day_usd"]), days)
        if kind == "survey":
            cells = mask & ~released
        elif kind == "technical_survey":
            cells = mask & (status == STATUS_CODES["suspected"])
        else:
            cells = mask & hazardous
        t = cat["teams"].get(team_type or "", {})
        rate = float(t.get("rate_m2_per_day", 0) or 0)
        column = t.get("terrain_speed")
        mult = np.array([float(cat["terrain"].get(n, {}).get(column, 1.0)) if column else 1.0
                         for n in self.scenario.map.terrain_names] or [1.0])
        per_cell = mult[np.asarray(v.terrain)[cells]]
        workable = per_cell > 0
        n = int(cells.sum())
        work_m2 = float((cell_m2 / per_cell[workable]).sum()) if workable.any() else 0.0
        days = work_m2 / rate if rate else 0.0
        note = ""
        if n and not workable.all():
            note = "some cells cannot be worked by this team"
        return Estimate(n, n * cell_m2, days * float(t.get("cost_per_day_usd", 0)), days, note)

    # ----------------------------------------------------------- debrief

    def truth(self):
        """The hidden world (items, what happened to them); only once the level has ended."""
        return self._sim.truth() if self.ended else None

    def score_card(self) -> "Card":
        """The score card of an ended level, in the UI's own terms."""
        from game.scoring import score_card

        c = score_card(self._sim)
        casualties = sum(c.deminers.values()) + sum(c.civilians.values())
        return Card(grade=c.grade, total=c.total, best=c.best_possible, released=dict(c.released_m2),
                    items_found=int(sum(c.items_found.values())),
                    items_left_released=int(c.items_left_in_released_land), items_left_total=int(c.items_left_total),
                    deminers=dict(c.deminers), civilians=dict(c.civilians), casualties=int(casualties),
                    spent_usd=float(c.spent_usd), budget_left_usd=float(c.budget_left_usd),
                    cost_per_m2=c.cost_per_m2_released_usd,
                    objectives=[(o.text, bool(o.met)) for o in c.objectives], points=dict(c.points),
                    series={k: tuple(v) for k, v in c.series.items()}, end_reason=c.end_reason)

    def happenings(self, card: "Card | None" = None) -> set[str]:
        """What happened in this run, as the tags that pick risk-education messages (``when`` in
        game/content/eore.yaml): item_found, technical_survey_find, civilian_incident, deminer_accident,
        evidence, community_report, marking, released_with_items."""
        tags: set[str] = set()
        types = {t.name: t.type for t in self.view.teams}
        for e in self.view.events:
            if e.kind == "find":
                tags.add("item_found")
                if types.get(str(e.data.get("team", ""))) == "technical_survey":
                    tags.add("technical_survey_find")
            elif e.kind == "incident":
                tags.add("civilian_incident")
            elif e.kind == "accident":
                tags.add("deminer_accident")
            elif e.kind == "evidence":
                tags.add("evidence")
                if "zone" in e.data:  # a report from the community
                    tags.add("community_report")
            elif e.kind == "marking_done":
                tags.add("marking")
        if any(ev.kind in ("community_report", "report") for ev in self.view.evidence):
            tags.add("community_report")
        if any(o.get("type") == "Mark" for o in self.accepted):
            tags.add("marking")
        if card is not None:
            if card.items_left_released:
                tags.add("released_with_items")
            if sum(card.civilians.values()):
                tags.add("civilian_incident")
            if sum(card.deminers.values()):
                tags.add("deminer_accident")
        return tags

    # ------------------------------------------------------------- policies

    def policy(self, name: str):
        """A scripted player by name; ``decide()`` gives today's orders. None if there is none."""
        return PolicyDriver.create(name, self)


class PolicyDriver:
    """Asks a scripted policy for today's orders (the UI then sends them like a human's)."""

    def __init__(self, impl: Any):
        self._impl = impl

    @staticmethod
    def names() -> list[str]:
        from game.policies import POLICIES

        return sorted(POLICIES)

    @classmethod
    def create(cls, name: str, link: GameLink) -> "PolicyDriver | None":
        from game.policies import make_policy

        try:
            return cls(make_policy(name, link.scenario))
        except KeyError:
            return None

    def decide(self, view) -> list[Any]:
        return list(self._impl.decide(view) or [])
