"""Small synthetic scenarios built by hand for the simulation tests (no level files)."""

from __future__ import annotations

from game.level.model import EventSpec, ItemField, Objective, Returnees
from game.sim.synthetic import synthetic_scenario, valley_scenario

__all__ = ["open_grass", "small_minefield", "valley_scenario", "EventSpec", "Objective", "Returnees"]


def open_grass(team: str, seed: int = 1, days: int = 40, **kw):
    """A 40 x 40-cell suspected area of open grass with no items, and one team of ``team``."""
    kw.setdefault("start_teams", [(team, 1)])
    return synthetic_scenario(seed, width=40, height=40, zones=[("field", (0, 0, 40, 40))], days=days,
                              budget_usd=10_000_000, **kw)


def small_minefield(seed: int = 1, **kw):
    """A 30 x 20 map: a mined area next to a village, an empty area, a pond."""
    defaults = dict(
        width=30, height=20, terrain_rects=[("water", (20, 0, 4, 6))],
        zones=[("mined", (2, 2, 10, 8)), ("empty", (14, 10, 12, 8)), ("pond", (20, 0, 4, 6))],
        villages=[("Ava", (2, 12, 4, 4), 300)],
        item_fields=[ItemField("mined", {"ap_blast": 5, "at": 2, "uxo": 3}, "cluster")],
        start_teams=[("nts", 1), ("technical_survey", 1), ("manual", 1), ("machine", 1), ("dog", 1),
                     ("eore", 1)],
        hireable=["manual"], days=30, budget_usd=500_000)
    defaults.update(kw)
    return synthetic_scenario(seed, **defaults)
