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
"""

from __future__ import annotations

import esper
import numpy as np

from ..components import Ordnance, VillageState
from ..effects import add_evidence, casualty, confirm_around, remove_item
from ..grid import RELEASED, LandStatus
from ..state import SimState
from ..wording import civilian_subject


class CivilianProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        g = state.grid
        live_cells = np.flatnonzero(g.live_items.ravel())
        if len(live_cells) == 0:
            return
        civ = state.catalogue["civilians"]
        exposure = self._exposure(state, civ, live_cells)
        items = g.live_items.flat[live_cells].astype(np.float64)
        vehicle_only = g.live_vehicle_only.flat[live_cells].astype(np.float64)
        on_items = (items - vehicle_only) + vehicle_only * float(civ["vehicle_entry_share"])
        lam = exposure * on_items * float(civ["incident_chance_per_entry_on_item"])
        rng = state.rng["civilians"]
        hit = rng.random(len(live_cells)) < -np.expm1(-lam)
        for cell in live_cells[hit].tolist():
            self._incident(state, civ, cell)

    def _exposure(self, state: SimState, civ: dict, cells: np.ndarray) -> np.ndarray:
        g = state.grid
        status = g.status.flat[cells]
        released = np.isin(status, RELEASED)
        hazardous = (status == LandStatus.SUSPECTED) | (status == LandStatus.CONFIRMED)
        factor = np.ones(len(cells))
        factor[released] = float(civ["released_land_entry_factor"])
        factor[hazardous] = float(civ["suspected_land_entry_factor"])
        marked = g.marked.flat[cells] & hazardous
        factor[marked] *= float(state.catalogue["tasks"]["marking"]["entry_factor"])
        base = factor * g.land_use.flat[cells]
        eore = float(state.rules.team("eore")["risky_behaviour_factor"])
        per_entry = float(civ["entries_per_person_per_day"]) * float(civ["cells_crossed_per_entry"])
        total = np.zeros(len(cells))
        for _, v in sorted(esper.get_component(VillageState), key=lambda p: p[0]):
            n = int(v.catchment.sum())
            if n == 0 or v.population <= 0:
                continue
            inside = v.catchment.flat[cells]
            coef = v.population * per_entry / n
            risky = np.where(hazardous & (v.educated_until_day > state.day), eore, 1.0)
            total += inside * coef * risky
        return total * base

    def _incident(self, state: SimState, civ: dict, cell: int) -> None:
        g = state.grid
        ent = next(e for e in state.cell_items[cell] if esper.component_for_entity(e, Ordnance).state == "live")
        x, y = cell % g.width, cell // g.width
        was_released = bool(np.isin(g.status.flat[cell], RELEASED))
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
