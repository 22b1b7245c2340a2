"""What the player's side may see: read-only windows on the public layers, never the truth.

:class:`PlayerView` is what the UI draws and what scripted players decide
from. Hidden items, missed items and whether evidence is real stay inside the
simulation until the debrief (:class:`Truth`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .events import Event


def frozen(array: np.ndarray) -> np.ndarray:
    """A read-only window on a layer (no copy): the client cannot write through it, and it shows the
    layer as it is now. Copy what you keep across days."""
    out = array.view()
    out.flags.writeable = False
    return out


@dataclass(frozen=True, slots=True)
class TeamView:
    name: str  # its id in orders ("manual-2")
    type: str
    number: int  # within its type, for display
    pace: str
    has_medic: bool
    deployed: bool
    task_kind: str | None  # survey, technical_survey, clearance, education
    task_area: Any  # the task's area: a zone or village name, or [x, y, w, h]; None without a task
    task_progress: float  # share of the task done, 0..1
    available: bool  # not out of action today
    out_until_day: int
    cost_per_day_usd: float
    base: str = ""  # the team_base object it started from ("" for the map's first base)


@dataclass(frozen=True, slots=True)
class TaskView:
    kind: str
    area: Any  # a zone or village name, or [x, y, w, h]
    team: str | None
    cells_done: int
    cells_total: int
    started_day: int


@dataclass(frozen=True, slots=True)
class EvidenceView:
    kind: str
    x: int
    y: int
    day: int
    source: str  # who recorded it: a team's name, the zone a report named, or the village of an incident


@dataclass(frozen=True, slots=True)
class FindView:
    kind: str
    x: int
    y: int
    day: int
    by: str


@dataclass(frozen=True, slots=True)
class VillageView:
    name: str
    cell: tuple[int, int]
    population: int
    educated: bool
    educated_until_day: int
    educated_day: int  # the day its first risk education ended (0: never)


@dataclass(frozen=True, slots=True)
class PlayerView:
    """One day as the programme manager knows it. Arrays are ``[y, x]``, read-only windows on the
    simulation's public layers (they follow the simulation as it goes on: copy what you keep)."""

    day: int
    last_day: int
    ended: bool
    end_reason: str  # "" while playing, else a code of game.sim.events.END_REASONS
    budget_usd: float
    spent_usd: float
    weather: str
    temperature_c: float
    width: int
    height: int
    cell_size_m: float
    terrain: np.ndarray = field(repr=False)
    terrain_names: tuple[str, ...] = ()
    status: np.ndarray = field(repr=False, default=None)  # int8 codes, see LAND_STATUSES
    marked: np.ndarray = field(repr=False, default=None)
    surveyed: np.ndarray = field(repr=False, default=None)
    prepared: np.ndarray = field(repr=False, default=None)  # machine went over it; needs follow-up
    indication: np.ndarray = field(repr=False, default=None)  # dog indication to check
    verified: np.ndarray = field(repr=False, default=None)  # released land quality assurance has passed (handed over)
    land_use: np.ndarray = field(repr=False, default=None)
    teams: tuple[TeamView, ...] = ()
    tasks: tuple[TaskView, ...] = ()
    evidence: tuple[EvidenceView, ...] = ()
    finds: tuple[FindView, ...] = ()
    villages: tuple[VillageView, ...] = ()
    hireable: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    series: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def team(self, name: str) -> TeamView | None:
        return next((t for t in self.teams if t.name == name), None)

    def idle_teams(self, team_type: str | None = None) -> list[TeamView]:
        """Deployed teams with no task (optionally of one type), in name order."""
        return [t for t in self.teams if t.deployed and t.task_kind is None
                and (team_type is None or t.type == team_type)]


@dataclass(frozen=True, slots=True)
class Truth:
    """The hidden world, for the debrief only (after the level ended)."""

    items: np.ndarray = field(repr=False)  # ITEM_DTYPE rows of the scenario
    item_kinds: tuple[str, ...]
    item_states: tuple[str, ...]  # per item: live, found, destroyed_by_machine, triggered
    live_items: np.ndarray = field(repr=False)  # items still live per cell
    items_in_released_land: int
    evidence_real: tuple[bool, ...]  # per evidence of the view, in the same order
    events: tuple[Event, ...] = ()  # every event, secrets included
    unjustified_land: np.ndarray | None = field(default=None, repr=False)  # cells once released without
    # justification (the release record), to tell a mistake from the residual risk of a justified release
