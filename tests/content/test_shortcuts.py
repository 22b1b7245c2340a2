"""No shortcut pays, and grades do not depend on luck (issue 9, items 7 and 8), on every shipped level over
seeds 1-10:

- land_release's mean total beats every shortcut player's (game/policies/shortcuts.py);
- no shortcut player earns A or B;
- land_release's grades span at most two adjacent letters and are A or B on at least 8 of the 10 seeds;
- idle, clear_all and reckless never earn A or B.

A shortcut player that came to exactly land_release's result on a seed (the level left it nothing to cut,
e.g. no suspected land on the last day for last_day_cancel) is not judged on that seed. ``qa_spam`` is a probe,
reported by tools/redteam.py and not judged here: more quality assurance than land_release is not a
shortcut, only the way a QA find takes land back today is.

Cost: 24 players x 10 seeds x 7 levels = 1,680 runs, about 2.5 minutes with 2 worker processes on the
2-core machine, so the module runs only when asked: ``MINERISK_REDTEAM=1 python -m pytest
tests/content/test_shortcuts.py`` (``python tools/redteam.py`` prints the same runs as tables).

The rules do not pass yet: every case that failed on the rules of 2026-03 is marked xfail(strict), so the
suite stays green and a case that starts to pass fails loudly until its mark is removed.
"""

from __future__ import annotations

import os

import pytest

from game.level.campaign import list_levels
from game.paths import levels_dir
from game.policies import SHORTCUTS, TEACHING
from game.policies.runner import GRADES, PolicyStats, run_tournament

pytestmark = pytest.mark.skipif(not os.environ.get("MINERISK_REDTEAM"),
                                reason="1,680 runs (about 2.5 min on 2 cores): set MINERISK_REDTEAM=1 to run")

LEVELS = list_levels(levels_dir())
SEEDS = range(1, 11)
JOBS = 2
REFERENCE = "land_release"
PROBES = ("qa_spam",)
JUDGED = tuple(n for n in SHORTCUTS if n not in PROBES)
GOOD = ("A", "B")

#: (check, level id) that failed on the rules before issue 9 was fixed.
FAILING_BEFORE_ISSUE_9 = {
    ("beats", "first_steps"), ("beats", "cancel_or_clear"), ("beats", "technical_survey"),
    ("beats", "road_to_school"), ("beats", "battle_area"), ("beats", "returnees"), ("beats", "the_sector"),
    ("no_good_grade", "first_steps"), ("no_good_grade", "cancel_or_clear"), ("no_good_grade", "technical_survey"),
    ("no_good_grade", "road_to_school"), ("no_good_grade", "battle_area"), ("no_good_grade", "returnees"),
    ("no_good_grade", "the_sector"),
    ("steady", "first_steps"), ("steady", "cancel_or_clear"), ("steady", "road_to_school"),
    ("steady", "battle_area"), ("steady", "returnees"), ("steady", "the_sector"),
    ("teaching", "first_steps"), ("teaching", "road_to_school"), ("teaching", "battle_area"),
}

_RESULTS: dict[str, dict[str, PolicyStats]] = {}


def results(info) -> dict[str, PolicyStats]:
    if info.id not in _RESULTS:
        _RESULTS[info.id] = run_tournament(info.path, (REFERENCE, *TEACHING, *JUDGED), SEEDS, jobs=JOBS)
    return _RESULTS[info.id]


def cases(check: str):
    out = []
    for info in LEVELS:
        marks = [pytest.mark.xfail(strict=True, reason="issue 9: rules not fixed yet")] \
            if (check, info.id) in FAILING_BEFORE_ISSUE_9 else []
        out.append(pytest.param(info, id=info.id, marks=marks))
    return out


def taken(res: dict[str, PolicyStats], name: str) -> list:
    """The runs of a shortcut player on the seeds where it came to another result than land_release."""
    return [r for r, ref in zip(res[name].runs, res[REFERENCE].runs) if not r.same_outcome(ref)]


@pytest.mark.parametrize("info", cases("beats"))
def test_land_release_mean_beats_every_shortcut(info):
    res = results(info)
    best = res[REFERENCE].mean_total
    paying = {name: round(res[name].mean_total) for name in JUDGED
              if taken(res, name) and res[name].mean_total >= best}
    assert not paying, f"{info.id}: land_release's mean {best:,.0f} is matched or beaten by {paying}"


@pytest.mark.parametrize("info", cases("no_good_grade"))
def test_no_shortcut_earns_a_good_grade(info):
    res = results(info)
    good = {name: [(r.seed, r.grade) for r in taken(res, name) if r.grade in GOOD] for name in JUDGED}
    good = {name: seeds for name, seeds in good.items() if seeds}
    assert not good, f"{info.id}: shortcuts earning A or B (seed, grade): {good}"


@pytest.mark.parametrize("info", cases("steady"))
def test_land_release_grades_do_not_depend_on_luck(info):
    ref = results(info)[REFERENCE]
    letters = sorted({GRADES.index(r.grade) for r in ref.runs})
    assert letters[-1] - letters[0] <= 1, f"{info.id}: land_release's grades {ref.grades} span more than two letters"
    assert ref.good_grades >= 8, f"{info.id}: land_release earns A or B on {ref.good_grades} of 10 seeds"


@pytest.mark.parametrize("info", cases("teaching"))
def test_idle_clear_all_and_reckless_never_earn_a_good_grade(info):
    res = results(info)
    good = {name: res[name].grades for name in TEACHING if res[name].good_grades}
    assert not good, f"{info.id}: {good}"
