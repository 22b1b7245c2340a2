"""The debrief's learning points (game.run.learning.Lesson) in words: what happened in this run, and the
standard or risk-education message behind it. Calm and plain; numbers through game.text.formats."""

from __future__ import annotations

from typing import Any

from game.text import N_, _, ngettext
from game.text.formats import area, days, money, number, percent
from game.text.names import Names

#: Why a release was not justified (game.sim.release.WHY), in words.
WHY = {
    "cancel_against_evidence": N_("there was evidence in or near that land"),
    "cancel_after_rushed_survey": N_("its survey had been rushed"),
    "reduced_in_a_rush": N_("the technical survey was rushed"),
    "cleared_in_a_rush": N_("the clearance was rushed"),
    "cancel_before_area_surveyed": N_("the survey of the rest of its suspected area had not ended"),
    "other": N_("the evidence did not allow it"),
}


#: What to do next time, by the kind of objective missed (game.level.model OBJECTIVE_KINDS).
OBJECTIVE_ADVICE = {
    "release_zone": N_("Plan with the deadlines in mind: survey wide first, then send clearance where the evidence "
                       "points."),
    "release_area": N_("Plan with the deadlines in mind: survey wide first, then send clearance where the evidence "
                       "points."),
    "no_casualties": N_("Items left in the ground stay dangerous after the level ends: clear the confirmed land "
                        "people need, mark it until then, and bring risk education to the villages beside it."),
    "within_budget": N_("The money must last to the last day and the programme must give land back: stand down the "
                        "teams you no longer need, and release the land the evidence allows."),
    "educate_village": N_("Send a risk-education team to the village early: its sessions take a few days."),
}


def lesson_text(lesson: Any, names: Names, level=None) -> tuple[str, str]:
    """(what happened, the principle behind it) for one lesson."""
    p, code = lesson.params, lesson.code
    if code == "decision_error":
        verb = {"cancelled": _("you cancelled"), "reduced": _("you reduced"), "cleared": _("you cleared")}.get(
            p.get("kind"), _("you released"))
        return (_("On day {day} {verb} {m2} although {why}: a release without justification.").format(
                    day=number(p.get("day", 0)), verb=verb, m2=area(float(p.get("m2", 0))),
                    why=_(WHY.get(str(p.get("why")), WHY["other"]))),
                _("IMAS 07.11: land is released only on evidence and after all reasonable effort; a decision "
                  "without it is an error even when the land turns out empty."))
    if code == "civilians_hurt":
        n = int(p.get("n", 0))
        text = ngettext("{n} person from the villages was hurt.", "{n} people from the villages were hurt.",
                        n).format(n=number(n))
        if not p.get("marked") or not p.get("educated"):
            text += " " + _("Marking and risk education lower the danger while clearance catches up.")
        return text, _("Risk education: stay on paths and roads in use; do not touch; report what you see "
                       "(IMAS 12.10).")
    if code == "deminers_hurt":
        n = int(p.get("n", 0))
        text = ngettext("{n} deminer was hurt.", "{n} deminers were hurt.", n).format(n=number(n))
        if p.get("rushed"):
            text += " " + _("Some teams were rushed beyond their standard procedure.")
        return text, _("IMAS 10.10: safety first; work by the standard operating procedure, with a medic on site.")
    if code == "money_ran_out":
        text = _("The money ran out on day {day}.").format(day=number(p.get("day", 0)))
        if p.get("idle_cost_usd"):
            text += " " + _("Idle teams alone had cost {cost}.").format(cost=money(p["idle_cost_usd"]))
        return text, _("Every deployed team is paid each day, busy or idle: watch the days of money in the top "
                       "bar, and stand down the teams you no longer need.")
    if code == "items_left_released":
        n = int(p.get("n", 0))
        kind = p.get("kind")
        if kind == "cancelled":
            return (ngettext("{n} item was still in land you cancelled.", "{n} items were still in land you "
                             "cancelled.", n).format(n=number(n)),
                    _("IMAS 08.10: cancel land only when a complete non-technical survey finds no evidence. Risk "
                      "education: no sign does not mean safe."))
        if kind == "reduced":
            return (ngettext("{n} item lay in land you reduced after technical survey.",
                             "{n} items lay in land you reduced after technical survey.", n).format(n=number(n)),
                    _("IMAS 08.20: technical survey samples lanes; where evidence points, search more or clear."))
        return (ngettext("Clearance missed {n} item.", "Clearance missed {n} items.", n).format(n=number(n)),
                _("IMAS 09.20: quality assurance samples released land to catch what was missed."))
    if code == "residual_risk":
        n = int(p.get("n", 0))
        return (ngettext("{n} item was still in land you released on the evidence you had.",
                         "{n} items were still in land you released on the evidence you had.", n).format(n=number(n)),
                _("No survey or search finds everything: the standards accept this residual risk after all "
                  "reasonable effort (IMAS 07.11). Quality assurance and people's reports find some of it; "
                  "risk education keeps people careful."))
    if code == "cancel_before_survey":
        where = names.area(p.get("area"))
        if p.get("survey_running"):
            text = _("On day {day} you tried to cancel {area} while its survey was still going on (refused).")
        else:
            text = _("On day {day} you tried to cancel {area} with {share} of it surveyed (refused).")
        text = text.format(day=number(p.get("day", 0)), area=where, share=percent(float(p.get("surveyed_share", 0))))
        times = int(p.get("times", 1))
        if times > 1:
            text += " " + ngettext("({n} attempt in all.)", "({n} attempts in all.)", times).format(
                n=number(times))
        return text, _("IMAS 08.10: wait for the survey's result; a cancellation is a decision on evidence.")
    if code == "unchecked_indications":
        n = int(p.get("n", 0))
        text = ngettext("{n} dog indication was never checked.", "{n} dog indications were never checked.",
                        n).format(n=number(n))
        if p.get("items"):
            text += " " + ngettext("{n} item was there.", "{n} items were there.", int(p["items"])).format(
                n=number(int(p["items"])))
        return text, _("IMAS 09.40: a dog indicates, a manual team checks every indication before the land "
                       "counts as cleared.")
    if code == "cleared_suspected":
        text = _("On day {day} you sent a clearance team over {m2} of suspected land in {area} with no evidence, "
                 "and it found nothing.").format(day=number(p.get("day", 0)), m2=area(float(p.get("m2", 0))),
                                                 area=names.area(p.get("area")))
        return text, _("A technical survey samples such land in lanes and reduces most of it for much less; keep "
                       "full clearance for confirmed areas (IMAS 07.11, 08.20).")
    if code == "idle_team_days":
        text = _("Teams stood idle for {days} in all, out of {total} team-days, at a cost of {cost}; {team} was "
                 "idle for {idle}.").format(days=days(p.get("days", 0)), total=number(p.get("team_days", 0)),
                                           cost=money(p.get("cost_usd", 0)), team=names.team(str(p.get("team"))),
                                           idle=days(p.get("team_idle", 0)))
        return text, _("Give idle teams work, or stand them down: an idle team is paid all the same.")
    if code == "objective_missed":
        from game.text.score import objective_text

        index = int(p.get("index", 0))
        objective = level.objectives[index] if level is not None else None
        text = objective_text(objective, names) if objective is not None else ""
        advice = _(OBJECTIVE_ADVICE.get(getattr(objective, "kind", ""), OBJECTIVE_ADVICE["release_zone"]))
        return _("Objective missed: {text}").format(text=text), advice
    if code == "nothing_released":
        return (_("No land was released this time."),
                _("Start with a non-technical survey of each suspected area: most of it can be cancelled when there "
                  "is no evidence (IMAS 08.10)."))
    if code == "harm_averted":
        averted, idle = float(p.get("averted", 0)), float(p.get("idle", 0))
        text = _("Your work is expected to prevent {share} of the harm the items would have done if nobody had "
                 "acted ({averted} of {idle} expected casualties, an estimate).").format(
            share=percent(averted / idle if idle else 0), averted=number(averted, 1), idle=number(idle, 1))
        if p.get("marked_m2"):
            text += " " + _("Signs around {m2}: {n} expected casualties prevented.").format(
                m2=area(float(p["marked_m2"])), n=_casualties(p.get("marking_averted", 0)))
        if p.get("educated"):
            n = int(p["educated"])
            text += " " + ngettext("Risk education in {n} village: {harm} expected casualties prevented.",
                                   "Risk education in {n} villages: {harm} expected casualties prevented.", n).format(
                n=number(n), harm=_casualties(p.get("education_averted", 0)))
        return text, _("Marking and risk education protect people while clearance catches up (IMAS 08.40, 12.10).")
    if code == "clean_release":
        return (_("You released {m2} with nobody hurt and no item left behind.").format(m2=area(float(p.get("m2", 0)))),
                _("This is land release as IMAS 07.11 intends: evidence, not fear, decides."))
    return code, ""


#: Why a grade was capped (game.scoring.card grade_caps), in words.
CAPS = {
    "decision_error": N_("land was released without justification"),
    "rushed_death": N_("a deminer died working at a rushed pace"),
    "released_without_qa": N_("land reduced or cleared was never handed over by quality assurance"),
    "hazards_left_unmarked": N_("confirmed hazards near villages were left unmarked"),
    "villages_without_risk_education": N_("villages beside known hazards had no risk education"),
    "areas_never_surveyed": N_("suspected areas were never surveyed"),
    "work_abandoned": N_("teams were sent home with work to do and the money to pay them"),
    "too_little": N_("almost no land was released"),
}


def _casualties(value: Any) -> str:
    """Expected casualties as a number a student can read: one decimal, two when it is below 0.1 (not "0.0")."""
    x = float(value or 0)
    if 0 < abs(x) < 0.005:  # "0.00" would read as "nothing"
        return _("less than {n}").format(n=number(0.01, 2))
    return number(x, 2 if 0 < abs(x) < 0.1 else 1)


def grade_caps_text(caps) -> str:
    """Why the grade could go no higher, in one sentence ("" when nothing capped it)."""
    reasons = [_(CAPS.get(c, c)) for c in caps]
    if not reasons:
        return ""
    return _("The grade could go no higher because {reasons}.").format(reasons=_("; ").join(reasons))


def objective_note(kind: str, met: bool, card: Any, catalogue: dict) -> str:
    """What an objective was judged on, when its words alone could mislead: "keep people safe" is judged by
    the harm the run is expected to cause, during the level and after it, not only by who was hurt."""
    if kind != "no_casualties" or met:
        return ""
    harm = getattr(card, "expected_harm", None) or {}
    idle = float(harm.get("civilian_idle", 0.0))
    if idle <= 0:
        return ""
    w = catalogue.get("score_weights", {})
    left = idle - float(harm.get("civilian_averted", 0.0))
    limit = idle * float(w.get("safe_share_of_idle_harm", 0.5))
    return _("Judged by the items still in the ground: on average they would hurt {left} people during the level "
             "and in the years after it (an estimate). Doing nothing would hurt {idle}. To meet this objective, "
             "that must be {limit} or fewer.").format(left=number(left, 1), idle=number(idle, 1),
                                                 limit=number(limit, 1))
