"""What happened: one :class:`Event` per thing worth telling, in order.

Processors and orders append events to the simulation's :class:`EventLog`.
An event marked ``secret`` is part of the hidden truth (an item a machine left
live, where a missed item lies) and is only shown at the debrief.
Wording stays non-graphic: "a farmer was injured".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    day: int
    kind: str  # e.g. find, accident, incident, evidence, survey_done, order, message, weather, funding, level_end
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    secret: bool = False


class EventLog:
    """The ordered events of one run."""

    def __init__(self) -> None:
        self._events: list[Event] = []
        self._public: list[Event] = []

    def add(self, day: int, kind: str, text: str, secret: bool = False, **data: Any) -> Event:
        event = Event(day, kind, text, data, secret)
        self._events.append(event)
        if not secret:
            self._public.append(event)
        return event

    def __len__(self) -> int:
        return len(self._events)

    def public(self) -> tuple[Event, ...]:
        """What the player may see."""
        return tuple(self._public)

    def all(self) -> tuple[Event, ...]:
        """Everything, the truth included (for the debrief)."""
        return tuple(self._events)

    def digest(self) -> str:
        """A fingerprint of the whole log: equal logs give equal digests (replay checks)."""
        h = hashlib.sha256()
        for e in self._events:
            h.update(json.dumps([e.day, e.kind, e.text, e.data, e.secret], sort_keys=True, default=str).encode())
            h.update(b"\n")
        return h.hexdigest()
