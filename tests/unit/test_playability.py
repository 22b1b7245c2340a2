"""Playability warnings of ``minerisk validate``: each test writes the level a trainer
really wrote by mistake and checks the warning (FILE:LINE:COL: warning: ...; hint).

Also the file checks around them: tilesets and images outside the level's folder
or missing, a map given instead of its level, backslashes and capital letters in
paths, tile layer formats the game cannot read.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from game.cli import main
from game.level import check_level, load_level, validate_paths
from game.level.scaffold import ZoneShape, grid, write_map

#: A 20 x 12 map: a pond field (a pond in its middle), an east field, a village, a base and
#: a school outside every suspected area.
ZONES = [
    ZoneShape("pond_field", "suspected_area", 2, 2, 6, 4),
    ZoneShape("east_field", "suspected_area", 12, 2, 6, 4),
    ZoneShape("village", "village", 2, 8, 3, 3, properties={"population": 200}),
    ZoneShape("base", "team_base", 14, 8, 3, 3),
    ZoneShape("school", "feature", 9, 9, 1, 1, properties={"feature": "school"}),
]

LEVEL = """\
format: 1
id: pond
title: The pond field
difficulty: 1
briefing: A short briefing.
map: maps/pond.tmx
cell_size_m: 10
days: 60
budget_usd: 150000
seed: 3
teams:
  start:
    - {type: nts, count: 1, base: base}
    - {type: manual, count: 1, base: base}
  hire: [manual, eore]
ordnance:
  fields:
    - zone: east_field
      counts: {ap_blast: 4}
objectives:
  - {kind: release_zone, zone: east_field, by_day: 50, text: Return the east field by day 50.}
"""


def make_level(tmp_path: Path, text: str = LEVEL, **replace: str) -> Path:
    """The level folder (level file, map, tileset and its image); ``replace`` swaps lines by their key."""
    terrain = grid(20, 12)
    for y in range(2, 6):
        terrain[y][4] = terrain[y][5] = "water"
    write_map(tmp_path / "maps" / "pond.tmx", terrain, ZONES)
    lines = text.splitlines()
    for key, value in replace.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    path = tmp_path / "pond.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def warnings_of(path: Path) -> list[str]:
    spec, problems = check_level(path, shown_as="L.yaml")
    assert spec is not None, [p.format() for p in problems if not p.is_warning]
    return [p.format() for p in problems if p.is_warning]


def errors_of(path: Path) -> list[str]:
    return [p.format() for p in check_level(path, shown_as="L.yaml")[1] if not p.is_warning]


def one(found: list[str], fragment: str) -> str:
    hits = [p for p in found if fragment in p]
    assert len(hits) == 1, f"{fragment!r} in {found}"
    return hits[0]


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


def test_the_level_as_written_plays(tmp_path):
    assert warnings_of(make_level(tmp_path)) == []


# ------------------------------------------------------------- objectives


def test_water_in_a_zone_an_objective_names_cannot_be_released(tmp_path):
    text = LEVEL.replace("zone: east_field, by_day: 50, text: Return the east field by day 50.",
                         "zone: pond_field, by_day: 50, text: Return the pond field by day 50.")
    text = text.replace("    - zone: east_field\n", "    - zone: pond_field\n")
    path = make_level(tmp_path, text)
    found = one(warnings_of(path), "pond_field")
    assert found.startswith(f"L.yaml:{line_of(path, 'kind: release_zone')}:")
    assert ": warning: objective `Return the pond field by day 50.` cannot be met: 8 cells of zone " \
           "`pond_field` are water, where no team of this level can search" in found
    assert "draw `pond_field` without the water cells" in found
    # the same zone with no items and no report in it can be surveyed and cancelled: no warning
    assert warnings_of(make_level(tmp_path, text.replace("pond_field\n      counts", "east_field\n      counts")
                                  )) == []


def test_too_few_days_for_the_zone_at_the_level_rates(tmp_path):
    # 24 cells of 100 m2 with one manual team (240 m2 a day) and no money to hire: 10 days at best
    text = LEVEL.replace("by_day: 50, text: Return the east field by day 50.",
                         "by_day: 5, text: Return the east field by day 5.").replace("hire: [manual, eore]", "hire: []")
    path = make_level(tmp_path, text)
    found = one(warnings_of(path), "in time")
    assert "zone `east_field` holds 2,400 m2 to search" in found
    assert "(at most 240 m2 a day) the steps before release take 11 days (survey 1 day, then search 10 days)" \
           ", not 5" in found
    assert "give a later `by_day`" in found
    # the budget could hire four more manual teams: the bound says it can be done
    assert warnings_of(make_level(tmp_path, text.replace("hire: []", "hire: [manual]"))) == []


def test_the_steps_before_release_count_not_only_the_search(tmp_path):
    # mistakes/obj3: `by_day: 2` on a small zone with mines passed --strict, since hiring many dog teams
    # searches it in a day; but it must be surveyed first, and dog indications checked before release
    text = LEVEL.replace("by_day: 50, text: Return the east field by day 50.",
                         "by_day: 2, text: Return the east field by day 2.").replace("hire: [manual, eore]",
                                                                                     "hire: [manual, dog]")
    path = make_level(tmp_path, text.replace("budget_usd: 150000", "budget_usd: 500000"))
    found = one(warnings_of(path), "in time")
    assert "take 3 days (survey 1 day, then search 1 day, then checking the dog indications 1 day), not 2" in found
    assert main(["validate", "--strict", str(path)]) == 1
    assert warnings_of(make_level(tmp_path, text.replace("day 2", "day 3").replace("by_day: 2", "by_day: 3").replace(
        "budget_usd: 150000", "budget_usd: 500000"))) == []


def test_a_zone_with_no_suspected_land(tmp_path):
    text = LEVEL.replace("zone: east_field, by_day: 50, text: Return the east field by day 50.",
                         "zone: school, by_day: 50, text: Make the school safe by day 50.")
    found = one(warnings_of(make_level(tmp_path, text)), "school")
    assert "can never be met: zone `school` holds no suspected land" in found


def test_more_land_than_the_map_suspects(tmp_path):
    text = LEVEL + "  - {kind: release_area, area_m2: 100000, text: Release 100000 m2.}\n"
    found = one(warnings_of(make_level(tmp_path, text)), "area")
    assert "asks for 100,000 m2, but the map suspects only 4,800 m2" in found


def test_risk_education_without_a_team_to_give_it(tmp_path):
    text = LEVEL.replace("hire: [manual, eore]", "hire: [manual]") \
        + "  - {kind: educate_village, village: village, text: Teach the village.}\n"
    found = one(warnings_of(make_level(tmp_path, text)), "risk-education")
    assert "no risk-education team and none to hire" in found and "`eore`" in found


def test_a_day_in_the_text_that_is_not_by_day(tmp_path):
    # by_day was moved to 40, the text still says 50
    path = make_level(tmp_path, LEVEL.replace("by_day: 50,", "by_day: 40,"))
    found = one(warnings_of(path), "by_day")
    assert "`by_day: 40` differs from the text, which says day 50" in found
    no_day = LEVEL.replace("by_day: 50, ", "")
    assert "it has no `by_day`" in one(warnings_of(make_level(tmp_path, no_day)), "by_day")


# ------------------------------------------------------------------ budget


@pytest.mark.parametrize("budget,days", [("1000", "0 days"), ("0", "0 days"), ("13000", "10 days")])
def test_a_budget_that_cannot_pay_the_starting_teams(tmp_path, budget, days):
    path = make_level(tmp_path, budget_usd=budget)
    found = one(warnings_of(path), "budget")
    assert found.startswith(f"L.yaml:{line_of(path, 'budget_usd')}:13: warning: ")
    assert f"pays the starting teams for {days}: they cost US$1,300 a day" in found
    assert "give at least US$39,000 (30 days of the starting teams" in found


def test_a_short_level_needs_its_own_days_paid_only(tmp_path):
    # 11 days: the survey (1 day), then one manual team on 2,400 m2 (10 days)
    assert warnings_of(make_level(tmp_path, days="11", budget_usd="14300",
                                  text=LEVEL.replace("by_day: 50, text: Return the east field by day 50.",
                                                     "text: Return the east field."))) == []


# ---------------------------------------------------------------- tutorial


def tutorial(step: str) -> str:
    return LEVEL + "tutorial:\n  - say: Do it.\n" + textwrap.indent(step, "    ") + "\n"


@pytest.mark.parametrize("step,fragment", [
    ("wait_for: select_team\nteam: survey-1", "which is not a team name"),
    ("wait_for: select_team\nteam: nts-2", "starts with 1 nts team and cannot hire one"),
    ("wait_for: select_team\nteam: technical_survey-1", "starts with 0 technical_survey teams"),
])
def test_tutorial_waits_for_a_team_the_level_never_has(tmp_path, step, fragment):
    path = make_level(tmp_path, tutorial(step))
    found = one(warnings_of(path), "tutorial")
    assert found.startswith(f"L.yaml:{line_of(path, 'team:')}:")
    assert fragment in found and "the student would wait forever" in found
    assert "nts-1, manual-1" in found


def test_tutorial_team_the_student_can_hire_is_fine(tmp_path):
    assert warnings_of(make_level(tmp_path, tutorial("wait_for: select_team\nteam: manual-2"))) == []


@pytest.mark.parametrize("order,fragment", [
    ("technical_survey", "of type technical_survey"),
    ("educate", None),
])
def test_tutorial_order_no_team_can_give(tmp_path, order, fragment):
    path = make_level(tmp_path, tutorial(f"wait_for: order\norder: {order}"))
    if fragment is None:  # eore can be hired
        assert warnings_of(path) == []
        return
    found = one(warnings_of(path), "tutorial")
    assert f"waits for a `{order}` order, but no team of the level can give it" in found and fragment in found


def test_tutorial_hire_with_nothing_to_hire(tmp_path):
    text = tutorial("wait_for: order\norder: hire").replace("hire: [manual, eore]", "hire: []")
    assert "lets the student hire no team" in one(warnings_of(make_level(tmp_path, text)), "hire")


def test_tutorial_zone_that_does_not_exist_is_an_error(tmp_path):
    errors = errors_of(make_level(tmp_path, tutorial("wait_for: order\norder: survey\nzone: east_feild")))
    assert "did you mean `east_field`?" in one(errors, "east_feild")


# ------------------------------------------------------------------- items


def test_more_items_than_a_zone_can_hold_is_an_error(tmp_path):
    # the auditor's "5000 for 5" (mistakes/huge3) played to an A with 430 items left: now the level is refused
    path = make_level(tmp_path, LEVEL.replace("{ap_blast: 4}", "{ap_blast: 4000, uxo: 1000}"))
    found = one(errors_of(path), "items")
    assert found.startswith(f"L.yaml:{line_of(path, 'counts:')}:")
    assert "5,000 items in zone `east_field` (24 cells, 2,400 m2) are more than it can hold" in found
    assert "here at most 240" in found and "an extra 0 or two?" in found
    assert main(["validate", str(path)]) == 1
    # a dense but possible field is fine
    assert errors_of(make_level(tmp_path, LEVEL.replace("{ap_blast: 4}", "{ap_blast: 240}"))) == []


def test_many_items_placed_on_one_cell_is_an_error(tmp_path):
    items = "".join("    - {kind: uxo, cell: [13, 3]}\n" for _ in range(12))
    text = LEVEL.replace("  fields:\n", f"  items:\n{items}  fields:\n")
    assert "12 items placed on cell [13, 3]" in one(errors_of(make_level(tmp_path, text)), "cell [13, 3]")


def test_a_map_without_suspected_areas(tmp_path):
    path = make_level(tmp_path, LEVEL.split("ordnance:")[0])
    write_map(tmp_path / "maps" / "pond.tmx", grid(20, 12), ZONES[2:4])
    assert "the map has no suspected area" in one(warnings_of(path), "suspected area")


# ------------------------------------------------------- the validate command


def test_validate_exits_0_with_warnings_and_1_with_strict(tmp_path, capsys):
    path = make_level(tmp_path, budget_usd="0")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert ": warning: the budget (US$0) pays the starting teams for 0 days" in out
    assert "OK: 1 level valid, with 1 warning." in out and "1 warning in 1 file." in err
    assert main(["validate", "--strict", str(path)]) == 1
    assert main(["validate", "--strict", str(make_level(tmp_path))]) == 0


def test_load_level_ignores_warnings(tmp_path):
    spec, _ = load_level(make_level(tmp_path, budget_usd="0"))
    assert spec.budget_usd == 0


# ------------------------------------------------------------------- files


def test_a_tileset_outside_the_level_folder_is_an_error(tmp_path):
    # Tiled's "Save As" into another folder wrote a path back to the original tileset
    elsewhere = tmp_path / "elsewhere" / "maps"
    elsewhere.mkdir(parents=True)
    level_dir = tmp_path / "courses" / "pond"
    path = make_level(level_dir)
    for name in ("terrain.tsx", "terrain.png"):
        shutil.move(level_dir / "maps" / name, elsewhere / name)
    tmx = level_dir / "maps" / "pond.tmx"
    tmx.write_text(tmx.read_text().replace('source="terrain.tsx"', 'source="../../../elsewhere/maps/terrain.tsx"'))
    found = one(errors_of(path), "outside")
    assert found.startswith("maps/pond.tmx:3:2: tileset `../../../elsewhere/maps/terrain.tsx` lies outside "
                            "the level's folder (.): students who get the level will not have it")
    assert "copy `terrain.tsx` into the level's folder" in found and "Map > Replace Tileset" in found


def test_a_missing_tileset_image_is_an_error(tmp_path):
    path = make_level(tmp_path)
    (tmp_path / "maps" / "terrain.png").unlink()
    found = one(errors_of(path), "terrain.png")
    assert found.startswith("maps/terrain.tsx:3:2: image `terrain.png` not found; put `terrain.png` next to "
                            "`terrain.tsx`")


def test_an_image_spelled_with_capitals_gets_the_real_name(tmp_path):
    path = make_level(tmp_path)
    tsx = tmp_path / "maps" / "terrain.tsx"
    tsx.write_text(tsx.read_text().replace('source="terrain.png"', 'source="Terrain.PNG"'))
    found = one(errors_of(path), "Terrain.PNG")
    assert "the file is spelled `terrain.png`" in found


def test_validating_the_map_names_its_level(tmp_path, capsys):
    make_level(tmp_path)
    tmx = tmp_path / "maps" / "pond.tmx"
    _, problems = validate_paths([tmx])
    assert [p.format() for p in problems] == [
        f"{tmx}:1:1: this is a Tiled map, not a level file; validate the level that uses it: "
        f"minerisk validate {tmp_path / 'pond.yaml'}"]
    lonely = tmp_path / "other" / "lonely.tmx"
    lonely.parent.mkdir()
    shutil.copy(tmx, lonely)
    assert main(["validate", str(lonely)]) == 1
    assert "no level in this folder or the one above uses it" in capsys.readouterr().out


@pytest.mark.parametrize("written,hint", [
    ("maps\\pond.tmx", "write `/` between folders, not `\\`: `maps/pond.tmx` (that file exists)"),
    ("Maps/Pond.tmx", "the file is spelled `maps/pond.tmx`"),
])
def test_map_path_hints(tmp_path, written, hint):
    path = make_level(tmp_path, map=written)
    assert hint in one(errors_of(path), written)


@pytest.mark.parametrize("attrs,inner,what", [
    ('encoding="base64" compression="zstd"', "KLUv/SAEIQAAAQAAAA==", "Zstandard (zstd)"),
    ("", "<tile gid=\"1\"/>" * 240, "XML"),
])
def test_tile_layer_formats_the_game_cannot_read(tmp_path, attrs, inner, what):
    path = make_level(tmp_path)
    tmx = tmp_path / "maps" / "pond.tmx"
    text = tmx.read_text()
    start, end = text.index('<data encoding="csv">'), text.index("</data>")
    tmx.write_text(text[:start] + f"<data {attrs}>{inner}" + text[end:])
    found = one(errors_of(path), "format")
    assert what in found and "Mine Risk cannot read" in found
    assert "Map > Map Properties > Tile Layer Format: choose CSV (or Base64 zlib compressed" in found


# ------------------------------------------------------------- teams


def test_a_level_that_starts_with_no_team(tmp_path):
    """A trainer emptied `teams.start` (land_release then released nothing, and nothing said why)."""
    text = LEVEL.replace("    - {type: nts, count: 1, base: base}\n    - {type: manual, count: 1, base: base}\n", "")
    text = text.replace("  start:\n", "  start: []\n")
    path = make_level(tmp_path, text)
    found = one(warnings_of(path), "starts with no team")
    assert found.startswith(f"L.yaml:{line_of(path, 'start: []')}:") and "manual, eore" in found
    assert "hint" in found or "briefing" in found
    nothing = make_level(tmp_path, text.replace("  hire: [manual, eore]\n", ""))
    assert "lets the student hire none" in one(warnings_of(nothing), "starts with no team")


@pytest.mark.parametrize("wrong, right", [("nts", "`survey`"), ("manual", "`clear`"), ("eore", "`educate`"),
                                          ("qa", "`quality_assurance`")])
def test_a_tutorial_order_written_as_its_team_type_gets_the_order(tmp_path, wrong, right):
    """A trainer wrote `order: nts` (the team type) for the survey order: "did you mean" could not guess it."""
    text = LEVEL + "tutorial:\n  - say: Send the survey team.\n    wait_for: order\n    order: " + wrong + "\n"
    found = one(errors_of(make_level(tmp_path, text)), f"unknown order `{wrong}`")
    assert right in found and found.startswith(f"L.yaml:{len(text.splitlines())}:")
