"""The three players that teach by their mistakes: idle, clear_all and reckless.

- ``idle``: gives no order; the land stays blocked and villagers keep meeting
  the items.
- ``clear_all``: full manual clearance of every suspected cell, block by
  block: safe, slow and expensive.
- ``reckless``: rushes a non-technical survey over every suspected area and
  cancels each as soon as its survey ends, evidence or not (cancelling
  unsurveyed land is refused): fast, and leaves the items under the
  farmers' feet.
"""

from __future__ import annotations

from game.sim import commands as c
from game.sim.view import PlayerView

from .base import Blocks, Policy, affordable, hazardous


class IdlePolicy(Policy):
    name = "idle"

    def decide(self, view: PlayerView) -> list:
        return []


class RecklessPolicy(Policy):
    name = "reckless"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.zones = [z.name for z in self.map.objects_of("suspected_area")]
        self.given: set[str] = set()
        self.cancelled: set[str] = set()

    def decide(self, view: PlayerView) -> list:
        day = view.day
        orders: list = []
        if day == 1:
            orders += [c.StandDown(day, t.name) for t in view.teams if t.deployed and t.type != "nts"]
            orders += [c.SetPace(day, t.name, "rushed") for t in view.teams if t.deployed and t.type == "nts"]
        surveying = {t.area for t in view.tasks if t.kind == "survey"}
        for zone in self.zones:  # cancel each area as soon as nothing of it is left to survey
            if zone in self.given and zone not in surveying and zone not in self.cancelled:
                self.cancelled.add(zone)
                orders.append(c.Cancel(day, zone))
        todo = [z for z in self.zones if z not in self.given]
        for team in view.idle_teams("nts"):
            if not todo:
                break
            zone = todo.pop(0)
            self.given.add(zone)
            orders.append(c.Survey(day, team.name, zone))
        if not todo and not surveying and day > 1:
            orders += [c.StandDown(day, t.name) for t in view.teams if t.deployed and t.task_kind is None]
        return orders


class ClearAllPolicy(Policy):
    name = "clear_all"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.blocks = Blocks(self.map.width, self.map.height, int(self.settings("clear_all").get("block_cells", 8)))
        self.given: set[tuple[int, int]] = set()

    def decide(self, view: PlayerView) -> list:
        day = view.day
        orders: list = []
        if day == 1:
            orders += [c.StandDown(day, t.name) for t in view.teams if t.deployed and t.type != "manual"]
        left = self.blocks.count(hazardous(view))
        todo = [b for b in self.blocks.with_cells(left) if b not in self.given]
        idle = [t for t in view.idle_teams("manual")]
        if day > 1 and not idle and todo and "manual" in view.hireable:
            cat = self.catalogue["teams"]["manual"]
            if affordable(view, float(cat["cost_per_day_usd"]), float(cat["mobilisation_usd"])):
                orders.append(c.Hire(day, "manual"))
        for team in idle:
            if not todo:
                break
            block = todo.pop(0)
            self.given.add(block)
            orders.append(c.Clear(day, team.name, self.blocks.rect(*block)))
        return orders
