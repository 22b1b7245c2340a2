"""Calibration of a level: how the scripted players fare over many seeds, and whether the level teaches.

:func:`calibrate` plays each scripted player (game.policies) on a level over
seeds 1..N, in parallel processes (``run_tournament``), and sums up per
player: the grade distribution, mean and spread of the score (also as a
share of the best possible), how often each objective was met, days and
money used, casualties and expected harm. :func:`verdicts` says where the
level does not teach what it should:

- ``land_release`` (the IMAS way) is not clearly the best: another player's
  mean score comes within 5% of the best possible (or two standard errors),
  compared seed by seed with land_release's and, for a shortcut player, on
  the seeds where it cut something (elsewhere it played the IMAS way);
- a shortcut or teaching player (game.policies.SHORTCUTS, TEACHING) earns an
  A or a B on a run where it cut something (game.policies.cut_something); the
  hint says what in the level to change, inferred from its runs
  (:func:`level_fix`), or that the score rule is at fault. Probes
  (game.policies.PROBES: they play the IMAS way or more of it) count only
  when their mean clearly beats land_release's (two standard errors), and
  file_reader (game.policies.READERS) when its mean reaches land_release's:
  the level file then tells where the items are;
- ``land_release``'s grades spread wider than two adjacent letters (luck
  decides more than play);
- an objective that no player ever meets, or that every player always meets
  (even doing nothing).

``minerisk calibrate`` prints it (game/cli_commands/calibrate.py) and draws it
(game/calibrate_report.py). Headless; no pygame.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from statistics import mean, pstdev

from game.policies import POLICIES, PROBES, READERS, SHORTCUTS, TEACHING, cut_something, run_tournament
from game.policies.runner import GRADES, GOOD_GRADES, RunSummary
from game.policies.shortcuts import file_tells_more_than_the_news

IMAS_WAY = "land_release"
#: Players that play by the standards in another order (game/policies/obvious.py): shown for comparison, never a
#: verdict; on most levels that order is a fair way to play, and the level built to punish it has its own test.
FAIR_PLANS = ("obvious_order",)
#: land_release must lead every other player's mean score by this share of the best possible (or 2 standard errors).
CLEAR_LEAD = 0.05


def describe(policy: str) -> str:
    """What a scripted player does, in one sentence (the first of its docstring, without a full stop)."""
    doc = (POLICIES[policy].__doc__ or "").strip() if policy in POLICIES else ""
    first = " ".join(doc.split("\n\n")[0].split()).replace("``", "")
    return first.split(". ")[0].rstrip(".") if first else policy


def same_as(a: "PlayerResult", b: "PlayerResult") -> bool:
    """Whether two players came to the same result on every seed (a shortcut whose twist never applied)."""
    return a.n == b.n and a.n > 0 and all(x.seed == y.seed and x.same_outcome(y) for x, y in zip(a.runs, b.runs))


def role(policy: str) -> str:
    if policy == IMAS_WAY:
        return "the IMAS way"
    if policy in SHORTCUTS:
        return "shortcut"
    if policy in TEACHING:
        return "teaches by its mistakes"
    if policy in FAIR_PLANS:
        return "a fair plan, never changed"
    return "player"


@dataclass(frozen=True, slots=True)
class PlayerResult:
    """One player's runs on the level and what they add up to."""

    policy: str
    runs: tuple[RunSummary, ...]

    @property
    def n(self) -> int:
        return len(self.runs)

    @property
    def grades(self) -> dict[str, int]:
        """Runs per grade, every letter (A to F)."""
        return {g: sum(r.grade == g for r in self.runs) for g in GRADES}

    @property
    def totals(self) -> list[float]:
        return [r.total for r in self.runs]

    @property
    def shares(self) -> list[float]:
        """Each run's score as a share of that run's best possible score."""
        return [r.total / r.best_possible if r.best_possible > 0 else 0.0 for r in self.runs]

    def avg(self, value: Callable[[RunSummary], float]) -> float:
        return float(mean(value(r) for r in self.runs)) if self.runs else 0.0

    @property
    def mean_total(self) -> float:
        return self.avg(lambda r: r.total)

    @property
    def stdev_total(self) -> float:
        return float(pstdev(self.totals)) if self.runs else 0.0

    @property
    def mean_best(self) -> float:
        return self.avg(lambda r: r.best_possible)

    def objective_rates(self, count: int) -> list[float]:
        """Share of runs meeting each objective (in the level's order)."""
        return [self.avg(lambda r, i=i: float(r.objectives[i][1]) if i < len(r.objectives) else 0.0)
                for i in range(count)]

    @property
    def grade_range(self) -> tuple[str, str]:
        earned = [g for g in GRADES if self.grades[g]]
        return (earned[0], earned[-1]) if earned else ("F", "F")

    def summary(self, objective_count: int, same_as_imas: bool = False) -> dict:
        return {
            "policy": self.policy, "role": role(self.policy), "description": describe(self.policy), "runs": self.n,
            "same_as_land_release": same_as_imas,
            "grades": self.grades, "mean_total": round(self.mean_total, 1), "stdev_total": round(self.stdev_total, 1),
            "mean_share_of_best": round(mean(self.shares), 4) if self.runs else 0.0,
            "stdev_share_of_best": round(pstdev(self.shares), 4) if self.runs else 0.0,
            "objectives_met": [round(v, 3) for v in self.objective_rates(objective_count)],
            "mean_objectives_met": round(self.avg(lambda r: r.objectives_met), 2),
            "mean_days": round(self.avg(lambda r: r.days_played), 1),
            "mean_spent_usd": round(self.avg(lambda r: r.spent_usd)),
            "mean_casualties": round(self.avg(lambda r: r.casualties), 3),
            "mean_expected_harm": round(self.avg(_civilian_harm), 3),
            "mean_items_left_in_released_land": round(self.avg(lambda r: r.items_left_in_released_land), 2),
            "totals": [round(t, 1) for t in self.totals],
        }


def _civilian_harm(r: RunSummary) -> float:
    h = r.expected_harm or {}
    return float(h.get("civilian_level", 0.0)) + float(h.get("civilian_after", 0.0))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Where the level does not teach: a code, the finding in words, and what to look at."""

    code: str  # not_clearly_best, shortcut_pays, grades_spread, objective_never_met, objective_always_met
    message: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Calibration:
    """The result of :func:`calibrate`."""

    level_id: str
    level_title: str
    level_path: str
    seeds: tuple[int, ...]
    objectives: tuple[str, ...]  # the objectives' texts, in the level's order
    grade_thresholds: dict[str, float]
    players: tuple[PlayerResult, ...]
    verdicts: tuple[Verdict, ...]
    seconds: float
    jobs: int
    extra: dict = field(default_factory=dict)

    def player(self, policy: str) -> PlayerResult | None:
        return next((p for p in self.players if p.policy == policy), None)

    def same_as_imas(self, p: PlayerResult) -> bool:
        """Whether ``p`` (not land_release itself) played exactly as land_release on every seed."""
        imas = self.player(IMAS_WAY)
        return p.policy != IMAS_WAY and imas is not None and same_as(p, imas)

    def to_dict(self) -> dict:
        return {
            "level": self.level_id, "title": self.level_title, "file": self.level_path, "seeds": list(self.seeds),
            "runs": sum(p.n for p in self.players), "jobs": self.jobs, "seconds": round(self.seconds, 2),
            "objectives": list(self.objectives), "grade_thresholds": self.grade_thresholds,
            "players": [p.summary(len(self.objectives), self.same_as_imas(p)) for p in self.players],
            "verdicts": [{"code": v.code, "message": v.message, "hint": v.hint} for v in self.verdicts],
            "teaches": not self.verdicts,
        }


#: What in a level lets each kind of shortcut pay when its released land held no item (so the score rule
#: had nothing to punish): the change to make in the level file or map. Keyed by the shortcut's family.
_LEVEL_FIXES = {
    "cancel": "the land it cancelled unsearched held no item on any seed: hide items (an `ordnance.fields` entry) "
              "in a suspected area that no `report` event names, so that only the survey's evidence leads to them, "
              "and give that area a `release_zone` objective",
    "fast_assets": "its dogs and machines missed nothing that counted here: put more items (or a denser "
                   "`ordnance.fields` entry) in the land they search, so that the items they miss or leave "
                   "unchecked show in the score",
    "lanes": "lanes alone were enough here: add a `release_zone` objective on a zone that holds items (only "
             "clearance releases it), or use `layout: cluster` so that lanes miss items",
    "rushed": "working faster than the procedure cost nothing here: put more items in the land searched, so that "
              "rushed work meets them (accidents and misses), or give fewer days so that the pace is a real choice",
    "early": "ending early kept the grade: give objectives a `by_day` on land that holds items, so that a player "
             "who stops early misses them",
    "all": "clearing everything fitted in the level",
    "file": "your level file tells where the items are: give each `ordnance.fields` entry a list of zones "
            "(`zone: [a, b, c]`, one drawn on every run) that includes areas no report names, so that only the "
            "survey's evidence tells an empty area from a contaminated one",
}
_FAMILY = {
    "skip_survey": "cancel", "survey_and_cancel": "cancel", "cancel_or_confirm": "cancel",
    "last_day_cancel": "cancel", "objective_cancel": "cancel", "cancel_and_qa": "cancel",
    "dogs_only": "fast_assets", "dogs_recheck": "fast_assets", "machines_plus_dogs": "fast_assets",
    "ts_everywhere": "lanes", "ts_until_clean": "lanes", "lane_dodge": "lanes",
    "rushed_land_release": "rushed", "lean_land_release": "rushed", "thin_buffer": "rushed",
    "early_end": "early", "end_on_day_one": "early", "stand_down_all": "early", "idle": "early",
    "mark_and_educate": "early", "qa_spam": "early", "clear_all": "all", "reckless": "rushed",
    "stand_down_halfway": "early", "sample_survey": "cancel", "piecemeal_cancel": "cancel",
    "file_reader": "file",
}


def level_fix(p: PlayerResult, imas: PlayerResult | None, days: int | None = None,
              budget_usd: float | None = None) -> str:
    """What to change in the level so that shortcut ``p`` stops paying, inferred from its runs.

    Live items left in the land it released and still an A or B: the score rule is wrong, not the level (a
    trainer cannot fix it: report it). Otherwise the level gave it nothing to punish: say what to add or
    tighten, with the days and money it used when time or budget is the lever.
    """
    left = p.avg(lambda r: r.items_left_in_released_land)
    if left > 0:
        return (f"it released land still holding {left:,.1f} live item{'s' * (left != 1)} on average and kept the "
                "grade: that is the score rule, not your level; report it to the Mine Risk developers")
    family = _FAMILY.get(p.policy, "")
    fix = _LEVEL_FIXES.get(family, "make the level need what this player skips")
    used_days, spent = p.avg(lambda r: r.days_played), p.avg(lambda r: r.spent_usd)
    if family in ("all", "rushed", "lanes") and days:
        fix += (f"; it used {used_days:,.0f} of the {days} days and US${spent:,.0f}"
                + (f" of the US${budget_usd:,.0f} budget" if budget_usd else "")
                + ": fewer `days` or a smaller `budget_usd` make the way of working matter")
    return fix


def _where_it_cut(p: PlayerResult, reference: dict[int, RunSummary]) -> list[tuple[RunSummary, RunSummary]]:
    """A player's runs paired with land_release's run of the same seed; for a shortcut player only the seeds
    where it cut something (where it played the IMAS way, there is nothing to judge)."""
    return [(r, reference[r.seed]) for r in p.runs if r.seed in reference
            and (p.policy not in SHORTCUTS or cut_something(p.policy, r, reference[r.seed]))]


def verdicts(players: Sequence[PlayerResult], objectives: Sequence[str], days: int | None = None,
             budget_usd: float | None = None, file_tells_more: bool = True) -> list[Verdict]:
    """Where the results show the level does not teach (see the module's docstring); ``days`` and
    ``budget_usd`` (the level's) let a verdict say how much of them a shortcut used; ``file_tells_more``
    (game.policies.shortcuts.file_tells_more_than_the_news) whether file_reader is judged at all."""
    found: list[Verdict] = []
    imas = next((p for p in players if p.policy == IMAS_WAY), None)
    # a player that played exactly as land_release on every seed found no shortcut here: nothing to judge
    others = [p for p in players if p.policy != IMAS_WAY and p.runs and not (imas is not None and same_as(p, imas))]
    reference = {r.seed: r for r in imas.runs} if imas is not None else {}
    if imas is not None and imas.runs:
        lead_needed = CLEAR_LEAD * imas.mean_best
        level, unclear = [], []
        for p in (p for p in others if p.policy not in FAIR_PLANS + READERS):
            # compared seed by seed with land_release, on the seeds where it cut something
            pairs = _where_it_cut(p, reference)
            if not pairs:
                continue
            leads = [r0.total - r.total for r, r0 in pairs]
            lead, se = mean(leads), pstdev(leads) / math.sqrt(len(leads))
            shown = (p.policy, mean(r.total for r, _ in pairs), len(pairs))
            if p.policy in PROBES:  # it plays the IMAS way or more of it: only clearly beating it is a finding
                if lead < -2 * se:
                    level.append(shown)
            elif lead < lead_needed:
                level.append(shown)
            elif lead < 2 * se:
                unclear.append(shown)
        if level or unclear:
            def names(group):
                return ", ".join(f"{name} ({score:,.0f}" + (f" on the {n} seeds where it cut something" if n < imas.n
                                                            else "") + ")"
                                 for name, score, n in sorted(group, key=lambda g: -g[1]))

            verb = "scores" if len(level) == 1 else "score"
            said = [f"{names(level)} {verb} as much or more (within {CLEAR_LEAD:.0%} of the best possible)"] if level else []
            said += [f"{names(unclear)} cannot be told apart from it over {imas.n} seeds"] if unclear else []
            found.append(Verdict("not_clearly_best", f"land_release is not clearly the best way to play: its mean "
                                 f"score is {imas.mean_total:,.0f}; " + "; ".join(said),
                                 "the rules or the level reward another way as much as the IMAS way; look at what "
                                 "those players skip" + ("; more --runs tells close players apart" if unclear else "")))
        low, high = imas.grade_range
        if GRADES.index(high) - GRADES.index(low) >= 2:
            found.append(Verdict("grades_spread", f"land_release's grades range from {low} to {high} over the seeds: "
                                 "luck decides the grade more than the way of playing",
                                 "more items or larger areas even out chance; so do objectives that do not hang "
                                 "on a single find"))
    for p in others:
        if p.policy in READERS and imas is not None and file_tells_more and p.mean_total >= imas.mean_total:
            found.append(Verdict("file_tells", f"{p.policy} scores {p.mean_total:,.0f} on average, as much as "
                                 f"land_release or more ({describe(p.policy)})", level_fix(p, imas, days, budget_usd)))
        elif p.policy in TEACHING or (p.policy in SHORTCUTS and p.policy not in PROBES + READERS):
            # an A or B counts where the player cut something (as the red team judges): on a seed where it
            # came to land_release's result, or says it took no shortcut, it played the IMAS way
            judged = [r for r, _ in _where_it_cut(p, reference)] if reference else p.runs
            good = sum(r.grade in GOOD_GRADES for r in judged)
            if good:
                found.append(Verdict("shortcut_pays", f"{p.policy} earns an A or a B in {good} of {p.n} runs "
                                     f"({describe(p.policy)})", level_fix(p, imas, days, budget_usd)))
    everyone = [p for p in players if p.runs]
    for i, text in enumerate(objectives):
        rates = [p.objective_rates(len(objectives))[i] for p in everyone]
        if rates and max(rates) == 0:
            found.append(Verdict("objective_never_met", f"no player ever meets the objective “{text}”",
                                 "give it more days, a smaller zone or more teams; minerisk validate warns when "
                                 "it cannot be met at all"))
        elif rates and min(rates) == 1 and any(p.policy == "idle" for p in everyone):
            found.append(Verdict("objective_always_met", f"every player meets the objective “{text}” in every run, "
                                 "even the one that does nothing", "it teaches nothing as it stands"))
    return found


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def calibrate(level_path: str | os.PathLike, policies: Sequence[str] | None = None, runs: int = 10,
              jobs: int | None = None, progress: Callable[[int, int, str, int], None] | None = None,
              first_seed: int = 1) -> Calibration:
    """Play ``policies`` (default: every scripted player) on seeds ``first_seed``.. of the level.

    Raises game.level.LevelError when the level does not load, KeyError for
    an unknown policy.
    """
    from game.level import load_level

    spec, _ = load_level(level_path)
    names = list(policies) if policies else list(POLICIES)
    seeds = tuple(range(first_seed, first_seed + runs))
    jobs = default_jobs() if jobs is None else max(1, jobs)
    start = time.perf_counter()
    stats = run_tournament(os.fspath(level_path), names, seeds, jobs=jobs, progress=progress)
    seconds = time.perf_counter() - start
    players = tuple(PlayerResult(name, s.runs) for name, s in stats.items())
    objectives = tuple(_objective_text(o) for o in spec.objectives)
    thresholds = {k: float(v) for k, v in spec.catalogue["score_weights"]["grade_thresholds"].items()}
    return Calibration(spec.id, spec.title, os.fspath(level_path), seeds, objectives, thresholds, players,
                       tuple(verdicts(players, objectives, spec.days, spec.budget_usd,
                                      file_tells_more_than_the_news(spec))), seconds, jobs)


def _objective_text(o) -> str:
    if o.text:
        return o.text
    from game.text.score import objective_text

    return objective_text(o)


def format_text(cal: Calibration) -> str:
    """The calibration as a table for the terminal, verdicts last."""
    head = (f"{'player':<22} {'A':>3} {'B':>3} {'C':>3} {'D':>3} {'F':>3}  {'mean score':>11} {'spread':>7} "
            f"{'% best':>6}  {'objectives':>10}  {'days':>5}  {'spent US$':>11}  {'hurt':>5}  {'exp. harm':>9}")
    lines = [f"{cal.level_title} ({cal.level_id}): {len(cal.seeds)} seeds ({cal.seeds[0]}-{cal.seeds[-1]}) per "
             f"player, {sum(p.n for p in cal.players)} runs in {cal.seconds:.1f} s on {cal.jobs} "
             f"process{'es' * (cal.jobs != 1)}", "", head, "-" * len(head)]
    n_obj = len(cal.objectives)
    for p in cal.players:
        g = p.grades
        mark = "=" if cal.same_as_imas(p) else " "
        lines.append(f"{p.policy:<21}{mark} {g['A']:>3} {g['B']:>3} {g['C']:>3} {g['D']:>3} {g['F']:>3}  "
                     f"{p.mean_total:>11,.0f} {p.stdev_total:>7,.0f} {mean(p.shares) * 100:>5.0f}%  "
                     f"{p.avg(lambda r: r.objectives_met):>5.1f} of {n_obj:<2}  {p.avg(lambda r: r.days_played):>5.0f}  "
                     f"{p.avg(lambda r: r.spent_usd):>11,.0f}  {p.avg(lambda r: r.casualties):>5.2f}  "
                     f"{p.avg(_civilian_harm):>9.3f}")
    if any(cal.same_as_imas(p) for p in cal.players):
        lines.append("= played exactly as land_release on every seed: its shortcut never applied on this level")
    lines += ["", "Objectives (share of runs meeting each):"]
    imas = cal.player(IMAS_WAY)
    for i, text in enumerate(cal.objectives):
        rate = f"land_release {imas.objective_rates(n_obj)[i]:.0%}, " if imas else ""
        everyone = mean(p.objective_rates(n_obj)[i] for p in cal.players) if cal.players else 0
        lines.append(f"  {i + 1}. “{text}”: {rate}all players {everyone:.0%}")
    lines.append("")
    if cal.verdicts:
        lines.append(f"The level does not teach as it should ({len(cal.verdicts)} finding"
                     f"{'s' * (len(cal.verdicts) != 1)}):")
        lines += [f"  - {v.message}; {v.hint}" for v in cal.verdicts]
    else:
        lines.append("The level teaches: land_release is clearly best, no shortcut earns an A or a B, its grades "
                     "stay within two letters, and every objective is met by some players and missed by others.")
    return "\n".join(lines) + "\n"


#: ``minerisk bench``'s calibration: 200 runs of the sector (the IMAS way and the three teaching players x 50 seeds).
BENCH_LEVEL, BENCH_POLICIES, BENCH_SEEDS, BENCH_JOBS = "07_the_sector.yaml", (IMAS_WAY, *TEACHING), 50, 2


def bench_calibrate(repeats: int = 1) -> dict:
    """Seconds for 200 runs of the sector on 2 processes (target: 30 s), and the processor time they took.

    Runs once whatever ``repeats`` says: one measurement takes a minute or more.
    """
    import resource

    from game.paths import levels_dir

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    before = cpu()
    cal = calibrate(levels_dir() / BENCH_LEVEL, BENCH_POLICIES, BENCH_SEEDS, BENCH_JOBS)
    runs = sum(p.n for p in cal.players)
    used = cpu() - before
    return {"level": cal.level_id, "runs": runs, "jobs": cal.jobs, "target_s": 30.0, "wall_s": cal.seconds,
            "cpu_s": used, "cpu_s_per_run": used / runs, "load_average": round(os.getloadavg()[0], 1),
            "repeats": 1}
