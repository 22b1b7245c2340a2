"""docs/catalogue.md is the catalogue reference generated from game/catalogue/defaults.yaml,
and stays so: this test fails when the defaults change and the page was not regenerated."""

from __future__ import annotations

from pathlib import Path

from game.catalogue import load_defaults
from game.catalogue.reference import main as reference_main
from game.catalogue.reference import markdown
from game.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalogue.md"


def test_docs_catalogue_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == markdown(), \
        "docs/catalogue.md is out of date: run  python -m game.catalogue.reference > docs/catalogue.md"


def test_the_reference_gives_every_team_and_terrain_and_the_release_rules():
    text = markdown()
    cat = load_defaults()
    for kind, team in cat["teams"].items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{kind}` | {team['name']} |"))
        assert f"US${team['cost_per_day_usd']:,}" in row
    for name in cat["terrain"]:
        assert f"| `{name}` (" in text
    water = next(line for line in text.splitlines() if line.startswith("| `water` | yes"))
    assert water.count("**never**") == 2  # water is never reduced or cleared: no team can search it
    manual = cat["teams"]["manual"]
    assert f"`manual` US${manual['cost_per_day_usd'] / manual['rate_m2_per_day']:,.2f}" in text
    assert "estimate" in text  # the notes of defaults.yaml travel with the numbers


def test_check_option_and_level_overrides(tmp_path, capsys):
    stale = tmp_path / "catalogue.md"
    stale.write_text("old\n")
    assert reference_main(["--check", str(stale)]) == 1
    assert reference_main(["--check", str(DOC)]) == 0
    capsys.readouterr()
    assert main(["catalogue", "--level", str(DOC.parents[1] / "levels" / "07_the_sector.yaml")]) == 0
    out = capsys.readouterr().out
    assert "| `teams.technical_survey.sample_share` | **0.3** (this level's own) |" in out
    assert main(["catalogue", "--level", str(tmp_path / "missing.yaml")]) == 1
