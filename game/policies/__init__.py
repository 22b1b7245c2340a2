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

#: Shortcut players whose trick the rules refuse or make pointless, so that they play the IMAS way or more of it
#: (more quality assurance, fresh lanes each pass, a cancel judged by its evidence, ...): an A or B is no
#: finding; only a mean clearly above land_release's would be.
PROBES: tuple[str, ...] = ("qa_spam", "ts_until_clean", "lane_dodge", "objective_cancel", "early_end")
#: Players that skip no procedure but read what a student can open and should not play by (the level file):
#: an A or B is no finding; a mean that reaches land_release's is.
READERS: tuple[str, ...] = ("file_reader",)


def cut_something(name: str, run: RunSummary, reference: RunSummary) -> bool:
    """Whether player ``name`` took its shortcut on this run: it came to another result than the reference
    (land_release on the same seed) and, for a player that can tell (``took_shortcut(run)``), it says so."""
    took = getattr(POLICIES.get(name), "took_shortcut", None)
    return not run.same_outcome(reference) and (took is None or bool(took(run)))


__all__ = ["POLICIES", "TEACHING", "SHORTCUTS", "PROBES", "READERS", "cut_something", "Policy", "RunResult", "RunSummary", "PolicyStats", "make_policy",
           "run_policy", "run_tournament", "compare_policies"]
