"""Alerts (game.run.alerts) in words: a short headline the window shows, and what to think about next."""

from __future__ import annotations

from typing import Any, Callable

from game.text import _, ngettext
from game.text.formats import days, money, number
from game.text.names import Names


def alert_text(alert: Any, names: Names, level_text: Callable[[int], str] | None = None) -> str:
    """One alert as a sentence a student reads at a glance."""
    p, code = alert.params, alert.code
    lt = level_text or (lambda i: "")
    if code == "accident":
        text = _("Accident: a deminer of {team} was killed.") if p.get("killed") else \
            _("Accident: a deminer of {team} was injured.")
        return text.format(team=names.team(p.get("team") or ""))
    if code == "incident":
        village = p.get("village")
        if village:
            text = _("Near {village}, a person was killed by an explosive item.") if p.get("killed") else \
                _("Near {village}, a person was injured by an explosive item.")
            return text.format(village=names.village(village))
        return _("A person was killed by an explosive item.") if p.get("killed") else \
            _("A person was injured by an explosive item.")
    if code in ("money_low", "money_out"):
        head = _("Money is running out:") if code == "money_out" else _("Money is running low:")
        return head + " " + _("{budget} left lasts {days} at {per_day} a day. Stand down idle teams or plan "
                              "the end.").format(budget=money(p.get("budget_usd", 0.0)),
                                                 days=days(p.get("days", 0.0)), per_day=money(p.get("per_day_usd", 0)))
    if code == "find":
        return _("{team} found an item: {item}.").format(team=names.team(p.get("team") or "") if p.get("team")
                                                          else _("A team"), item=names.item(str(p.get("item_kind"))))
    if code == "indication":
        n = int(p.get("places", 0))
        return ngettext("{team}'s dogs indicated {n} place: a manual team must check it.",
                        "{team}'s dogs indicated {n} places: a manual team must check them.", n).format(
            team=names.team(p.get("team") or ""), n=number(n))
    if code == "survey_done":
        where = names.area(p.get("area"))
        if p.get("kind") == "technical_survey_done":
            finds = int(p.get("finds", 0))
            if finds:
                return ngettext("Technical survey of {area} done: {n} find. Decide what to clear.",
                                "Technical survey of {area} done: {n} finds. Decide what to clear.", finds).format(
                    area=where, n=number(finds))
            return _("Technical survey of {area} done: no find, the land is reduced.").format(area=where)
        pieces = int(p.get("evidence", 0))
        if pieces:
            return ngettext("Survey of {area} done: {n} piece of evidence. Confirm, mark or survey further.",
                            "Survey of {area} done: {n} pieces of evidence. Confirm, mark or survey further.",
                            pieces).format(area=where, n=number(pieces))
        return _("Survey of {area} done: no evidence found by the survey. Check the reports before you cancel "
                 "land.").format(area=where)
    if code == "team_idle":
        return _("{team} has no task and is waiting for orders (paid all the same).").format(
            team=names.team(p.get("team") or ""))
    if code == "report":
        return _("New report from the community about {zone}.").format(zone=names.zone(str(p.get("zone"))))
    if code == "funding":
        if p.get("message") is not None and lt(int(p["message"])):
            return lt(int(p["message"]))
        amount = float(p.get("amount_usd", 0.0))
        return (_("Funding: {amount} added to the budget.") if amount >= 0 else
                _("Funding cut: {amount} less in the budget.")).format(amount=money(abs(amount)))
    if code == "weather":
        if p.get("message") is not None and lt(int(p["message"])):
            return lt(int(p["message"]))
        return ngettext("Bad weather for {n} day: some ground cannot be worked.",
                        "Bad weather for {n} days: some ground cannot be worked.", int(p.get("days", 1))).format(
            n=number(int(p.get("days", 1))))
    if code == "returnees":
        n = int(p.get("people", 0))
        return ngettext("{n} person came back to {village}: more land is in use.",
                        "{n} people came back to {village}: more land is in use.", n).format(
            n=number(n), village=names.village(str(p.get("village"))))
    return code
