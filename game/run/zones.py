"""The state of each suspected area as the player knows it: not surveyed, surveyed with no evidence,
evidence, confirmed, work in progress, released.

The map shows it beside each zone's name and the zone tooltip explains it, so
a student reads the programme's progress at a glance. Pure logic from the
player's view (never the truth); ``game.text.zones`` words it.
:class:`ZoneIndex` prepares each zone once (its bounding box, its cells, the
cells "near" it for evidence), so working out every zone's state after a day
costs a few milliseconds even on the largest map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.grid import CANCELLED, CONFIRMED, SUSPECTED, box_near

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
    marked: bool = False  # it has confirmed land, and all of it has signs around it


@dataclass(frozen=True, slots=True)
class _Zone:
    name: str
    box: tuple[int, int, int, int]  # y0, y1, x0, x1 of the zone and its evidence buffer
    mask: np.ndarray  # the zone's cells within the box
    near: np.ndarray  # the cells within the evidence buffer, within the box
    cells: int


class ZoneIndex:
    """The suspected areas of one map, prepared once for :meth:`states`."""

    def __init__(self, zones, height: int, width: int, evidence_buffer_cells: int = 2):
        self.height, self.width = height, width
        self.zones: list[_Zone] = []
        r = evidence_buffer_cells
        for obj in zones:
            mask = np.asarray(obj.mask, bool)
            ys, xs = np.nonzero(mask)
            if not len(xs):
                continue
            y0, y1 = max(0, int(ys.min()) - r), min(height, int(ys.max()) + r + 1)
            x0, x1 = max(0, int(xs.min()) - r), min(width, int(xs.max()) + r + 1)
            near = box_near(y1 - y0, x1 - x0, xs - x0, ys - y0, r)
            self.zones.append(_Zone(obj.name, (y0, y1, x0, x1), mask[y0:y1, x0:x1], near, len(xs)))

    def states(self, view) -> dict[str, ZoneState]:
        """Every zone's state in this view."""
        status = np.asarray(view.status)
        surveyed = np.asarray(view.surveyed)
        signs = np.asarray(view.marked)
        points = np.zeros((self.height, self.width), np.int32)
        for p in (*view.evidence, *view.finds):
            points[p.y, p.x] += 1
        tasks = [t.area for t in view.tasks]
        named = {a for a in tasks if isinstance(a, str)}  # (a task on a zone by name, or on a rectangle)
        rects = [a for a in tasks if not isinstance(a, str) and isinstance(a, (list, tuple)) and len(a) == 4]
        out: dict[str, ZoneState] = {}
        for z in self.zones:
            y0, y1, x0, x1 = z.box
            st = status[y0:y1, x0:x1]
            confirmed = z.mask & (st == CONFIRMED)  # (plain int codes and count_nonzero: fast, issue 10)
            hazardous = confirmed | (z.mask & (st == SUSPECTED))
            n_haz = int(np.count_nonzero(hazardous))
            share = int(np.count_nonzero(surveyed[y0:y1, x0:x1] & hazardous)) / n_haz if n_haz else 1.0
            released = int(np.count_nonzero(z.mask & (st >= CANCELLED))) / z.cells
            evidence = int(points[y0:y1, x0:x1][z.near].sum())
            working = z.name in named or any(self._overlaps(area, z) for area in rects)
            if n_haz == 0:
                code = "released" if released > 0 else "not_surveyed"
            elif confirmed.any():
                code = "confirmed"
            elif evidence:
                code = "evidence"
            elif share >= 1.0:
                code = "surveyed_no_evidence"
            else:
                code = "not_surveyed"
            marked = bool(confirmed.any() and signs[y0:y1, x0:x1][confirmed].all())
            out[z.name] = ZoneState(code, working, evidence, share, released, marked)
        return out

    @staticmethod
    def _overlaps(area, z: _Zone) -> bool:
        if isinstance(area, str):
            return area == z.name
        if isinstance(area, (list, tuple)) and len(area) == 4:
            x, y, w, h = (int(v) for v in area)
            y0, y1, x0, x1 = z.box
            ax0, ax1, ay0, ay1 = max(x, x0), min(x + w, x1), max(y, y0), min(y + h, y1)
            return ax0 < ax1 and ay0 < ay1 and bool(z.mask[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0].any())
        return False


def zone_states(view, zones, evidence_buffer_cells: int = 2) -> dict[str, ZoneState]:
    """The state of each zone (``zones``: map objects with ``name`` and a bool ``mask``); for repeated use
    build a :class:`ZoneIndex` once."""
    return ZoneIndex(zones, view.height, view.width, evidence_buffer_cells).states(view)
