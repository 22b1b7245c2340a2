"""The guided tutorial of a level: which prompt is showing and what moves it on (no pygame).

A level's ``tutorial`` steps (see :class:`game.level.model.TutorialStep`)
each wait for something the student does: ``continue`` (the Next button),
``select_team`` (that team selected), ``order`` (an accepted order of that
kind, on that zone when one is given), ``task_done`` (a task finishes, from
the simulation's events), ``day`` (that day reached) or ``level_end``. The
play scene tells :class:`Tutorial` what happened; it never looks at the
simulation itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from game.text import _, labels

#: Steps after which time stops so the next prompt can be read (the others need time to run).
PAUSE_BEFORE = ("continue", "select_team", "order")


class Tutorial:
    """The steps of one guided level and the one showing now."""

    def __init__(self, steps, covers: Callable[[Any, str], bool] | None = None):
        self.steps = tuple(steps)
        self.index = 0
        self.day = 1
        self.finished_level = False
        self._covers = covers or (lambda area, zone: area == zone)

    # ------------------------------------------------------------- reading

    @property
    def step(self):
        """The step showing now (None once every step is done)."""
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.steps)

    def waiting_text(self, names=None) -> str:
        """A short line saying what the current step waits for (zones and teams by their display names
        when ``names``, a game.text.names.Names, is given)."""
        s = self.step
        if s is None:
            return _("Tutorial complete: play on as you like.")
        zone = (names.zone(s.zone) if names is not None else s.zone.replace("_", " ")) if s.zone else ""
        team = names.team(s.team) if names is not None and s.team else s.team
        if s.wait_for == "continue":
            return _("Press Enter or click Next to go on.")
        if s.wait_for == "select_team":
            return _("Waiting for you to select {team}.").format(team=team)
        if s.wait_for == "order":
            what = labels.order(s.order) if s.order else _("an order")
            if team and not zone:
                return _("Waiting for an accepted {order} order for {team}.").format(order=what, team=team)
            if zone:
                return _("Waiting for an accepted {order} order on {zone}.").format(order=what, zone=zone)
            return _("Waiting for an accepted {order} order.").format(order=what)
        if s.wait_for == "task_done":
            return _("Waiting for a task to finish (Space runs time).")
        if s.wait_for == "day":
            return _("Waiting for day {day} (Space runs time).").format(day=s.day)
        return _("Waiting for the end of the level.")

    # ---------------------------------------------------- what the student did

    def next(self) -> bool:
        """The Next button: only a ``continue`` step moves on this way."""
        return self._advance_if(self.step is not None and self.step.wait_for == "continue")

    def on_select(self, team: str) -> bool:
        s = self.step
        return self._advance_if(s is not None and s.wait_for == "select_team" and (s.team in (None, team)))

    def on_order(self, kind: str, area: Any = None, team: str | None = None) -> bool:
        """An order was accepted (kind is the UI's action name, ``hire``, ``stand_down`` or ``end_level``);
        ``team``, the team that got it, must be the step's team when the step names one and it is given."""
        s = self.step
        ok = (s is not None and s.wait_for == "order" and s.order in (None, kind)
              and (s.zone is None or (area is not None and self._covers(area, s.zone)))
              and (s.team is None or team is None or team == s.team))
        return self._advance_if(ok)

    def on_events(self, events: Iterable) -> bool:
        """New events of the simulation: a ``*_done`` event finishes a ``task_done`` step."""
        moved = False
        for e in events:
            s = self.step
            if s is None or s.wait_for != "task_done" or not str(e.code).endswith("_done"):
                continue
            params = e.params
            if s.zone is not None and params.get("area") != s.zone:
                continue
            if s.team is not None and params.get("team", s.team) != s.team:
                continue
            moved = self._advance_if(True) or moved
        return moved

    def on_day(self, day: int) -> bool:
        self.day = day
        s = self.step
        return self._advance_if(s is not None and s.wait_for == "day" and s.day is not None and day >= s.day)

    def on_level_end(self) -> bool:
        self.finished_level = True
        s = self.step
        return self._advance_if(s is not None and s.wait_for == "level_end")

    def _advance_if(self, ok: bool) -> bool:
        if not ok:
            return False
        self.index += 1
        s = self.step
        if s is not None and s.wait_for == "day" and s.day is not None and self.day >= s.day:
            self.index += 1  # that day has already come
        return True

    def wants_pause(self) -> bool:
        """Whether the step showing now is one to read and act on with time stopped."""
        s = self.step
        return s is not None and s.wait_for in PAUSE_BEFORE
