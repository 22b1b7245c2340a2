"""No shortcut pays, and grades do not depend on luck (issue 9, items 7 and 8), on every shipped level over
seeds 1-10:

- land_release's mean total beats every shortcut player's (game/policies/shortcuts.py);
- no shortcut player earns A or B;
- land_release's grades span at most two adjacent letters and are A or B on at least 8 of the 10 seeds;
- idle, clear_all and reckless never earn A or B.

A shortcut player that came to exactly land_release's result on a seed (the level left it nothing to cut,
e.g. no suspected land on the last day for last_day_cancel) is not judged on that seed.

:data:`~game.policies.PROBES` are players whose trick the rules now refuse or make pointless, so they play the IMAS way
(or more of it): lane_dodge (lanes are drawn at random
for each pass, so confirming last pass's lanes dodges nothing), ts_until_clean (repeated fresh passes until
one finds nothing is what land_release does), objective_cancel (a cancellation is judged by the evidence: with
none it is the right call), early_end (a run ended early keeps its items' harm for the rest of the level) and
qa_spam (more quality assurance). They are played by tools/redteam.py, not here.

skip_survey (cancelling unsurveyed land is refused; never surveying caps the grade), stand_down_halfway,
sample_survey and piecemeal_cancel (found by the session-3 red team) are judged like the others.

:data:`~game.policies.READERS` read what a student can open but should not play by: file_reader treats every zone the
level file's item fields name as contaminated and skips the technical survey there. It cuts no procedure
(so it may earn A or B), but its mean must not reach land_release's: a level file that named the one zone
holding each field would let it (issue 9, "the truth leaks"). It is not judged on a level whose fields
all lie in zones its reports name (the tutorial): there the file tells nothing the news does not.

Cost: 23 players x 10 seeds x 7 levels = 1,610 runs, about 3 minutes of the suite with 2 worker processes
on a 2-core machine (the sector is most of it).
"""

from __future__ import annotations

import pytest

from game.level.campaign import list_levels
from game.paths import levels_dir
from game.level import load_level
from game.policies import PROBES, READERS, SHORTCUTS, TEACHING, cut_something
from game.policies.shortcuts import file_tells_more_than_the_news
from game.policies.runner import GRADES, PolicyStats, run_tournament

LEVELS = list_levels(levels_dir())
SEEDS = range(1, 11)
JOBS = 2
REFERENCE = "land_release"
JUDGED = tuple(n for n in SHORTCUTS if n not in PROBES + READERS)
GOOD = ("A", "B")

pytestmark = pytest.mark.slow  # in the README's test command (CI); `-m "not slow"` leaves it out while working

_RESULTS: dict[str, dict[str, PolicyStats]] = {}


def results(info) -> dict[str, PolicyStats]:
    if info.id not in _RESULTS:
        _RESULTS[info.id] = run_tournament(info.path, (REFERENCE, *TEACHING, *JUDGED, *READERS), SEEDS,
                                           jobs=JOBS)
    return _RESULTS[info.id]


def cases(check: str):
    return [pytest.param(info, id=info.id) for info in LEVELS]


def taken(res: dict[str, PolicyStats], name: str) -> list:
    """The runs of a shortcut player on the seeds where it came to another result than land_release (and,
    for a player that says when it took its shortcut, ``took_shortcut(run)``, where it did)."""
    return [r for r, ref in zip(res[name].runs, res[REFERENCE].runs) if cut_something(name, r, ref)]


@pytest.mark.parametrize("info", cases("beats"))
def test_land_release_mean_beats_every_shortcut(info):
    res = results(info)
    best = res[REFERENCE].mean_total
    readers = READERS if file_tells_more_than_the_news(load_level(info.path)[0]) else ()
    paying = {name: round(res[name].mean_total) for name in JUDGED + readers
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
