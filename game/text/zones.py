"""A suspected area's state (game.run.zones) in words: a short label for the map, a sentence for its tooltip."""

from __future__ import annotations

from typing import Any

from game.text import N_, _, ngettext
from game.text.formats import number, percent

LABELS = {
    "not_surveyed": N_("Not surveyed"),
    "surveyed_no_evidence": N_("Surveyed: no evidence"),
    "evidence": N_("Evidence"),
    "confirmed": N_("Confirmed"),
    "released": N_("Released"),
}


def zone_label(state: Any) -> str:
    """A few words for the map: "3 pieces of evidence · work in progress" (every report, sign and find in or
    near it: what the news told, added up)."""
    if state is None:
        return ""
    text = _(LABELS.get(state.code, state.code))
    if state.code == "evidence":
        text = ngettext("{n} piece of evidence", "{n} pieces of evidence", state.evidence).format(
            n=number(state.evidence))
    elif state.code == "not_surveyed" and state.surveyed_share > 0:
        text = _("Survey {share} done").format(share=percent(state.surveyed_share))
    return " · ".join([text, *_progress(state)])


def _progress(state: Any) -> list[str]:
    """The work on a zone, in words: "work in progress", "40% released"."""
    parts = [_("work in progress")] if state.working else []
    if 0 < state.released_share < 1 and state.code != "released":
        parts.append(_("{share} released").format(share=percent(state.released_share)))
    return parts


def zone_tooltip(state: Any) -> str:
    """The zone's state and what it means for the next decision, said once: the tooltip's sentence names the
    evidence itself, so the label's count is not repeated before it."""
    if state is None:
        return ""
    head = " · ".join(_progress(state)) if state.code == "evidence" else zone_label(state)
    return f"{head}. {zone_sentence(state)}" if head else zone_sentence(state)


def zone_sentence(state: Any) -> str:
    """What the state means for the next decision (the zone's tooltip)."""
    if state is None:
        return ""
    if state.code == "not_surveyed":
        return _("Nobody has surveyed all of it yet: a non-technical survey comes first.")
    if state.code == "surveyed_no_evidence":
        return _("The survey found no evidence in or near it: it can be cancelled.")
    if state.code == "evidence":
        return ngettext("{n} piece of evidence in or near it (people's reports, signs the survey saw, items found): "
                        "confirm it, or sample it with a technical survey.",
                        "{n} pieces of evidence in or near it (people's reports, signs the survey saw, items found): "
                        "confirm it, or sample it with a technical survey.",
                        state.evidence).format(n=number(state.evidence))
    if state.code == "confirmed":
        if not state.marked:
            return _("A confirmed hazardous area: mark it so nobody walks in, and clear it.")
        if state.working:
            return _("A confirmed hazardous area with warning signs around it; a team is working on it.")
        return _("A confirmed hazardous area with warning signs around it: it waits for a clearance team.")
    return _("All its land is released.")
