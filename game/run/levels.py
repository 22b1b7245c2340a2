"""Levels by id, and the fingerprint of everything that decides a run.

A run record names its level by id and a SHA-256 (:func:`level_hash`); it
never carries a path, so reading a record can never open a file outside the
game's folders. :func:`find_level` looks an id up in the bundled campaign and
the "My levels" folder (and in folders the caller adds, such as a trainer's).
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Iterable

from game.level.campaign import list_levels
from game.level.model import LevelSpec
from game.paths import levels_dir
from game.store.folders import my_levels_dir


def level_folders(extra: Iterable[Path] = ()) -> list[Path]:
    """Where levels are looked up, in order: the bundled campaign, My levels, then ``extra``."""
    return [levels_dir(), my_levels_dir(), *[Path(p) for p in extra]]


def find_level(level_id: str, extra: Iterable[Path] = ()) -> Path | None:
    """The level file whose id is ``level_id`` in the game's level folders (None if there is none)."""
    for folder in level_folders(extra):
        try:
            if not folder.is_dir():
                continue
            for info in list_levels(folder):
                if info.id == level_id:
                    return info.path
        except OSError:
            continue
    return None


def resolve_level(level: str) -> Path | None:
    """What a player typed after ``minerisk play``: an existing level file, else the id (or file name
    without .yaml) of a level in the game's level folders; None if it is neither."""
    path = Path(level)
    try:
        if path.is_file():
            return path
    except (OSError, ValueError):  # a name the system cannot look up (too long, a NUL): not a file
        pass
    found = find_level(level)
    if found is not None:
        return found
    for folder in level_folders():
        try:
            for info in list_levels(folder) if folder.is_dir() else ():
                if info.path.stem == level:
                    return info.path
        except OSError:
            continue
    return None


def names_a_file(level: str) -> bool:
    """Whether what was typed reads as a file path (its loader then says what is wrong with the
    path: backslashes, capitals) rather than as a level id."""
    return any(c in level for c in "/\\") or level.lower().endswith((".yaml", ".yml"))


def unknown_level_message(level: str) -> str:
    """What to tell someone who typed a level that is neither a file nor a known id, with the
    nearest known names ("did you mean ...?") and where to find the list."""
    import difflib

    shown = level[:200]
    names: list[str] = []
    for folder in level_folders():
        try:
            for info in list_levels(folder) if folder.is_dir() else ():
                names += [info.id, info.path.stem]
        except OSError:
            continue
    close = list(dict.fromkeys(difflib.get_close_matches(shown, names, n=2, cutoff=0.6)))
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return f"no level file or level id called '{shown}'; {hint}`minerisk levels` lists the levels"


def level_hash(spec: LevelSpec) -> str:
    """SHA-256 over what decides a run: the level file, its map, the map's tilesets (their terrain
    properties decide the ground) and the effective catalogue (defaults merged with the level's)."""
    h = hashlib.sha256()
    for label, path in [("level", spec.path), ("map", spec.map_path), *[("tileset", p) for p in
                                                                       _tilesets(spec.map_path)]]:
        h.update(label.encode() + b"\0" + Path(path).name.encode() + b"\0")
        h.update(hashlib.sha256(Path(path).read_bytes()).digest())
    h.update(b"catalogue\0" + json.dumps(spec.catalogue, sort_keys=True, default=str).encode())
    return h.hexdigest()


def _tilesets(map_path: Path) -> list[Path]:
    """The external tilesets a map uses (its ``<tileset source=...>``), in file order."""
    try:
        root = ElementTree.parse(map_path).getroot()
    except (OSError, ElementTree.ParseError):
        return []
    out = []
    for ts in root.iter("tileset"):
        source = ts.get("source")
        if source:
            out.append((Path(map_path).parent / source).resolve())
    return [p for p in out if p.is_file()]
