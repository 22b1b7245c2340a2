"""Learning points for the debrief, drawn from what happened in this run.

Each point says what the player did and what it led to, tied to a
risk-education message or an IMAS principle ("You cancelled 2,500 m² that no
survey covered: 2 items were still there" -> IMAS 08.10). :func:`eore_messages`
picks the EORE key messages (game/content/eore.yaml) that match what happened.
Pure logic: reads the final player view, the truth and the score card
(game.scoring.ScoreCard); no pygame. :func:`happenings` tags what happened
in a run from its events, for :func:`eore_messages`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game import content
from game.text import _, ngettext
from game.level.model import LAND_STATUSES

CODE = {name: i for i, name in enumerate(LAND_STATUSES)}
#: What happened in a run, most important first, with the icon the debrief shows beside its message.
HAPPENINGS = (("civilian_incident", "civilian_incident"), ("deminer_accident", "accident"),
              ("released_with_items", "uxo"), ("technical_survey_find", "technical_survey"),
              ("item_found", "find"), ("community_report", "community_report"), ("marking", "marking_sign"),
              ("evidence", "evidence"))


@dataclass(frozen=True, slots=True)
class LearningPoint:
    text: str
    principle: str
    good: bool = False


def _live_on(truth, mask: np.ndarray) -> int:
    n = 0
    for row, state in zip(truth.items, truth.item_states):
        if state == "live" and mask[int(row["y"]), int(row["x"])]:
            n += 1
    return n


def learning_points(view, truth, card, orders: list[dict], limit: int = 5, level=None,
                    names=None) -> list[LearningPoint]:
    """The most telling lessons of a run, worst first, at most ``limit``."""
    out: list[LearningPoint] = []
    status = np.asarray(view.status)
    cell_m2 = view.cell_size_m ** 2
    surveyed = np.asarray(view.surveyed)
    kinds = {o.get("type") for o in orders}

    cancelled = status == CODE["cancelled"]
    if truth is not None and cancelled.any():
        unsurveyed = cancelled & ~surveyed
        left = _live_on(truth, cancelled)
        if left:
            area = float(unsurveyed.sum() * cell_m2)
            head = (_("You cancelled {m2:,.0f} m² without a survey: ").format(m2=area) if area
                    else _("You cancelled land after a survey, "))
            out.append(LearningPoint(
                head + ngettext("{n} item was still there.", "{n} items were still there.", left).format(n=left),
                _("IMAS 08.10: cancel land only when a non-technical survey finds no evidence. "
                  "Risk education: no sign does not mean safe.")))
    reduced = status == CODE["reduced"]
    if truth is not None and reduced.any():
        left = _live_on(truth, reduced)
        if left:
            out.append(LearningPoint(
                ngettext("{n} item lay in land you reduced after technical survey.",
                         "{n} items lay in land you reduced after technical survey.", left).format(n=left),
                _("IMAS 08.20: technical survey samples lanes; where evidence points, search more or clear.")))
    cleared = status == CODE["cleared"]
    if truth is not None and cleared.any():
        left = _live_on(truth, cleared)
        if left:
            out.append(LearningPoint(
                ngettext("Clearance missed {n} item.", "Clearance missed {n} items.", left).format(n=left),
                _("IMAS 09.20: quality assurance samples released land to catch what was missed.")))
    if card.deminers.get("injured", 0) + card.deminers.get("killed", 0):
        rushed = any(o.get("type") == "SetPace" and o.get("pace") == "rushed" for o in orders)
        n = card.deminers.get("injured", 0) + card.deminers.get("killed", 0)
        text = ngettext("{n} deminer was hurt.", "{n} deminers were hurt.", n).format(n=n)
        if rushed:
            text += " " + _("Some teams were rushed beyond their standard procedure.")
        out.append(LearningPoint(text, _("IMAS 10.10: safety first; work by the standard operating "
                                         "procedure, with a medic on site.")))
    civ = card.civilians.get("injured", 0) + card.civilians.get("killed", 0)
    if civ:
        text = ngettext("{n} person from the villages was hurt.", "{n} people from the villages were hurt.",
                        civ).format(n=civ)
        if "Mark" not in kinds or "Educate" not in kinds:
            text += " " + _("Marking and risk education lower the danger while clearance catches up.")
        out.append(LearningPoint(text, _("Risk education: stay on paths and roads in use; do not touch; "
                                         "report what you see (IMAS 12.10).")))
    cleared_m2 = float(cleared.sum() * cell_m2)
    if cleared_m2 > 0 and sum(card.items_found.values()) == 0:
        out.append(LearningPoint(
            _("You cleared {m2:,.0f} m² and found nothing there.").format(m2=cleared_m2),
            _("Most suspected land holds no ordnance (under 5% of suspected areas, GICHD). Survey first; "
              "keep full clearance for confirmed areas (IMAS 07.11).")))
    if "Survey" not in kinds and float(card.released_m2.get("total", 0)) > 0:
        out.append(LearningPoint(_("You released land without any non-technical survey."),
                                 _("IMAS 08.10: evidence from a survey decides what is cancelled, reduced or "
                                   "cleared.")))
    if not float(card.released_m2.get("total", 0)):
        out.append(LearningPoint(_("No land was released this time."),
                                 _("Start with a non-technical survey of each suspected area: most of it can "
                                   "be cancelled when there is no evidence (IMAS 08.10).")))
    missed = [o for o in card.objectives if not o.met]
    if missed and level is not None:
        from game.text.score import objective_text

        text = objective_text(level.objectives[missed[0].index], names)
        out.append(LearningPoint(_("Objective missed: {text}").format(text=text),
                                 _("Plan with the deadlines in mind: survey wide first, then send clearance "
                                   "where the evidence points.")))
    casualties = sum(card.deminers.values()) + sum(card.civilians.values())
    if not out or (casualties == 0 and card.items_left_in_released_land == 0 and card.released_m2.get("total", 0)):
        total = float(card.released_m2.get("total", 0))
        if total:
            out.append(LearningPoint(
                _("You released {m2:,.0f} m² with nobody hurt and no item left behind.").format(m2=total),
                _("This is land release as IMAS 07.11 intends: evidence, not fear, decides."), good=True))
    return out[:limit]


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
