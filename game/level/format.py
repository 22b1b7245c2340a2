"""The level file format, version 1, as one schema (see docs/level-authoring.md).

``level_schema()`` is what the validator checks and what ``minerisk schema``
exports. Team types, ordnance kinds and the shape of catalogue overrides come
from the default catalogue, so adding a team type there extends the format.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from game import catalogue

from .model import EVENT_KINDS, LAYOUTS, OBJECTIVE_KINDS, TUTORIAL_ORDERS, TUTORIAL_WAITS, WEATHER_KINDS
from .schema import Bool, Cell, Enum, Field, Int, List, MapOf, Num, Obj, OneOrList, Spec, Str
from .translations import language_field, translation_schema

FORMAT_VERSION = 1
ID_PATTERN = r"[a-z0-9][a-z0-9_-]{0,63}"
ZONE_NAME = Str(min_length=1, max_length=200, doc="the name of an object on the level's Tiled map")
MAX_DAY = 3650
MAX_MONEY = 10_000_000_000
_PROBABILITY_WORDS = ("detection", "sensitivity", "precision", "share", "reliability", "left_dangerous",
                      "chance", "factor")


def _is_probability(key: str) -> bool:
    return any(w in key for w in _PROBABILITY_WORDS) and "speed" not in key and not key.startswith("rushed")


def _override_spec(default: Any, key: str, probability: bool = False) -> Spec | None:
    """A schema for overriding one catalogue value, shaped like its default.

    Values under a probability-like key (detection, share, chance, ...) must
    lie in [0, 1]; other numbers keep the sign of their default.
    """
    probability = probability or _is_probability(key)
    if isinstance(default, bool):
        return Bool()
    if isinstance(default, dict):
        fields = {}
        for k, v in default.items():
            spec = _override_spec(v, k, probability)
            if spec is not None:
                fields[k] = Field(spec)
        return Obj(fields=fields)
    if isinstance(default, (int, float)):
        if default < 0:
            return Num(minimum=-1_000_000_000, maximum=0)
        maximum = 1 if (probability and 0 <= default <= 1) else 1_000_000_000
        return Num(minimum=0, maximum=maximum)
    if isinstance(default, str) and key in ("name", "source"):
        return Str(max_length=500)
    return None


@lru_cache(maxsize=1)
def level_schema() -> Obj:
    """The whole level format as one schema object."""
    defaults = catalogue.load_defaults()
    teams = tuple(defaults["teams"])
    kinds = tuple(defaults["ordnance"])
    cell = Cell(doc="a map cell as [column, row], counted from 0 at the top left")
    team_start = Obj(fields={
        "type": Field(Enum(choices=teams, what="team types"), required=True),
        "count": Field(Int(minimum=1, maximum=50), default=1),
        "base": Field(Str(min_length=1, max_length=200, doc="a team_base object on the map")),
    })
    item = Obj(fields={
        "kind": Field(Enum(choices=kinds, what="ordnance kinds"), required=True),
        "cell": Field(cell, required=True),
    })
    item_field = Obj(fields={
        "zone": Field(OneOrList(item=ZONE_NAME, doc="the zone of the field, or a list of zones: the field then "
                                "lies in one of them, drawn afresh on every run"), required=True),
        "counts": Field(MapOf(value=Int(minimum=0, maximum=100_000), keys=kinds, what="ordnance kinds",
                              doc="how many items of each kind"), required=True),
        "layout": Field(Enum(choices=LAYOUTS, what="layouts",
                             doc="rows: a patterned minefield (clusters of mines along rows); cluster: groups; "
                                 "scatter: spread at random"),
                        default="scatter"),
    })
    clutter = Obj(fields={
        "zone": Field(ZONE_NAME, required=True),
        "pieces_per_100m2": Field(Num(minimum=0, maximum=10_000, doc="scrap-metal pieces per 100 m2"),
                                  required=True),
    })
    returnees = Obj(fields={
        "day": Field(Int(minimum=1, maximum=MAX_DAY), required=True),
        "people": Field(Int(minimum=1, maximum=1_000_000), required=True),
    })
    village = Obj(fields={
        "name": Field(ZONE_NAME, required=True),
        "population": Field(Int(minimum=0, maximum=1_000_000)),
        "returnees": Field(List(item=returnees, max_items=365)),
    })
    objective = Obj(fields={
        "kind": Field(Enum(choices=OBJECTIVE_KINDS, what="objective kinds"), required=True),
        "text": Field(Str(max_length=500)),
        "zone": Field(ZONE_NAME),
        "by_day": Field(Int(minimum=1, maximum=MAX_DAY)),
        "area_m2": Field(Num(minimum=1, maximum=1e12)),
        "village": Field(ZONE_NAME),
    })
    event = Obj(fields={
        "day": Field(Int(minimum=1, maximum=MAX_DAY), required=True),
        "kind": Field(Enum(choices=EVENT_KINDS, what="event kinds"), required=True),
        "message": Field(Str(max_length=2000)),
        "zone": Field(ZONE_NAME),
        "amount_usd": Field(Int(minimum=-MAX_MONEY, maximum=MAX_MONEY)),
        "weather": Field(Enum(choices=WEATHER_KINDS, what="weather kinds")),
        "duration_days": Field(Int(minimum=1, maximum=365), default=1),
        "temperature_c": Field(Num(minimum=-60, maximum=60)),
    })
    tutorial_step = Obj(fields={
        "say": Field(Str(min_length=1, max_length=2000, doc="the prompt shown to the student"), required=True),
        "wait_for": Field(Enum(choices=TUTORIAL_WAITS, what="things to wait for",
                               doc="continue: a click on Next; select_team; order (an accepted order); "
                                   "task_done; day (a day is reached); level_end"), default="continue"),
        "order": Field(Enum(choices=TUTORIAL_ORDERS, what="orders", known_mistakes=(
            ("nts", "`nts` is a team type: the order its teams give is `survey`"),
            ("ts", "`ts` is not a name here: the order of technical survey teams is `technical_survey`"),
            ("manual", "`manual` is a team type: the order its teams give is `clear`"),
            ("dog", "`dog` is a team type: the order its teams give is `clear`"),
            ("machine", "`machine` is a team type: the order its teams give is `clear`"),
            ("eore", "`eore` is a team type: the order its teams give is `educate`"),
            ("qa", "the quality-assurance order is written `quality_assurance`"),
        ))),
        "team": Field(Str(min_length=1, max_length=100, doc="a team name such as nts-1")),
        "zone": Field(ZONE_NAME),
        "day": Field(Int(minimum=1, maximum=MAX_DAY)),
    })
    catalogue_overrides = _override_spec(
        {k: defaults[k] for k in ("teams", "tasks", "terrain", "clutter", "safety", "civilians") if k in defaults},
        "catalogue")
    score = _override_spec(defaults.get("score_weights", {}), "score_weights")
    fields = {
        "format": Field(Int(minimum=FORMAT_VERSION, maximum=FORMAT_VERSION, doc="the format version: 1"),
                        required=True),
        "id": Field(Str(pattern=ID_PATTERN, pattern_hint="use lower-case letters, digits, - and _ (e.g. east_valley)",
                        doc="a unique short name: lower-case letters, digits, - and _"), required=True),
        "title": Field(Str(min_length=1, max_length=120, doc="the title students see"), required=True),
        "difficulty": Field(Int(minimum=1, maximum=5, doc="1 (first steps) to 5 (hardest)"), required=True),
        "briefing": Field(Str(min_length=1, doc="the situation, told to the student before play"), required=True),
        "debrief": Field(Str(doc="a closing message shown after the level")),
        "tips": Field(List(item=Str(min_length=1, max_length=500), max_items=50)),
        "imas": Field(List(item=Str(pattern=r"\d\d\.\d\d", pattern_hint="write IMAS numbers in quotes, like '07.11'"),
                           max_items=20, doc="IMAS topics this level teaches, e.g. ['07.11', '08.10']")),
        "map": Field(Str(min_length=1, max_length=500,
                         doc="the Tiled map, a path relative to this file inside the level's folder"),
                     required=True),
        "cell_size_m": Field(Num(minimum=1, maximum=100, doc="metres per map cell (side of a square cell)"),
                             required=True),
        "days": Field(Int(minimum=1, maximum=MAX_DAY, doc="days available"), required=True),
        "budget_usd": Field(Int(minimum=0, maximum=MAX_MONEY, doc="the budget in US dollars"), required=True),
        "seed": Field(Int(minimum=0, maximum=2**63 - 1, doc="the seed of the hidden truth and of chance"),
                      required=True),
        "teams": Field(Obj(fields={
            "start": Field(List(item=team_start, max_items=100), required=True),
            "hire": Field(List(item=Enum(choices=teams, what="team types"), max_items=len(teams) * 2)),
        }), required=True),
        "ordnance": Field(Obj(fields={
            "items": Field(List(item=item, max_items=100_000)),
            "fields": Field(List(item=item_field, max_items=1000)),
        })),
        "clutter": Field(List(item=clutter, max_items=1000)),
        "villages": Field(List(item=village, max_items=1000)),
        "objectives": Field(List(item=objective, max_items=50)),
        "events": Field(List(item=event, max_items=10_000)),
        "tutorial": Field(List(item=tutorial_step, max_items=100,
                               doc="a guided level: prompts that wait for the student's action")),
        "catalogue": Field(catalogue_overrides),
        "score_weights": Field(score),
        "language": language_field(),
        "translations": Field(translation_schema()),
    }
    return Obj(fields=fields, title="Mine Risk level (format 1)")


def json_schema_text() -> str:
    """The JSON Schema of the level format, as pretty JSON."""
    schema = level_schema().json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://minerisk.invalid/schema/level-1.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=False) + "\n"
