"""The walkthrough in docs/level-authoring.md produces a level the validator accepts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.level import validate_paths
from game.paths import levels_dir

ROOT = Path(__file__).resolve().parents[2]


def test_the_authoring_example_validates(tmp_path):
    text = (ROOT / "docs" / "level-authoring.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.DOTALL).group(1)
    maps = tmp_path / "my-levels" / "maps"
    maps.mkdir(parents=True)
    shutil.copy(levels_dir() / "maps" / "tutorial.tmx", maps / "my_map.tmx")
    for name in ("terrain.tsx", "terrain.png"):
        shutil.copy(levels_dir() / "maps" / name, maps / name)
    (tmp_path / "my-levels" / "my_level.yaml").write_text(example, encoding="utf-8")
    levels, problems = validate_paths([tmp_path / "my-levels"])
    assert not problems, [p.format() for p in problems]
    assert [lv.id for lv in levels] == ["my_first_level"]


def test_the_readme_starts_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1: lines.index("```sh") + 3]
    assert block == ['python -m pip install . && minerisk', 'python -m pip install ".[test]" && python -m pytest']
    assert lines.index("```sh") < 4
