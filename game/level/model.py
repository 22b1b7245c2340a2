"""The plain data a level turns into: what the YAML says, what the map holds,
and the built scenario the simulation starts from.

Nothing here reads files or imports pygame; all of it is immutable data.
Cells are addressed as ``(x, y)`` (column, row); numpy grids are indexed
``grid[y, x]`` with shape ``(height, width)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

#: Object classes a map may use (Tiled "class", or "type" before 1.10).
ZONE_CLASSES = ("suspected_area", "village", "feature", "team_base")
#: What a `feature` object can be (its `feature` property).
FEATURE_KINDS = ("school", "well", "road", "clinic", "water_point", "market", "field")
#: Layouts for generated ordnance inside a zone.
LAYOUTS = ("rows", "cluster", "scatter")
#: Weather that can stop some assets for some days.
WEATHER_KINDS = ("heat", "rain", "storm", "snow")
#: Objective kinds a level can ask for.
OBJECTIVE_KINDS = ("release_zone", "no_casualties", "within_budget", "release_area", "educate_village")
#: Kinds of scripted events.
EVENT_KINDS = ("message", "report", "funding", "weather")
#: What a tutorial step waits for before the next one shows.
TUTORIAL_WAITS = ("continue", "select_team", "order", "task_done", "day", "level_end")
#: Orders a tutorial step can ask for.
TUTORIAL_ORDERS = ("survey", "technical_survey", "clear", "mark", "cancel", "confirm", "educate", "hire",
                   "quality_assurance", "stand_down", "end_level")
#: The land status of a cell, in the order of their integer codes.
LAND_STATUSES = ("unknown", "suspected", "confirmed", "cancelled", "reduced", "cleared")


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a source file, 1-based, for error messages."""

    file: str
    line: int = 1
    col: int = 1


# ---------------------------------------------------------------- the map


#: The longest display name (``title`` property) of a map object, in characters: it is drawn on the map.
MAX_TITLE = 60


def humanise(name: str) -> str:
    """An id made readable: ``north-field`` -> ``North field``, ``well_path`` -> ``Well path``."""
    words = str(name).replace("_", " ").replace("-", " ").split()
    if not words:
        return str(name)
    text = " ".join(words)
    return text[0].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class MapObject:
    """A named object of a Tiled object layer: a zone, village, feature or base.

    ``mask`` is a bool grid ``(height, width)``: the cells whose centres lie
    inside the object's shape (a point object covers the one cell it is in).
    ``title`` is what students read (the object's ``title`` property in
    Tiled, "" when it has none); levels refer to the object by ``name``.
    """

    name: str
    kind: str
    shape: str  # "rectangle", "polygon", "ellipse" or "point"
    mask: np.ndarray = field(repr=False)
    properties: dict[str, Any] = field(default_factory=dict)
    where: Where | None = None
    title: str = ""

    @property
    def display_name(self) -> str:
        """The name a student reads: the title, else the name made readable (``well_path`` -> ``Well path``)."""
        return self.title or humanise(self.name)

    @property
    def area_cells(self) -> int:
        return int(self.mask.sum())

    @property
    def centre_cell(self) -> tuple[int, int]:
        ys, xs = np.nonzero(self.mask)
        if len(xs) == 0:
            return (0, 0)
        return (int(round(xs.mean())), int(round(ys.mean())))


@dataclass(frozen=True, slots=True)
class MapData:
    """A Tiled map reduced to what the game needs (see game/level/tmx_adapter.py).

    ``terrain`` holds indices into ``terrain_names``.
    """

    path: Path
    width: int
    height: int
    tile_px: int
    terrain: np.ndarray = field(repr=False)
    terrain_names: tuple[str, ...]
    objects: tuple[MapObject, ...]

    def objects_of(self, kind: str) -> tuple[MapObject, ...]:
        return tuple(o for o in self.objects if o.kind == kind)

    def object_named(self, name: str) -> MapObject | None:
        for o in self.objects:
            if o.name == name:
                return o
        return None

    def display_name(self, name: str) -> str:
        """What a student reads for the zone or village ``name``: its title, else the name made readable."""
        return display_name(self, name)


def display_name(level_map: MapData | None, name: str) -> str:
    """The display name of a zone or village of a map: its ``title`` property, else its name made
    readable (also for a name the map does not hold, or without a map)."""
    obj = level_map.object_named(name) if level_map is not None else None
    return obj.display_name if obj is not None else humanise(name)


# ------------------------------------------------------- what the YAML says


@dataclass(frozen=True, slots=True)
class TeamStart:
    type: str
    count: int = 1
    base: str | None = None


@dataclass(frozen=True, slots=True)
class PlacedItem:
    kind: str
    cell: tuple[int, int]


@dataclass(frozen=True, slots=True)
class ItemField:
    """Ordnance generated inside a named zone, or inside one of several zones drawn afresh on every run
    (so the level file does not tell a student which suspected area holds it). A single name may be
    given as a plain string."""

    zones: tuple[str, ...]
    counts: dict[str, int]
    layout: str = "scatter"

    def __post_init__(self) -> None:
        if isinstance(self.zones, str):
            object.__setattr__(self, "zones", (self.zones,))


@dataclass(frozen=True, slots=True)
class ClutterSpec:
    """Scrap metal in a zone, as pieces per 100 m2 on average."""

    zone: str
    pieces_per_100m2: float


@dataclass(frozen=True, slots=True)
class Returnees:
    day: int
    people: int


@dataclass(frozen=True, slots=True)
class VillageSpec:
    name: str
    population: int | None = None
    returnees: tuple[Returnees, ...] = ()


@dataclass(frozen=True, slots=True)
class Objective:
    kind: str
    text: str = ""
    zone: str | None = None
    by_day: int | None = None
    area_m2: float | None = None
    village: str | None = None


@dataclass(frozen=True, slots=True)
class EventSpec:
    day: int
    kind: str
    message: str = ""
    zone: str | None = None
    amount_usd: int | None = None
    weather: str | None = None
    duration_days: int = 1
    temperature_c: float | None = None


@dataclass(frozen=True, slots=True)
class TutorialStep:
    """One prompt of a guided level: what to say, and what the student must do to go on."""

    say: str
    wait_for: str = "continue"
    order: str | None = None
    team: str | None = None
    zone: str | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class LevelTranslation:
    """A level's texts in one other language (game/level/translations.py); "" or a short list means
    "show the main language's text"."""

    title: str = ""
    briefing: str = ""
    debrief: str = ""
    tips: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    tutorial: tuple[str, ...] = ()
    zones: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LevelSpec:
    """A validated level file, with the map path resolved and the catalogue merged."""

    path: Path
    format: int
    id: str
    title: str
    difficulty: int
    briefing: str
    imas: tuple[str, ...]
    map_path: Path
    cell_size_m: float
    days: int
    budget_usd: int
    seed: int
    start_teams: tuple[TeamStart, ...]
    hireable: tuple[str, ...]
    placed_items: tuple[PlacedItem, ...]
    item_fields: tuple[ItemField, ...]
    clutter: tuple[ClutterSpec, ...]
    villages: tuple[VillageSpec, ...]
    objectives: tuple[Objective, ...]
    events: tuple[EventSpec, ...]
    catalogue: dict[str, Any] = field(repr=False)
    debrief: str = ""
    tips: tuple[str, ...] = ()
    tutorial: tuple[TutorialStep, ...] = ()
    language: str = "en"  # the language the texts above are written in
    translations: dict[str, LevelTranslation] = field(default_factory=dict, repr=False)


# ------------------------------------------------------- the built scenario


@dataclass(frozen=True, slots=True)
class Village:
    """A village with its resolved population and centre."""

    name: str
    cell: tuple[int, int]
    population: int
    returnees: tuple[Returnees, ...]
    mask: np.ndarray = field(repr=False)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything the simulation starts from: the level, its map and the truth.

    ``items`` is a structured array with fields ``x``, ``y`` (int16) and
    ``kind`` (uint8, index into ``item_kinds``): the hidden truth.
    ``clutter`` is scrap pieces per cell (float32). ``suspected`` is the union
    of the map's suspected areas (bool). ``seed`` is the one seed of the run.
    """

    level: LevelSpec
    map: MapData
    seed: int
    items: np.ndarray = field(repr=False)
    item_kinds: tuple[str, ...]
    clutter: np.ndarray = field(repr=False)
    suspected: np.ndarray = field(repr=False)
    villages: tuple[Village, ...]

    @property
    def cell_area_m2(self) -> float:
        return self.level.cell_size_m ** 2


ITEM_DTYPE = np.dtype([("x", np.int16), ("y", np.int16), ("kind", np.uint8)])
