"""``minerisk new NAME``: a ready level folder that validates as it is, without warnings."""

from __future__ import annotations

from game.catalogue import load_defaults
from game.cli import main
from game.level import check_level
from game.level.level_files import level_files


def test_new_makes_a_level_that_validates_without_warnings(tmp_path, capsys):
    assert main(["new", "East Valley", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "east_valley"
    out = capsys.readouterr().out
    assert "minerisk validate" in out and "minerisk.tiled-project" in out
    made = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert made == ["east_valley.yaml", "level.schema.json", "maps/east_valley.tmx", "maps/terrain.png",
                    "maps/terrain.tsx", "minerisk.tiled-project"]
    level = folder / "east_valley.yaml"
    spec, problems = check_level(level)
    assert problems == [] and spec.id == "east_valley" and spec.title == "East valley"
    assert main(["validate", "--strict", str(folder)]) == 0
    # everything the level uses lies in its folder: it can be packed and handed out
    assert all(p.is_relative_to(folder) for p in level_files(level, spec.map_path))
    text = level.read_text()
    assert text.startswith("# yaml-language-server: $schema=level.schema.json\n")
    teams = load_defaults()["teams"]
    daily = teams["nts"]["cost_per_day_usd"] + teams["manual"]["cost_per_day_usd"]
    assert f"the starting teams cost US${daily:,.0f} a day" in text


def test_new_refuses_a_folder_in_use_and_a_bad_name(tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    assert main(["new", "taken", "--dir", str(tmp_path)]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"
    assert main(["new", "../up", "--dir", str(tmp_path)]) == 2
    assert "cannot be a level name" in capsys.readouterr().err
