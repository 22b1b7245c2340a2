"""WeatherProcessor: ends a spell of weather on its last day.

Reads and writes: ``SimState.weather`` (no components). Scripted weather is
started by :class:`ScriptedEventProcessor`.
"""

from __future__ import annotations

import esper

from ..state import SimState


class WeatherProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        w = state.weather
        if w.kind != "clear" and state.day >= w.until_day:
            state.log.add(state.day, "weather", weather="clear")
            w.kind = "clear"
            w.temperature_c = float(state.catalogue["weather"]["default_temperature_c"])
