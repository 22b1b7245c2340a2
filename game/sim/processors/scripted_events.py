"""ScriptedEventProcessor: fires the level's events on their day.

Reads: ``level.events``, ``Ordnance`` (a report points to real items of its
zone). Writes: ``Evidence``/``EvidenceTruth`` (reports), ``SimState.money``
(funding), ``SimState.weather`` (weather), the event log (messages).
"""

from __future__ import annotations

import esper
import numpy as np

from ..effects import add_evidence, live_items_in
from ..components import Ordnance
from ..grid import area_mask
from ..state import SimState


class ScriptedEventProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for spec in state.scenario.level.events:
            if spec.day == state.day:
                getattr(self, f"_{spec.kind}", self._message)(state, spec)

    def _message(self, state: SimState, spec) -> None:
        state.log.add(state.day, "message", spec.message or "(message)")

    def _funding(self, state: SimState, spec) -> None:
        amount = float(spec.amount_usd or 0)
        state.money.budget += amount
        state.money.funding += amount
        word = "added to" if amount >= 0 else "cut from"
        state.log.add(state.day, "funding", spec.message or f"US${abs(amount):,.0f} {word} the budget.",
                      amount_usd=amount)

    def _weather(self, state: SimState, spec) -> None:
        kind = spec.weather or "clear"
        rule = state.rules.weather(kind)
        w = state.weather
        w.kind = kind
        w.until_day = state.day + max(1, int(spec.duration_days))
        default_t = float(state.catalogue["weather"]["default_temperature_c"])
        w.temperature_c = float(spec.temperature_c if spec.temperature_c is not None
                                else rule.get("temperature_c", default_t))
        state.log.add(state.day, "weather", spec.message or f"Weather: {kind} for {spec.duration_days} day(s).",
                      weather=kind, temperature_c=w.temperature_c, days=int(spec.duration_days))

    def _report(self, state: SimState, spec) -> None:
        """Someone reports contamination in a zone: evidence near some of its real items, or a false report."""
        if spec.message:
            state.log.add(state.day, "message", spec.message)
        mask, _ = area_mask(state.scenario, spec.zone) if spec.zone else (None, "")
        if mask is None:
            return
        rng = state.rng["events"]
        share = float(state.catalogue["survey"]["report_share"])
        items = live_items_in(state, np.flatnonzero(mask.ravel()))
        chosen = [e for e in items if rng.random() < share] or items[:1]
        if chosen:
            for ent in chosen:
                item = esper.component_for_entity(ent, Ordnance)
                add_evidence(state, "report", item.x, item.y, f"report ({spec.zone})", True)
        else:
            obj = state.scenario.map.object_named(spec.zone)
            x, y = obj.centre_cell if obj is not None else (0, 0)
            add_evidence(state, "report", x, y, f"report ({spec.zone})", False)
        state.log.add(state.day, "evidence", f"A report points to contamination in {spec.zone}.",
                      zone=spec.zone, pieces=max(1, len(chosen)))
