"""The player's orders: small frozen dataclasses with a day stamp.

A run is ``scenario + seed + [commands]``. An area is either a zone name (an
object of the map: suspected area, village or feature) or a cell rectangle
``(x, y, w, h)``. :func:`to_dict` and :func:`from_dict` turn commands into
JSON-ready data and back (replay files).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Union

Rect = tuple[int, int, int, int]
Area = Union[str, Rect]


@dataclass(frozen=True, slots=True)
class Survey:
    """Non-technical survey of a suspected area or a village (an nts team)."""

    day: int
    team: str
    area: Area


@dataclass(frozen=True, slots=True)
class TechnicalSurvey:
    """Technical survey: search lanes over suspected land, confirm around finds, reduce the rest."""

    day: int
    team: str
    area: Area


@dataclass(frozen=True, slots=True)
class Clear:
    """Full clearance of suspected or confirmed land (manual, dog or machine team)."""

    day: int
    team: str
    area: Area


@dataclass(frozen=True, slots=True)
class Mark:
    """Put signs on the perimeter of suspected or confirmed land."""

    day: int
    area: Area


@dataclass(frozen=True, slots=True)
class Educate:
    """Risk education sessions in a village (an eore team)."""

    day: int
    team: str
    village: str


@dataclass(frozen=True, slots=True)
class Cancel:
    """Release suspected land without entering it (after a survey found no evidence)."""

    day: int
    area: Area


@dataclass(frozen=True, slots=True)
class Confirm:
    """Declare land a confirmed hazardous area (after evidence of contamination)."""

    day: int
    area: Area


@dataclass(frozen=True, slots=True)
class Hire:
    """Bring a team of a catalogue type into the programme (pays mobilisation)."""

    day: int
    team_type: str


@dataclass(frozen=True, slots=True)
class StandDown:
    """Send a team home: it stops costing money (and stops its task)."""

    day: int
    team: str


@dataclass(frozen=True, slots=True)
class Stop:
    """Take a team off its task; it stays deployed and waits for orders."""

    day: int
    team: str


@dataclass(frozen=True, slots=True)
class SetPace:
    """Work by the standard operating procedure ("sop") or faster ("rushed")."""

    day: int
    team: str
    pace: str


@dataclass(frozen=True, slots=True)
class QualityAssurance:
    """Sample released land; a missed item found sends the area back."""

    day: int
    area: Area


@dataclass(frozen=True, slots=True)
class EndLevel:
    """The player ends the level today."""

    day: int


COMMAND_TYPES: dict[str, type] = {cls.__name__: cls for cls in (
    Survey, TechnicalSurvey, Clear, Mark, Educate, Cancel, Confirm, Hire, StandDown, Stop, SetPace,
    QualityAssurance, EndLevel)}
Command = Union[Survey, TechnicalSurvey, Clear, Mark, Educate, Cancel, Confirm, Hire, StandDown, Stop, SetPace,
                QualityAssurance, EndLevel]


def to_dict(cmd: Command) -> dict[str, Any]:
    """A JSON-ready dict: ``{"type": "Clear", "day": 3, "team": "manual-1", "area": [x, y, w, h]}``."""
    out: dict[str, Any] = {"type": type(cmd).__name__}
    for f in dataclasses.fields(cmd):
        value = getattr(cmd, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def from_dict(data: Any) -> Command:
    """The command a :func:`to_dict` dict describes; ValueError with a plain message if it is not one."""
    if not isinstance(data, dict):
        raise ValueError("a command must be an object like {\"type\": \"Clear\", \"day\": 1, ...}")
    name = data.get("type")
    cls = COMMAND_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown command type {name!r}; known: {', '.join(COMMAND_TYPES)}")
    fields = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(fields) - {"type"})
    if unknown:
        raise ValueError(f"{name} has no field {unknown[0]!r}; its fields: {', '.join(fields)}")
    missing = [f for f in fields if f not in data]
    if missing:
        raise ValueError(f"{name} needs field {missing[0]!r}")
    values = {}
    for f in fields:
        value = data[f]
        if f == "day":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name}.day must be a whole number")
        elif f == "area":
            value = _area(value, name)
        elif not isinstance(value, str):
            raise ValueError(f"{name}.{f} must be text")
        values[f] = value
    return cls(**values)


def _area(value: Any, name: str) -> Area:
    if isinstance(value, str):
        return value
    if (isinstance(value, (list, tuple)) and len(value) == 4
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        return tuple(value)  # type: ignore[return-value]
    raise ValueError(f"{name}.area must be a zone name or a rectangle [x, y, w, h] of whole numbers")


def area_key(area: Any) -> str | Rect:
    """An area in one hashable form (a rectangle as a tuple, whether it came as a list or a tuple), so
    areas of orders, tasks and views compare equal. The text layer words areas for the player."""
    if isinstance(area, (list, tuple)) and len(area) == 4:
        return tuple(map(int, area))  # type: ignore[return-value]
    return area
