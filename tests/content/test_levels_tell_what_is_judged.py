"""The campaign's texts tell the student what the score judges, and their numbers match the map.

A student must never be graded down for a procedure the game never told them about: every skipped procedure
that can cap a level's grade (game.scoring.card.procedure_errors) is introduced in that level's briefing, tips
or tutorial, or in an earlier level's. And a briefing that counts places counts the map's.
"""

from __future__ import annotations

import inspect
import re

from game.level import load_level
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.scoring import card

LEVELS = list_levels(levels_dir())
#: Each grade cap of a skipped procedure, and the words that introduce the procedure to a student.
PROCEDURES = {
    "released_without_qa": re.compile(r"\bquality assurance\b", re.I),
    "hazards_left_unmarked": re.compile(r"\bmark(ed|ing)?\b", re.I),
    "villages_without_risk_education": re.compile(r"\brisk[ -]education\b", re.I),
    "areas_never_surveyed": re.compile(r"\bnon-technical survey\b|\bsurvey every\b", re.I),
    "work_abandoned": re.compile(r"\bsen[dt] (?:a |any )?(?:teams? )?home\b", re.I),
}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
#: "Nine places", "three large fields", "Six villages": a count, at most two words, then what is counted.
COUNT = re.compile(r"\b(" + "|".join(NUMBERS) + r"|\d+)\s+(?:[a-z]+\s+){0,2}?(places|suspected areas|areas|fields"
                   r"|villages)\b", re.I)
#: What each counted word is on the map.
COUNTED = {"places": "suspected_area", "suspected areas": "suspected_area", "areas": "suspected_area",
           "fields": "suspected_area", "villages": "village"}


def _texts(spec) -> str:
    return "\n".join([spec.briefing, *spec.tips, *(s.say for s in spec.tutorial)])


def _can_cap(spec, level_map) -> set[str]:
    """The skipped procedures that can cap this level's grade (the rules of procedure_errors)."""
    caps = {"released_without_qa", "work_abandoned"}  # every level has land to reduce or clear, and teams
    if any(o.kind == "village" for o in level_map.objects):
        caps.add("hazards_left_unmarked")
    if "nts" in spec.hireable or any(t.type == "nts" for t in spec.start_teams):
        caps.add("areas_never_surveyed")
    if "eore" in spec.hireable or any(t.type == "eore" for t in spec.start_teams):
        caps.add("villages_without_risk_education")
    return caps


def test_the_procedures_checked_are_those_the_score_caps():
    caps = set(re.findall(r'out\.append\("(\w+)"\)', inspect.getsource(card.procedure_errors)))
    assert caps == set(PROCEDURES), "procedure_errors caps other procedures: say here how a level introduces them"


def test_every_procedure_that_can_cap_a_grade_is_introduced_by_then():
    told: set[str] = set()
    for info in LEVELS:
        spec, level_map = load_level(info.path)
        text = _texts(spec)
        told |= {cap for cap, words in PROCEDURES.items() if words.search(text)}
        missing = _can_cap(spec, level_map) - told
        assert not missing, f"{info.id}: the grade can be capped for {sorted(missing)}, never introduced"


def test_the_first_level_introduces_every_procedure_it_judges():
    spec, level_map = load_level(LEVELS[0].path)
    said = {cap for cap, words in PROCEDURES.items() if words.search(_texts(spec))}
    assert _can_cap(spec, level_map) <= said


def test_counts_of_places_in_briefings_match_the_map():
    checked = 0
    for info in LEVELS:
        spec, level_map = load_level(info.path)
        for text in [spec.briefing, *(s.say for s in spec.tutorial)]:
            for m in COUNT.finditer(text):
                said = NUMBERS.get(m.group(1).lower()) if not m.group(1).isdigit() else int(m.group(1))
                kind = COUNTED[m.group(2).lower()]
                on_map = sum(1 for o in level_map.objects if o.kind == kind)
                assert said == on_map, f"{info.id}: “{m.group(0)}” but the map has {on_map} ({kind})"
                checked += 1
    assert checked >= 4  # the check reads the counts the campaign's briefings give
