"""``land_release``: the IMAS way, evidence first, as a programme manager would run it.

1. Non-technical survey of every suspected area (areas named by an objective
   first, then the nearest to villages).
2. Once a suspected area is fully surveyed, its blocks with no evidence within
   ``evidence_buffer_m`` (and in an area holding no evidence at all) are
   cancelled. An area with evidence anywhere in it goes whole to technical
   survey (IMAS 08.10: cancel only without evidence).
3. Technical survey works outwards from the evidence, block by block: a block
   whose lanes find nothing is reduced; every find confirms the suspected land
   within ``fade_out_m`` of it ("mines come in groups"), and a block that
   found items is searched once more before the rest of it is confirmed.
   Without a technical survey team, land near evidence is confirmed.
4. Confirmed land is cleared: machines prepare open ground they can work, dogs
   search what suits them, manual teams follow up (machine-prepared land,
   dog indications) and take the rest. Blocks on an objective's area or near
   villages come first.
5. Confirmed land and land with evidence near a village are marked at once;
   every village gets risk education (a team is hired if none is there), the
   villages expecting returnees or with most people first, again when it wears off.
6. Quality assurance samples reduced, then cleared land, while the budget pays for it.
7. Teams with nothing left to do are stood down; clearance teams are hired
   while the budget pays them to the last day and the backlog needs them.

Every order goes through ``Simulation.apply`` like a player's; the policy sees
only the :class:`~game.sim.PlayerView` and the public level.
"""

from __future__ import annotations

import numpy as np

from game.sim import commands as c
from game.sim.grid import CLEARED, CONFIRMED, REDUCED, SUSPECTED, box_near
from game.sim.view import PlayerView

from .base import Blocks, Policy, affordable, village_distance_blocks, workable

#: Kinds of clearance team, in the order they are given work each day.
CLEARANCE_TEAMS = ("machine", "dog", "manual")


class LandReleasePolicy(Policy):
    name = "land_release"

    def __init__(self, briefing):
        super().__init__(briefing)
        cfg = self.settings("land_release")
        cell = float(self.level.cell_size_m)
        self.cell = cell
        self.blocks = Blocks(self.map.width, self.map.height, int(cfg.get("block_cells", 8)))
        self.buffer = int(round(float(cfg.get("evidence_buffer_m", 50)) / cell))
        self.fade = max(0, int(round(float(cfg.get("fade_out_m", 50)) / cell)))
        self.ts_passes = int(cfg.get("ts_passes", 2))
        self.mark_radius_m = float(cfg.get("mark_radius_m", 1000))
        self.hire_max = {k: int(v) for k, v in (cfg.get("hire_max") or {}).items()} \
            if isinstance(cfg.get("hire_max"), dict) else {"manual": int(cfg.get("hire_max", 2))}
        self.machine_min_m2 = float(cfg.get("machine_min_backlog_m2", 20000))
        self.dog_min_m2 = float(cfg.get("dog_min_backlog_m2", 8000))
        self.qa = bool(cfg.get("quality_assurance", True))
        self._ts_waiting: list = []  # blocks waiting for the technical survey, nearest the evidence first
        self.eore = bool(cfg.get("risk_education", True))
        self.hire_eore = bool(cfg.get("hire_eore", True))
        self.qa_parallel = int(cfg.get("qa_parallel", 2))
        h, w = self.map.height, self.map.width
        # priority of each block: objective areas first (by deadline), then distance to the nearest village
        priority = village_distance_blocks(self.blocks, self.villages, cell)
        self.distance = priority.copy()
        self.objective_zones: list[tuple[int, str]] = []
        for o in self.level.objectives:
            if o.kind == "release_zone" and o.zone and self.map.object_named(o.zone) is not None:
                self.objective_zones.append((o.by_day or 10_000, o.zone))
                counts = self.blocks.count(np.asarray(self.map.object_named(o.zone).mask, dtype=bool))
                priority = np.where(counts > 0, np.minimum(priority, -1e6 + (o.by_day or 10_000)), priority)
        self.priority = priority
        self.order = self.blocks.order(priority)
        self._oy = np.array([b[1] for b in self.order], dtype=np.intp)
        self._ox = np.array([b[0] for b in self.order], dtype=np.intp)
        zones = list(self.map.objects_of("suspected_area"))
        self.zones = sorted(zones, key=lambda z: (0 if self._serves_objective(z) else 1,
                                                  self._zone_distance(z, cell)))
        self.zone_masks = {z.name: np.asarray(z.mask, dtype=bool) for z in self.zones}
        self.zone_cells = {name: np.flatnonzero(mask) for name, mask in self.zone_masks.items()}
        # which zones hold each cell, one bit per zone (zones may overlap), to find the zones of new evidence
        self._zone_bit = {z.name: 1 << i for i, z in enumerate(zones)} if len(zones) <= 63 else {}
        self._zone_bits = np.zeros((h, w), dtype=np.int64)
        for name, bit in self._zone_bit.items():
            self._zone_bits[self.zone_masks[name]] |= bit
        self.zones_done: set[str] = set()
        self.surveys_given: set[str] = set()
        self.ts_pass: dict[tuple[int, int], int] = {}
        self.ts_running: dict[tuple[int, int], int] = {}  # block -> day the pass started
        self.marked_given: dict[tuple[int, int], int] = {}
        self.qa_given: set[tuple[int, int]] = set()
        self.finds_seen = 0
        self.hired: dict[str, int] = {}
        self.stood_down: set[str] = set()
        self._evidence_seen = 0
        self._seen_counts = (0, 0)
        self._near = np.zeros((h, w), dtype=bool)
        self._points = (np.zeros(0, np.intp), np.zeros(0, np.intp))
        self._done_mask = np.zeros((h, w), dtype=bool)
        self._workable_cache: dict[str, np.ndarray] = {}
        # scrap metal the level says lies in some areas (visible on the ground): detectors crawl there,
        # dogs (which smell explosives, not metal) search it instead of technical survey lanes
        scrap = np.zeros((h, w), dtype=bool)
        for spec in self.level.clutter:
            obj = self.map.object_named(spec.zone)
            if obj is not None and spec.pieces_per_100m2 >= float(cfg.get("dog_scrap_min_per_100m2", 10)):
                scrap |= np.asarray(obj.mask, dtype=bool)
        self.scrap_blocks = self.blocks.count(scrap) * 2 >= self.blocks.size ** 2
        self._dog_queue: list[tuple[int, int]] = []

    def _serves_objective(self, zone) -> bool:
        for _, name in self.objective_zones:
            target = self.map.object_named(name)
            if name == zone.name or (target is not None and (np.asarray(target.mask) & np.asarray(zone.mask)).any()):
                return True
        return False

    def _zone_distance(self, zone, cell: float) -> float:
        x, y = zone.centre_cell
        return min((np.hypot(x - v.cell[0], y - v.cell[1]) * cell for v in self.villages), default=0.0)

    # ---------------------------------------------------------------- a day

    def decide(self, view: PlayerView) -> list:
        self._ordered: set[str] = set()
        orders: list = []
        status = view.status
        suspected = status == SUSPECTED
        near = self._near_evidence(view)
        orders += self._fade_out(view, suspected)
        if orders:  # confirmed land changes the picture: recount from today's view next time
            suspected = suspected & ~self._confirmed_today
        orders += self._survey(view, suspected)
        orders += self._cancel_and_ts(view, suspected, near)
        confirmed = (status == CONFIRMED) | self._confirmed_today
        orders += self._clear(view, confirmed)
        orders += self._help_the_survey(view, suspected & ~self._confirmed_today)
        confirmed = (status == CONFIRMED) | self._confirmed_today
        orders += self._mark(view, confirmed | (suspected & near))
        orders += self._educate(view)
        orders += self._quality_assurance(view)
        orders += self._manage(view, confirmed, suspected)
        return orders

    # ------------------------------------------------------------ evidence

    def _near_evidence(self, view: PlayerView) -> np.ndarray:
        """Cells within the buffer of any evidence or find, and whole suspected areas that hold one."""
        evidence, finds = view.evidence, view.finds
        n = len(evidence) + len(finds)
        if n != self._evidence_seen:  # only the new pieces are added (evidence and finds only grow)
            seen_e = min(len(evidence), self._seen_counts[0])
            seen_f = min(len(finds), self._seen_counts[1])
            new = list(evidence[seen_e:]) + list(finds[seen_f:])
            xs = np.array([p.x for p in new], dtype=np.intp)
            ys = np.array([p.y for p in new], dtype=np.intp)
            self._points = (np.concatenate([self._points[0], xs]), np.concatenate([self._points[1], ys]))
            self._near = self._near | box_near(view.height, view.width, xs, ys, self.buffer)
            for zone in self._zones_holding(xs, ys):
                self._near |= self.zone_masks[zone.name]
            self._seen_counts = (len(evidence), len(finds))
            self._evidence_seen = n
        return self._near

    def _zones_holding(self, xs: np.ndarray, ys: np.ndarray) -> list:
        """The suspected areas (in ``self.zones`` order) holding any of the cells (xs, ys)."""
        if not self._zone_bit:  # too many zones for a bit each
            return [z for z in self.zones if self.zone_masks[z.name][ys, xs].any()]
        bits = int(np.bitwise_or.reduce(self._zone_bits[ys, xs])) if len(xs) else 0
        return [z for z in self.zones if bits & self._zone_bit[z.name]]

    def _fade_out(self, view: PlayerView, suspected: np.ndarray) -> list:
        """Every new find confirms the suspected land within ``fade_out_m`` of it."""
        self._confirmed_today = np.zeros_like(suspected)
        finds = view.finds[self.finds_seen:]
        self.finds_seen = len(view.finds)
        orders = []
        r = self.fade
        for f in finds:
            x0, y0 = max(0, f.x - r), max(0, f.y - r)
            x1, y1 = min(view.width, f.x + r + 1), min(view.height, f.y + r + 1)
            if (suspected[y0:y1, x0:x1] & ~self._confirmed_today[y0:y1, x0:x1]).any():
                orders.append(c.Confirm(view.day, (x0, y0, x1 - x0, y1 - y0)))
                self._confirmed_today[y0:y1, x0:x1] |= suspected[y0:y1, x0:x1]
        return orders

    # --------------------------------------------------------------- survey

    def _survey(self, view: PlayerView, suspected: np.ndarray) -> list:
        orders = []
        for zone in self.zones:
            if zone.name in self.zones_done:
                continue
            cells = self.zone_cells[zone.name]
            if not (suspected.flat[cells] & ~view.surveyed.flat[cells]).any():
                busy = any(t.kind == "survey" and t.area == zone.name for t in view.tasks)
                if not busy:
                    self.zones_done.add(zone.name)
                    self._done_mask |= self.zone_masks[zone.name]
        left = [z for z in self.zones if z.name not in self.surveys_given and z.name not in self.zones_done]
        for team in view.idle_teams("nts"):
            if not left:
                break
            zone = left.pop(0)
            self.surveys_given.add(zone.name)
            self._ordered.add(team.name)
            orders.append(c.Survey(view.day, team.name, zone.name))
        self._zones_left = len(left)
        return orders

    # ---------------------------------------------- cancel, technical survey

    def _cancel_and_ts(self, view: PlayerView, suspected: np.ndarray, near: np.ndarray) -> list:
        day = view.day
        orders = []
        blocks = self.blocks
        oy, ox = self._oy, self._ox
        sus_count = blocks.count(suspected)
        not_ready = blocks.count(suspected & ~self._done_mask)
        near_count = blocks.count(suspected & near)
        ts_areas = {c.area_key(t.area) for t in view.tasks if t.kind == "technical_survey"}
        for b in list(self.ts_running):
            if blocks.rect(*b) not in ts_areas:
                del self.ts_running[b]
        has_ts = any(t.type == "technical_survey" and t.deployed for t in view.teams)
        ready = (sus_count[oy, ox] > 0) & (not_ready[oy, ox] == 0)
        queue = []
        for i in np.flatnonzero(ready).tolist():
            b = self.order[i]
            bx, by = b
            if b in self.ts_running:
                continue
            if near_count[by, bx] == 0:
                orders.append(c.Cancel(day, blocks.rect(bx, by)))
            elif not has_ts or self.ts_pass.get(b, 0) >= self.ts_passes:
                orders.append(c.Confirm(day, blocks.rect(bx, by)))
                self._confirmed_today |= self._rect_mask(view, blocks.rect(bx, by)) & suspected
            else:
                queue.append(b)
        self._ts_left = len(queue) + len(self.ts_running)
        self._ts_queue_scrap = 0
        idle_ts = view.idle_teams("technical_survey")
        if queue and idle_ts:
            # work outwards from the evidence: nearest blocks to a piece of evidence first
            xs, ys = self._points
            if len(xs):
                s = blocks.size
                cx = np.array([b[0] for b in queue]) * s + s / 2
                cy = np.array([b[1] for b in queue]) * s + s / 2
                dist = np.hypot(xs[None, :] - cx[:, None], ys[None, :] - cy[:, None]).min(axis=1)
                keys = {b: (self.priority[b[1], b[0]] < -1e5, -float(d)) for b, d in zip(queue, dist)}
                queue.sort(key=keys.__getitem__, reverse=True)
        dogs = any(t.type == "dog" and t.deployed for t in view.teams)
        self._dog_queue = [b for b in queue if dogs and self.scrap_blocks[b[1], b[0]]]
        queue = [b for b in queue if not (dogs and self.scrap_blocks[b[1], b[0]])]
        for team in idle_ts:
            if not queue:
                break
            b = queue.pop(0)
            self.ts_pass[b] = self.ts_pass.get(b, 0) + 1
            self.ts_running[b] = day
            self._ordered.add(team.name)
            orders.append(c.TechnicalSurvey(day, team.name, blocks.rect(*b)))
        self._ts_waiting = queue if idle_ts else []  # the queue is ordered nearest the evidence first only then
        return orders

    def _help_the_survey(self, view: PlayerView, suspected: np.ndarray) -> list:
        """Clearance teams with nothing confirmed to clear do not wait for the technical survey: they take
        the waiting blocks nearest the evidence (the likeliest to hold items), confirmed on that evidence."""
        orders = []
        idle = [t for t in view.idle_teams("manual") if t.name not in self._ordered]
        manual_ok = self._workable(view, "manual")
        for b in list(self._ts_waiting):
            if not idle:
                break
            rect = self.blocks.rect(*b)
            x, y, w, h = rect
            cells = suspected[y:y + h, x:x + w]  # a view of the block: no full-map mask per block
            if not (cells & manual_ok[y:y + h, x:x + w]).any():
                continue
            team = idle.pop(0)
            self._ts_waiting.remove(b)
            self._ordered.add(team.name)
            self._confirmed_today[y:y + h, x:x + w] |= cells
            orders += [c.Confirm(view.day, rect), c.Clear(view.day, team.name, rect)]
        return orders

    @staticmethod
    def _rect_mask(view: PlayerView, rect) -> np.ndarray:
        x, y, w, h = rect
        m = np.zeros((view.height, view.width), dtype=bool)
        m[y:y + h, x:x + w] = True
        return m

    # ------------------------------------------------------------ clearance

    def _workable(self, view: PlayerView, team_type: str) -> np.ndarray:
        """Cells a team type can work on (cached: the terrain never changes)."""
        if team_type not in self._workable_cache:
            self._workable_cache[team_type] = workable(self.catalogue, view, team_type)
        return self._workable_cache[team_type]

    def _clear(self, view: PlayerView, confirmed: np.ndarray) -> list:
        day = view.day
        orders = []
        blocks = self.blocks
        oy, ox = self._oy, self._ox
        busy = {c.area_key(t.area) for t in view.tasks if t.kind in ("clearance", "technical_survey")}
        manual_ok = self._workable(view, "manual")
        need = {  # the land each kind of team could clear
            "manual": confirmed & manual_ok,
            "dog": confirmed & self._workable(view, "dog") & ~view.indication,
            "machine": confirmed & self._workable(view, "machine") & ~view.prepared,
        }
        self._backlog = {k: float(np.count_nonzero(v)) * view.cell_size_m ** 2 for k, v in need.items()}
        total = None  # confirmed cells per block, counted when a dog or machine team needs work
        given: set[tuple[int, int]] = set()
        # dogs search suspected scrap-heavy blocks with evidence first (they work as technical survey there)
        dog_teams = view.idle_teams("dog")
        for b in self._dog_queue:
            if not dog_teams:
                break
            if blocks.rect(*b) in busy:
                continue
            team = dog_teams.pop(0)
            given.add(b)
            self._ordered.add(team.name)
            orders.append(c.Clear(day, team.name, blocks.rect(*b)))
        for team_type in CLEARANCE_TEAMS:
            teams = dog_teams if team_type == "dog" else view.idle_teams(team_type)
            if not teams:
                continue
            counts = blocks.count(need[team_type])[oy, ox]
            if team_type == "manual":  # dog indications are checked first: the dogs' ground waits on them
                candidates = np.flatnonzero(counts > 0)
                waiting = blocks.count(view.indication & manual_ok)[oy, ox][candidates] > 0
                candidates = np.concatenate([candidates[waiting], candidates[~waiting]])
            else:  # dogs and machines take blocks that mostly suit them
                total = blocks.count(confirmed) if total is None else total
                candidates = np.flatnonzero((counts > 0) & (counts * 2 >= total[oy, ox]))
            for i in candidates.tolist():
                if not teams:
                    break
                b = self.order[i]
                if b in given or blocks.rect(*b) in busy:
                    continue
                team = teams.pop(0)
                given.add(b)
                self._ordered.add(team.name)
                orders.append(c.Clear(day, team.name, blocks.rect(*b)))
        return orders

    # ---------------------------------------------------- marking, education

    def _mark(self, view: PlayerView, hazard: np.ndarray) -> list:
        orders = []
        oy, ox = self._oy, self._ox
        counts = self.blocks.count(hazard & ~view.marked)
        for i in np.flatnonzero((counts[oy, ox] > 0) & (self.distance[oy, ox] <= self.mark_radius_m)).tolist():
            b = self.order[i]
            if view.day - self.marked_given.get(b, -100) >= 10:
                self.marked_given[b] = view.day
                orders.append(c.Mark(view.day, self.blocks.rect(*b)))
        return orders

    def _educate(self, view: PlayerView) -> list:
        if not self.eore or not view.villages:
            return []
        orders = []
        day = view.day
        busy = {t.area for t in view.tasks if t.kind == "education"}
        # villages whose people are not (or soon no longer) educated, returnees and large villages first
        returning = {v.name: min((r.day for r in v.returnees if r.day >= day), default=10_000)
                     for v in self.villages}
        todo = sorted((v for v in view.villages if v.educated_until_day <= day + 3 and v.name not in busy
                       and v.educated_until_day <= view.last_day),
                      key=lambda v: (returning.get(v.name, 10_000), -v.population))
        teams = view.idle_teams("eore")
        for team in teams:
            if not todo:
                break
            v = todo.pop(0)
            self._ordered.add(team.name)
            orders.append(c.Educate(day, team.name, v.name))
        self._eore_todo = len(todo) + len(busy)
        has_eore = any(t.type == "eore" and t.deployed for t in view.teams)
        cat = self.catalogue["teams"].get("eore", {})
        # risk education comes first: a team is hired when the money pays it and the programme for a month
        month = 30 * (sum(t.cost_per_day_usd for t in view.teams if t.deployed) + float(cat.get("cost_per_day_usd", 0)))
        if (not has_eore and self.hire_eore and "eore" in view.hireable and self.hired.get("eore", 0) < 1
                and todo and view.budget_usd >= float(cat.get("mobilisation_usd", 0)) + month):
            self.hired["eore"] = 1
            orders.append(c.Hire(day, "eore"))
        return orders

    # ------------------------------------------------------ quality assurance

    def _quality_assurance(self, view: PlayerView) -> list:
        """Hand released land over: quality assurance of the blocks holding the most reduced or cleared land
        not yet verified, up to ``qa_parallel`` tasks at once, as long as the budget pays them to the end."""
        running = [t for t in view.tasks if t.kind == "quality_assurance"]
        if not self.qa or len(running) >= self.qa_parallel:
            return []
        cost = float(self.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
        if not affordable(view, cost, 0.0):
            return []
        busy = {c.area_key(t.area) for t in running}
        waiting = ((view.status == REDUCED) | (view.status == CLEARED)) & ~view.verified
        counts = self.blocks.count(waiting).ravel()
        min_cells = max(1, self.blocks.size ** 2 // 4)
        # small remnants wait until the block fills up, or the end nears
        ready = np.flatnonzero((counts >= min_cells) if view.day < view.last_day - 15 else (counts > 0))
        for i in ready[np.argsort(-counts[ready], kind="stable")].tolist():  # the fullest first
            rect = self.blocks.rect(i % self.blocks.bx, i // self.blocks.bx)
            if rect not in busy:
                return [c.QualityAssurance(view.day, rect)]
        return []

    # ---------------------------------------------------------- the teams

    def _hire_ok(self, view: PlayerView, team_type: str) -> bool:
        cat = self.catalogue["teams"][team_type]
        return affordable(view, float(cat["cost_per_day_usd"]) + self._qa_reserve_per_day(),
                          float(cat["mobilisation_usd"]))

    def _qa_reserve_per_day(self) -> float:
        """Money a day kept back so quality assurance can hand the released land over."""
        qa = float(self.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
        return qa * self.qa_parallel * 0.5 if self.qa else 0.0

    def _keep_within_budget(self, view: PlayerView, leaving: set[str]) -> list:
        """Stand teams down when the money would not pay the programme (and its quality assurance) to the
        last day: idle teams first, then the dearest clearance teams; survey, technical survey and risk
        education teams stay while they have work."""
        days_left = max(1, view.last_day - view.day + 1)
        teams = [t for t in view.teams if t.deployed and t.name not in leaving and t.name not in self.stood_down]
        # survey and risk education teams leave when their work is done: they are paid for a few weeks, not to the end
        running = sum(t.cost_per_day_usd for t in teams if t.type not in ("nts", "eore"))
        running += sum(t.cost_per_day_usd * min(days_left, 30) / days_left for t in teams if t.type in ("nts", "eore"))
        qa_tasks = sum(1 for t in view.tasks if t.kind == "quality_assurance")
        qa_cost = float(self.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"]) * qa_tasks
        need = (running + qa_cost + self._qa_reserve_per_day()) * days_left
        if view.budget_usd >= need:
            return []  # the money lasts (most days)
        order = {"machine": 0, "dog": 1, "manual": 2}
        candidates = sorted((t for t in teams if t.type in order),
                            key=lambda t: (t.task_kind is not None, order[t.type], -t.cost_per_day_usd, t.name))
        orders = []
        for team in candidates:
            if view.budget_usd >= need:
                break
            if sum(1 for t in teams if t.type in order and t.name not in self.stood_down) <= 1:
                break  # one clearance team always stays
            self.stood_down.add(team.name)
            orders.append(c.StandDown(view.day, team.name))
            need -= team.cost_per_day_usd * days_left
        return orders

    def _manage(self, view: PlayerView, confirmed: np.ndarray, suspected: np.ndarray) -> list:
        day = view.day
        orders = []
        backlog = self._backlog
        surveys_over = self._zones_left == 0
        all_done = len(self.zones_done) == len(self.zones)
        for team in view.idle_teams():
            if team.name in self._ordered or team.name in self.stood_down:
                continue
            t = team.type
            done = ((t == "nts" and surveys_over)
                    or (t == "technical_survey" and all_done and self._ts_left == 0)
                    or (t == "eore" and all(v.educated_until_day > view.last_day for v in view.villages))
                    or (t in ("machine", "dog") and all_done and self._ts_left == 0 and not self._dog_queue))
            if done:
                self.stood_down.add(team.name)
                orders.append(c.StandDown(day, team.name))
        orders += self._keep_within_budget(view, {o.team for o in orders})
        if day <= 1:
            return orders
        days_left = max(1, view.last_day - day)
        rates = {k: float(self.catalogue["teams"][k].get("rate_m2_per_day", 0)) for k in CLEARANCE_TEAMS}
        deployed = {k: sum(1 for t in view.teams if t.deployed and t.type == k) for k in CLEARANCE_TEAMS}
        # a machine for a large open backlog, a dog for a mid one, manual teams for what is left to do
        for team_type, minimum in (("machine", self.machine_min_m2), ("dog", self.dog_min_m2), ("manual", 0.0)):
            if team_type not in view.hireable or self.hired.get(team_type, 0) >= self.hire_max.get(team_type, 0):
                continue
            capacity = deployed[team_type] * rates[team_type] * days_left * 0.5
            if backlog[team_type] > max(minimum, capacity) and not view.idle_teams(team_type) \
                    and self._hire_ok(view, team_type):
                self.hired[team_type] = self.hired.get(team_type, 0) + 1
                orders.append(c.Hire(day, team_type))
                break
        return orders
