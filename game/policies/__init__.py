"""Scripted players: they give orders through ``Simulation.apply`` exactly like a player.

:data:`POLICIES` maps a name to its class; :func:`make_policy` builds one for
a scenario; :func:`run_policy` plays a whole level; :func:`compare_policies`
averages totals over seeds (content tests and calibration reuse it).
"""

from __future__ import annotations

from .base import Policy
from .land_release import LandReleasePolicy
from .runner import RunResult, compare_policies, make_policy, run_policy
from .simple import ClearAllPolicy, IdlePolicy, RecklessPolicy

POLICIES: dict[str, type[Policy]] = {p.name: p for p in (IdlePolicy, ClearAllPolicy, RecklessPolicy,
                                                          LandReleasePolicy)}

__all__ = ["POLICIES", "Policy", "RunResult", "make_policy", "run_policy", "compare_policies"]
