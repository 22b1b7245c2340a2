"""Playability checks: what a valid level file can still get wrong for the students who play it.

The schema and the map references decide whether a level *loads*; these
checks decide whether it can be *played as meant*. Each finding is a warning
(``minerisk validate`` exits 0, or 1 with ``--strict``) with a hint, placed at
the line of the level file it is about:

- an objective no team of the level can meet: a release_zone whose zone holds
  land no available team can search (water) while items lie in it, a zone
  with no suspected land, too few days for the zone at the level's rates
  (starting teams and the teams the budget could hire), more land asked for
  than the map suspects, risk education with no risk-education team;
- a budget that cannot pay the starting teams for the first weeks;
- items no team can ever find: an item field whose zone holds no suspected
  land (teams survey and clear suspected areas only) or no ground a clearance
  team can work (water), more items than the workable part of a zone holds,
  an item placed on water;
- tutorial steps naming a team that the level never has, or asking for an
  order no team of the level can give;
- two places of the map shown to students under the same name (``title``);
- a day written in an objective's text that is not its ``by_day``.

The estimates are deliberately optimistic (every team at its best terrain
speed, all working at once, the whole budget spent on the fastest team to
hire), so a warning means the level cannot work, not that it is hard.
Numbers come from the level's merged catalogue.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np

from .build import searchable_ground
from .errors import Problem
from .model import LevelSpec, MapData
from .spec import MAX_ITEMS_PER_100M2

#: The budget should pay the starting teams for at least this many days (or the whole level if shorter).
MIN_PAID_DAYS = 30
#: What a tutorial order needs: a team whose catalogue ``works_on`` is this.
_ORDER_WORK = {"survey": "survey", "technical_survey": "technical_survey", "clear": "clearance",
               "educate": "village"}
_DAY_IN_TEXT = re.compile(r"\bday\s+(\d+)\b", re.IGNORECASE)
_TEAM_NAME = re.compile(r"([a-z_]+)-(\d+)")

Where = Callable[[tuple], tuple[int, int]]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _money(usd: float) -> str:
    return f"US${usd:,.0f}"


class _Checker:
    """The checks of one level; ``warn`` places a finding at a path of the level file."""

    def __init__(self, spec: LevelSpec, level_map: MapData, where: Where, shown: str):
        self.spec, self.map, self.where, self.shown = spec, level_map, where, shown
        self.found: list[Problem] = []
        cat = spec.catalogue
        self.teams: dict = cat["teams"]
        self.terrain: dict = cat["terrain"]
        self.cell_m2 = spec.cell_size_m ** 2
        self.start: dict[str, int] = {}
        for t in spec.start_teams:
            self.start[t.type] = self.start.get(t.type, 0) + t.count
        self.available = set(self.start) | set(spec.hireable)
        self.suspected = np.zeros((level_map.height, level_map.width), dtype=bool)
        for obj in level_map.objects_of("suspected_area"):
            self.suspected |= obj.mask
        self.items = self._item_cells()
        self.certain = self._item_cells(drawn=False)

    def warn(self, path: tuple, message: str, hint: str = "") -> None:
        line, col = self.where(path)
        self.found.append(Problem(self.shown, line, col, message, hint, "warning"))

    # ------------------------------------------------------------ helpers

    def _item_cells(self, drawn: bool = True) -> np.ndarray:
        """Cells that may hold an item or evidence of one: generated fields, placed items, reports.
        Without ``drawn``, only those that do on every run: fields that list several zones are left out."""
        mask = np.zeros_like(self.suspected)
        for f in self.spec.item_fields:
            if not drawn and len(f.zones) > 1:
                continue
            for zone in f.zones:
                obj = self.map.object_named(zone)
                if obj is not None and sum(f.counts.values()) > 0:
                    mask |= obj.mask
        for item in self.spec.placed_items:
            x, y = item.cell
            if x < self.map.width and y < self.map.height:
                mask[y, x] = True
        for e in self.spec.events:
            obj = self.map.object_named(e.zone) if e.kind == "report" and e.zone else None
            if obj is not None:
                mask |= obj.mask
        return mask

    def multiplier(self, team_type: str) -> np.ndarray:
        """Speed multiplier of a team type on every cell (0 where it cannot work)."""
        column = self.teams[team_type].get("terrain_speed")
        values = [float(self.terrain.get(name, {}).get(column, 1.0)) if column else 1.0
                  for name in self.map.terrain_names]
        return np.asarray(values, dtype=float)[self.map.terrain]

    def searchers(self) -> list[str]:
        """Team types of this level that release land by searching it (technical survey, clearance)."""
        return sorted(t for t in self.available if self.teams[t].get("works_on") in ("technical_survey", "clearance")
                      and not self.teams[t].get("needs_follow_up"))

    def searchable(self) -> np.ndarray:
        """Cells some searching team of this level can work on."""
        able = np.zeros_like(self.suspected)
        for t in self.searchers():
            able |= self.multiplier(t) > 0
        return able

    def search_capacity(self, cells: np.ndarray, days: int) -> float:
        """The most m2 a day the level's searching teams could release on ``cells``, optimistically:
        each team at its best speed there, machines preparing all of it, the budget left after the
        starting teams spent on the fastest team to hire."""
        follow_up = 1.0
        for t in self.available:
            if self.teams[t].get("needs_follow_up"):
                follow_up = max(follow_up, float(self.teams[t].get("follow_up_speed_factor", 1.0)))
        per_team: dict[str, float] = {}
        for t in self.searchers():
            mult = self.multiplier(t)[cells]
            best = float(mult.max()) if mult.size else 0.0
            boost = follow_up if self.teams[t].get("works_on") == "clearance" else 1.0
            per_team[t] = float(self.teams[t].get("rate_m2_per_day", 0)) * best * boost
        capacity = sum(self.start.get(t, 0) * rate for t, rate in per_team.items())
        left = self.spec.budget_usd - days * sum(self.start.get(t, 0) * self.daily(t) for t in per_team)
        extra = 0.0
        for t in self.spec.hireable:
            if t in per_team and left > 0:
                one = float(self.teams[t].get("mobilisation_usd", 0)) + self.daily(t) * days
                hires = math.floor(left / one) if one > 0 else 50  # a free team: at most 50, as teams.start allows
                extra = max(extra, per_team[t] * hires)
        return capacity + extra

    def daily(self, team_type: str) -> float:
        return float(self.teams[team_type].get("cost_per_day_usd", 0))

    # ------------------------------------------------------------- checks

    def run(self) -> list[Problem]:
        if not self.suspected.any():
            self.warn(("map",), "the map has no suspected area: there is no land to survey or release",
                      "in Tiled, draw objects of class suspected_area on the map")
        self.starting_teams()
        self.objectives()
        self.item_fields()
        self.placed_items()
        self.budget()
        self.tutorial()
        self.titles()
        return self.found

    def starting_teams(self) -> None:
        """A level that starts with no team: nothing happens until the student hires one, if they can."""
        if sum(self.start.values()) > 0:
            return
        path = ("teams", "start") if self.spec.start_teams is not None else ("teams",)
        if not self.spec.hireable:
            self.warn(path, "the level starts with no team and lets the student hire none: no order can ever be "
                      "given, and the level can only be watched to its end",
                      "add teams under `teams.start`, e.g. `- {type: nts, count: 1, base: BASE}`, or team types "
                      "under `teams.hire`")
            return
        self.warn(path, "the level starts with no team: nothing can happen until the student hires one, and every "
                  f"team they hire is paid from the first day it is hired (they may hire: "
                  f"{', '.join(self.spec.hireable)})",
                  "start with at least a survey team (`teams.start`), or say in the briefing that the first thing "
                  "to do is to hire teams")

    def titles(self) -> None:
        seen: dict[str, str] = {}
        for obj in self.map.objects:
            if obj.kind == "team_base":
                continue
            shown = obj.display_name.casefold()
            if shown in seen:
                where = f" ({obj.where.file}:{obj.where.line})" if obj.where else ""
                self.warn(("map",), f"two places of the map are both shown as “{obj.display_name}”: "
                          f"`{seen[shown]}` and `{obj.name}`{where}; students cannot tell them apart",
                          "give each its own `title` property in Tiled")
            seen.setdefault(shown, obj.name)

    def terrain_words(self, cells: np.ndarray) -> str:
        return " or ".join(sorted({self.map.terrain_names[i] for i in np.unique(self.map.terrain[cells])}))

    def item_fields(self) -> None:
        """Fields whose items would lie where no student can find them (the game places them anyway)."""
        ground = searchable_ground(self.spec, self.map)
        for i, f in enumerate(self.spec.item_fields):
            n = sum(f.counts.values())
            path = ("ordnance", "fields", i, "zone")
            may = " (when the field lies there)" if len(f.zones) > 1 else ""
            for zone in f.zones:
                obj = self.map.object_named(zone)
                if obj is None or obj.area_cells == 0 or n == 0:
                    continue
                if not (obj.mask & self.suspected).any():
                    self.warn(path, f"the items of zone `{zone}`{may} would lie outside every suspected area (it "
                              f"is a {obj.kind}): students can send no team to search there, since survey, "
                              "technical survey and clearance work on suspected areas only",
                              f"name a suspected_area in `zone`, or in Tiled draw a suspected_area over `{zone}`")
                    continue
                able = obj.mask & ground
                if not able.any():
                    self.warn(path, f"the items of zone `{zone}`{may} would lie on {self.terrain_words(obj.mask)}, "
                              "where no team can search: they can never be found or cleared, and the harm they "
                              "do counts against every student",
                              f"draw `{zone}` over ground a clearance team can work, or name another zone; "
                              "docs/catalogue.md lists which team can work on which terrain")
                    continue
                workable = int(able.sum())
                most = int(workable * self.cell_m2 * MAX_ITEMS_PER_100M2 / 100)
                if n > most:
                    self.warn(("ordnance", "fields", i, "counts"),
                              f"{_plural(n, 'item')} in zone `{zone}`{may} are more than it can hold: items lie "
                              f"only on ground a clearance team can work, {workable:,} of its "
                              f"{_plural(obj.area_cells, 'cell')} (the rest is {self.terrain_words(obj.mask & ~ground)}), "
                              f"so at most {most:,} (a dense minefield has about one item per "
                              f"{100 / MAX_ITEMS_PER_100M2:g} m2)",
                              f"place fewer items, or draw `{zone}` over more land")

    def placed_items(self) -> None:
        """Items placed by their cell where no team can search (water) or outside every suspected area."""
        ground = searchable_ground(self.spec, self.map)
        for i, item in enumerate(self.spec.placed_items):
            x, y = item.cell
            if x >= self.map.width or y >= self.map.height:
                continue
            path = ("ordnance", "items", i, "cell")
            if not ground[y, x]:
                self.warn(path, f"the item on cell [{x}, {y}] lies on {self.map.terrain_names[self.map.terrain[y, x]]}, "
                          "where no team can search: it can never be found or cleared, and the harm it does "
                          "counts against every student", "place it on land a clearance team can work "
                          "(docs/catalogue.md lists which team can work on which terrain)")
            elif not self.suspected[y, x]:
                self.warn(path, f"the item on cell [{x}, {y}] lies outside every suspected area: students can send "
                          "no team to search there, since survey, technical survey and clearance work on suspected "
                          "areas only", "place it inside a suspected_area, or draw one around it in Tiled")

    def objectives(self) -> None:
        for i, o in enumerate(self.spec.objectives):
            path = ("objectives", i)
            label = f"objective `{o.text}`" if o.text else f"objective {i + 1} ({o.kind})"
            self.day_in_text(i, o)
            deadline = o.by_day or self.spec.days
            if o.kind == "release_zone" and o.zone:
                self.release_zone(path, label, o.zone, deadline)
            elif o.kind == "release_area" and o.area_m2:
                self.release_area(path, label, float(o.area_m2), deadline)
            elif o.kind == "educate_village":
                self.educate(path, label, deadline)

    def day_in_text(self, i: int, o) -> None:
        days = sorted({int(m) for m in _DAY_IN_TEXT.findall(o.text or "")})
        if not days or (o.by_day is not None and o.by_day in days):
            return
        written = " and ".join(f"day {d}" for d in days)
        if o.by_day is None:
            self.warn(("objectives", i, "text"), f"the objective's text says {written} but it has no `by_day`",
                      f"add `by_day: {days[0]}` so the game checks that day, or take the day out of the text")
        else:
            self.warn(("objectives", i, "by_day"), f"`by_day: {o.by_day}` differs from the text, which says "
                      f"{written}", "make the text and `by_day` give the same day: students read the text, "
                      "the game checks by_day")

    def release_zone(self, path: tuple, label: str, zone: str, deadline: int) -> None:
        obj = self.map.object_named(zone)
        if obj is None:
            return
        cells = obj.mask & self.suspected
        if not cells.any():
            self.warn(path + ("zone",), f"{label} can never be met: zone `{zone}` holds no suspected land, so "
                      "there is nothing in it to release",
                      "name a suspected_area in `zone`, or draw the suspected area so it covers this zone")
            return
        blocked = cells & ~self.searchable()
        if blocked.any() and (obj.mask & self.items).any():
            kinds = sorted({self.map.terrain_names[i] for i in np.unique(self.map.terrain[blocked])})
            when = "" if (obj.mask & self.certain).any() else \
                f" on the runs where an item field that lists `{zone}` among its zones lies in it"
            self.warn(path + ("zone",), f"{label} cannot be met{when}: {_plural(int(blocked.sum()), 'cell')} of zone "
                      f"`{zone}` are {' or '.join(kinds)}, where no team of this level can search, and items or "
                      "reports there mean its land may not simply be cancelled",
                      f"draw `{zone}` without the {' and '.join(kinds)} cells (a polygon around them), or name "
                      "another zone; docs/catalogue.md lists which team can work on which terrain")
            cells = cells & ~blocked
        if not (obj.mask & self.items).any():
            return  # land without items or reports can be surveyed and cancelled in days
        area = float(cells.sum()) * self.cell_m2
        capacity = self.search_capacity(cells, deadline)
        if capacity <= 0:
            self.warn(path + ("zone",), f"{label} cannot be met: no team of this level can search zone `{zone}`, "
                      "which holds items or reports", "start with (or let the student hire) a technical survey, "
                      "manual or dog team that can work on its terrain")
            return
        steps = self.release_steps(cells, area, capacity, deadline)
        needed = sum(days for _, days in steps)
        hired = ", counting the teams the budget could hire" if set(self.spec.hireable) & set(self.searchers()) else ""
        if needed > deadline:
            told = ", then ".join(f"{what} {_plural(days, 'day')}" for what, days in steps)
            self.warn(path + ("by_day",),
                      f"{label} cannot be met in time: zone `{zone}` holds {area:,.0f} m2 to search, and even "
                      f"with every team at its best speed (at most {capacity:,.0f} m2 a day{hired}) the steps "
                      f"before release take {_plural(needed, 'day')} ({told}), not {deadline}",
                      "give a later `by_day`, a smaller zone, more starting teams or a larger budget; "
                      "docs/catalogue.md gives each team's rate")

    def release_steps(self, cells: np.ndarray, area: float, capacity: float, deadline: int) -> list[tuple[str, int]]:
        """The least days of each step before a zone with items can be released, as a student playing by
        the standards takes them: the non-technical survey (when the level has a survey team), then the
        search (technical survey or clearance) at ``capacity``, then the check of dog indications when
        the fastest searching team is a dog team (its indications must be checked before release)."""
        steps = []
        surveyors = [t for t in self.available if self.teams[t].get("works_on") == "survey"]
        if surveyors:
            rate = sum(max(1, self.start.get(t, 0)) * float(self.teams[t].get("rate_m2_per_day", 0))
                       for t in surveyors)
            steps.append(("survey", max(1, math.ceil(area / rate)) if rate > 0 else 1))
        steps.append(("search", max(1, math.ceil(area / capacity))))
        fastest = max(self.searchers(), key=lambda t: float(self.teams[t].get("rate_m2_per_day", 0)), default=None)
        if fastest is not None and self.teams[fastest].get("needs_check"):
            steps.append(("checking the dog indications", 1))
        return steps

    def release_area(self, path: tuple, label: str, wanted: float, deadline: int) -> None:
        suspected_m2 = float(self.suspected.sum()) * self.cell_m2
        if wanted > suspected_m2:
            self.warn(path + ("area_m2",), f"{label} asks for {wanted:,.0f} m2, but the map suspects only "
                      f"{suspected_m2:,.0f} m2", "ask for less land, or draw more suspected areas")

    def educate(self, path: tuple, label: str, deadline: int) -> None:
        educators = [t for t in self.available if self.teams[t].get("works_on") == "village"]
        if not educators:
            self.warn(path, f"{label} can never be met: the level has no risk-education team and none to hire",
                      "add `{type: eore}` under teams.start, or `eore` under teams.hire")
            return
        fastest = min(int(self.teams[t].get("days_per_village", 1)) for t in educators)
        if fastest > deadline:
            self.warn(path + ("by_day",), f"{label} cannot be met in time: risk education in a village takes "
                      f"{_plural(fastest, 'day')}", f"give a `by_day` of {fastest} or later")

    def budget(self) -> None:
        daily = sum(n * self.daily(t) for t, n in self.start.items())
        if daily <= 0:
            return
        wanted = min(self.spec.days, MIN_PAID_DAYS)
        paid = int(self.spec.budget_usd // daily)
        if paid >= wanted:
            return
        self.warn(("budget_usd",), f"the budget ({_money(self.spec.budget_usd)}) pays the starting teams for "
                  f"{_plural(paid, 'day')}: they cost {_money(daily)} a day",
                  f"the level ends on the first day the budget cannot pay the teams; give at least "
                  f"{_money(daily * wanted)} ({_plural(wanted, 'day')} of the starting teams"
                  f"{'' if wanted == self.spec.days else ', the least a student needs to plan'}), "
                  "or start with fewer teams")

    def tutorial(self) -> None:
        for i, step in enumerate(self.spec.tutorial):
            if step.team is not None:
                self.tutorial_team(i, step.team)
            if step.wait_for == "order" and step.order:
                self.tutorial_order(i, step.order)

    def tutorial_team(self, i: int, name: str) -> None:
        path = ("tutorial", i, "team")
        names = [f"{t}-{n}" for t, count in self.start.items() for n in range(1, count + 1)]
        match = _TEAM_NAME.fullmatch(name)
        if match is None or match.group(1) not in self.teams:
            self.warn(path, f"the tutorial waits for team `{name}`, which is not a team name: the student "
                      "would wait forever", f"teams are named by type and number: {', '.join(names) or 'none'}")
            return
        kind, number = match.group(1), int(match.group(2))
        if number <= self.start.get(kind, 0) or (kind in self.spec.hireable and number >= 1):
            return
        have = self.start.get(kind, 0)
        self.warn(path, f"the tutorial waits for team `{name}`, but the level starts with "
                  f"{_plural(have, kind + ' team')}" + ("" if kind in self.spec.hireable else " and cannot hire one")
                  + ": the student would wait forever",
                  f"the teams are {', '.join(names) or 'none'} (numbered by type from teams.start, in order)")

    def tutorial_order(self, i: int, order: str) -> None:
        path = ("tutorial", i, "order")
        if order == "hire" and not self.spec.hireable:
            self.warn(path, "the tutorial waits for a `hire` order, but the level lets the student hire no team",
                      "add team types under teams.hire, or ask for another order")
            return
        work = _ORDER_WORK.get(order)
        if work and not any(self.teams[t].get("works_on") == work for t in self.available):
            able = sorted(t for t, cat in self.teams.items() if cat.get("works_on") == work)
            self.warn(path, f"the tutorial waits for a `{order}` order, but no team of the level can give it: "
                      "the student would wait forever",
                      f"start with (or let the student hire) a team of type {' or '.join(able)}")


def playability_warnings(spec: LevelSpec, level_map: MapData, where: Where, shown: str) -> list[Problem]:
    """Every playability warning of a loaded level (see the module's docstring).

    ``where`` gives the line and column of a path into the level file;
    ``shown`` is how the level file is named in the warnings.
    """
    return _Checker(spec, level_map, where, shown).run()
