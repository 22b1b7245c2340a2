"""Bad level files get every problem as FILE:LINE:COL: message; hint, never a traceback."""

from __future__ import annotations

import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

from game.level import LevelError, load_level, validate_paths

GOOD_HEAD = """\
format: 1
id: test_level
title: Test level
difficulty: 1
briefing: A short briefing.
map: maps/missing.tmx
cell_size_m: 10
days: 30
budget_usd: 50000
seed: 1
teams:
  start:
    - type: nts
"""


def write(tmp_path: Path, text: str, name: str = "level.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(LevelError) as info:
        load_level(path, shown_as="L.yaml")
    return [p.format() for p in info.value.problems]


def one(problems: list[str], fragment: str) -> str:
    found = [p for p in problems if fragment in p]
    assert found, f"no problem mentions {fragment!r}: {problems}"
    return found[0]


def test_unknown_key_suggests_the_right_one(tmp_path):
    probs = problems_of(write(tmp_path, GOOD_HEAD + "budjet: 3\n"))
    assert one(probs, "budjet") == "L.yaml:14:1: unknown key `budjet`; did you mean `budget_usd`?"


def test_every_problem_is_reported_at_once(tmp_path):
    text = GOOD_HEAD.replace("difficulty: 1", "difficulty: 9").replace("budget_usd: 50000", "budget_usd: -5")
    text += "imas: [07.11]\nevents:\n  - {day: 40, kind: funding, amount_usd: 100}\n"
    probs = problems_of(write(tmp_path, text))
    assert one(probs, "difficulty").startswith("L.yaml:4:13: difficulty is too large (9)")
    assert one(probs, "budget_usd").startswith("L.yaml:9:13: budget_usd is negative (-5)")
    assert "put it in quotes: '07.11'" in one(probs, "the first IMAS topic")
    assert one(probs, "day 40").startswith("L.yaml:16:")
    assert "map file `maps/missing.tmx` not found" in one(probs, "missing.tmx")


@pytest.mark.parametrize("value,fragment", [
    ("teams:\n  start:\n    - type: manul\n", "did you mean `manual`?"),
    ("teams:\n  start:\n    - type: nts\n  hire: [robot]\n", "unknown team type `robot`"),
    ("teams: []\n", "teams must be a mapping"),
    ("teams:\n  start:\n    - type: nts\n      count: 0\n", "count is below 1"),
])
def test_team_errors(tmp_path, value, fragment):
    text = GOOD_HEAD.split("teams:")[0] + value
    one(problems_of(write(tmp_path, text)), fragment)


def test_wrong_types_and_huge_numbers(tmp_path):
    text = GOOD_HEAD.replace("days: 30", "days: thirty").replace("seed: 1", "seed: 1e999")
    text = text.replace("cell_size_m: 10", "cell_size_m: [10]").replace("budget_usd: 50000", "budget_usd: 1e30")
    probs = problems_of(write(tmp_path, text))
    one(probs, "days must be a whole number, not the text `thirty`")
    one(probs, "seed is too large (1e999)")
    one(probs, "cell_size_m must be a number, not a list")
    one(probs, "budget_usd is too large")


def test_catalogue_overrides_are_checked(tmp_path):
    text = GOOD_HEAD + "catalogue:\n  teams:\n    manual:\n      detection: {ap_blast: 1.5}\n      rate: 3\n"
    probs = problems_of(write(tmp_path, text))
    one(probs, "detection.ap_blast is too large (1.5); it must be at most 1")
    one(probs, "unknown key `rate` in catalogue.teams.manual; did you mean `rate_m2_per_day`?")


def test_duplicate_keys(tmp_path):
    probs = problems_of(write(tmp_path, GOOD_HEAD + "days: 40\n"))
    assert one(probs, "appears twice").startswith("L.yaml:14:1: key `days` appears twice; the first one is on line 8")


@pytest.mark.parametrize("raw", ["../outside.tmx", "/etc/passwd.tmx", "maps/../../x.tmx"])
def test_map_path_must_stay_inside_the_level_folder(tmp_path, raw):
    (tmp_path / "sub").mkdir()
    path = write(tmp_path / "sub", GOOD_HEAD.replace("maps/missing.tmx", raw))
    probs = problems_of(path)
    assert any("leaves the level's folder" in p or "is absolute" in p for p in probs), probs


def test_map_must_be_a_tmx(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "x.png").write_bytes(b"png")
    one(problems_of(write(tmp_path, GOOD_HEAD.replace("missing.tmx", "x.png"))), "is not a Tiled .tmx file")


@pytest.mark.parametrize("content,fragment", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"\xff\xfe\xfa garbage", "not valid UTF-8"),
    (b"format: 1\n\tid: x\n", "tab character"),
    (b"a: [1, 2\nb: 3\n", "YAML syntax error"),
    (b"- 1\n- 2\n", "must be a mapping"),
    (b"just text", "must be a mapping"),
    (b"a: 1\n---\nb: 2\n", "YAML syntax error"),
    (b"a: &x [1]\nb: *x\n", "anchors and aliases"),
    (b"x: !!python/object/apply:os.system ['echo hi']\n", "unknown key `x`"),
    (b"format: !!python/object/apply:os.system ['echo hi']\n", "tag"),
    (b"[" * 5000, "nests deeper"),
    (b"title: \"unclosed\n", "YAML syntax error"),
])
def test_unreadable_files_get_one_clear_problem(tmp_path, content, fragment):
    path = tmp_path / "level.yaml"
    path.write_bytes(content)
    probs = problems_of(path)
    one(probs, fragment)
    assert all(p.startswith("L.yaml:") for p in probs)


def test_billion_laughs_is_refused_fast_in_bounded_memory(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    tracemalloc.start()
    start = time.process_time()
    probs = problems_of(path)
    used = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    one(probs, "anchors and aliases")
    # generous bounds: a real expansion would need 9**9 strings and minutes
    assert peak < 20 * 2**20 and used < 5


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "level.yaml"
    path.write_text("briefing: '" + "x" * 1_100_000 + "'\n")
    one(problems_of(path), "file is too large")


def test_missing_file_and_folder(tmp_path):
    levels, probs = validate_paths([tmp_path / "nope.yaml", tmp_path])
    text = [p.format() for p in probs]
    one(text, "file or folder not found")
    one(text, "no level files (.yaml) in this folder")
    assert levels == []


def test_references_to_the_map_and_days(tmp_path):
    import shutil

    from game.paths import levels_dir

    shutil.copytree(levels_dir() / "maps", tmp_path / "maps")
    text = (levels_dir() / "01_first_steps.yaml").read_text(encoding="utf-8")
    text = text.replace("zone: orchard_edge\n      counts", "zone: north_feild\n      counts")
    text = text.replace("base: base_west}", "base: school}", 1).replace("name: lindenholm", "name: lindenholmm")
    text = text.replace("by_day: 20", "by_day: 46")
    probs = problems_of(write(tmp_path, text))
    assert one(probs, "north_feild").endswith("zone `north_feild` is not an object in maps/tutorial.tmx; objects "
                                              "there are: `lindenholm`, `north_pasture`, `orchard_edge`, `well_path`,"
                                              " `school`, `well`, `base_west`")
    one(probs, "`school` in maps/tutorial.tmx is a feature, not a team_base")
    one(probs, "village `lindenholmm` is not an object in maps/tutorial.tmx; did you mean `lindenholm`?")
    one(probs, "day 46 is after the level's last day (45)")


def test_a_village_needs_a_population_from_the_map_or_the_level(tmp_path):
    import shutil

    from game.paths import levels_dir

    shutil.copytree(levels_dir() / "maps", tmp_path / "maps")
    tmx = tmp_path / "maps" / "tutorial.tmx"
    tmx.write_text(tmx.read_text().replace('<property name="population" type="int" value="420"/>', ""))
    text = (levels_dir() / "01_first_steps.yaml").read_text(encoding="utf-8")
    assert load_level(write(tmp_path, text))  # the level gives the population
    text = text.replace("    population: 420\n", "")
    one(problems_of(write(tmp_path, text)), "village `lindenholm` on the map has no population")


def test_a_bug_in_the_checker_is_reported_not_raised(tmp_path, monkeypatch):
    from game.level import spec

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(spec, "_RefChecker", broken)
    monkeypatch.setattr("game.level.check_references", broken)
    import shutil

    from game.paths import levels_dir

    shutil.copytree(levels_dir() / "maps", tmp_path / "maps")
    path = write(tmp_path, (levels_dir() / "01_first_steps.yaml").read_text(encoding="utf-8"))
    one(problems_of(path), "could not check this file (ZeroDivisionError: boom); this is a bug in Mine Risk")
