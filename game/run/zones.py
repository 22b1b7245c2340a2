"""The state of each suspected area as the player knows it: not surveyed, surveyed with no evidence,
evidence, confirmed, work in progress, released.

The map shows it beside each zone's name and the zone tooltip explains it, so
a student reads the programme's progress at a glance. Pure logic from the
player's view (never the truth); ``game.text.zones`` words it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.grid import LandStatus, box_near

#: Zone states, in the order a zone usually goes through them.
STATES = ("not_surveyed", "surveyed_no_evidence", "evidence", "confirmed", "released")


@dataclass(frozen=True, slots=True)
class ZoneState:
    """What the player knows of one suspected area."""

    code: str  # one of STATES
    working: bool  # a team has a task on it now
    evidence: int  # pieces of evidence and finds in or near it
    surveyed_share: float  # share of its hazardous land a non-technical survey covered
    released_share: float  # share of its cells released (cancelled, reduced or cleared)


def zone_states(view, zones, evidence_buffer_cells: int = 2) -> dict[str, ZoneState]:
    """The state of each zone (``zones``: map objects with ``name`` and a bool ``mask``)."""
    status = np.asarray(view.status)
    surveyed = np.asarray(view.surveyed)
    hazardous = (status == LandStatus.SUSPECTED) | (status == LandStatus.CONFIRMED)
    released = status >= LandStatus.CANCELLED
    points = [(e.x, e.y) for e in view.evidence] + [(f.x, f.y) for f in view.finds]
    task_masks = []
    for t in view.tasks:
        area = t.area
        if isinstance(area, (list, tuple)) and len(area) == 4:
            x, y, w, h = (int(v) for v in area)
            m = np.zeros(status.shape, bool)
            m[max(0, y):max(0, y + h), max(0, x):max(0, x + w)] = True
            task_masks.append(m)
        else:
            task_masks.append(area)
    out: dict[str, ZoneState] = {}
    for obj in zones:
        mask = np.asarray(obj.mask, bool)
        cells = int(mask.sum())
        if not cells:
            continue
        haz = mask & hazardous
        n_haz = int(haz.sum())
        share = float((surveyed & haz).sum() / n_haz) if n_haz else 1.0
        rel = float((mask & released).sum() / cells)
        ys, xs = np.nonzero(mask)
        near = box_near(mask.shape[0], mask.shape[1], xs, ys, evidence_buffer_cells)
        evidence = sum(1 for x, y in points if near[y, x])
        working = any((m == obj.name) if isinstance(m, str) else bool((m & mask).any()) for m in task_masks)
        if n_haz == 0:
            code = "released" if rel > 0 else "not_surveyed"
        elif (mask & (status == LandStatus.CONFIRMED)).any():
            code = "confirmed"
        elif evidence:
            code = "evidence"
        elif share >= 1.0:
            code = "surveyed_no_evidence"
        else:
            code = "not_surveyed"
        out[obj.name] = ZoneState(code, working, evidence, share, rel)
    return out
