"""ComplianceProcessor: keeps the tally the score's procedure checks read (IMAS conformity).

Reads: the grid's status, ``marked`` and ``indication`` layers, ``VillageState``
(catchment, risk education), ``SimState.evidence``. Writes:
``SimState.compliance`` (no component, no chance):

- hazard-days: each day, the confirmed land (and open dog indications) inside
  the villages' catchments, and how much of it stood unmarked (IMAS 08.40:
  hazards that are not cleared at once are marked);
- village-days: each day, the villages with a known hazard in the land their
  people use (confirmed land, or evidence), and how many had no risk
  education in effect (IMAS 12.10);
- team-days: each day, the deployed teams; and (:func:`note_sent_home`, when a
  team is stood down or the level is ended early) the team-days sent home
  while work that team could do remained, no deployed team of its kind could
  take it over, and the money would have paid for them (IMAS 07.11, "all
  reasonable effort").
"""

from __future__ import annotations

import esper
import numpy as np

from ..area_work import workable
from ..components import Team, VillageState
from ..grid import CONFIRMED, SUSPECTED, is_hazardous
from ..state import SimState


class ComplianceProcessor(esper.Processor):
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._today: tuple[int, int, list] = (0, 0, [])
        self._evidence = (np.zeros(0, np.intp), np.zeros(0, np.intp))  # x and y of SimState.evidence so far
        self._boxes: dict[int, tuple[slice, slice]] = {}  # village entity -> the rows and columns its land spans

    def process(self, state: SimState) -> None:
        g, tally = state.grid, state.compliance
        villages = sorted(esper.get_component(VillageState), key=lambda p: p[0])
        key = (g.version, len(state.evidence))
        if key != self._key:  # the land or the evidence changed: look again
            self._key, self._today = key, self._look(state, villages, self._evidence_cells(state), self._boxes)
        cells, unmarked, at_risk = self._today
        tally.team_days += sum(1 for _, t in esper.get_component(Team) if t.deployed)
        tally.hazard_days += cells
        tally.unmarked_hazard_days += unmarked
        for _, v in villages:
            if v.name in at_risk and v.population > 0:
                tally.village_days += 1
                if v.educated_until_day <= state.day:
                    tally.uneducated_village_days += 1

    def _evidence_cells(self, state: SimState) -> tuple[np.ndarray, np.ndarray]:
        """x and y of every piece of evidence (the list only grows: only the new ones are added)."""
        xs, ys = self._evidence
        new = state.evidence[len(xs):]
        if new:
            xs = np.concatenate([xs, np.array([e.x for e in new], np.intp)])
            ys = np.concatenate([ys, np.array([e.y for e in new], np.intp)])
            self._evidence = (xs, ys)
        return xs, ys

    @staticmethod
    def _look(state: SimState, villages: list, evidence: tuple[np.ndarray, np.ndarray],
              boxes: dict[int, tuple[slice, slice]]) -> tuple[int, int, list]:
        """Confirmed land near villages, how much of it is unmarked, and the villages with a known hazard
        (``evidence``: the x and y of every piece of evidence; ``boxes``: each village's land's bounding
        box, filled in here once)."""
        g, tally = state.grid, state.compliance
        if tally.catchment is None:
            union = np.zeros((g.height, g.width), bool)
            for _, v in villages:
                union |= v.catchment
            tally.catchment = union
        confirmed = g.status == CONFIRMED
        confirmed_near = confirmed & tally.catchment
        hazard = confirmed_near | (g.indication & tally.catchment)
        cells = np.count_nonzero(hazard)
        xs, ys = evidence
        for ent, v in villages:
            if ent not in boxes:
                rows, cols = np.flatnonzero(v.catchment.any(axis=1)), np.flatnonzero(v.catchment.any(axis=0))
                boxes[ent] = (slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)) if len(rows) else \
                    (slice(0, 0), slice(0, 0))
        any_confirmed = bool(confirmed_near.any())  # else no village has confirmed land in its catchment
        at_risk = [v.name for ent, v in villages
                   if (any_confirmed and bool((v.catchment[boxes[ent]] & confirmed[boxes[ent]]).any()))
                   or bool(len(xs) and v.catchment[ys, xs].any())]
        return cells, cells - np.count_nonzero(hazard & g.marked), at_risk


def work_left_to_nobody(state: SimState, team: Team) -> bool:
    """Whether work this team could do remains that no deployed team of its kind can take over: suspected
    land not yet surveyed (survey teams), suspected land (technical survey), hazardous land (clearance;
    machines: land not yet prepared), a village beside a known hazard whose risk education ends before
    the last day (risk education). A team stood down while others carry on its work is not abandoning it."""
    g = state.grid
    works_on = str(state.rules.team(team.type).get("works_on", ""))
    others = [t for _, t in esper.get_component(Team) if t.deployed and t is not team
              and state.rules.team(t.type).get("works_on") == works_on]
    if works_on == "village":
        if others:
            return False
        hazard = is_hazardous(g.status)
        return any(v.population > 0 and v.educated_until_day <= state.last_day and (v.catchment & hazard).any()
                   for _, v in esper.get_component(VillageState))
    if works_on == "survey":
        mask = (g.status == SUSPECTED) & ~g.surveyed
    elif works_on == "technical_survey":
        mask = g.status == SUSPECTED
    elif works_on == "clearance":
        mask = is_hazardous(g.status)
        if state.rules.team(team.type).get("needs_follow_up"):
            mask = mask & ~g.prepared
    else:
        return False
    left = workable(state, team.type, mask)
    for other in others:
        if not left.any():
            break
        left = left & ~workable(state, other.type, left)
    return bool(left.any())


def spare_money(state: SimState) -> float:
    """Money beyond what the deployed programme needs to the last day, with one quality assurance task
    (a procedure the score requires) kept paid for."""
    from .costs import daily_cost

    qa = float(state.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
    return state.money.budget - (daily_cost(state) + qa) * max(0, state.last_day - state.day)


def note_sent_home(state: SimState, teams: list[Team]) -> None:
    """Teams leave before the last day (stood down, or the level ended): the team-days the money would
    have paid while they had work nobody else took over are noted as abandoned (the money pays the rest of
    the programme to the last day first; a team stood down because the money would not last is not
    abandoned)."""
    days_left = max(0, state.last_day - state.day)
    spare = spare_money(state)
    for team in teams:
        if not days_left or spare <= 0 or not work_left_to_nobody(state, team):
            continue
        cost = float(state.rules.team(team.type)["cost_per_day_usd"])
        payable = min(float(days_left), spare / cost) if cost > 0 else float(days_left)
        spare -= payable * cost
        state.compliance.abandoned_team_days += payable
