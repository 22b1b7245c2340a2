"""Who an incident most likely involved, as a code the text layer words calmly ("a farmer was injured")."""

from __future__ import annotations

from .state import SimState

#: Who is usually on land of each terrain.
_SUBJECT_BY_TERRAIN = {
    "farmland": "farmer", "orchard": "farmer", "grass": "shepherd", "scrub": "shepherd",
    "forest": "firewood_gatherer", "road": "driver", "water": "water_carrier",
    "building": "returning_resident", "rubble": "returning_resident", "rocky": "shepherd",
}
#: Every subject code :func:`civilian_subject` can give.
SUBJECTS = tuple(sorted(set(_SUBJECT_BY_TERRAIN.values()) | {"villager"}))


def civilian_subject(state: SimState, cell: int, item_kind: str) -> str:
    """Who an incident on this cell most likely involved."""
    if not state.rules.person_triggers[state.rules.item_kinds.index(item_kind)]:
        return "driver"
    names = state.scenario.map.terrain_names
    t = int(state.grid.terrain.flat[cell])
    name = names[t] if 0 <= t < len(names) else ""
    return _SUBJECT_BY_TERRAIN.get(name, "villager")
