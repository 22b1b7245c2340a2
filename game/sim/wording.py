"""Plain, non-graphic words for what happens to people ("a farmer was injured")."""

from __future__ import annotations

from .state import SimState

#: Who is usually on land of each terrain.
_SUBJECT_BY_TERRAIN = {
    "farmland": "a farmer", "orchard": "a farmer", "grass": "a shepherd", "scrub": "a shepherd",
    "forest": "a person gathering firewood", "road": "a driver", "water": "a person fetching water",
    "building": "a returning resident", "rubble": "a returning resident", "rocky": "a shepherd",
}


def civilian_subject(state: SimState, cell: int, item_kind: str) -> str:
    """Who an incident on this cell most likely involved."""
    if not state.rules.person_triggers[state.rules.item_kinds.index(item_kind)]:
        return "a driver"
    names = state.scenario.map.terrain_names
    t = int(state.grid.terrain.flat[cell])
    name = names[t] if 0 <= t < len(names) else ""
    return _SUBJECT_BY_TERRAIN.get(name, "a villager")
