"""Level files and their Tiled maps: read, validate, build.

The public entry points:

- :func:`load_level` reads and validates one level file and its map, and
  returns its :class:`LevelSpec` and :class:`MapData` (or raises
  :class:`LevelError` listing every problem);
- :func:`load_scenario` also places the hidden truth with a seed;
- :func:`validate_paths` checks files and folders, as ``minerisk validate`` does,
  playability warnings included (game/level/playability.py);
- :func:`check_level` checks one level file the same way and never raises.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from game import catalogue

from .build import build_scenario
from .errors import Collector, LevelError, Problem
from .format import level_schema
from .glyphs import glyph_warnings
from .level_files import check_files
from .model import LevelSpec, MapData, Scenario
from .playability import playability_warnings
from .schema import check_document
from .spec import build_spec, check_days, check_references, resolve_map_path
from .yaml_source import compose, read_text

__all__ = ["LevelError", "Problem", "LevelSpec", "shown_path", "MapData", "Scenario", "load_level", "load_scenario",
           "validate_paths", "check_level", "find_level_files", "build_scenario"]

LEVEL_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class _Checked:
    spec: LevelSpec | None
    map: MapData | None
    id_at: tuple[str, int, int] | None  # the level's id and where it is written
    problems: list[Problem]  # errors: the level cannot be loaded
    warnings: list[Problem] = field(default_factory=list)  # it loads, but cannot be played as meant


def shown_path(path: Path) -> str:
    """A path as a trainer would recognise it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _check(path: Path, shown: str, warnings: bool = False) -> _Checked:
    """Check one level file (and, with ``warnings``, its playability); a bug of ours becomes a
    problem to report, never a traceback."""
    try:
        return _check_file(path, shown, warnings)
    except (RecursionError, MemoryError):
        return _Checked(None, None, None, [Problem(shown, 1, 1, "the file is too complex to check",
                                                   "simplify it, or start from a bundled level")])
    except Exception as exc:  # noqa: BLE001 - the last line of defence for trainers
        return _Checked(None, None, None, [Problem(
            shown, 1, 1, f"Mine Risk could not check this file ({type(exc).__name__}: {exc})",
            "this is a bug in Mine Risk: please report it with the file attached")])


def _check_file(path: Path, shown: str, warnings: bool) -> _Checked:
    from .tmx_adapter import load_map  # the one module that reads Tiled files

    out = Collector(shown)
    text, problems = read_text(path, shown)
    if problems:
        return _Checked(None, None, None, problems)
    node, problems = compose(text, shown)
    if problems:
        return _Checked(None, None, None, problems)
    doc, ctx = check_document(level_schema(), node, out)
    if doc is None:
        return _Checked(None, None, None, out.problems)
    id_at = (doc["id"], *ctx.where(("id",))) if "id" in doc else None
    check_days(doc, ctx, out)
    map_path = resolve_map_path(doc, path, ctx, out)
    level_map = None
    if map_path is not None:
        map_shown = os.path.normpath(os.path.join(os.path.dirname(shown), doc["map"]))
        try:
            level_map = load_map(map_path, catalogue.terrain_names(), shown_as=map_shown)
        except LevelError as exc:
            out.extend(exc.problems)
        else:
            check_references(doc, ctx, out, level_map, map_shown)
            out.extend(check_files(path, shown, map_path))
    if out.problems or level_map is None:
        return _Checked(None, None, id_at, out.problems)
    spec = build_spec(doc, path, map_path)
    found = playability_warnings(spec, level_map, ctx.where, shown) if warnings else []
    found += glyph_warnings(doc, level_map, ctx.where, shown) if warnings else []
    return _Checked(spec, level_map, id_at, [], found)


def load_level(path: str | Path, shown_as: str | None = None) -> tuple[LevelSpec, MapData]:
    """Read and validate a level file and its map; raise LevelError with every problem."""
    path = Path(path)
    checked = _check(path, shown_as or shown_path(path))
    if checked.problems or checked.spec is None:
        raise LevelError(checked.problems)
    return checked.spec, checked.map


def load_scenario(path: str | Path, seed: int | None = None) -> Scenario:
    """Load a level and place its hidden truth with ``seed`` (default: the level's seed)."""
    spec, level_map = load_level(path)
    return build_scenario(spec, level_map, seed)


def _not_found(shown: str) -> Problem:
    """A path given to validate that is not there: the spelling hint, or the nearest level ids."""
    from game.level.yaml_source import _path_hint
    from game.run.levels import names_a_file, unknown_level_message

    if names_a_file(shown):
        return Problem(shown, 1, 1, "file or folder not found", _path_hint(Path(shown)) or "check the path")
    return Problem(shown, 1, 1, unknown_level_message(shown).replace("no level file or level id",
                                                                      "no level file, folder or level id"))


def _level_by_id(level_id: str) -> Path | None:
    """The bundled or installed level whose id (or file name) is ``level_id``."""
    from game.run.levels import names_a_file, resolve_level

    return None if names_a_file(level_id) else resolve_level(level_id)


def find_level_files(folder: Path) -> list[Path]:
    """Level files under a folder, sorted, skipping hidden folders."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if f.lower().endswith(LEVEL_SUFFIXES))
    return found


def check_level(path: str | Path, shown_as: str | None = None) -> tuple[LevelSpec | None, list[Problem]]:
    """Check one level file as ``minerisk validate`` does, never raising.

    Returns its spec (None when it has errors) and every problem, errors and
    playability warnings (``Problem.is_warning``) together.
    """
    path = Path(path)
    checked = _check(path, shown_as or shown_path(path), warnings=True)
    return checked.spec, _sorted(checked.problems + checked.warnings)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.message))


def validate_paths(paths: list[str | Path]) -> tuple[list[LevelSpec], list[Problem]]:
    """Check level files and folders of them; every problem of every file, and the loadable levels.

    Problems hold errors and playability warnings (``Problem.is_warning``); a
    level with warnings only is among the levels. Ids must be unique across
    everything checked together. A Tiled file given directly gets a problem
    naming the level files that use it.
    """
    problems: list[Problem] = []
    levels: list[LevelSpec] = []
    first_id: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = [(f, os.path.join(str(raw), os.path.relpath(f, path))) for f in find_level_files(path)]
            if not files:
                problems.append(Problem(str(raw), 1, 1, "no level files (.yaml) in this folder"))
        elif path.suffix.lower() in TILED_SUFFIXES and path.is_file():
            problems.append(tiled_file_given(path, str(raw)))
            continue
        elif path.exists():
            files = [(path, str(raw))]
        elif (found := _level_by_id(str(raw))) is not None:
            files = [(found, shown_path(found))]
        else:
            problems.append(_not_found(str(raw)))
            continue
        for file, shown in files:
            checked = _check(file, shown, warnings=True)
            problems.extend(checked.problems + checked.warnings)
            if checked.id_at is not None:
                level_id, line, col = checked.id_at
                if level_id in first_id and first_id[level_id] != shown:
                    problems.append(Problem(shown, line, col, f"level id `{level_id}` is already used by "
                                            f"{first_id[level_id]}", "give every level its own id"))
                first_id.setdefault(level_id, shown)
            if checked.spec is not None:
                levels.append(checked.spec)
    return levels, _sorted(problems)


TILED_SUFFIXES = (".tmx", ".tsx", ".tx", ".tiled-project")


def levels_using(tiled_file: Path) -> list[Path]:
    """Level files in the Tiled file's folder or the folder above whose map is, or uses, that file."""
    from .level_files import map_references

    target = tiled_file.resolve()
    found = []
    for folder in dict.fromkeys((tiled_file.parent.resolve(), tiled_file.parent.resolve().parent)):
        try:
            candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() in LEVEL_SUFFIXES and p.is_file())
        except OSError:
            continue
        for level in candidates:
            written = _map_written(level)
            if not written:
                continue
            map_path = (level.parent / written)
            try:
                uses = map_path.resolve() == target or any(
                    ref.target.resolve() == target for ref in map_references(map_path) if ref.kind == "tileset")
            except (OSError, RuntimeError, ValueError):
                continue
            if uses:
                found.append(level)
    return found


def _map_written(level: Path) -> str | None:
    """The ``map:`` a level file writes, read lightly (None when the file cannot be read)."""
    import yaml

    text, problems = read_text(level, str(level))
    if problems:
        return None
    node, problems = compose(text, str(level))
    if problems or not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "map" and isinstance(value, yaml.ScalarNode):
            return value.value
    return None


def tiled_file_given(path: Path, shown: str) -> Problem:
    """The problem for a Tiled map (or tileset) given where a level file is expected."""
    users = levels_using(path)
    what = "a Tiled map" if path.suffix.lower() == ".tmx" else "a Tiled file"
    if users:
        names = ", ".join(shown_path(u) for u in users)
        return Problem(shown, 1, 1, f"this is {what}, not a level file",
                       f"validate the level that uses it: minerisk validate {names}")
    return Problem(shown, 1, 1, f"this is {what}, not a level file",
                   "validate the level file (.yaml) that names it under `map:`; no level in this folder or the "
                   "one above uses it (minerisk new NAME makes a level folder to start from)")
