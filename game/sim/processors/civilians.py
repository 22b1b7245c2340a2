"""CivilianProcessor: villagers use the land near their village; items there cause incidents.

Reads: ``VillageState`` (people, catchment, risk education), the grid's
status, ``marked``, ``land_use`` and live-item layers, ``Ordnance``. Writes:
``Ordnance`` (an item set off), civilian casualties, ``Evidence`` (the
incident is known), the grid's status (land around an incident is confirmed).

Expected entries on a cell a day = people x ``entries_per_person_per_day`` x
``cells_crossed_per_entry`` / catchment cells x land-use weight x a factor
for its status: suspected land is mostly avoided, marking lowers entries,
released land is used fully; risk education lowers risky entries into
suspected land. Each entry onto an item sets it off with
``incident_chance_per_entry_on_item`` (items only vehicles set off count
for the vehicle share of entries).

Each day it adds the day's *expected* incidents to ``SimState.harm`` (the
score judges safety by them, not by the luck of the draw), and the expected
incidents had nobody done anything (``harm.civilian_idle``), then draws the
day's incidents, which are told calmly and counted in the debrief.
"""

from __future__ import annotations

from dataclasses import dataclass

import esper
import numpy as np

from ..components import Ordnance, VillageState
from ..effects import add_evidence, casualty, confirm_around, remove_item
from ..grid import LandStatus, is_hazardous, is_released
from ..state import SimState
from ..wording import civilian_subject


def incident_rates(state: SimState, cells: np.ndarray, status: np.ndarray, marked: np.ndarray,
                   items: np.ndarray, vehicle_only: np.ndarray, educated: bool = True,
                   horizon_days: float = 1.0, after_level: bool = False) -> np.ndarray:
    """Expected incidents a day (a Poisson rate) on each cell holding ``items`` live items (of which
    ``vehicle_only`` only vehicles set off), given each cell's land status and marking, the villages' people
    today, and (``educated``) their risk education; times ``horizon_days`` (over which risk education lasts
    only as long as its effect has left). ``after_level``: the years after the level, when people need their
    land and enter suspected land more (``civilians.after_level_suspected_entry_factor``) and signs wear away
    (``tasks.marking.after_level_entry_factor``)."""
    entries = entry_rates(state, cells, status, marked, educated, horizon_days, after_level)
    return rates_on_items(state, entries, items, vehicle_only, horizon_days)


def entry_rates(state: SimState, cells: np.ndarray, status: np.ndarray, marked: np.ndarray, educated: bool = True,
                horizon_days: float = 1.0, after_level: bool = False) -> np.ndarray:
    """Entries a day onto each cell that could meet an item (the part of :func:`incident_rates` that does not
    depend on the items): the villages' exposure times the cell's land use and status factor."""
    civ = state.catalogue["civilians"]
    g = state.grid
    released = is_released(status)
    hazardous = is_hazardous(status)
    factor = np.ones(len(cells))
    marking = state.catalogue["tasks"]["marking"]
    factor[released] = float(civ["released_land_entry_factor"])
    factor[hazardous] = float(civ["after_level_suspected_entry_factor" if after_level else "suspected_land_entry_factor"])
    factor[marked & hazardous] *= float(marking["after_level_entry_factor" if after_level else "entry_factor"])
    base = factor * g.land_use.flat[cells]
    eore = float(state.rules.team("eore")["risky_behaviour_factor"])
    people, taught = _exposure(state, cells, horizon_days)
    exposure = people - (1.0 - eore) * taught * hazardous if educated else people
    return exposure * base


def rates_on_items(state: SimState, entries: np.ndarray, items: np.ndarray, vehicle_only: np.ndarray,
                   horizon_days: float = 1.0) -> np.ndarray:
    """:func:`incident_rates` from the cells' :func:`entry_rates` and the items on them."""
    civ = state.catalogue["civilians"]
    items = np.asarray(items, np.float64)
    vehicle_only = np.asarray(vehicle_only, np.float64)
    on_items = (items - vehicle_only) + vehicle_only * float(civ["vehicle_entry_share"])
    return entries * on_items * float(civ["incident_chance_per_entry_on_item"]) * horizon_days


def _exposure(state: SimState, cells: np.ndarray, horizon_days: float) -> tuple[np.ndarray, np.ndarray]:
    """Entries a day on each cell by the villages' people (``people``), and the part of them made by people
    whose risk education still works, weighted by how much of ``horizon_days`` it lasts (``taught``).
    For the truth's item cells the pair is kept until a village, the day or the horizon changes: the
    score asks for it several times a day."""
    per_entry = float(state.catalogue["civilians"]["entries_per_person_per_day"]) * \
        float(state.catalogue["civilians"]["cells_crossed_per_entry"])
    villages = sorted(esper.get_component(VillageState), key=lambda p: p[0])
    fixed = state.item_cells is not None and cells is state.item_cells[0]  # the truth's cells: cache
    if fixed:
        key = exposure_key(state, horizon_days, villages)
        if state.item_exposure and state.item_exposure[0] == key:
            return state.item_exposure[1], state.item_exposure[2]
    people, taught = np.zeros(len(cells)), np.zeros(len(cells))
    for ent, v in villages:
        n = v.catchment_cells
        if n == 0 or v.population <= 0:
            continue
        if fixed:
            inside = state.item_catchments.get(ent)
            if inside is None:
                inside = state.item_catchments[ent] = v.catchment.flat[cells]
        else:
            inside = v.catchment.flat[cells]
        coef = v.population * per_entry / n
        people += inside * coef
        lasting = _lasting(state, v, horizon_days)
        if lasting:
            taught += inside * (coef * lasting)
    if fixed:
        state.item_exposure = (key, people, taught)
    return people, taught


def _lasting(state: SimState, village: VillageState, horizon_days: float) -> float:
    """How much of ``horizon_days`` a village's risk education still works (0..1)."""
    return min(1.0, max(0.0, (village.educated_until_day - state.day) / horizon_days))


def exposure_key(state: SimState, horizon_days: float, villages: list | None = None) -> tuple:
    """Everything :func:`_exposure` depends on besides the cells: equal keys give equal exposure (the day
    counts only through how much of the horizon each village's risk education still works)."""
    if villages is None:
        villages = sorted(esper.get_component(VillageState), key=lambda p: p[0])
    return (horizon_days, tuple((e, v.population, _lasting(state, v, horizon_days), v.catchment_cells)
                                for e, v in villages))


class CivilianProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        g = state.grid
        civ = state.catalogue["civilians"]
        rates = expected_today(state)
        if rates is None:
            return
        cells = item_cells(state)[0]  # live items lie only where the truth put items: no whole-grid scan
        live = g.live_items.flat[cells]
        here = live > 0
        if not here.any():
            return
        # the rates on all item cells share the entries the score computed today; the draws stay one per
        # cell with live items, in cell order
        lam = rates_on_items(state, rates.entries, live, g.live_vehicle_only.flat[cells])[here]
        live_cells = cells[here]
        hit = state.rng["civilians"].random(len(live_cells)) < -np.expm1(-lam)
        for cell in live_cells[hit].tolist():
            self._incident(state, civ, cell)

    def _incident(self, state: SimState, civ: dict, cell: int) -> None:
        g = state.grid
        ent = next(e for e in state.cell_items[cell] if esper.component_for_entity(e, Ordnance).state == "live")
        x, y = cell % g.width, cell // g.width
        was_released = bool(is_released(g.status.flat[cell]))
        if was_released:
            how_released = LandStatus(int(g.status.flat[cell])).name.lower()
            c = state.counters.incidents_on_released
            c[how_released] = c.get(how_released, 0) + 1
        village = self._nearest_village(x, y)
        item = remove_item(state, ent, "triggered", village or "civilians")
        rng = state.rng["civilians"]
        subject = civilian_subject(state, cell, item.kind)
        casualty(state, "civilian", rng, float(civ["casualty_death_share"]), (x, y), village=village,
                 subject=subject, released_land=was_released, item_kind=item.kind)
        add_evidence(state, "past_accident", x, y, village or "civilians", True)
        confirm_around(state, x, y, float(state.rules.team("technical_survey")["cha_radius_m"]))
        g.status.flat[cell] = LandStatus.CONFIRMED
        g.release_day.flat[cell] = -1
        g.touch(np.array([cell]))

    @staticmethod
    def _nearest_village(x: int, y: int) -> str:
        """The village whose people use this cell ("" if none does)."""
        best, name = None, ""
        for _, v in sorted(esper.get_component(VillageState), key=lambda p: p[0]):
            d = (v.cell[0] - x) ** 2 + (v.cell[1] - y) ** 2
            if v.catchment[y, x] and (best is None or d < best):
                best, name = d, v.name
        return name


@dataclass
class DailyRates:
    """What :func:`expected_today` works out from the land and the villages' people, kept while neither
    changes (most days nothing does): per item cell the entries that could meet an item (``entries``), and
    per item of the truth the chance it sets off today (``hit_*``) and stays (``stay_*``) as the land is now
    (``now``), as it was at the start with today's signs and risk education (``kept``, only once land was
    released with justification) or with neither (``idle``), and what the signs and risk education take
    off today's chance (``*_gain``; None when nothing is marked or no risk education works)."""

    key: tuple
    entries: np.ndarray
    hit_now: np.ndarray
    stay_now: np.ndarray
    hit_idle: np.ndarray
    stay_idle: np.ndarray
    residual: np.ndarray | None = None  # items on cells released only ever with justification
    hit_kept: np.ndarray | None = None
    marking_gain: np.ndarray | None = None
    education_gain: np.ndarray | None = None


def daily_rates(state: SimState) -> DailyRates:
    """Today's :class:`DailyRates`, worked out again only when the land of the item cells (status, signs,
    releases) or the villages' exposure changed."""
    g = state.grid
    cells, inverse, weight = item_cells(state)
    status, marked, residual = g.status.flat[cells], g.marked.flat[cells], residual_cells(state, cells)
    key = (status.tobytes(), marked.tobytes(), residual.tobytes(), exposure_key(state, 1.0))
    before = state.daily_rates
    if before is not None and before.key == key:
        return before
    same_people = before is not None and before.key[3] == key[3]  # the land at the start gives the same rates
    one, none, unmarked = np.ones(len(cells)), np.zeros(len(cells)), np.zeros(len(cells), bool)

    def per_item(rates: np.ndarray) -> np.ndarray:
        return rates[inverse] * weight

    entries = entry_rates(state, cells, status, marked)
    now = per_item(rates_on_items(state, entries, one, none))
    if same_people:
        hit_idle, stay_idle = before.hit_idle, before.stay_idle
    else:
        idle = per_item(incident_rates(state, cells, g.initial_status.flat[cells], unmarked, one, none,
                                       educated=False))
        hit_idle, stay_idle = -np.expm1(-idle), np.exp(-idle)
    out = DailyRates(key, entries, -np.expm1(-now), np.exp(-now), hit_idle, stay_idle)
    if residual.any():
        if same_people and before.hit_kept is not None:
            out.hit_kept = before.hit_kept
        else:
            kept = per_item(incident_rates(state, cells, g.initial_status.flat[cells], unmarked, one, none))
            out.hit_kept = -np.expm1(-kept)
        out.residual = residual[inverse]
    if marked.any():
        bare = per_item(incident_rates(state, cells, status, unmarked, one, none))
        out.marking_gain = np.expm1(-now) - np.expm1(-bare)
    if educated_now(state):
        careless = per_item(incident_rates(state, cells, status, marked, one, none, educated=False))
        out.education_gain = np.expm1(-now) - np.expm1(-careless)
    state.daily_rates = out
    return out


def expected_today(state: SimState) -> DailyRates | None:
    """Add today's expected incidents to ``SimState.harm``: every item of the truth, weighted by the
    chance it is still live (``p_live``), on its cell as the land is now; what releases made *with*
    justification added to it (the residual risk, ``harm.civilian_residual``: the land as used now against
    the land left as it was at the start); and the same for the programme that does nothing (the land as at
    the start, no signs, no risk education). Returns today's rates (None when the truth has no items)."""
    if len(item_cells(state)[0]) == 0:
        return None
    r = daily_rates(state)
    today = state.p_live * r.hit_now
    state.harm.civilian += float(today.sum())
    if r.residual is not None:  # what the justified releases added to the harm of the land left as it was
        extra = today - state.p_live * r.hit_kept
        state.harm.civilian_residual += float(np.clip(extra[r.residual], 0.0, None).sum())
    state.harm.civilian_idle += float((state.p_live_idle * r.hit_idle).sum())
    if r.marking_gain is not None:  # what the signs prevented today: the same land without them
        state.harm.marking_averted += float((state.p_live * r.marking_gain).sum())
    if r.education_gain is not None:  # what risk education prevented today: the same people without it
        state.harm.education_averted += float((state.p_live * r.education_gain).sum())
    state.p_live *= r.stay_now  # an item set off today is no longer there tomorrow
    state.p_live_idle *= r.stay_idle
    return r


def educated_now(state: SimState) -> bool:
    """Whether risk education still has an effect in any village today."""
    return any(v.educated_until_day > state.day for _, v in esper.get_component(VillageState))


def item_cells(state: SimState) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The truth's items by cell (cached): the distinct flat cells, each item's index into them, and each
    item's weight of entries that can set it off (1, or the vehicle share for items only vehicles set off)."""
    if state.item_cells is None:
        g = state.grid
        items = state.scenario.items
        flat = items["y"].astype(np.int64) * g.width + items["x"].astype(np.int64)
        cells, inverse = np.unique(flat, return_inverse=True)
        person = state.rules.person_triggers[items["kind"]] if len(items) else np.zeros(0, bool)
        weight = np.where(person, 1.0, float(state.catalogue["civilians"]["vehicle_entry_share"]))
        state.item_cells = (cells, inverse.ravel(), weight)
    return state.item_cells


def residual_cells(state: SimState, cells: np.ndarray) -> np.ndarray:
    """Which of these cells were released only ever with justification: an item there is the residual risk
    that land release by the standards accepts (GAME_MODEL: all reasonable effort)."""
    rec = state.releases
    return rec.ever_released.flat[cells] & ~rec.ever_unjustified.flat[cells]
