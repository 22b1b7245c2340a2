"""Shortcut players: the cheapest ways to a good grade a student (or a tired programme manager) might try.

Each player here gives orders a national authority's quality management would
reject or a programme manager would be dismissed for, yet costs less than the
IMAS way. They exist to red-team the rules and the score (issue 9): on every
shipped level, over many seeds, none of them may earn a good grade or beat
``land_release`` on average. If one does, the rule is wrong, not the player.

Like every scripted player they see only the :class:`~game.sim.PlayerView` of
each day and the level's :class:`~game.sim.briefing.Briefing` (see
:mod:`game.policies.base`); what they know of the game's rules is what its
source and catalogue say, as a student reading them would. Players that play the IMAS way with one twist subclass
:class:`~game.policies.land_release.LandReleasePolicy`; the others are built
on :class:`Sweep`, which hands blocks of the map to idle teams.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import numpy as np

from game.sim import commands as c
from game.sim.grid import LandStatus, box_near
from game.sim.view import PlayerView

from .base import Blocks, Policy, affordable, hazardous, village_distance_blocks, workable
from .land_release import LandReleasePolicy
from .simple import RecklessPolicy

#: How many teams of one type a shortcut player may hire (a tactic, not a rate of the world).
HIRE_CAP = 3
#: How many quality-assurance tasks the QA players keep running at once.
QA_AT_ONCE = 4
#: The QA players start a task only while the budget pays the programme and its QA this many days more.
QA_RESERVE_DAYS = 30
#: How many technical survey passes ``ts_until_clean`` sends over a block before it gives up and confirms it.
TS_PASSES = 5


# --------------------------------------------------------------- shared tools


def whole_map(view: PlayerView) -> tuple[int, int, int, int]:
    return (0, 0, view.width, view.height)


def stand_down_all_but(view: PlayerView, keep: Iterable[str]) -> list:
    """Orders sending home every deployed team whose type is not in ``keep``."""
    keep = set(keep)
    return [c.StandDown(view.day, t.name) for t in view.teams if t.deployed and t.type not in keep]


def last_day_to_play(view: PlayerView) -> bool:
    """Whether today is the last day played: the level's last day, or the budget cannot pay tomorrow."""
    running = sum(t.cost_per_day_usd for t in view.teams if t.deployed)
    return view.day >= view.last_day or view.budget_usd - running < running


def running_qa(view: PlayerView) -> set[str]:
    return {c.area_key(t.area) for t in view.tasks if t.kind == "quality_assurance"}


class Sweep(Policy):
    """A player that sends idle teams over the map block by block, blocks nearest the villages first.

    Subclasses say which team types they keep (``keep``: every other team is
    sent home on day 1) and call :meth:`sweep` with the cells each type
    still has to work.
    """

    keep: tuple[str, ...] = ()

    def __init__(self, briefing):
        super().__init__(briefing)
        size = int(self.settings("land_release").get("block_cells", 8))
        self.blocks = Blocks(self.map.width, self.map.height, size)
        self.order = self.blocks.order(village_distance_blocks(self.blocks, self.villages,
                                                               float(self.level.cell_size_m)))
        self.hired: dict[str, int] = {}
        self._workable: dict[str, np.ndarray] = {}

    def workable(self, view: PlayerView, team_type: str) -> np.ndarray:
        if team_type not in self._workable:
            self._workable[team_type] = workable(self.catalogue, view, team_type)
        return self._workable[team_type]

    def day_one(self, view: PlayerView) -> list:
        return stand_down_all_but(view, self.keep) if view.day == 1 else []

    def sweep(self, view: PlayerView, team_type: str, need: np.ndarray, order=c.Clear,
              once: set | None = None) -> list:
        """Give each idle team of ``team_type`` the next block holding cells of ``need`` that no task
        covers (and, with ``once``, that was never given before)."""
        teams = view.idle_teams(team_type)
        if not teams:
            return []
        busy = {c.area_key(t.area) for t in view.tasks}
        counts = self.blocks.count(need)
        orders = []
        for b in self.order:
            if not teams:
                break
            rect = self.blocks.rect(*b)
            if counts[b[1], b[0]] == 0 or rect in busy or (once is not None and b in once):
                continue
            if once is not None:
                once.add(b)
            orders.append(order(view.day, teams.pop(0).name, rect))
        return orders

    def hire_while_short(self, view: PlayerView, team_type: str, need: np.ndarray) -> list:
        """Hire one more team of a type when none is idle, work is left and the budget pays it to the end."""
        if (view.day <= 1 or team_type not in view.hireable or self.hired.get(team_type, 0) >= HIRE_CAP
                or view.idle_teams(team_type) or not need.any()):
            return []
        cat = self.catalogue["teams"][team_type]
        if not affordable(view, float(cat["cost_per_day_usd"]), float(cat["mobilisation_usd"])):
            return []
        self.hired[team_type] = self.hired.get(team_type, 0) + 1
        return [c.Hire(view.day, team_type)]

    def stand_down_idle(self, view: PlayerView, team_type: str, need: np.ndarray) -> list:
        """Send idle teams of a type home once their work is done (they stop costing money)."""
        if need.any():
            return []
        return [c.StandDown(view.day, t.name) for t in view.idle_teams(team_type)]


class QualitySpam:
    """Mixin: keep up to ``QA_AT_ONCE`` quality-assurance tasks running over every released block,
    round after round, while the budget pays the programme ``QA_RESERVE_DAYS`` more days."""

    def qa_spam(self, view: PlayerView) -> list:
        if not hasattr(self, "_qa_round"):
            self._qa_round: set[tuple[int, int]] = set()
            self._qa_blocks = Blocks(view.width, view.height, int(self.settings("land_release").get("block_cells", 8)))
        blocks = self._qa_blocks
        cost = float(self.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
        running = running_qa(view)
        counts = blocks.count(view.status >= LandStatus.CANCELLED)
        todo = [b for b in blocks.order() if counts[b[1], b[0]] and b not in self._qa_round]
        if not todo and self._qa_round:  # every released block was sampled: start a new round
            self._qa_round.clear()
            todo = [b for b in blocks.order() if counts[b[1], b[0]]]
        team_cost = sum(t.cost_per_day_usd for t in view.teams if t.deployed)
        days = min(QA_RESERVE_DAYS, max(0, view.last_day - view.day + 1))
        orders = []
        for b in todo:
            n = len(running) + len(orders) + 1
            if n > QA_AT_ONCE or view.budget_usd < (team_cost + cost * n) * days:
                break
            rect = blocks.rect(*b)
            if rect in running:
                continue
            self._qa_round.add(b)
            orders.append(c.QualityAssurance(view.day, rect))
        return orders


# ------------------------------------------------------- fast assets, no checks


class DogsOnlyPolicy(Sweep):
    """Send every other team home and run dog teams over all suspected land; never check an indication.

    The shortcut: dogs are fast and cheap per m2, and land they pass without
    indicating is "cleared". Indicated cells stay confirmed for ever (nobody
    checks them), and the items the dogs missed stay in cleared land.
    """

    name = "dogs_only"
    keep = ("dog",)

    def need(self, view: PlayerView) -> np.ndarray:
        return hazardous(view) & self.workable(view, "dog") & ~view.indication

    def decide(self, view: PlayerView) -> list:
        need = self.need(view)
        return (self.day_one(view) + self.sweep(view, "dog", need) + self.hire_while_short(view, "dog", need)
                + self.stand_down_idle(view, "dog", need))


class DogsRecheckPolicy(DogsOnlyPolicy):
    """Dogs only, and the dogs search their own indications again until they stop indicating.

    The shortcut: an indication is "checked" by sending the dogs back instead
    of a manual team; each pass a real item has a small chance of going
    unindicated, and then its cell counts as cleared.
    """

    name = "dogs_recheck"

    def need(self, view: PlayerView) -> np.ndarray:
        return hazardous(view) & self.workable(view, "dog")


class MachinesPlusDogsPolicy(Sweep):
    """Machines prepare every open piece of suspected land, dogs follow; no manual team ever checks.

    The shortcut: the fastest assets only. Machines leave about a fifth of the
    items live, dogs miss some and leave their indications unchecked.
    """

    name = "machines_plus_dogs"
    keep = ("machine", "dog")

    def decide(self, view: PlayerView) -> list:
        hazard = hazardous(view)
        machines = any(t.type == "machine" and t.deployed for t in view.teams) or "machine" in view.hireable
        machine_ok = self.workable(view, "machine") if machines else np.zeros_like(hazard)
        machine_need = hazard & machine_ok & ~view.prepared
        # dogs follow the machines; where no machine can go (or none is to be had) they go first
        dog_need = hazard & self.workable(view, "dog") & ~view.indication & (view.prepared | ~machine_ok)
        orders = self.day_one(view)
        orders += self.sweep(view, "machine", machine_need) + self.sweep(view, "dog", dog_need)
        orders += self.hire_while_short(view, "machine", machine_need)
        orders += self.hire_while_short(view, "dog", dog_need | machine_need)
        orders += self.stand_down_idle(view, "machine", machine_need)
        orders += self.stand_down_idle(view, "dog", dog_need | machine_need)
        return orders


# ------------------------------------------------------ survey without search


class SurveyAndCancelPolicy(LandReleasePolicy):
    """Non-technical survey of every suspected area, then cancel every area whatever the survey found.

    The shortcut: a survey is cheap and makes the land look "assessed";
    cancelling it all releases everything without entering it, evidence or not.
    """

    name = "survey_and_cancel"

    def decide(self, view: PlayerView) -> list:
        self._ordered = set()
        orders = stand_down_all_but(view, ("nts",)) if view.day == 1 else []
        suspected = view.status == LandStatus.SUSPECTED
        orders += self._survey(view, suspected)
        for zone in self.zones:
            if zone.name in self.zones_done and (self.zone_masks[zone.name] & suspected).any():
                orders.append(c.Cancel(view.day, zone.name))
        if self._zones_left == 0:
            orders += [c.StandDown(view.day, t.name) for t in view.idle_teams("nts") if t.name not in self._ordered]
        return orders


class TechnicalSurveyEverywherePolicy(Sweep):
    """Technical survey over every suspected block, once, and nothing else: no survey, no clearance.

    The shortcut: lanes that find nothing reduce a whole block; blocks where
    the lanes found items are left confirmed or suspected, with their items in
    the ground, for nobody to clear.
    """

    name = "ts_everywhere"
    keep = ("technical_survey",)

    def __init__(self, briefing):
        super().__init__(briefing)
        self.given: set[tuple[int, int]] = set()

    def decide(self, view: PlayerView) -> list:
        need = (view.status == LandStatus.SUSPECTED) & self.workable(view, "technical_survey")
        todo = need & ~self._given_mask(view)
        return (self.day_one(view) + self.sweep(view, "technical_survey", need, c.TechnicalSurvey, self.given)
                + self.stand_down_idle(view, "technical_survey", todo))

    def _given_mask(self, view: PlayerView) -> np.ndarray:
        mask = np.zeros((view.height, view.width), dtype=bool)
        for b in self.given:
            x, y, w, h = self.blocks.rect(*b)
            mask[y:y + h, x:x + w] = True
        return mask


class CancelOrConfirmPolicy(LandReleasePolicy):
    """Release only by cancellation: survey, cancel land without evidence, confirm and mark the rest,
    and send the technical survey and clearance teams home on day 1.

    The shortcut: confirmed land is never searched, so its items are never
    found, and nothing released by a search can hold a missed item.
    """

    name = "cancel_or_confirm"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.ts_passes = 0  # land near evidence is confirmed at once
        self.hire_max = {}

    def decide(self, view: PlayerView) -> list:
        orders = []
        if view.day == 1:
            orders = stand_down_all_but(view, ("nts", "eore"))
            self.stood_down |= {o.team for o in orders}
        return orders + super().decide(view)

    def _clear(self, view: PlayerView, confirmed: np.ndarray) -> list:
        self._backlog = {"manual": 0.0, "dog": 0.0, "machine": 0.0}
        return []


class SkipSurveyPolicy(LandReleasePolicy):
    """Land release without the non-technical survey: cancel on day 1 every block nobody has reported.

    The shortcut (the tutorial's north pasture): cancelling needs no survey,
    so land with no report yet is cancelled unseen; only land near reports
    known on day 1 is searched.
    """

    name = "skip_survey"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.zones_done = {z.name for z in self.zones}
        self._done_mask[:] = True
        self._cancel_tried: set = set()

    def decide(self, view: PlayerView) -> list:
        # a cancellation refused for want of a survey stays refused (nobody surveys here): asked once per block,
        # not every day (80 refused orders a day made it the slowest player of calibrate on the sector)
        orders = []
        for order in super().decide(view):
            if isinstance(order, c.Cancel):
                key = c.area_key(order.area)
                if key in self._cancel_tried:
                    continue
                self._cancel_tried.add(key)
            orders.append(order)
        return orders


# --------------------------------------------------- land release, bent a little


class RushedLandReleasePolicy(LandReleasePolicy):
    """Land release with every team at rushed pace, faster than the standard operating procedure.

    The shortcut: more land a day for the same money, accepting more
    accidents and more missed items.
    """

    name = "rushed_land_release"

    def decide(self, view: PlayerView) -> list:
        rush = [c.SetPace(view.day, t.name, "rushed") for t in view.teams if t.deployed and t.pace != "rushed"]
        return rush + super().decide(view)


class LeanLandReleasePolicy(LandReleasePolicy):
    """Land release without quality assurance, marking or risk education (risk education teams sent home).

    The shortcut: the parts of a programme that release no land cost money
    and time; skip them.
    """

    name = "lean_land_release"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.qa = self.eore = self.hire_eore = False

    def decide(self, view: PlayerView) -> list:
        home = [c.StandDown(view.day, t.name) for t in view.teams if t.deployed and t.type == "eore"]
        return home + super().decide(view)

    def _mark(self, view: PlayerView, hazard: np.ndarray) -> list:
        return []


class LastDayCancelPolicy(LandReleasePolicy):
    """Land release, then on the last day played cancel every cell still suspected.

    The shortcut: what the programme did not reach in time is released on
    paper at the end, when no civilian will walk on it before the score.
    """

    name = "last_day_cancel"

    def decide(self, view: PlayerView) -> list:
        orders = super().decide(view)
        if last_day_to_play(view) and (view.status == LandStatus.SUSPECTED).any():
            orders.append(c.Cancel(view.day, whole_map(view)))
        return orders


class ThinBufferPolicy(LandReleasePolicy):
    """Land release that cancels right next to evidence: only the cells holding a report or find are kept.

    The shortcut: cancel against evidence, a little; an area with a report
    in one corner is mostly cancelled, not searched.
    """

    name = "thin_buffer"

    def _near_evidence(self, view: PlayerView) -> np.ndarray:
        super()._near_evidence(view)  # keeps the evidence points land release orders its searches by
        xs, ys = self._points
        return box_near(view.height, view.width, xs, ys, 0)


class TechnicalSurveyUntilCleanPolicy(LandReleasePolicy):
    """Land release that sends technical survey over a block again and again (up to ``TS_PASSES`` times)
    until a pass finds nothing, and confirms only what the survey itself confirms around a find.

    The shortcut: a pass that finds nothing reduces the block, even where the
    pass before found items ("mines come in groups" ignored).
    """

    name = "ts_until_clean"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.ts_passes = TS_PASSES
        self.fade = 0


class LaneDodgePolicy(LandReleasePolicy):
    """Land release that confirms the cells of a block's search lanes just before its technical survey.

    The shortcut: search lanes are computed on land still suspected; with the
    lane cells confirmed first, the survey searches nothing and reduces the
    rest, and the confirmed lanes are cleared like any confirmed land. The
    lane pattern comes from the rules' source and the catalogue's sample share.
    """

    name = "lane_dodge"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.lane_every = max(1, int(round(1.0 / float(self.catalogue["teams"]["technical_survey"]["sample_share"]))))

    def decide(self, view: PlayerView) -> list:
        orders = []
        suspected = view.status == LandStatus.SUSPECTED
        k = self.lane_every
        for order in super().decide(view):
            if isinstance(order, c.TechnicalSurvey):
                x, y, w, h = order.area
                for cy in range(y, y + h):
                    for cx in range(x, x + w):
                        if (cx + cy) % k == k // 2 and suspected[cy, cx]:
                            orders.append(c.Confirm(view.day, (cx, cy, 1, 1)))
            orders.append(order)
        return orders


class ObjectiveCancelPolicy(LandReleasePolicy):
    """Land release that cancels an objective's zone as soon as its survey is done, evidence or not.

    The shortcut: a deadline objective is ticked on the day the zone's
    survey ends.
    """

    name = "objective_cancel"

    @staticmethod
    def took_shortcut(run) -> bool:
        """It cut something only where its cancel was unjustified: after a survey that found no evidence,
        cancelling the zone is what the standards ask (on levels whose fields move between zones, the
        objective's zone is empty on some seeds); ``run`` is a game.policies.RunSummary."""
        return run.unjustified_m2 > 0

    def __init__(self, briefing):
        super().__init__(briefing)
        self.objective_masks = {name: np.asarray(self.map.object_named(name).mask, dtype=bool)
                                for _, name in self.objective_zones}

    def decide(self, view: PlayerView) -> list:
        suspected = view.status == LandStatus.SUSPECTED
        orders = [c.Cancel(view.day, name) for name, mask in self.objective_masks.items()
                  if (mask & suspected).any() and not (mask & suspected & ~view.surveyed).any()]
        return orders + super().decide(view)


class EarlyEndPolicy(LandReleasePolicy):
    """Land release that ends the level as soon as nothing is suspected and the deadlines are over.

    The shortcut: stop the clock once the released land is banked; the items
    in confirmed land are left for somebody else, and no more accidents can
    happen.
    """

    name = "early_end"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.deadlines = [(o.by_day, np.asarray(self.map.object_named(o.zone).mask, dtype=bool))
                          for o in self.level.objectives
                          if o.kind == "release_zone" and o.zone and self.map.object_named(o.zone) is not None]

    def decide(self, view: PlayerView) -> list:
        if view.day > 1 and not (view.status == LandStatus.SUSPECTED).any() and self._deadlines_over(view):
            return [c.EndLevel(view.day)]
        return super().decide(view)

    def _deadlines_over(self, view: PlayerView) -> bool:
        released = view.status >= LandStatus.CANCELLED
        known = view.status != LandStatus.UNKNOWN
        for by_day, mask in self.deadlines:
            if not released[mask & known].all() and (by_day is None or view.day <= by_day):
                return False
        return True


class QaSpamPolicy(QualitySpam, LandReleasePolicy):
    """Land release with as much quality assurance as the budget pays, over every released block, again
    and again.

    A probe more than a shortcut: today a QA find sends its land back to
    suspected, and the items around it stop counting as left in released land.
    """

    name = "qa_spam"

    def _quality_assurance(self, view: PlayerView) -> list:
        return self.qa_spam(view)


class CancelAndQaPolicy(QualitySpam, RecklessPolicy):
    """Cancel everything on day 1, send every team home, then let quality assurance sample the land.

    The shortcut: each QA find takes its block back to suspected, and the
    items there stop counting as left in released land.
    """

    name = "cancel_and_qa"

    def decide(self, view: PlayerView) -> list:
        return super().decide(view) + self.qa_spam(view)


# ------------------------------------------------------------- doing nothing


class EndOnDayOnePolicy(Policy):
    """End the level on day 1: nobody is hurt and nothing is spent, so those objectives come free."""

    name = "end_on_day_one"

    def decide(self, view: PlayerView) -> list:
        return [c.EndLevel(view.day)]


class StandDownAllPolicy(Policy):
    """Send every team home on day 1 and let the days pass: nothing spent, nothing searched."""

    name = "stand_down_all"

    def decide(self, view: PlayerView) -> list:
        return stand_down_all_but(view, ()) if view.day == 1 else []


class MarkAndEducatePolicy(LandReleasePolicy):
    """Only marking and risk education: every suspected area marked, every village taught, no release.

    The shortcut: look safe and responsible while releasing nothing; civilians
    avoid the marked land, so few incidents happen.
    """

    name = "mark_and_educate"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.mark_radius_m = float("inf")

    def decide(self, view: PlayerView) -> list:
        self._ordered = set()
        orders = stand_down_all_but(view, ("eore",)) if view.day == 1 else []
        orders += self._mark(view, hazardous(view)) + self._educate(view)
        if all(v.educated_until_day > view.last_day for v in view.villages):
            orders += [c.StandDown(view.day, t.name) for t in view.idle_teams("eore") if t.name not in self._ordered]
        return orders


class StandDownHalfwayPolicy(LandReleasePolicy):
    """Land release to half-time, then every team sent home with the budget left over.

    The shortcut (found by the red team of session 3): the first half of the
    work earns most of the points, and money left over looks thrifty.
    """

    name = "stand_down_halfway"

    def decide(self, view: PlayerView) -> list:
        if view.day > view.last_day // 2:
            return stand_down_all_but(view, ())
        return super().decide(view)


class SampleSurveyPolicy(LandReleasePolicy):
    """Survey only the half of the suspected areas that land release would survey first; leave the rest
    as it is (no survey, no work) and send the survey team home when that half is done."""

    name = "sample_survey"

    def __init__(self, briefing):
        super().__init__(briefing)
        for zone in self.zones[max(1, (len(self.zones) + 1) // 2):]:
            self.surveys_given.add(zone.name)  # never given


class PiecemealCancelPolicy(LandReleasePolicy):
    """Survey block by block (rectangles, not whole suspected areas), the blocks farthest from villages
    first, and cancel each block the day its own cells are surveyed, before the rest of its suspected area
    can turn up evidence."""

    name = "piecemeal_cancel"

    @staticmethod
    def took_shortcut(run) -> bool:
        """It cut something only where it cancelled land (a level with evidence everywhere leaves it a slower
        land release, surveyed block by block); ``run`` is a game.policies.RunSummary."""
        return run.released_m2.get("cancelled", 0) > 0

    def __init__(self, briefing):
        super().__init__(briefing)
        self._blocks_given: set = set()

    def decide(self, view: PlayerView) -> list:
        self._done_mask = self._done_mask | np.asarray(view.surveyed, dtype=bool)
        return super().decide(view)

    def _survey(self, view: PlayerView, suspected: np.ndarray) -> list:
        todo = self.blocks.count(suspected & ~np.asarray(view.surveyed, dtype=bool))
        busy = {c.area_key(t.area) for t in view.tasks if t.kind == "survey"}
        left = [b for b in reversed(self.order) if todo[b[1], b[0]] and b not in self._blocks_given
                and self.blocks.rect(*b) not in busy]
        orders = []
        for team in view.idle_teams("nts"):
            if not left:
                break
            b = left.pop(0)
            self._blocks_given.add(b)
            self._ordered.add(team.name)
            orders.append(c.Survey(view.day, team.name, self.blocks.rect(*b)))
        self._zones_left = len(left)
        return orders


class FileReaderPolicy(LandReleasePolicy):
    """Land release by a student who opened the level file: every zone an item field names (each zone of a
    field that lists several) is treated as contaminated from day one, so it is confirmed and cleared at
    once, with no technical survey to find out.

    The shortcut: reading where the items are instead of surveying. A level whose fields each name one
    zone tells this player which suspected areas are empty; a field over several zones tells it only where
    items may be (docs/level-authoring.md). It plays no procedure short, so it is judged by its mean only.
    It finds the file by the level's id among the bundled levels and My levels (where students' custom
    levels are installed); elsewhere it reads nothing and plays as land_release does.
    """

    name = "file_reader"

    def __init__(self, briefing):
        super().__init__(briefing)
        self.read = np.zeros((self.map.height, self.map.width), dtype=bool)
        for zone in _zones_in_level_file(briefing.level.id):
            obj = self.map.object_named(zone)
            if obj is not None:
                self.read |= np.asarray(obj.mask, dtype=bool)
        for by, bx in zip(*np.nonzero(self.blocks.count(self.read) > 0)):
            self.ts_pass[(int(bx), int(by))] = 10 ** 6  # no technical survey there: straight to confirm

    def _near_evidence(self, view: PlayerView) -> np.ndarray:
        return super()._near_evidence(view) | self.read


def file_tells_more_than_the_news(level) -> bool:
    """Whether a level's file names a zone of an item field that none of its reports names (or lets a field lie
    in one of several zones). file_reader uses only those names, so where every one of them is a reported zone
    (the tutorial: its two fields lie where its day-1 and day-2 reports say) it knows nothing the news does not
    tell, and a point it gains (clearing a reported area a day sooner) is no finding. ``level``: a LevelSpec."""
    reported = {e.zone for e in level.events if e.kind == "report"}
    return any(len(f.zones) > 1 or f.zones[0] not in reported for f in level.item_fields)


@lru_cache(maxsize=16)
def _zones_in_level_file(level_id: str) -> tuple[str, ...]:
    """The zones that the item fields of a level's YAML file name, read as a student could read them (once per
    process: finding the file reads every level file of the game's folders, and calibrate plays many runs)."""
    import yaml

    from game.run.levels import find_level

    path = find_level(level_id)
    if path is None:
        return ()
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    zones: list[str] = []
    for item_field in (doc.get("ordnance") or {}).get("fields") or ():
        zone = item_field.get("zone")
        zones += zone if isinstance(zone, list) else [zone]
    return tuple(zones)


#: Every shortcut player, in the order the red-team tables list them.
SHORTCUT_POLICIES: tuple[type[Policy], ...] = (
    DogsOnlyPolicy, DogsRecheckPolicy, MachinesPlusDogsPolicy, RushedLandReleasePolicy, SurveyAndCancelPolicy,
    LeanLandReleasePolicy, LastDayCancelPolicy, TechnicalSurveyEverywherePolicy, TechnicalSurveyUntilCleanPolicy,
    LaneDodgePolicy, ThinBufferPolicy, SkipSurveyPolicy, ObjectiveCancelPolicy, CancelOrConfirmPolicy,
    EarlyEndPolicy, QaSpamPolicy, CancelAndQaPolicy, EndOnDayOnePolicy, StandDownAllPolicy, MarkAndEducatePolicy,
    StandDownHalfwayPolicy, SampleSurveyPolicy, PiecemealCancelPolicy, FileReaderPolicy,
)
