"""A level in several languages: its own translations shown in the game, checked by the validator, and a
warning for text the game's fonts cannot draw."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import game.text as text
from game.level import check_level, load_level
from game.level.translations import prose
from game.run.session import Session
from game.text import _
from game.text.glyphs import missing
from game.text.score import objective_text

ROOT = Path(__file__).resolve().parents[2]

TRANSLATED = """
language: en
translations:
  fr:
    title: Premiers pas
    briefing: |
      Un petit village
      agricole.
    objectives: ["Sécuriser le chemin.", "", "Rester dans le budget."]
    zones: {well_path: Chemin du puits (trainer)}
  km:
    briefing: "ភូមិ​កសិកម្ម​តូច​មួយ។"
"""


@pytest.fixture
def level_dir(tmp_path):
    shutil.copytree(ROOT / "levels" / "maps", tmp_path / "maps")
    return tmp_path


def _write(folder: Path, extra: str, name: str = "level.yaml") -> Path:
    source = (ROOT / "levels" / "01_first_steps.yaml").read_text(encoding="utf-8")
    path = folder / name
    path.write_text(source + extra, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def english_after():
    yield
    text.use_level(None)
    text.set_language("en")


def test_a_level_shows_its_own_translation_and_falls_back_to_its_own_words(level_dir):
    path = _write(level_dir, TRANSLATED)
    spec, _map = load_level(path)
    assert spec.language == "en" and spec.translations["fr"].briefing == "Un petit village agricole."
    with Session.start(path) as session:
        text.use_level(spec)
        text.set_language("fr")
        assert _(spec.title) == "Premiers pas" and _(spec.briefing) == "Un petit village agricole."
        assert objective_text(spec.objectives[0], session.names) == "Sécuriser le chemin."
        assert objective_text(spec.objectives[1]) == "Protéger la population."  # "" in the level: the catalogue's
        assert session.names.zone("well_path") == "Chemin du puits (trainer)"
        assert session.names.zone("north_pasture") == "Pâturage nord"  # not in the level: the catalogue's
        text.set_language("km")
        assert _(spec.briefing) == "ភូមិ​កសិកម្ម​តូច​មួយ។" and _(spec.title) == "ជំហាន\u200bដំបូង\u200bនៅ Lindenholm"
        text.use_level(None)
        text.set_language("fr")
        assert _(spec.title) == "Premiers pas à Lindenholm"  # the bundled campaign's catalogue again


def test_the_validator_checks_language_codes_lists_and_zones(level_dir):
    bad = """
language: en
translations:
  fre:
    title: Premiers pas
  fr:
    tips: ["un", "deux", "trois"]
    zones: {wel_path: Chemin}
  en:
    title: First steps
"""
    path = _write(level_dir, bad)
    spec, problems = check_level(path)
    found = [p.format() for p in problems if not p.is_warning]
    assert spec is None
    assert any("`fre` is not a language of the game" in f and "did you mean `fr`" in f for f in found), found
    assert any("translations.fr.tips has 3 entries but the level has 2 tips" in f for f in found), found
    assert any("zone `wel_path` is not an object of the map" in f and "well_path" in f for f in found), found
    assert any("the level is written in `en` already" in f for f in found), found
    assert all(":" in f.split(": ")[0] for f in found)  # FILE:LINE:COL first


def test_text_the_fonts_cannot_draw_is_a_warning_at_its_line(level_dir):
    path = _write(level_dir, '\ntranslations:\n  fr:\n    title: "Premiers pas 中文"\n')
    spec, problems = check_level(path)
    warnings = [p for p in problems if p.is_warning and "cannot draw" in p.message]
    assert spec is not None and len(warnings) == 1, [p.format() for p in problems]
    line = path.read_text(encoding="utf-8").splitlines().index('    title: "Premiers pas 中文"') + 1
    assert warnings[0].line == line and "U+4E2D" in warnings[0].message
    assert missing("Français, Español, Українська, Azərbaycan, العربية, ខ្មែរ ★ ✓ m² US$") == []


def test_every_bundled_level_text_can_be_drawn():
    for path in sorted((ROOT / "levels").glob("*.yaml")):
        _spec, problems = check_level(path)
        assert not [p for p in problems if "cannot draw" in p.message], path.name


def test_prose_keeps_paragraphs_and_list_items():
    assert prose("a b\nc\n\nd\n- e\n- f\n") == "a b c\n\nd\n- e\n- f"
