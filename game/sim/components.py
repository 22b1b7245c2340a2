"""The esper components of a simulation: plain data, no logic.

Teams, tasks, items of ordnance, villages and evidence are esper entities
carrying these components; the per-cell layers live in numpy (see
:mod:`game.sim.grid`). Processors (``game/sim/processors/``) change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(slots=True)
class Team:
    """A team in the programme: its catalogue type, name, pace and what it does now."""

    type: str
    name: str  # its id in orders: type and number ("manual-2")
    number: int  # its number within its type, for display ("Manual clearance team 2")
    has_medic: bool
    pace: str = "sop"  # "sop" or "rushed"
    deployed: bool = True
    hired_day: int = 0
    task: int | None = None  # entity id of its Task
    out_until_day: int = 0  # out of action (accident investigation, machine repair) before this day
    base: str = ""  # the team_base object it starts from ("" for the map's first base)


@dataclass(slots=True)
class Task:
    """Work over a set of cells, done in order, one day's capacity at a time.

    ``cells`` are flat cell indices (``y * width + x``) in working order;
    ``cum_cost`` their cumulative cost in open-ground m2 equivalents;
    ``done`` how many cells are finished; ``progress`` the m2 worked so far.
    """

    kind: str  # survey, technical_survey, clearance, marking, education, quality_assurance
    area: Any  # the order's area: a zone or village name, or [x, y, w, h]
    team: int | None
    cells: np.ndarray = field(repr=False)
    cum_cost: np.ndarray = field(repr=False)
    started_day: int = 0
    progress: float = 0.0
    done: int = 0
    finds: int = 0
    evidence: int = 0
    rushed: bool = False  # its team worked at a rushed pace on at least one day of it
    order: int = -1  # the number of the order that started it (the release record names it)


@dataclass(slots=True)
class SampledCells:
    """For technical survey and quality assurance: which task cells are searched (bool per cell)."""

    searched: np.ndarray = field(repr=False)


@dataclass(slots=True)
class VillageTask:
    """Risk education in a village: the village entity and days of sessions still to run."""

    village: int
    days_left: int


@dataclass(slots=True)
class Ordnance:
    """One item of the hidden truth and what happened to it."""

    index: int  # row in the scenario's items array
    kind: str
    x: int
    y: int
    state: str = "live"  # live, found, destroyed_by_machine, triggered
    day: int = 0  # day its state last changed
    by: str = ""  # team name or village that changed it


@dataclass(slots=True)
class VillageState:
    """A village: its people, the land they use, and its risk education."""

    name: str
    cell: tuple[int, int]
    population: int
    returnees: tuple  # of game.level.model.Returnees
    catchment: np.ndarray = field(repr=False)  # bool grid: cells its people use
    catchment_cells: int = 0  # how many cells its people use (the catchment's size)
    educated_until_day: int = 0
    educated_day: int = 0


@dataclass(slots=True)
class Evidence:
    """Something the programme knows points to contamination at a cell."""

    kind: str  # community_report, past_accident, visible_sign, report, incident
    x: int
    y: int
    day: int
    source: str  # team name, event or village


@dataclass(slots=True)
class EvidenceTruth:
    """Hidden: whether a piece of evidence points to a real item."""

    real: bool
