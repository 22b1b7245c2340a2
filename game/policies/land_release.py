"""``land_release``: the IMAS way, evidence first.

1. Non-technical survey of every suspected area (nearest villages first).
2. A block of surveyed suspected land with no evidence within
   ``evidence_buffer_m``, in a suspected area that holds no evidence at all, is cancelled; a block holding direct evidence (a
   sign, an accident) is confirmed (any block near evidence is, without a
   technical survey team); other blocks near evidence go to
   technical survey (lanes; finds confirm, the rest is reduced).
3. Confirmed land is cleared by manual teams (dogs help where they can;
   their indications are checked by manual teams).
4. Confirmed land near a village is marked; every village gets risk education.
5. Teams with nothing left to do are stood down; manual teams are hired
   while the budget pays them to the end.
"""

from __future__ import annotations

import numpy as np

from game.sim import commands as c
from game.sim.grid import LandStatus, box_near
from game.sim.view import PlayerView

from .base import Blocks, Policy, affordable, village_distance_blocks


#: Evidence that confirms the land it lies in without a technical survey first.
DIRECT_EVIDENCE = ("visible_sign", "past_accident", "report")


class LandReleasePolicy(Policy):
    name = "land_release"

    def __init__(self, scenario):
        super().__init__(scenario)
        cfg = self.settings("land_release")
        cell = float(self.level.cell_size_m)
        self.blocks = Blocks(self.map.width, self.map.height, int(cfg.get("block_cells", 8)))
        self.buffer = int(round(float(cfg.get("evidence_buffer_m", 60)) / cell))
        self.mark_radius_m = float(cfg.get("mark_radius_m", 1000))
        self.hire_max = int(cfg.get("hire_max", 2))
        self.distance = village_distance_blocks(self.blocks, self.villages, cell)
        self.order = self.blocks.order(self.distance)
        zones = self.map.objects_of("suspected_area")
        self.zones = sorted(zones, key=lambda z: self._zone_distance(z, cell))
        self.surveys_given: set[str] = set()
        self.ts_given: set[tuple[int, int]] = set()
        self.clear_given: dict[tuple[int, int], int] = {}
        self.marked_given: set[tuple[int, int]] = set()
        self.educated: set[str] = set()
        self.hired = 0
        self.stood_down: set[str] = set()
        self._evidence_seen = -1
        self._near = self._direct = np.zeros((self.map.height, self.map.width), dtype=bool)
        self._order_y = np.array([b[1] for b in self.order], dtype=np.intp)
        self._order_x = np.array([b[0] for b in self.order], dtype=np.intp)

    def _zone_distance(self, zone, cell: float) -> float:
        x, y = zone.centre_cell
        return min((np.hypot(x - v.cell[0], y - v.cell[1]) * cell for v in self.villages), default=0.0)

    # ---------------------------------------------------------------- a day

    def decide(self, view: PlayerView) -> list:
        day = view.day
        orders: list = []
        self._ordered: set[str] = set()
        status = view.status
        suspected = status == LandStatus.SUSPECTED
        confirmed = status == LandStatus.CONFIRMED
        sus_count = self.blocks.count(suspected)
        unsurveyed = self.blocks.count(suspected & ~view.surveyed)
        near_mask, direct_mask = self._near_evidence(view)
        near = self.blocks.count(suspected & near_mask)
        direct = self.blocks.count(suspected & direct_mask)
        conf_count = self.blocks.count(confirmed & self._workable(view, "manual"))

        # 1. survey
        zones_left = [z for z in self.zones if z.name not in self.surveys_given]
        for team in view.idle_teams("nts"):
            if zones_left:
                zone = zones_left.pop(0)
                self.surveys_given.add(zone.name)
                self._ordered.add(team.name)
                orders.append(c.Survey(day, team.name, zone.name))
        # 2. cancel what the survey found no evidence for; queue the rest for technical survey
        ts_queue = []
        has_ts = any(t.type == "technical_survey" and t.deployed for t in view.teams)
        oy, ox = self._order_y, self._order_x
        ready = (sus_count[oy, ox] > 0) & (unsurveyed[oy, ox] == 0)
        for i in np.flatnonzero(ready).tolist():
            b = self.order[i]
            bx, by = b
            if b in self.ts_given:
                # technical survey found items here: treat the rest of the block as hazardous
                if b not in self.ts_busy(view):
                    orders.append(c.Confirm(day, self.blocks.rect(bx, by)))
                    conf_count[by, bx] += 1
            elif near[by, bx] == 0:
                orders.append(c.Cancel(day, self.blocks.rect(bx, by)))
            elif direct[by, bx] > 0 or not has_ts:
                orders.append(c.Confirm(day, self.blocks.rect(bx, by)))
                conf_count[by, bx] += direct[by, bx]
            else:
                ts_queue.append(b)
        for team in view.idle_teams("technical_survey"):
            if ts_queue:
                b = ts_queue.pop(0)
                self.ts_given.add(b)
                self._ordered.add(team.name)
                orders.append(c.TechnicalSurvey(day, team.name, self.blocks.rect(*b)))
        # 3. clear confirmed land
        busy = {t.area for t in view.tasks if t.kind in ("clearance", "technical_survey")}
        clear_queue = [self.order[i] for i in np.flatnonzero(conf_count[oy, ox] > 0).tolist()
                       if self.clear_given.get(self.order[i], 0) < 3
                       and c.describe_area(self.blocks.rect(*self.order[i])) not in busy]
        for team_type in ("manual", "dog"):
            for team in view.idle_teams(team_type):
                if not clear_queue:
                    break
                b = clear_queue.pop(0)
                self.clear_given[b] = self.clear_given.get(b, 0) + 1
                self._ordered.add(team.name)
                orders.append(c.Clear(day, team.name, self.blocks.rect(*b)))
        # 4. mark confirmed land near villages; educate every village
        for i in np.flatnonzero((conf_count[oy, ox] > 0) & (self.distance[oy, ox] <= self.mark_radius_m)).tolist():
            b = self.order[i]
            if b not in self.marked_given:
                self.marked_given.add(b)
                orders.append(c.Mark(day, self.blocks.rect(*b)))
        for team in view.idle_teams("eore"):
            village = next((v for v in view.villages if v.name not in self.educated), None)
            if village is not None:
                self.educated.add(village.name)
                self._ordered.add(team.name)
                orders.append(c.Educate(day, team.name, village.name))
        # 5. manage the teams
        orders += self._stand_down(view, day, len(zones_left), len(ts_queue), bool(sus_count.any()))
        if clear_queue and self.hired < self.hire_max and "manual" in view.hireable and day > 1:
            cat = self.catalogue["teams"]["manual"]
            if affordable(view, float(cat["cost_per_day_usd"]), float(cat["mobilisation_usd"])):
                self.hired += 1
                orders.append(c.Hire(day, "manual"))
        return orders

    def ts_busy(self, view: PlayerView) -> set[tuple[int, int]]:
        """Blocks a technical survey is still working on."""
        if getattr(self, "_ts_busy_day", None) != view.day:
            areas = {t.area for t in view.tasks if t.kind == "technical_survey"}
            self._ts_busy = {b for b in self.ts_given if c.describe_area(self.blocks.rect(*b)) in areas}
            self._ts_busy_day = view.day
        return self._ts_busy

    def _near_evidence(self, view: PlayerView) -> tuple[np.ndarray, np.ndarray]:
        """Cells within the buffer of any known evidence (a box around each point), and the cells of
        direct evidence (a sign, an accident, a report) that confirm land at once."""
        evidence = view.evidence
        if len(evidence) != self._evidence_seen:
            xs = np.array([e.x for e in evidence], dtype=np.intp)
            ys = np.array([e.y for e in evidence], dtype=np.intp)
            direct = np.array([e.kind in DIRECT_EVIDENCE for e in evidence], dtype=bool)
            self._near = box_near(view.height, view.width, xs, ys, self.buffer)
            # a suspected area with evidence anywhere in it is not cancelled piecemeal:
            # all of it goes to technical survey (IMAS 08.10: cancel only without evidence)
            points = box_near(view.height, view.width, xs, ys, 0)
            for zone in self.zones:
                if (zone.mask & points).any():
                    self._near = self._near | zone.mask
            self._direct = box_near(view.height, view.width, xs[direct], ys[direct], 0)
            self._evidence_seen = len(evidence)
        return self._near, self._direct

    def _workable(self, view: PlayerView, team_type: str) -> np.ndarray:
        """Cells a team type can work on (terrain multiplier above 0), from the public map and catalogue."""
        column = self.catalogue["teams"][team_type].get("terrain_speed")
        terrain = self.catalogue["terrain"]
        ok = np.array([float(terrain.get(n, {}).get(column, 1.0)) > 0 if column else True
                       for n in view.terrain_names] or [True])
        return ok[view.terrain]

    def _stand_down(self, view: PlayerView, day: int, zones_left: int, ts_left: int, any_suspected: bool) -> list:
        orders = []
        for team in view.idle_teams():
            done = ((team.type == "nts" and zones_left == 0)
                    or (team.type == "technical_survey" and ts_left == 0 and not any_suspected)
                    or (team.type == "eore" and len(self.educated) >= len(view.villages))
                    or (team.type == "machine"))
            if done and team.name not in self.stood_down and team.name not in self._ordered:
                self.stood_down.add(team.name)
                orders.append(c.StandDown(day, team.name))
        return orders
