"""The campaign: at least seven levels, one idea each, difficulty rising, every level a complete lesson."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.catalogue import load_defaults
from game.level import load_level
from game.level.build import build_scenario
from game.level.campaign import list_levels
from game.paths import levels_dir

LEVELS = list_levels(levels_dir())
IMAS_TOPICS = {"07.11", "08.10", "08.20", "09.10", "09.20", "12.10"}
ROOT = Path(__file__).resolve().parents[2]


def _eore_messages() -> set[str]:
    data = yaml.safe_load((ROOT / "game" / "content" / "eore.yaml").read_text(encoding="utf-8"))
    return {m["text"] for m in data["messages"].values()}


def test_at_least_seven_levels_with_difficulty_rising_from_1_to_5():
    assert len(LEVELS) >= 7
    difficulty = [info.difficulty for info in LEVELS]
    assert difficulty == sorted(difficulty), difficulty
    assert difficulty[0] == 1 and difficulty[-1] == 5


def test_the_sector_closes_the_campaign():
    assert LEVELS[-1].id == "the_sector"
    assert LEVELS[-1].path.name == "07_the_sector.yaml"


def test_every_level_is_a_complete_lesson():
    debriefs, titles = set(), set()
    for info in LEVELS:
        spec, _ = load_level(info.path)
        assert spec.imas and set(spec.imas) <= IMAS_TOPICS, (info.id, spec.imas)
        assert spec.briefing.strip() and spec.debrief.strip(), info.id
        assert spec.tips, info.id
        assert spec.objectives, info.id
        debriefs.add(spec.debrief.strip())
        titles.add(spec.title)
    assert len(debriefs) == len(LEVELS) and len(titles) == len(LEVELS)


def test_levels_after_the_tutorial_quote_the_eore_key_messages():
    messages = _eore_messages()
    for info in LEVELS[1:]:
        spec, _ = load_level(info.path)
        assert any(tip in messages for tip in spec.tips), (info.id, spec.tips)


def test_the_sector_has_the_real_programme_mix_weather_and_funding():
    spec, level_map = load_level(LEVELS[-1].path)
    scenario = build_scenario(spec, level_map)
    ordnance = load_defaults()["ordnance"]
    classes = [ordnance[scenario.item_kinds[int(k)]]["class"] for k in scenario.items["kind"]]
    mix = load_defaults()["programme_mix"]
    for cls in ("ap", "at", "uxo"):
        share = classes.count(cls) / len(classes)
        assert abs(share - float(mix[cls])) <= 0.03, (cls, round(share, 3), mix[cls])
    kinds = {e.kind for e in spec.events}
    assert {"weather", "funding"} <= kinds
    assert any(e.kind == "funding" and (e.amount_usd or 0) < 0 for e in spec.events)


def test_the_returnees_level_has_returnees_and_a_funding_cut():
    spec, _ = load_level(next(i for i in LEVELS if i.id == "returnees").path)
    assert any(v.returnees for v in spec.villages)
    assert any(e.kind == "funding" and (e.amount_usd or 0) < 0 for e in spec.events)


def test_the_battle_area_holds_as_much_scrap_as_real_battle_areas():
    """100 to 1,000 false alarms per real item (JCWD 2020), from the catalogue."""
    low, high = load_defaults()["clutter"]["false_alarms_per_item"]
    info = next(i for i in list_levels(levels_dir()) if i.id == "battle_area")
    spec, level_map = load_level(info.path)
    scenario = build_scenario(spec, level_map)
    for zone in ("battle_area",):
        mask = level_map.object_named(zone).mask
        items = int(mask[scenario.items["y"], scenario.items["x"]].sum())
        per_item = float(scenario.clutter[mask].sum()) / max(1, items)
        assert low <= per_item <= high, (zone, per_item)
