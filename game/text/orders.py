"""Orders and the simulation's answers to them, in words.

:func:`order_text` words a command (as ``game.sim.commands.to_dict`` gives
it) for the news; :func:`outcome_text` words an
:class:`~game.sim.orders.Outcome`: why an order was refused, or the note of
an accepted one (how many m² were cancelled, what marking costs).
"""

from __future__ import annotations

from typing import Any, Callable

from game.text import _, ngettext
from game.text.events import end_reason
from game.text.formats import area, money, number
from game.text.names import Names


def order_text(order: dict[str, Any], n: Names) -> str:
    """A command as the news tells it: "Order: Survey team 1 surveys North field."."""
    kind = order.get("type")
    team = n.team(str(order.get("team", ""))) if order.get("team") else ""
    where = n.area(order.get("area")) if "area" in order else ""
    texts: dict[str, Callable[[], str]] = {
        "Survey": lambda: _("Order: {team} surveys {area}.").format(team=team, area=where),
        "TechnicalSurvey": lambda: _("Order: {team} carries out a technical survey of {area}.").format(
            team=team, area=where),
        "Clear": lambda: _("Order: {team} clears {area}.").format(team=team, area=where),
        "Mark": lambda: _("Order: mark {area}.").format(area=where),
        "Educate": lambda: _("Order: {team} holds risk education sessions in {village}.").format(
            team=team, village=n.village(str(order.get("village", "")))),
        "Cancel": lambda: _("Order: cancel {area}.").format(area=where),
        "Confirm": lambda: _("Order: confirm {area} as a hazardous area.").format(area=where),
        "Hire": lambda: _("Order: hire a {team_type}.").format(
            team_type=n.team_type(str(order.get("team_type", ""))).lower()),
        "StandDown": lambda: _("Order: {team} stands down.").format(team=team),
        "Stop": lambda: _("Order: {team} stops its task.").format(team=team),
        "SetPace": lambda: (_("Order: {team} works faster than the safe procedure.") if order.get("pace") == "rushed"
                            else _("Order: {team} works by the safe procedure.")).format(team=team),
        "QualityAssurance": lambda: _("Order: quality assurance of {area}.").format(area=where),
        "EndLevel": lambda: _("Order: end the level."),
    }
    return texts.get(str(kind), lambda: _("Order: {kind}.").format(kind=kind))()


def outcome_text(code: str, params: dict[str, Any], n: Names) -> str:
    """Why an order was refused, or the note of an accepted one ("" when there is nothing to add)."""
    p = params or {}
    team = n.team(str(p.get("team", ""))) if p.get("team") else ""
    where = n.area(p.get("area")) if "area" in p else ""
    handler = _OUTCOMES.get(code)
    if handler is None:
        return _("The order cannot be carried out ({code}).").format(code=code)
    return handler(p, n, team, where)


def _team_cannot(p, n: Names, team: str, where: str) -> str:
    what = {
        "survey": _("carry out a non-technical survey"),
        "technical_survey": _("carry out a technical survey"),
        "clear": _("clear land"),
        "educate": _("hold risk education sessions"),
    }.get(str(p.get("order")), _("do that"))
    return _("{team} is a {team_type}; it cannot {what}.").format(
        team=team, team_type=n.team_type(str(p.get("team_type", ""))).lower(), what=what)


def _list(names: list[str]) -> str:
    from game.text.labels import join

    return join(names)


_OUTCOMES: dict[str, Callable[[dict, Names, str, str], str]] = {
    "accepted": lambda p, n, team, where: "",
    "not_an_order": lambda p, n, team, where: _("That is not an order the game knows."),
    "invalid_order": lambda p, n, team, where: _("That order is not valid."),
    "level_ended": lambda p, n, team, where: _("The level has ended ({reason}).").format(
        reason=end_reason(str(p.get("reason", "")))),
    "wrong_day": lambda p, n, team, where: _("This order is dated another day; today is day {today}.").format(
        today=number(int(p.get("today", 0)))),
    "team_not_named": lambda p, n, team, where: _("Choose a team first."),
    "no_such_team": lambda p, n, team, where: _("There is no such team."),
    "team_stood_down": lambda p, n, team, where: _("{team} has been stood down; hire a new team.").format(team=team),
    "team_cannot": _team_cannot,
    "team_busy": lambda p, n, team, where: _("{team} is busy in {area}; stop it first.").format(
        team=team, area=where),
    "no_such_zone": lambda p, n, team, where: _("There is no zone called {zone} on this map.").format(
        zone=n.zone(str(p.get("zone", "")))),
    "zone_without_cells": lambda p, n, team, where: _("{zone} covers no land of the map.").format(
        zone=n.zone(str(p.get("zone", "")))),
    "bad_rectangle": lambda p, n, team, where: _("Drag a rectangle with a width and a height."),
    "rectangle_outside_map": lambda p, n, team, where: _("That rectangle lies outside the map."),
    "bad_area": lambda p, n, team, where: _("Choose a zone, or drag a rectangle on the map."),
    "already_released": lambda p, n, team, where: _("Nothing to survey in {area}: its land is already "
                                                     "released.").format(area=where),
    "cancel_before_survey": lambda p, n, team, where: _("{area} cannot be cancelled yet: a non-technical survey has "
                                                         "not covered {unsurveyed} of it. Survey it first; only "
                                                         "land with no evidence may be cancelled.").format(
        area=where, unsurveyed=area(float(p.get("unsurveyed_m2", 0)))),
    "no_suspected_land": lambda p, n, team, where: _("There is no suspected land in {area}.").format(area=where),
    "terrain_unworkable": lambda p, n, team, where: _("{team} cannot work on the ground of {area} (machines "
                                                       "cannot work on water, buildings or rocky ground; dogs "
                                                       "cannot work in forest).").format(team=team, area=where),
    "nothing_to_clear": lambda p, n, team, where: _("There is no suspected or confirmed land left to clear in "
                                                     "{area}.").format(area=where),
    "nothing_to_mark": lambda p, n, team, where: _("There is no unmarked suspected or confirmed land in {area} "
                                                    "(or its marking is already under way).").format(area=where),
    "marking_unaffordable": lambda p, n, team, where: _("Marking {metres} m of perimeter costs {cost}; the budget "
                                                         "has {budget}.").format(
        metres=number(float(p.get("metres", 0))), cost=money(float(p.get("cost_usd", 0))),
        budget=money(float(p.get("budget_usd", 0)))),
    "no_such_village": lambda p, n, team, where: _("There is no such village (villages: {villages}).").format(
        villages=_list([n.village(v) for v in p.get("villages", [])])),
    "confirmed_cannot_be_cancelled": lambda p, n, team, where: _("Confirmed land cannot be cancelled; it needs "
                                                                  "clearance."),
    "nothing_to_confirm": lambda p, n, team, where: _("There is no unknown or suspected land in {area} to "
                                                       "confirm.").format(area=where),
    "unknown_team_type": lambda p, n, team, where: _("That is not a kind of team."),
    "not_hireable": lambda p, n, team, where: _("This level does not let you hire a {team_type} (you can hire: "
                                                 "{hireable}).").format(
        team_type=n.team_type(str(p.get("team_type", ""))).lower(),
        hireable=_list([n.team_type(t).lower() for t in p.get("hireable", [])])),
    "hire_unaffordable": lambda p, n, team, where: _("Hiring a {team_type} costs {cost} plus its daily pay; the "
                                                      "budget has {budget}.").format(
        team_type=n.team_type(str(p.get("team_type", ""))).lower(), cost=money(float(p.get("cost_usd", 0))),
        budget=money(float(p.get("budget_usd", 0)))),
    "no_task": lambda p, n, team, where: _("{team} has no task to stop.").format(team=team),
    "bad_pace": lambda p, n, team, where: _("That is not a pace a team can work at."),
    "nothing_to_check": lambda p, n, team, where: _("There is no released land in {area} to check (or quality "
                                                     "assurance is already checking it).").format(area=where),
    "qa_unaffordable": lambda p, n, team, where: _("Quality assurance costs {cost} a day; the budget cannot pay "
                                                    "it.").format(cost=money(float(p.get("cost_usd", 0)))),
    "cells_left_out": lambda p, n, team, where: ngettext(
        "{n} cell its team cannot work on is left out.", "{n} cells its team cannot work on are left out.",
        int(p.get("cells", 0))).format(n=number(int(p.get("cells", 0)))),
    "marking_ordered": lambda p, n, team, where: _("Marking costs {cost}.").format(
        cost=money(float(p.get("cost_usd", 0)))),
    "cancelled": lambda p, n, team, where: _("{area} cancelled.").format(area=area(float(p.get("m2", 0)))),
    "confirmed": lambda p, n, team, where: _("{area} confirmed as a hazardous area.").format(
        area=area(float(p.get("m2", 0)))),
    "hired": lambda p, n, team, where: _("{team} hired for {cost}.").format(
        team=team, cost=money(float(p.get("cost_usd", 0)))),
    "stood_down": lambda p, n, team, where: _("{team} stood down: it no longer costs money.").format(team=team),
}
