"""ScriptedEventProcessor: fires the level's events on their day.

Reads: ``level.events``, ``Ordnance`` (a report points to real items of its
zone, up to ``survey.evidence_offset_m`` away as survey evidence is; a false
report points to a random cell of the zone, so the place never tells which).
Writes: ``Evidence``/``EvidenceTruth`` (reports), ``SimState.money``
(funding), ``SimState.weather`` (weather), the event log (messages).
"""

from __future__ import annotations

import esper
import numpy as np

from ..components import Ordnance
from ..effects import add_evidence, live_items_in
from ..grid import area_mask
from ..state import SimState


class ScriptedEventProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for index, spec in enumerate(state.scenario.level.events):
            if spec.day == state.day:
                getattr(self, f"_{spec.kind}", self._message)(state, spec, index)

    @staticmethod
    def _text(spec, index: int) -> int | None:
        """The ``message`` parameter of an event: the index of the level event whose text to show."""
        return index if spec.message else None

    def _message(self, state: SimState, spec, index: int) -> None:
        state.log.add(state.day, "message", message=index)

    def _funding(self, state: SimState, spec, index: int) -> None:
        amount = float(spec.amount_usd or 0)
        state.money.budget += amount
        state.money.funding += amount
        state.log.add(state.day, "funding", amount_usd=amount, message=self._text(spec, index))

    def _weather(self, state: SimState, spec, index: int) -> None:
        kind = spec.weather or "clear"
        rule = state.rules.weather(kind)
        w = state.weather
        w.kind = kind
        w.until_day = state.day + max(1, int(spec.duration_days))
        default_t = float(state.catalogue["weather"]["default_temperature_c"])
        w.temperature_c = float(spec.temperature_c if spec.temperature_c is not None
                                else rule.get("temperature_c", default_t))
        state.log.add(state.day, "weather", weather=kind, temperature_c=w.temperature_c,
                      days=int(spec.duration_days), message=self._text(spec, index))

    def _report(self, state: SimState, spec, index: int) -> None:
        """Someone reports contamination in a zone: evidence near some of its real items, or a false report."""
        if spec.message:
            state.log.add(state.day, "message", message=index)
        mask = area_mask(state.scenario, spec.zone)[0] if spec.zone else None
        if mask is None:
            return
        rng = state.rng["events"]
        survey = state.catalogue["survey"]
        share = float(survey["report_share"])
        offset = int(float(survey["evidence_offset_m"]) // state.grid.cell_size_m)
        zone_cells = np.flatnonzero(mask.ravel())
        items = live_items_in(state, zone_cells)
        chosen = [e for e in items if rng.random() < share] or items[:1]
        if chosen:
            for ent in chosen:
                item = esper.component_for_entity(ent, Ordnance)
                dx, dy = rng.integers(-offset, offset + 1, size=2) if offset else (0, 0)
                add_evidence(state, "report", item.x + int(dx), item.y + int(dy), spec.zone, True)
        else:  # the mask is never empty (area_mask)
            cell = int(zone_cells[rng.integers(0, len(zone_cells))])
            add_evidence(state, "report", cell % state.grid.width, cell // state.grid.width,
                         spec.zone, False)
        state.log.add(state.day, "evidence", zone=spec.zone, pieces=max(1, len(chosen)))
