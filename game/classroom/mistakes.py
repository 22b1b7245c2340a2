"""The mistakes a score card shows, as codes the class report counts and words, with points to discuss.

A score card (``ScoreCard.to_dict``, as a run record's end keeps it) is read
defensively: the card gains fields as the scoring grows (the release record:
``decision_errors`` with their ``why`` code; ``grade_caps`` naming skipped
procedures: released without QA, hazards left unmarked, villages without risk
education, a death caused by rushing, too little released; ``qa_failures``),
and a field that is missing or not of the expected type is simply not
counted. :func:`mistakes_of` gives each mistake once per run, with a size
(how many decisions, m2, people or items); ``game/content/discuss.yaml``
holds what to discuss in class for each code, with the risk-education key
messages that go with it (:func:`discussion`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from game.content import CONTENT_DIR, KeyMessage, key_messages

#: Release-record reasons (``decision_errors[].why``) with a point of their own in discuss.yaml; any other
#: reason counts as ``unjustified_release``.
RELEASE_REASONS = ("cancel_against_evidence", "cancel_after_rushed_survey", "cancel_before_area_surveyed",
                   "reduced_in_a_rush", "cleared_in_a_rush")
#: Every code this module gives, in the order the report lists ties.
CODES = RELEASE_REASONS + ("unjustified_release", "items_left_in_released_land", "released_without_qa", "qa_failed",
                           "hazards_left_unmarked", "villages_without_risk_education", "areas_never_surveyed",
                           "work_abandoned", "rushed_death",
                           "money_ran_out", "too_little_released", "civilian_casualties", "deminer_casualties",
                           "objective_missed")
#: Grade caps of the score card (``grade_caps``) that are mistakes of their own: skipped procedures and their cost.
CAPS = {"released_without_qa": "released_without_qa", "hazards_left_unmarked": "hazards_left_unmarked",
        "villages_without_risk_education": "villages_without_risk_education", "rushed_death": "rushed_death",
        "areas_never_surveyed": "areas_never_surveyed", "work_abandoned": "work_abandoned",
        "too_little": "too_little_released"}


@dataclass(frozen=True, slots=True)
class Mistake:
    """One kind of mistake in one run: its code and how many times (decisions, people, items, objectives)."""

    code: str
    count: int


@dataclass(frozen=True, slots=True)
class DiscussionPoint:
    code: str
    title: str
    discuss: str
    messages: tuple[KeyMessage, ...]


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def mistakes_of(score: dict[str, Any]) -> list[Mistake]:
    """The mistakes in one run's score card, in :data:`CODES` order (nothing for a card without them)."""
    score = _mapping(score)
    counts: dict[str, int] = {}

    def add(code: str, n: float) -> None:
        if n > 0:
            counts[code] = counts.get(code, 0) + max(1, int(n))

    errors = score.get("decision_errors")
    if isinstance(errors, list):
        for error in errors:
            why = _mapping(error).get("why")
            add(why if why in RELEASE_REASONS else "unjustified_release", 1)
    elif isinstance(score.get("unjustified_by_reason"), dict):
        for why, m2 in score["unjustified_by_reason"].items():
            if why != "justified":
                add(why if why in RELEASE_REASONS else "unjustified_release", 1 if _number(m2) > 0 else 0)
    # items left under land released by a decision the evidence did not support are a mistake; the rare
    # item a careful, justified release leaves behind is the residual risk every standard accepts
    left = score.get("items_left_in_unjustified_land", score.get("items_left_in_released_land"))
    add("items_left_in_released_land", _number(left))
    add("qa_failed", _number(score.get("qa_failures")))
    if score.get("end_reason") == "budget":
        add("money_ran_out", 1)
    caps = score.get("grade_caps")
    for cap in caps if isinstance(caps, list) else ():
        if cap in CAPS:
            add(CAPS[cap], 1)
    civilians, deminers = _mapping(score.get("civilians")), _mapping(score.get("deminers"))
    if "casualties_from_decisions" in score:
        # a casualty is a mistake when a decision caused it (land released without justification, rushed
        # work); bad luck after a justified decision is told in the debrief, not held against the student
        add("civilian_casualties", _number(score.get("casualties_from_decisions")))
    else:
        add("civilian_casualties", _number(civilians.get("injured")) + _number(civilians.get("killed")))
        add("deminer_casualties", _number(deminers.get("injured")) + _number(deminers.get("killed")))
    objectives = score.get("objectives")
    if isinstance(objectives, list):
        add("objective_missed", sum(1 for o in objectives if isinstance(o, dict) and o.get("met") is False))
    return [Mistake(code, counts[code]) for code in CODES if code in counts]


@lru_cache(maxsize=1)
def discussion_points() -> dict[str, DiscussionPoint]:
    """The points to discuss, by mistake code (``game/content/discuss.yaml``)."""
    with open(CONTENT_DIR / "discuss.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    messages = {m.id: m for m in key_messages()}
    out = {}
    for code, raw in data["points"].items():
        out[code] = DiscussionPoint(code, str(raw["title"]), str(raw["discuss"]),
                                    tuple(messages[m] for m in raw.get("messages") or ()))
    return out


def discussion(code: str) -> DiscussionPoint:
    """The point to discuss for a mistake code (a plain one for a code the content does not know)."""
    point = discussion_points().get(code)
    if point is None:
        return DiscussionPoint(code, code.replace("_", " ").capitalize(), "", ())
    return point
