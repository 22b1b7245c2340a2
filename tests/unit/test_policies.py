"""The score teaches: the IMAS way (land_release) beats doing nothing, clearing everything and cancelling
everything, averaged over seeds; every scripted player's orders go through apply and are accepted."""

from game.policies import POLICIES, compare_policies, run_policy
from tests.unit.sim_fixtures import small_minefield, valley_scenario

SEEDS = range(10)


def test_land_release_scores_higher_than_idle_clear_all_and_reckless():
    results = compare_policies(valley_scenario, SEEDS)
    best = results["land_release"]["mean_total"]
    for other in ("idle", "clear_all", "reckless"):
        assert best > results[other]["mean_total"], (other, results)
    # and the lesson of each: reckless leaves the most items under farmers' feet, clear_all releases least
    assert results["reckless"]["mean_items_left_in_released_land"] > results["land_release"][
        "mean_items_left_in_released_land"]
    assert results["clear_all"]["mean_released_m2"] < results["land_release"]["mean_released_m2"]
    assert results["idle"]["mean_released_m2"] == 0


def test_every_policy_plays_to_the_end_with_accepted_orders():
    """Every player plays to the end; the reference and teaching players give orders the rules accept (a
    shortcut player's orders may be refused: that is how some shortcuts are closed)."""
    from game.policies import SHORTCUTS

    for name in POLICIES:
        result = run_policy(small_minefield(4), name)
        assert result.card.days_played >= 1
        rejected = [(o.code, o.params) for o in result.outcomes if not o.accepted]
        if name not in SHORTCUTS:
            assert len(rejected) <= len(result.outcomes) // 2, (name, rejected)
