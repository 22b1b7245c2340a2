"""Everything a day of simulation works on, handed to every processor.

:class:`SimState` holds the scenario, the rules, the grid layers, money, the
weather, the random streams and the event log. esper holds the entities; the
active esper world is the simulation's own while processors run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.level.model import Scenario

from .events import EventLog
from .grid import Grid
from .release import ReleaseRecord
from .rules import Rules
from .view import EvidenceView, FindView

#: Independent random streams, one per part of the world, so a change in one
#: part never shifts the draws of another. Labels are fixed forever.
STREAMS = ("survey", "technical_survey", "clearance", "safety", "civilians", "events", "quality_assurance")


def make_streams(seed: int) -> dict[str, np.random.Generator]:
    """Sub-streams of the run's one seed (the truth uses spawn key 0, the simulation 1)."""
    root = np.random.SeedSequence(entropy=int(seed), spawn_key=(1,))
    return {name: np.random.default_rng(child) for name, child in zip(STREAMS, root.spawn(len(STREAMS)))}


@dataclass
class Money:
    budget: float  # what is left
    spent: float = 0.0
    funding: float = 0.0  # added (or removed) by events


@dataclass
class Weather:
    kind: str = "clear"
    temperature_c: float = 0.0
    until_day: int = 0  # the kind lasts until this day (exclusive)


@dataclass
class Counters:
    """Running totals kept for the score card and the daily series."""

    deminer_injured: int = 0
    deminer_killed: int = 0
    civilian_injured: int = 0
    civilian_killed: int = 0
    finds: dict[str, int] = field(default_factory=dict)
    # items civilians set off on released land, by how it was released (cancelled, reduced, cleared)
    incidents_on_released: dict[str, int] = field(default_factory=dict)


@dataclass
class Harm:
    """Expected casualties so far (sums of daily probabilities, not luck): what the score judges safety by.

    ``civilian_idle`` is the same for the programme that does nothing (every item left where it was,
    the land as suspected as at the start), the yardstick of harm averted.
    """

    civilian: float = 0.0
    civilian_residual: float = 0.0  # the part of ``civilian`` that justified releases added (residual risk)
    civilian_idle: float = 0.0
    deminer: float = 0.0
    deminer_rushed: float = 0.0  # the part of ``deminer`` from work at a rushed pace
    marking_averted: float = 0.0  # civilian harm the signs prevented (the same land without them, minus ``civilian``)
    education_averted: float = 0.0  # civilian harm risk education prevented (the same without it)


@dataclass
class Compliance:
    """The tally of procedure checks (game/sim/processors/compliance.py; the score reads it)."""

    hazard_days: int = 0  # confirmed land near villages, cell-days
    unmarked_hazard_days: int = 0  # the part of it that stood unmarked
    village_days: int = 0  # villages with a known hazard in their land, village-days
    uneducated_village_days: int = 0  # the part of them with no risk education in effect
    team_days: int = 0  # deployed teams, team-days
    abandoned_team_days: float = 0.0  # team-days sent home (stood down, or the level ended early) while work they
    # could do remained and the money would have paid them to the last day
    catchment: np.ndarray | None = field(default=None, repr=False)  # union of the villages' land, cached


@dataclass
class DogGroup:
    """The ground one dog task searched: its open indications, and whether the dogs have finished."""

    open: int = 0
    finished: bool = False
    why: int = 0  # the release record's code for its ground (a rushed search is a procedure error)


@dataclass
class SimState:
    scenario: Scenario
    rules: Rules
    grid: Grid
    log: EventLog
    rng: dict[str, np.random.Generator]
    money: Money
    weather: Weather
    counters: Counters
    cell_items: dict[int, list[int]]  # flat cell -> item entities (live or not)
    day: int = 1
    ended: bool = False
    end_reason: str = ""
    team_numbers: dict[str, int] = field(default_factory=dict)
    series: dict[str, list[Any]] = field(default_factory=dict)
    finds: list[FindView] = field(default_factory=list)  # what the player saw found, in order
    evidence: list[EvidenceView] = field(default_factory=list)  # what the player knows, in order
    releases: ReleaseRecord | None = None
    orders_given: int = 0  # accepted orders so far: the next one's number
    harm: Harm = field(default_factory=Harm)
    compliance: Compliance = field(default_factory=Compliance)
    dog_groups: dict[int, DogGroup] = field(default_factory=dict)
    # The expected state of the truth: for each item (a row of scenario.items), the probability it is still
    # live given every search that met it (multiplied by the chance that search missed it, whatever the
    # draw), and the same had nobody done anything. The score judges safety on these, not on luck.
    p_live: np.ndarray = field(default=None, repr=False)
    p_live_idle: np.ndarray = field(default=None, repr=False)
    item_cells: tuple | None = None  # cached by processors.civilians.item_cells
    item_catchments: dict = field(default_factory=dict)  # village entity -> which item cells its people use
    item_exposure: tuple = ()  # (key, people, educated) for the item cells: processors.civilians._exposure
    workable_terrain: dict = field(default_factory=dict)  # team type -> cells it can work: area_work.workable_terrain
    daily_rates: Any = None  # processors.civilians.DailyRates, kept while the land and the villages stay the same

    @property
    def catalogue(self) -> dict[str, Any]:
        return self.rules.catalogue

    @property
    def last_day(self) -> int:
        return int(self.scenario.level.days)
