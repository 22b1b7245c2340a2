"""What happened: one :class:`Event` per thing worth telling, in order.

An event is a *code* with *parameters* (ids, numbers, flags), never a
sentence: :mod:`game.text` turns it into words in the player's language, so
the same run has the same event log (and digest) in every language.
Processors and orders append events to the simulation's :class:`EventLog`.
An event marked ``secret`` is part of the hidden truth (an item a machine left
live, where a missed item lies) and is only shown at the debrief.

The codes and their parameters are listed in :data:`EVENT_CODES`; a test
checks that every code the simulation emits is listed there and has words.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

#: Every event code and the parameters it carries (areas are a zone name or [x, y, w, h]).
EVENT_CODES: dict[str, tuple[str, ...]] = {
    "level_start": ("days", "budget_usd"),
    "level_end": ("reason",),  # reason: a code of END_REASONS
    "order": ("order", "number"),  # the command as game.sim.commands.to_dict gives it; its number in the run
    "find": ("method", "x", "y", "item_kind", "team"),  # method: clearance, technical_survey, machine, quality_assurance
    "missed": ("method", "x", "y", "item_kind", "team"),  # secret: an item a team passed or left live
    "accident": ("team", "x", "y", "killed", "excavating", "rushed"),
    "incident": ("village", "x", "y", "killed", "subject", "released_land", "item_kind"),
    "evidence": ("pieces", "team", "zone"),  # team: from a survey; zone: from a report
    "indication": ("team", "places"),
    "machine_damaged": ("team", "x", "y", "days"),
    "survey_done": ("team", "area", "evidence"),
    "technical_survey_done": ("team", "area", "finds", "reduced_m2", "suspected_m2"),
    "clearance_done": ("team", "area", "finds"),
    "marking_done": ("area",),
    "education_done": ("area", "team", "village"),
    "quality_assurance_done": ("area", "failed"),
    "weather": ("weather", "temperature_c", "days", "message"),
    "funding": ("amount_usd", "message"),
    "message": ("message",),  # message: index of the level event whose text to show
    "returnees": ("village", "people"),
}

#: Why a level ended.
END_REASONS = ("last_day", "budget", "player")


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened: its day, code, parameters, and whether it is hidden until the debrief."""

    day: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    secret: bool = False

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


class EventLog:
    """The ordered events of one run."""

    def __init__(self) -> None:
        self._events: list[Event] = []
        self._public: list[Event] = []
        self._public_tuple: tuple[Event, ...] = ()

    def add(self, day: int, code: str, secret: bool = False, **params: Any) -> Event:
        event = Event(int(day), code, {k: v for k, v in params.items() if v is not None}, secret)
        self._events.append(event)
        if not secret:
            self._public.append(event)
        return event

    def __len__(self) -> int:
        return len(self._events)

    @property
    def public_count(self) -> int:
        return len(self._public)

    def public(self, since: int = 0) -> tuple[Event, ...]:
        """What the player may see (from the ``since``-th public event on)."""
        if len(self._public_tuple) != len(self._public):
            self._public_tuple = tuple(self._public)
        return self._public_tuple[since:] if since else self._public_tuple

    def all(self) -> tuple[Event, ...]:
        """Everything, the truth included (for the debrief)."""
        return tuple(self._events)

    def digest(self) -> str:
        """A fingerprint of the whole log over codes and parameters: equal runs give equal digests,
        whatever language the game shows."""
        h = hashlib.sha256()
        for e in self._events:
            h.update(json.dumps([e.day, e.code, e.params, e.secret], sort_keys=True, default=str).encode())
            h.update(b"\n")
        return h.hexdigest()
