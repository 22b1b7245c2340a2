"""An order's preview in words: what is known of the area, what it costs, what the standards say."""

from __future__ import annotations

from typing import Any

from game.text import N_, _, ngettext
from game.text.formats import area, days, money, number, percent
from game.text.names import Names

#: What the standards say (codes of game.run.estimate.ADVICE), in words.
ADVICE = {
    "cancel_before_survey": N_("A non-technical survey has not covered all of this land yet: the order will be "
                               "refused. Survey it first (IMAS 08.10)."),
    "cancel_against_evidence": N_("There is evidence of explosive ordnance in this suspected area or within 50 m: "
                                  "cancelling it goes against the evidence (IMAS 08.10). It would be recorded as a "
                                  "decision error."),
    "cancel_after_rushed_survey": N_("The survey of this land was rushed and may have missed evidence: cancelling "
                                     "it would be recorded as a decision error. Survey it again at the safe pace."),
    "cancel_before_area_surveyed": N_("The survey of the rest of this suspected area has not ended: evidence may "
                                      "still turn up there. Cancelling now would be recorded as a decision error; "
                                      "wait until the whole area is surveyed (IMAS 08.10)."),
    "stand_down_abandons": N_("No team left can do this team's work, and the money would pay it to the last day: "
                              "sending it home now counts as abandoning work (IMAS 07.11: all reasonable effort)."),
    "clear_before_survey": N_("Nobody has surveyed this land yet: a survey may cancel most of it for much less."),
    "clear_whole_suspected": N_("This land is suspected, not confirmed: a technical survey could reduce most of it "
                                "for much less; keep full clearance for confirmed areas (IMAS 07.11)."),
    "dogs_leave_indications": N_("Dogs indicate where they smell explosives: a manual team must check every "
                                 "indication before the land counts as cleared."),
    "machine_needs_follow_up": N_("A machine prepares the ground but leaves some items live: a manual or dog team "
                                  "must follow up before the land counts as cleared."),
    "does_not_finish": N_("This work cannot finish before the level ends."),
    "money_runs_out": N_("The money runs out before this work is done."),
    "rushed_pace": N_("This team works faster than the safe procedure: more accidents, more missed items."),
    "confirm_without_evidence": N_("No evidence is known in or near this land: declaring it a confirmed hazardous "
                                   "area is a decision without evidence (IMAS 08.10)."),
    "stand_down_busy": N_("The team's task stops with it; the work done so far stays done."),
    "stand_down_rehire": N_("A team stood down leaves the programme: to have one again you hire a new team."),
    "same_ground": N_("Another team already does this work on this land. Each team goes over all the ground of its "
                      "own order, so this team would repeat that work and the land would be done no sooner: give "
                      "it other land."),
    "stand_down_final": N_("This level does not let you hire this kind of team: once stood down, it cannot come "
                           "back."),
}


def advice_text(code: str) -> str:
    return _(ADVICE.get(code, code))


def knowledge_lines(known: Any, n: Names) -> list[str]:
    """What the player knows about the area, in short lines."""
    lines = []
    if known.suspected or known.confirmed:  # what earlier surveys covered, before this order
        if known.surveyed_share <= 0:
            lines.append(_("Not surveyed yet"))
        elif known.surveyed_share >= 1:
            lines.append(_("Already surveyed in full"))
        else:
            lines.append(_("Surveyed so far: {share} of it").format(share=percent(known.surveyed_share)))
    pieces = sum(known.evidence.values())
    if pieces:
        lines.append(ngettext("{n} piece of evidence in or near it", "{n} pieces of evidence in or near it",
                              pieces).format(n=number(pieces)))
    else:
        lines.append(_("No evidence known in or near it"))
    if known.finds:
        lines.append(ngettext("{n} item already found here", "{n} items already found here",
                              known.finds).format(n=number(known.finds)))
    if known.open_indications:
        lines.append(ngettext("{n} dog indication still to check", "{n} dog indications still to check",
                              known.open_indications).format(n=number(known.open_indications)))
    return lines


#: Orders about a team, not land: their preview says nothing about evidence.
LANDLESS = ("StandDown", "Stop", "SetPace", "Hire", "EndLevel")


def preview_lines(estimate: Any, n: Names, last_day: int) -> list[str]:
    """The consequences of an order before it is sent, in short lines (the order box)."""
    if estimate is None:
        return []
    if not estimate.cells and estimate.order in ("Survey", "TechnicalSurvey", "Clear", "Mark", "Cancel", "Confirm",
                                                 "QualityAssurance"):
        known = estimate.known
        if known.cells and known.released == known.cells and estimate.order != "QualityAssurance":
            return [_("All of this land is already released: there is nothing here for this order.")]
        return [_("There is no land here this order applies to.")]
    lines = [_("{area} affected").format(area=area(estimate.area_m2))] if estimate.cells else []
    if estimate.order not in LANDLESS:  # (what is known about land: only for an order on land)
        lines += knowledge_lines(estimate.known, n)
    if estimate.work_days is None:
        lines.append(_("Takes effect at once."))
    elif estimate.work_days < 1:
        lines.append(_("Under a day of work; the programme costs {cost} a day.").format(
            cost=money(estimate.programme_per_day_usd)))
    else:
        lines.append(_("About {days} of work (until day {day}); the programme costs {cost} a day.").format(
            days=days(estimate.work_days), day=number(min(estimate.finishes_day or 0, 10 ** 6)),
            cost=money(estimate.programme_per_day_usd)))
    if estimate.one_off_usd:
        lines.append(_("Paid at once: {cost}").format(cost=money(estimate.one_off_usd)))
    if estimate.order == "StandDown" and estimate.programme_per_day_usd >= 0:
        saved = max(0.0, estimate.per_day_now_usd - estimate.programme_per_day_usd)
        lines.append(_("Saves {cost} a day.").format(cost=money(saved)))
        if estimate.rehire_usd is not None:
            lines.append(_("Hiring such a team again costs {cost} at once.").format(cost=money(estimate.rehire_usd)))
    if estimate.days_of_money != float("inf"):
        if estimate.days_of_money_now != float("inf") and round(estimate.days_of_money_now) != round(
                estimate.days_of_money):
            lines.append(_("The money lasts {days} after this order (now {now}).").format(
                days=days(estimate.days_of_money), now=days(estimate.days_of_money_now)))
        else:
            lines.append(_("The money lasts {days} at this rate.").format(days=days(estimate.days_of_money)))
    if estimate.unworkable_cells:
        lines.append(ngettext("{n} cell this team cannot work on is left out",
                              "{n} cells this team cannot work on are left out",
                              estimate.unworkable_cells).format(n=number(estimate.unworkable_cells)))
    lines += [advice_text(code) for code in estimate.advice]
    return lines
