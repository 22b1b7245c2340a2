"""The order the player is putting together: an action, a team and an area, before it is sent.

The draft does not touch the simulation: it picks a team that can do the
work, holds the area, and asks the session for an estimate (the preview).
:meth:`OrderDraft.command` builds the command the client then applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game import sim as _sim

#: What the player can order: action -> (the kind of work its team does, or None when no team is needed;
#: the command class name).
ACTIONS: dict[str, tuple[str | None, str]] = {
    "survey": ("survey", "Survey"),
    "technical_survey": ("technical_survey", "TechnicalSurvey"),
    "clear": ("clearance", "Clear"),
    "educate": ("village", "Educate"),
    "mark": (None, "Mark"),
    "cancel": (None, "Cancel"),
    "confirm": (None, "Confirm"),
    "quality_assurance": (None, "QualityAssurance"),
    "stand_down": ("any", "StandDown"),
}
TEAM_ACTIONS = ("survey", "technical_survey", "clear", "educate")
AREA_ACTIONS = ("mark", "cancel", "confirm", "quality_assurance")
#: Orders about a team alone: no area to choose, the preview shows at once.
NO_AREA_ACTIONS = ("stand_down",)
#: Other orders, by command class name, as the tutorial names them.
OTHER_ORDERS = {"Hire": "hire", "EndLevel": "end_level", "Stop": "stop", "SetPace": "pace", "StandDown": "stand_down"}


def make_command(action: str, day: int, team: str | None, area: Any) -> Any:
    """The simulation command for ``action`` by ``team`` on ``area`` (a zone, village or (x, y, w, h))."""
    cls = getattr(_sim, ACTIONS[action][1])
    if action in NO_AREA_ACTIONS:
        return cls(day=day, team=team)
    if action == "educate":
        return cls(day=day, team=team, village=str(area))
    if ACTIONS[action][0] is None:
        return cls(day=day, area=area)
    return cls(day=day, team=team, area=area)


def action_of(command: Any) -> tuple[str, Any]:
    """The action name and the area of a command (``hire``, ``end_level``... for the others)."""
    name = type(command).__name__
    for action, (_works_on, cls_name) in ACTIONS.items():
        if cls_name == name:
            area = getattr(command, "village", None) if action == "educate" else getattr(command, "area", None)
            return action, tuple(area) if isinstance(area, list) else area
    return OTHER_ORDERS.get(name, name.lower()), None


@dataclass
class OrderDraft:
    """An order being put together: its action, the team that would do it, its area and the preview."""

    action: str
    team: str | None = None
    area: Any = None  # zone name or (x, y, w, h)
    estimate: Any = None  # game.run.estimate.Estimate of the order as it stands

    @property
    def works_on(self) -> str | None:
        return ACTIONS[self.action][0]

    def fit_team(self, session, selected: str | None) -> None:
        """Use the selected team if it can do the work, else the first idle team that can."""
        need = self.works_on
        if need is None:
            self.team = None
            return
        teams = [t for t in session.view().teams if t.deployed]
        kinds = session.level.catalogue["teams"]

        def able(t) -> bool:
            return need == "any" or kinds.get(t.type, {}).get("works_on") == need

        chosen = next((t for t in teams if t.name == selected), None)
        if chosen is not None and able(chosen):
            self.team = chosen.name
            return
        idle = [t for t in teams if able(t) and t.task_kind is None]
        candidates = idle or [t for t in teams if able(t)]
        self.team = candidates[0].name if candidates else None

    @property
    def needs_area(self) -> bool:
        return self.action not in NO_AREA_ACTIONS

    def set_area(self, session, area: Any) -> None:
        self.area = area
        self.refresh(session)

    def refresh(self, session) -> None:
        """Work out the preview again (after a change of team or area, or a new day)."""
        ready = self.area is not None or (not self.needs_area and self.team is not None)
        self.estimate = session.estimate(self.command(session.day)) if ready else None

    def ready(self) -> bool:
        return (self.area is not None or not self.needs_area) and (self.works_on is None or self.team is not None)

    def command(self, day: int) -> Any:
        return make_command(self.action, day, self.team, self.area)
