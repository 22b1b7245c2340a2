"""Level files and their Tiled maps: read, validate, build.

The public entry points:

- :func:`load_level` reads and validates one level file and its map, and
  returns its :class:`LevelSpec` and :class:`MapData` (or raises
  :class:`LevelError` listing every problem);
- :func:`load_scenario` also places the hidden truth with a seed;
- :func:`validate_paths` checks files and folders, as ``minerisk validate`` does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from game import catalogue

from .build import build_scenario
from .errors import Collector, LevelError, Problem
from .format import level_schema
from .model import LevelSpec, MapData, Scenario
from .schema import check_document
from .spec import build_spec, check_days, check_references, resolve_map_path
from .yaml_source import compose, read_text

__all__ = ["LevelError", "Problem", "LevelSpec", "MapData", "Scenario", "load_level", "load_scenario",
           "validate_paths", "find_level_files", "build_scenario"]

LEVEL_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class _Checked:
    spec: LevelSpec | None
    map: MapData | None
    id_at: tuple[str, int, int] | None  # the level's id and where it is written
    problems: list[Problem]


def _shown(path: Path) -> str:
    """A path as a trainer would recognise it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _check(path: Path, shown: str) -> _Checked:
    """Check one level file; a bug of ours becomes a problem to report, never a traceback."""
    try:
        return _check_file(path, shown)
    except (RecursionError, MemoryError):
        return _Checked(None, None, None, [Problem(shown, 1, 1, "the file is too complex to check",
                                                   "simplify it, or start from a bundled level")])
    except Exception as exc:  # noqa: BLE001 - the last line of defence for trainers
        return _Checked(None, None, None, [Problem(
            shown, 1, 1, f"Mine Risk could not check this file ({type(exc).__name__}: {exc})",
            "this is a bug in Mine Risk: please report it with the file attached")])


def _check_file(path: Path, shown: str) -> _Checked:
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
    if out.problems or level_map is None:
        return _Checked(None, None, id_at, out.problems)
    return _Checked(build_spec(doc, path, map_path), level_map, id_at, [])


def load_level(path: str | Path, shown_as: str | None = None) -> tuple[LevelSpec, MapData]:
    """Read and validate a level file and its map; raise LevelError with every problem."""
    path = Path(path)
    checked = _check(path, shown_as or _shown(path))
    if checked.problems or checked.spec is None:
        raise LevelError(checked.problems)
    return checked.spec, checked.map


def load_scenario(path: str | Path, seed: int | None = None) -> Scenario:
    """Load a level and place its hidden truth with ``seed`` (default: the level's seed)."""
    spec, level_map = load_level(path)
    return build_scenario(spec, level_map, seed)


def find_level_files(folder: Path) -> list[Path]:
    """Level files under a folder, sorted, skipping hidden folders."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if f.lower().endswith(LEVEL_SUFFIXES))
    return found


def validate_paths(paths: list[str | Path]) -> tuple[list[LevelSpec], list[Problem]]:
    """Check level files and folders of them; every problem of every file, and the valid levels.

    Ids must be unique across everything checked together.
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
        elif path.exists():
            files = [(path, str(raw))]
        else:
            problems.append(Problem(str(raw), 1, 1, "file or folder not found", "check the path"))
            continue
        for file, shown in files:
            checked = _check(file, shown)
            problems.extend(checked.problems)
            if checked.id_at is not None:
                level_id, line, col = checked.id_at
                if level_id in first_id and first_id[level_id] != shown:
                    problems.append(Problem(shown, line, col, f"level id `{level_id}` is already used by "
                                            f"{first_id[level_id]}", "give every level its own id"))
                first_id.setdefault(level_id, shown)
            if checked.spec is not None:
                levels.append(checked.spec)
    return levels, sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.message))
