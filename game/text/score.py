"""The score card and the level's objectives, in words (the command line's score card, the debrief)."""

from __future__ import annotations

from typing import Any

from game.text import N_, _, ngettext
from game.text.events import end_reason
from game.text.formats import area, days, money, number
from game.text.labels import join
from game.text.names import Names


#: The parts of the score (keys of game.scoring.ScoreCard.points), in words.
POINTS = {
    "released_land": N_("released land"), "unjustified_releases": N_("land released without evidence"),
    "safety": N_("safety"), "objectives": N_("objectives"), "skipped_procedures": N_("skipped procedures"),
}


def objective_text(objective: Any, names: Names | None = None) -> str:
    """An objective as the student reads it: the level's own text, else a plain default for its kind."""
    if getattr(objective, "text", None):
        return _(str(objective.text))
    by = objective.by_day
    zone = names.zone(objective.zone) if names is not None and objective.zone else str(objective.zone or "")
    village = names.village(objective.village) if names is not None and objective.village \
        else str(objective.village or "")
    kind = objective.kind
    if kind == "no_casualties":
        return _("Keep people safe")
    if kind == "within_budget":
        return _("Stay within the budget")
    if kind == "release_zone":
        return (_("Make {zone} safe and release it by day {day}") if by else _("Make {zone} safe and release it")
                ).format(zone=zone, day=by)
    if kind == "release_area":
        return (_("Release {area} by day {day}") if by else _("Release {area}")).format(
            area=area(float(objective.area_m2 or 0)), day=by)
    if kind == "educate_village":
        return (_("Risk education in {village} by day {day}") if by else _("Risk education in {village}")).format(
            village=village, day=by)
    return kind


def format_card(card: Any, level: Any = None, names: Names | None = None) -> str:
    """The score card as lines of plain text (for the command line)."""
    r = card.released_m2
    found = sum(card.items_found.values())
    lines = [
        _("Level {level}, seed {seed}: {days} ({reason})").format(
            level=card.level_id, seed=card.seed, days=days(card.days_played), reason=end_reason(card.end_reason)),
        _("Released {total}: cancelled {cancelled}, reduced {reduced}, cleared {cleared}").format(
            total=area(r["total"]), cancelled=area(r["cancelled"]), reduced=area(r["reduced"]),
            cleared=area(r["cleared"])),
        ngettext("{n} item found", "{n} items found", found).format(n=number(found)),
        _("Items left in released land: {released}; left anywhere: {anywhere}").format(
            released=number(card.items_left_in_released_land), anywhere=number(card.items_left_total)),
        _("Deminers injured {di}, killed {dk}; civilians injured {ci}, killed {ck}").format(
            di=card.deminers["injured"], dk=card.deminers["killed"], ci=card.civilians["injured"],
            ck=card.civilians["killed"]),
        _("Spent {spent}; left {left}").format(spent=money(card.spent_usd), left=money(card.budget_left_usd)),
    ]
    objectives = list(getattr(level, "objectives", ()) or ())
    for result in card.objectives:
        text = objective_text(objectives[result.index], names) if result.index < len(objectives) else result.kind
        lines.append(f"  [{'x' if result.met else ' '}] {text}")
    parts = [_("{part} {points}").format(part=_(POINTS.get(k, k)), points=_signed(v)) for k, v in card.points.items()]
    lines.append(_("Points: {parts}").format(parts=join(parts, conjunction=False)))
    lines.append(_("Total {total} of {best} possible: grade {grade}").format(
        total=number(card.total), best=number(card.best_possible), grade=card.grade))
    return "\n".join(lines)


def _signed(value: float) -> str:
    """Points with their sign: +1,200, -50."""
    return ("+" if value >= 0 else "-") + number(abs(value))
