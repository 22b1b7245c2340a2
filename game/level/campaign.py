"""The list of levels in a folder (the bundled campaign, or a trainer's), read
lightly: only each file's id, title and difficulty, without loading maps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import find_level_files
from .yaml_source import compose, read_text


@dataclass(frozen=True, slots=True)
class LevelInfo:
    """One level as a menu or ``minerisk levels`` shows it."""

    id: str
    title: str
    difficulty: int
    path: Path


def _scalar(node: yaml.MappingNode, key: str):
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
            return v.value
    return None


def list_levels(folder: Path) -> list[LevelInfo]:
    """The levels of a folder in campaign order (file names sort them: 01_..., 02_...).

    Files that cannot be read at all are skipped; ``minerisk validate`` says why.
    """
    out = []
    for path in find_level_files(folder):
        text, problems = read_text(path, str(path))
        if problems:
            continue
        node, problems = compose(text, str(path))
        if problems or not isinstance(node, yaml.MappingNode):
            continue
        try:
            difficulty = min(max(int(_scalar(node, "difficulty") or 0), 0), 5)  # the format's 1-5; never 10**29
        except ValueError:
            difficulty = 0
        out.append(LevelInfo(_scalar(node, "id") or path.stem, _scalar(node, "title") or path.stem,
                             difficulty, path))
    return out
