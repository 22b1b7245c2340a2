"""A level where the obvious order of operations loses (issue 10, item 8).

On "Coming home to Wrenfold" (levels/06_returnees.yaml) the danger lies where people live, far from the teams'
base: reports point to the Vellin spring path (day 3) and the mill orchard (day 38), Vellin's families come home
early (day 8 news) and in a second wave (day 50), and a donor cuts the grant (day 80). ``obvious_order`` follows
the standards but keeps the plan of day 1 (objectives' areas, then the areas nearest the base; the biggest
village first; signs only on land its teams confirmed; the programme sized on the money of day 1);
``land_release`` works near the villages and outwards from the evidence, marks reported land at once and shrinks
the programme when the money shrinks. Measured (seeds 1-10): without the funding cut the obvious order still
loses by its order (B against A); the cut costs it the money for quality assurance as well (C). Over seeds 1-10
it must score clearly lower and earn a worse grade on most seeds (at least 6 of 10). About 3 s (20 runs of a 150-day level).
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
    # "most seeds": a majority. Session 3 lowered this from 7 to 6 of 10: obvious_order plays with land_release's
    # tactics, which got better (dog indications first, idle clearance teams take blocks waiting for the technical
    # survey), so its runs without the funding cut's damage moved from B to A (A1 B4 C5 -> A4 B1 C5); its mean
    # still trails by 1,328 points (5,968 against 7,296), above the 1,000-point lead required above.
    assert len(worse) >= 6, (f"obvious_order's grade is worse on seeds {worse} only: "
                             f"{obvious.grades} against land_release's {ref.grades}")
