"""One esper world per simulation, and the one object that owns it.

esper keeps its worlds in module-level state; :class:`WorldOwner` gives a run
its own uniquely named world, switches to it for the duration of a ``with
owner.active():`` block (restoring the world that was active before), and
deletes it in :meth:`close`.
"""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from typing import Iterator

import esper

_numbers = itertools.count(1)


class WorldOwner:
    """Owns a named esper world; use :meth:`active` around every esper call."""

    def __init__(self, prefix: str = "minerisk-sim"):
        self.name = f"{prefix}-{next(_numbers)}"
        self.closed = False
        with self.active():
            pass  # switch_world creates it

    @contextmanager
    def active(self) -> Iterator[None]:
        if self.closed:
            raise RuntimeError(f"esper world {self.name} is closed")
        previous = esper.current_world
        esper.switch_world(self.name)
        try:
            yield
        finally:
            if previous != self.name:
                esper.switch_world(previous)

    def close(self) -> None:
        """Delete the world (switching away from it first if it is active)."""
        if self.closed:
            return
        if esper.current_world == self.name:
            esper.switch_world("default")
        if self.name in esper.list_worlds():
            esper.delete_world(self.name)
        self.closed = True
