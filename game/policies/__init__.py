"""Scripted players: they give orders through ``Simulation.apply`` exactly like a player.

:data:`POLICIES` maps a name to its class; :func:`make_policy` builds one for
a scenario; :func:`run_policy` plays a whole level; :func:`run_tournament`
plays many policies over many seeds in parallel (the red team, calibration);
:func:`compare_policies` is its short summary for content tests.

:data:`TEACHING` are the players that teach by their mistakes (idle,
clear_all, reckless); :data:`SHORTCUTS` the players that look for the cheapest
way to a good grade (game/policies/shortcuts.py); ``land_release`` plays the
IMAS way; ``obvious_order`` plays it in the order that looks obvious on day 1
and never changes it (game/policies/obvious.py).
"""

from __future__ import annotations

from .base import Policy
from .land_release import LandReleasePolicy
from .obvious import ObviousOrderPolicy
from .runner import PolicyStats, RunSummary, RunResult, compare_policies, make_policy, run_policy, run_tournament
from .shortcuts import SHORTCUT_POLICIES
from .simple import ClearAllPolicy, IdlePolicy, RecklessPolicy

TEACHING: tuple[str, ...] = tuple(p.name for p in (IdlePolicy, ClearAllPolicy, RecklessPolicy))
SHORTCUTS: tuple[str, ...] = tuple(p.name for p in SHORTCUT_POLICIES)
POLICIES: dict[str, type[Policy]] = {p.name: p for p in (IdlePolicy, ClearAllPolicy, RecklessPolicy,
                                                          LandReleasePolicy, ObviousOrderPolicy,
                                                          *SHORTCUT_POLICIES)}

__all__ = ["POLICIES", "TEACHING", "SHORTCUTS", "Policy", "RunResult", "RunSummary", "PolicyStats", "make_policy",
           "run_policy", "run_tournament", "compare_policies"]
