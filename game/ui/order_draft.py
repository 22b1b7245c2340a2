"""The order the player is putting together: an action, a team and an area, before confirming.

The draft does not touch the simulation: it picks a fitting team, names the
area, and asks :class:`~game.ui.sim_link.GameLink` for an estimate. Only
:meth:`OrderDraft.command` builds the command the play scene then submits.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import _
from game.ui.sim_link import ACTIONS, Estimate, GameLink

#: How each action is labelled, with its key (pygame key name) and a one-line explanation.
ACTION_INFO = {
    "survey": ("Survey", "n", "Non-technical survey: ask people, look for evidence; never enters the land"),
    "technical_survey": ("Tech. survey", "t", "Technical survey: search lanes; finds confirm, the rest is reduced"),
    "clear": ("Clear", "c", "Full clearance of suspected or confirmed land"),
    "educate": ("Educate", "e", "Risk education sessions in a village"),
    "mark": ("Mark", "k", "Signs on the perimeter of suspected or confirmed land"),
    "cancel": ("Cancel land", "x", "Release suspected land without entering it (needs no evidence there)"),
    "confirm": ("Confirm CHA", "f", "Declare land a confirmed hazardous area"),
    "quality_assurance": ("QA", "q", "Quality assurance: sample released land for missed items"),
}
TEAM_ACTIONS = ("survey", "technical_survey", "clear", "educate")
AREA_ACTIONS = ("mark", "cancel", "confirm", "quality_assurance")


@dataclass
class OrderDraft:
    action: str
    team: str | None = None
    area: object = None  # zone name or (x, y, w, h)
    estimate: Estimate | None = None

    @property
    def works_on(self) -> str | None:
        return ACTIONS[self.action][0]

    def fit_team(self, link: GameLink, selected: str | None) -> None:
        """Use the selected team if it can do the work, else the first idle team that can."""
        need = self.works_on
        if need is None:
            self.team = None
            return
        teams = link.teams()
        chosen = next((t for t in teams if t.name == selected), None)
        if chosen is not None and link.team_works_on(chosen.type) == need:
            self.team = chosen.name
            return
        idle = [t for t in teams if link.team_works_on(t.type) == need and t.task_kind is None]
        able = idle or [t for t in teams if link.team_works_on(t.type) == need]
        self.team = able[0].name if able else None

    def set_area(self, link: GameLink, area) -> None:
        self.area = area
        team_type = None
        if self.team is not None:
            t = link.view.team(self.team)
            team_type = t.type if t else None
        self.estimate = link.estimate(self.action, team_type, area) if area is not None else None

    def ready(self) -> bool:
        return self.area is not None and (self.works_on is None or self.team is not None)

    def command(self, link: GameLink):
        return link.make_order(self.action, self.team, self.area)

    def summary(self, link: GameLink) -> list[str]:
        """Lines that describe the order and what it would cost, for the order box."""
        label = _(ACTION_INFO[self.action][0])
        who = self.team or (_("no team needed") if self.works_on is None else _("no team can do this"))
        lines = [f"{label} · {who}"]
        if self.area is None:
            if self.action == "educate":
                lines.append(_("Click a village (or press Z to pick one)."))
            else:
                lines.append(_("Drag a rectangle on the map, click a zone, or press Z."))
            return lines
        lines.append(_("Area: {area}").format(area=_area_text(self.area)))
        e = self.estimate
        if e is not None:
            if self.action != "educate":
                lines.append(_("{cells} cells, {m2:,.0f} m² affected").format(cells=e.cells, m2=e.area_m2))
            if e.days is None:
                lines.append(_("Takes effect at once, no cost"))
            else:
                days = _("under a day") if e.days < 1 else _("about {n:.0f} days").format(n=e.days)
                lines.append(_("{days}, about US${cost:,.0f}").format(days=days, cost=e.cost_usd))
            if e.note:
                lines.append(_(e.note))
        return lines


def _area_text(area) -> str:
    if isinstance(area, tuple):
        x, y, w, h = area
        return f"{w}×{h} " + _("cells at") + f" {x},{y}"
    return str(area).replace("_", " ")
