"""Alerts: the moments a programme manager must not miss, found in what changed since the last look.

:class:`AlertWatch` is told each new view and the new public events (a
client calls :meth:`AlertWatch.check` after every day and every order) and
answers with :class:`Alert` codes: a team fell idle, the money runs low, an
item was found, dogs indicated places to check, an accident or an incident,
a survey ended, the weather closed ground, the budget changed. The window
shows them and may pause time (an option, on by default for new players);
``game.text.alerts`` words them. Pure logic, no pygame; it reads only the
player's view, never the truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from game.run.money import money_outlook

#: Alert codes, most urgent first, and whether each one pauses time when auto-pause is on.
ALERTS: dict[str, bool] = {
    "accident": True,  # a deminer was hurt
    "incident": True,  # a person from the villages was hurt
    "money_out": True,  # the budget cannot pay much longer: days_left of money
    "money_low": True,
    "find": True,  # an item was found
    "indication": True,  # dogs indicated places a manual team must check
    "survey_done": True,  # a (non-technical or technical) survey ended: decide what to do with the land
    "team_idle": True,  # a team finished or lost its task and waits for orders (paid all the same)
    "report": True,  # a new report from the community
    "funding": True,  # money added or cut
    "weather": False,  # weather that stops work
    "returnees": True,  # people came back: land in use changes
}

#: Money is low when it lasts fewer days than this and fewer than the days left in the level.
LOW_MONEY_DAYS = 20
#: ... and it is about to run out below this many days.
OUT_MONEY_DAYS = 5


@dataclass(frozen=True, slots=True)
class Alert:
    """One thing to tell the player now: a code of :data:`ALERTS`, its parameters and its day."""

    code: str
    day: int
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def pauses(self) -> bool:
        return ALERTS.get(self.code, False)


class AlertWatch:
    """Remembers what the player was last told, so each alert is given once, when it happens."""

    def __init__(self, view, catalogue: dict):
        self._catalogue = catalogue
        self._busy = {t.name for t in view.teams if t.deployed and t.task_kind is not None}
        self._money_state = self._money_level(view)

    def _money_level(self, view) -> str:
        per_day, days_of_money = money_outlook(view, self._catalogue)
        days_left = max(0, view.last_day - view.day + 1)
        if per_day <= 0 or days_of_money >= days_left:
            return "ok"
        if days_of_money < OUT_MONEY_DAYS:
            return "money_out"
        if days_of_money < LOW_MONEY_DAYS:
            return "money_low"
        return "ok"

    def check(self, view, events: Iterable[Any]) -> list[Alert]:
        """The alerts of what happened since the last call (``events``: the new public events), most
        urgent first."""
        out: list[Alert] = []
        day = view.day
        events = list(events)
        finished = {e.params.get("team") for e in events if e.code.endswith("_done") and e.params.get("team")}
        for e in events:
            p = e.params
            if e.code == "accident":
                out.append(Alert("accident", e.day, {"team": p.get("team"), "killed": bool(p.get("killed"))}))
            elif e.code == "incident":
                out.append(Alert("incident", e.day, {"village": p.get("village"), "killed": bool(p.get("killed"))}))
            elif e.code == "find":
                out.append(Alert("find", e.day, {"team": p.get("team"), "item_kind": p.get("item_kind"),
                                                 "method": p.get("method"), "x": p.get("x"), "y": p.get("y")}))
            elif e.code == "indication":
                out.append(Alert("indication", e.day, {"team": p.get("team"), "places": int(p.get("places", 0))}))
            elif e.code in ("survey_done", "technical_survey_done"):
                out.append(Alert("survey_done", e.day, {"kind": e.code, **dict(p)}))
            elif e.code == "evidence" and p.get("zone"):
                out.append(Alert("report", e.day, {"zone": p.get("zone")}))
            elif e.code == "funding":
                out.append(Alert("funding", e.day, {"amount_usd": float(p.get("amount_usd", 0.0)),
                                                    "message": p.get("message")}))
            elif e.code == "weather" and p.get("weather") not in (None, "clear"):
                out.append(Alert("weather", e.day, {"weather": p.get("weather"), "days": int(p.get("days", 1)),
                                                    "message": p.get("message")}))
            elif e.code == "returnees":
                out.append(Alert("returnees", e.day, {"village": p.get("village"), "people": int(p.get("people", 0))}))
        busy_now = {t.name for t in view.teams if t.deployed and t.task_kind is not None}
        for t in view.teams:
            if t.deployed and (t.name in self._busy or t.name in finished) and t.name not in busy_now:
                out.append(Alert("team_idle", day, {"team": t.name}))
        self._busy = busy_now
        level = self._money_level(view)
        if level != "ok" and level != self._money_state and not (level == "money_low"
                                                                  and self._money_state == "money_out"):
            per_day, days_of_money = money_outlook(view, self._catalogue)
            out.append(Alert(level, day, {"days": days_of_money, "per_day_usd": per_day,
                                          "budget_usd": view.budget_usd}))
        self._money_state = level
        order = list(ALERTS)
        out.sort(key=lambda a: order.index(a.code))
        return out
