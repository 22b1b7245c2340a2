"""Learning points for the debrief, drawn from what happened in this run.

:func:`lessons` gives :class:`Lesson` codes with their numbers and the place
on the map where each happened: every release the score's release record
judged unjustified (with its day and why), people hurt, money run out, items
left in released land, land cancelled before its survey finished, dog
indications never checked, whole suspected zones cleared where a technical
survey would have reduced them, idle team-days and their cost, a missed
objective, and what the run's work is expected to have prevented; a clean
run gets a good point. ``game.text.learning`` words each one with the IMAS
principle or risk-education message behind it. :func:`eore_messages` picks
the EORE key messages (game/content/eore.yaml) that match what happened
(:func:`happenings`). Pure logic: the final view, the truth (after the
level), the score card, the run's diary (game.run.diary) and its log; no
pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game import content
from game.text import _
from game.level.model import LAND_STATUSES

CODE = {name: i for i, name in enumerate(LAND_STATUSES)}
#: What happened in a run, most important first, with the icon the debrief shows beside its message.
HAPPENINGS = (("civilian_incident", "civilian_incident"), ("deminer_accident", "accident"),
              ("released_with_items", "uxo"), ("technical_survey_find", "technical_survey"),
              ("item_found", "find"), ("community_report", "community_report"), ("marking", "marking_sign"),
              ("evidence", "evidence"))


@dataclass(frozen=True, slots=True)
class Lesson:
    """One learning point of a run: a code of :data:`LESSONS`, its numbers, and the cell it happened at
    (shown on the debrief's truth map), or None. ``game.text.learning`` words it."""

    code: str
    params: dict = field(default_factory=dict)
    place: tuple[int, int] | None = None
    good: bool = False


#: Learning point codes, worst first (the debrief shows the first few).
LESSONS = (
    "decision_error",  # a release without justification (the score's release record): order, day, kind, why, m2
    "civilians_hurt",  # n; marked, educated: whether the run used marking and risk education at all
    "deminers_hurt",  # n, rushed
    "money_ran_out",  # day, idle_cost_usd
    "items_left_released",  # n, kind (cancelled, reduced, cleared): items in land released now without justification
    "cancel_before_survey",  # day, area, surveyed_share, survey_running, times: cancels refused, survey unfinished
    "unchecked_indications",  # n, items (live items there)
    "cleared_suspected",  # day, area, m2, finds: full clearance of suspected land a technical survey could reduce
    "idle_team_days",  # days, cost_usd, team (the most idle), team_days
    "objective_missed",  # index
    "nothing_released",
    "residual_risk",  # n: items in land released now with justification (what all reasonable effort leaves)
    "harm_averted",  # averted, idle: expected casualties the run prevented against doing nothing
    "clean_release",  # m2
)


def _first_live(truth, mask: np.ndarray) -> tuple[int, tuple[int, int] | None]:
    """How many live items lie on ``mask``, and the cell of the first."""
    n, where = 0, None
    for row, state in zip(truth.items, truth.item_states):
        x, y = int(row["x"]), int(row["y"])
        if state == "live" and mask[y, x]:
            n += 1
            where = where or (x, y)
    return n, where


def lessons(view, truth, card, diary=None, events=(), level=None, limit: int = 6) -> list[Lesson]:
    """The most telling lessons of a run, worst first, at most ``limit``: from the score card's release
    record (each unjustified release), the run's diary (what was known at each order, idle team-days),
    the final view, the log (``events``, secret ones included once the level ended) and the truth."""
    out: list[Lesson] = []
    status = np.asarray(view.status)
    cell_m2 = view.cell_size_m ** 2
    for e in sorted(getattr(card, "decision_errors", ()), key=lambda e: -float(e.get("m2", 0)))[:2]:
        out.append(Lesson("decision_error", dict(e), (int(e["x"]), int(e["y"]))))
    civ = sum(card.civilians.values())
    if civ:
        where = next(((int(e.params["x"]), int(e.params["y"])) for e in events if e.code == "incident"), None)
        marked = bool(np.asarray(view.marked).any())
        educated = any(v.educated_day for v in view.villages)
        out.append(Lesson("civilians_hurt", {"n": civ, "marked": marked, "educated": educated}, where))
    dem = sum(card.deminers.values())
    if dem:
        where = next(((int(e.params["x"]), int(e.params["y"])) for e in events if e.code == "accident"), None)
        rushed = any(e.code == "order" and (e.params.get("order") or {}).get("pace") == "rushed" for e in events)
        out.append(Lesson("deminers_hurt", {"n": dem, "rushed": rushed}, where))
    if getattr(card, "end_reason", "") == "budget":
        out.append(Lesson("money_ran_out", {"day": int(view.day),
                                            "idle_cost_usd": diary.idle_cost_usd if diary else 0.0}))
    if truth is not None:
        unjustified = getattr(truth, "unjustified_land", None)
        unjustified = np.zeros(status.shape, bool) if unjustified is None else np.asarray(unjustified)
        residual, first = 0, None
        for kind in ("cancelled", "reduced", "cleared"):
            n, where = _first_live(truth, (status == CODE[kind]) & unjustified)
            if n:
                out.append(Lesson("items_left_released", {"n": n, "kind": kind}, where))
            n, where = _first_live(truth, (status == CODE[kind]) & ~unjustified)
            residual, first = residual + n, first or where
    notes = list(diary.orders) if diary is not None else []
    early = list(diary.refused_early) if diary is not None else []
    if early:
        o = early[0]
        out.append(Lesson("cancel_before_survey", {"day": o.day, "area": o.area, "surveyed_share": o.surveyed_share,
                                                   "survey_running": o.survey_running, "times": len(early)},
                          (o.x, o.y)))
    checks = np.asarray(view.indication)
    if checks.any():
        ys, xs = np.nonzero(checks)
        live = _first_live(truth, checks)[0] if truth is not None else 0
        out.append(Lesson("unchecked_indications", {"n": int(len(xs)), "items": live}, (int(xs[0]), int(ys[0]))))
    done = {(str(e.params.get("area")), e.params.get("team")): int(e.params.get("finds", 0))
            for e in events if e.code == "clearance_done"}
    wasted = [o for o in notes if o.order == "Clear" and o.cells and o.suspected * 2 >= o.cells
              and o.evidence == 0 and done.get((str(_plain_area(o.area)), o.team), -1) == 0]
    if wasted:
        o = max(wasted, key=lambda o: o.suspected)
        out.append(Lesson("cleared_suspected", {"day": o.day, "area": o.area, "m2": o.suspected * cell_m2,
                                                "times": len(wasted)}, (o.x, o.y)))
    if diary is not None and diary.team_days and diary.idle_team_days >= max(5, diary.team_days // 10):
        team = max(diary.idle_days, key=diary.idle_days.get)
        out.append(Lesson("idle_team_days", {"days": diary.idle_team_days, "cost_usd": diary.idle_cost_usd,
                                             "team": team, "team_idle": diary.idle_days[team],
                                             "team_days": diary.team_days}))
    for o in card.objectives:
        if not o.met:
            out.append(Lesson("objective_missed", {"index": o.index}))
            break
    total = float(card.released_m2.get("total", 0))
    if not total:
        out.append(Lesson("nothing_released"))
    if truth is not None and residual:
        out.append(Lesson("residual_risk", {"n": residual}, first))
    harm = getattr(card, "expected_harm", None) or {}
    if harm.get("civilian_idle", 0) > 0 and harm.get("civilian_averted", 0) > 0:
        out.append(Lesson("harm_averted", {"averted": float(harm["civilian_averted"]),
                                           "idle": float(harm["civilian_idle"]),
                                           "marked_m2": float(np.asarray(view.marked).sum() * cell_m2),
                                           "marking_averted": float(harm.get("marking_averted", 0)),
                                           "educated": sum(1 for v in view.villages if v.educated_day),
                                           "education_averted": float(harm.get("education_averted", 0))},
                          good=True))
    bad = [x for x in out if not x.good]
    if total and not bad:
        out.append(Lesson("clean_release", {"m2": total}, good=True))
    return out[:limit]


def _plain_area(area):
    return list(area) if isinstance(area, tuple) else area


def eore_messages(tags: set[str], limit: int = 3) -> list[tuple[str, str]]:
    """Risk-education key messages that fit what happened (``tags`` from :func:`happenings`),
    most important first, no message twice: (icon name, translated text). Without any tag, the
    message about reporting."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for tag, icon in HAPPENINGS:
        if tag not in tags:
            continue
        for m in content.messages_for(tag):
            if m.id not in seen:
                seen.add(m.id)
                out.append((icon, _(m.text)))
                break
        if len(out) >= limit:
            break
    if not out:
        general = [m for m in content.key_messages() if m.id == "report"] or list(content.key_messages()[:1])
        out = [("community_report", _(m.text)) for m in general]
    return out


def happenings(view, card=None, team_types: dict[str, str] | None = None) -> set[str]:
    """What happened in a run, as the tags that pick risk-education messages (``when`` in
    game/content/eore.yaml): item_found, technical_survey_find, civilian_incident, deminer_accident,
    evidence, community_report, marking, released_with_items."""
    tags: set[str] = set()
    for e in view.events:
        if e.code == "find":
            tags.add("item_found")
            if e.params.get("method") == "technical_survey":
                tags.add("technical_survey_find")
        elif e.code == "incident":
            tags.add("civilian_incident")
        elif e.code == "accident":
            tags.add("deminer_accident")
        elif e.code == "evidence":
            tags.add("evidence")
            if "zone" in e.params:  # a report from the community
                tags.add("community_report")
        elif e.code == "marking_done":
            tags.add("marking")
        elif e.code == "order" and (e.params.get("order") or {}).get("type") == "Mark":
            tags.add("marking")
    if any(ev.kind in ("community_report", "report") for ev in view.evidence):
        tags.add("community_report")
    if card is not None:
        if card.items_left_in_released_land:
            tags.add("released_with_items")
        if sum(card.civilians.values()):
            tags.add("civilian_incident")
        if sum(card.deminers.values()):
            tags.add("deminer_accident")
    return tags
