"""The news: an event of the simulation (a code with parameters) in words.

:func:`event_text` is the one place events become sentences; the tone stays
calm and non-graphic ("a farmer was injured"). Level-authored texts (a
scripted message, a funding note) come from the level through ``level_text``.
"""

from __future__ import annotations

from typing import Any, Callable

from game.sim.events import Event
from game.text import N_, _, ngettext
from game.text.formats import area, days, money, number
from game.text.names import Names

#: Who an incident involved (codes of game.sim.wording), in words.
# TRANSLATORS: the person an explosive item hurt, as the object of "An explosive item injured {who}."
SUBJECTS = {
    "farmer": N_("a farmer"), "shepherd": N_("a shepherd"), "firewood_gatherer": N_("a person gathering firewood"),
    "driver": N_("a driver"), "water_carrier": N_("a person fetching water"),
    "returning_resident": N_("a returning resident"), "villager": N_("a villager"),
}

#: Why a level ended (codes of game.sim.events.END_REASONS), in words.
END_REASONS = {
    "last_day": N_("the last day of the level has passed"),
    "budget": N_("the money ran out: the budget cannot pay another day of the teams"),
    "player": N_("you ended the level"),
}


def end_reason(code: str) -> str:
    return _(END_REASONS.get(code, code)) if code else ""


def subject(code: str) -> str:
    return _(SUBJECTS.get(code, SUBJECTS["villager"]))


def event_text(event: Event, names: Names, level_text: Callable[[int], str] | None = None) -> str:
    """One event as a sentence; ``level_text(i)`` gives the text of the level's i-th scripted event."""
    handler = _TEXTS.get(event.code)
    if handler is None:
        return _("Something happened ({code}).").format(code=event.code)
    return handler(event.params, names, level_text or (lambda i: ""))


def _find(p: dict[str, Any], n: Names, lt) -> str:
    item = n.item(str(p.get("item_kind", "")))
    method = p.get("method")
    if method == "technical_survey":
        return _("{team} found an item: {item}. The land around it is now a confirmed hazardous area.").format(
            team=n.team(p.get("team", "")), item=item)
    if method == "machine":
        return _("{team} destroyed an item: {item}.").format(team=n.team(p.get("team", "")), item=item)
    if method == "quality_assurance":
        return _("Quality assurance found an item in land already released: {item}.").format(item=item)
    return _("{team} found and destroyed an item: {item}.").format(team=n.team(p.get("team", "")), item=item)


def _missed(p: dict[str, Any], n: Names, lt) -> str:
    return _("{team} passed an item without finding it: {item}.").format(
        team=n.team(p.get("team", "")) if p.get("team") else _("A team"), item=n.item(str(p.get("item_kind", ""))))


def _accident(p: dict[str, Any], n: Names, lt) -> str:
    team = n.team(p.get("team", ""))
    if p.get("killed"):
        text = _("A deminer of {team} was killed in an accident while excavating a signal.") if p.get("excavating") \
            else _("A deminer of {team} was killed in an accident while searching.")
    else:
        text = _("A deminer of {team} was injured in an accident while excavating a signal.") if p.get("excavating") \
            else _("A deminer of {team} was injured in an accident while searching.")
    return text.format(team=team)


def _incident(p: dict[str, Any], n: Names, lt) -> str:
    who = subject(str(p.get("subject", "villager")))
    village = p.get("village")
    released = bool(p.get("released_land"))
    if p.get("killed"):
        if released:
            text = _("Near {village}, an explosive item killed {who} on land that had been released.") if village \
                else _("An explosive item killed {who} on land that had been released.")
        else:
            text = _("Near {village}, an explosive item killed {who}.") if village \
                else _("An explosive item killed {who}.")
    elif released:
        text = _("Near {village}, an explosive item injured {who} on land that had been released.") if village \
            else _("An explosive item injured {who} on land that had been released.")
    else:
        text = _("Near {village}, an explosive item injured {who}.") if village \
            else _("An explosive item injured {who}.")
    return text.format(village=n.village(village) if village else "", who=who)


def _evidence(p: dict[str, Any], n: Names, lt) -> str:
    pieces = int(p.get("pieces", 0))
    if p.get("zone"):
        return ngettext("A report points to explosive ordnance in {zone}: {n} piece of evidence.",
                        "A report points to explosive ordnance in {zone}: {n} pieces of evidence.",
                        pieces).format(zone=n.zone(p["zone"]), n=number(pieces))
    return ngettext("{team} recorded {n} piece of evidence.", "{team} recorded {n} pieces of evidence.",
                    pieces).format(team=n.team(p.get("team", "")), n=number(pieces))


def _indication(p: dict[str, Any], n: Names, lt) -> str:
    places = int(p.get("places", 0))
    return ngettext("{team}'s dogs indicated {n} place; a manual team must check it.",
                    "{team}'s dogs indicated {n} places; a manual team must check them.", places).format(
        team=n.team(p.get("team", "")), n=number(places))


def _machine_damaged(p: dict[str, Any], n: Names, lt) -> str:
    return _("{team} set off an anti-vehicle mine and is out of action for {days}.").format(
        team=n.team(p.get("team", "")), days=days(int(p.get("days", 0))))


def _survey_done(p: dict[str, Any], n: Names, lt) -> str:
    pieces = int(p.get("evidence", 0))
    if pieces == 0:
        return _("{team} finished the survey of {area}: no evidence of explosive ordnance was found.").format(
            team=n.team(p.get("team", "")), area=n.area(p.get("area")))
    return ngettext("{team} finished the survey of {area}: {n} piece of evidence.",
                    "{team} finished the survey of {area}: {n} pieces of evidence.", pieces).format(
        team=n.team(p.get("team", "")), area=n.area(p.get("area")), n=number(pieces))


def _technical_survey_done(p: dict[str, Any], n: Names, lt) -> str:
    finds = int(p.get("finds", 0))
    team, where = n.team(p.get("team", "")), n.area(p.get("area"))
    if finds:
        return ngettext("{team} finished the technical survey of {area}: {n} find; the land around it is "
                        "confirmed and {suspected} is still suspected.",
                        "{team} finished the technical survey of {area}: {n} finds; the land around them is "
                        "confirmed and {suspected} is still suspected.", finds).format(
            team=team, area=where, n=number(finds), suspected=area(float(p.get("suspected_m2", 0.0))))
    return _("{team} finished the technical survey of {area}: no find, {reduced} reduced.").format(
        team=team, area=where, reduced=area(float(p.get("reduced_m2", 0.0))))


def _clearance_done(p: dict[str, Any], n: Names, lt) -> str:
    finds = int(p.get("finds", 0))
    if finds == 0:
        return _("{team} finished clearing {area}: no item found.").format(
            team=n.team(p.get("team", "")), area=n.area(p.get("area")))
    return ngettext("{team} finished clearing {area}: {n} item found.",
                    "{team} finished clearing {area}: {n} items found.", finds).format(
        team=n.team(p.get("team", "")), area=n.area(p.get("area")), n=number(finds))


def _marking_done(p: dict[str, Any], n: Names, lt) -> str:
    return _("Marking of {area} is complete: warning signs stand around it.").format(area=n.area(p.get("area")))


def _education_done(p: dict[str, Any], n: Names, lt) -> str:
    return _("{team} finished risk education in {village}: people know not to touch, to keep to paths in use "
             "and to report what they see.").format(team=n.team(p.get("team", "")),
                                                     village=n.village(str(p.get("village", ""))))


def _qa_done(p: dict[str, Any], n: Names, lt) -> str:
    if p.get("failed"):
        return _("Quality assurance found a missed item in {area}: its released land goes back to "
                 "suspected.").format(area=n.area(p.get("area")))
    return _("Quality assurance of {area} passed.").format(area=n.area(p.get("area")))


_WEATHER = {"heat": N_("A heatwave"), "rain": N_("Heavy rain"), "storm": N_("A storm"), "snow": N_("Snow")}


def _weather(p: dict[str, Any], n: Names, lt) -> str:
    if p.get("message") is not None:
        return lt(int(p["message"]))
    kind = str(p.get("weather", "clear"))
    if kind == "clear":
        return _("The weather has cleared.")
    return _("{weather} for {days}: some teams cannot work.").format(
        weather=_(_WEATHER.get(kind, kind)), days=days(int(p.get("days", 1))))


def _funding(p: dict[str, Any], n: Names, lt) -> str:
    if p.get("message") is not None:
        return lt(int(p["message"]))
    amount = float(p.get("amount_usd", 0.0))
    if amount >= 0:
        return _("{amount} was added to the budget.").format(amount=money(amount))
    return _("{amount} was cut from the budget.").format(amount=money(-amount))


def _message(p: dict[str, Any], n: Names, lt) -> str:
    return lt(int(p.get("message", -1)))


def _returnees(p: dict[str, Any], n: Names, lt) -> str:
    people = int(p.get("people", 0))
    return ngettext("{n} person returned to {village}; more land is in use.",
                    "{n} people returned to {village}; more land is in use.", people).format(
        n=number(people), village=n.village(str(p.get("village", ""))))


def _level_start(p: dict[str, Any], n: Names, lt) -> str:
    return _("Day 1 of {days}; the budget is {budget}.").format(days=number(int(p.get("days", 0))),
                                                                  budget=money(float(p.get("budget_usd", 0))))


def _level_end(p: dict[str, Any], n: Names, lt) -> str:
    return _("The level is over: {reason}.").format(reason=end_reason(str(p.get("reason", ""))))


def _order(p: dict[str, Any], n: Names, lt) -> str:
    from game.text.orders import order_text

    return order_text(p.get("order") or {}, n)


_TEXTS: dict[str, Callable[[dict[str, Any], Names, Callable[[int], str]], str]] = {
    "level_start": _level_start, "level_end": _level_end, "order": _order, "find": _find, "missed": _missed,
    "accident": _accident, "incident": _incident, "evidence": _evidence, "indication": _indication,
    "machine_damaged": _machine_damaged, "survey_done": _survey_done,
    "technical_survey_done": _technical_survey_done, "clearance_done": _clearance_done,
    "marking_done": _marking_done, "education_done": _education_done, "quality_assurance_done": _qa_done,
    "weather": _weather, "funding": _funding, "message": _message, "returnees": _returnees,
}
