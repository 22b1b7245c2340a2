"""A level where the obvious order of operations loses (issue 10, item 8).

On "Coming home to Wrenfold" (levels/06_returnees.yaml) the news moves the danger: reports point to the
Vellin spring path (day 3) and the mill orchard (day 38), Vellin's families come three weeks earlier than the
briefing announced (day 8), and a donor cuts the grant (day 80). ``obvious_order`` follows the standards but
keeps the plan of day 1 (objectives' areas, then the areas nearest the base; the biggest village first; every
team kept on); ``land_release`` marks and searches where the evidence points and shrinks the programme when
the money shrinks. Over seeds 1-10 the obvious order must score clearly lower and earn a worse grade on most
seeds. About 3 s (20 runs of a 150-day level).
"""

from __future__ import annotations

from game.level.campaign import list_levels
from game.paths import levels_dir
from game.policies.runner import GRADES, run_tournament

LEVEL = next(info for info in list_levels(levels_dir()) if info.id == "returnees")
SEEDS = range(1, 11)
#: the reference must lead by at least this share of the best possible score (10,000 points)
CLEAR_LEAD = 0.10


def test_the_obvious_order_loses_to_land_release_on_the_returnees_level():
    stats = run_tournament(LEVEL.path, ("land_release", "obvious_order"), SEEDS)
    ref, obvious = stats["land_release"], stats["obvious_order"]
    best = ref.runs[0].best_possible
    lead = ref.mean_total - obvious.mean_total
    assert lead >= CLEAR_LEAD * best, (f"land_release {ref.mean_total:,.0f} leads obvious_order "
                                       f"{obvious.mean_total:,.0f} by only {lead:,.0f}")
    worse = [r.seed for r, o in zip(ref.runs, obvious.runs) if GRADES.index(o.grade) > GRADES.index(r.grade)]
    assert len(worse) >= 7, (f"obvious_order's grade is worse on seeds {worse} only: "
                             f"{obvious.grades} against land_release's {ref.grades}")
