"""The files a level is made of, and the paths between them.

A level is its YAML file, the Tiled map it names, the map's external tilesets
(``.tsx``) and their images. All of them must sit in the level file's folder
or below it, spelled exactly as they are on disk: a tileset Tiled saved as
``../../elsewhere/maps/terrain.tsx`` or an image written ``Terrain.png`` works
on the author's computer and breaks on every student's. :func:`check_files`
reports those as errors; :func:`level_files` lists the files a level pack
must carry; :func:`missing_file_hint` explains a path that finds nothing
(backslashes, capital letters).

Only the XML pre-pass (game/level/tmx_scan.py) is used here: no pytmx.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import Collector, Problem
from .tmx_scan import read_file, scan_xml


@dataclass(frozen=True, slots=True)
class FileRef:
    """One file a map (or one of its tilesets) refers to, where that reference is written."""

    kind: str  # "tileset" or "image"
    written: str  # the path as the referring file writes it
    referrer: Path  # the file that refers to it
    line: int
    col: int

    @property
    def target(self) -> Path:
        """Where the reference points (relative paths are relative to the referring file)."""
        return self.referrer.parent / self.written


def _scan(path: Path):
    data = read_file(path, Collector(str(path)), "file")
    return None if data is None else scan_xml(data, Collector(str(path)), "file")


def map_references(map_path: Path) -> list[FileRef]:
    """The tilesets and images a map uses, and the images of its external tilesets.

    Files that cannot be read are skipped (the map loader reports them).
    """
    refs: list[FileRef] = []
    scan = _scan(map_path)
    if scan is None:
        return refs
    for ts in scan.tilesets:
        source = ts.attrs.get("source")
        if source:
            refs.append(FileRef("tileset", source, map_path, ts.line, ts.col))
    refs += [FileRef("image", img.attrs["source"], map_path, img.line, img.col)
             for img in scan.images if img.attrs.get("source")]
    for ref in list(refs):
        if ref.kind != "tileset" or not ref.target.is_file():
            continue
        sub = _scan(ref.target)
        if sub is not None:
            refs += [FileRef("image", img.attrs["source"], ref.target, img.line, img.col)
                     for img in sub.images if img.attrs.get("source")]
    return refs


def real_spelling(base: Path, written: str) -> str | None:
    """How the file ``written`` (relative to ``base``) is spelled on disk when only letter case
    differs (``Maps/Level.tmx`` for ``maps/level.tmx``), else None."""
    parts = PurePosixPath(written.replace("\\", "/")).parts
    here, found = base, []
    for part in parts:
        if part in (".", ".."):
            here, found = here / part, found + [part]
            continue
        try:
            names = os.listdir(here)
        except OSError:
            return None
        if part not in names:
            same = [n for n in names if n.lower() == part.lower()]
            if len(same) != 1:
                return None
            part = same[0]
        here, found = here / part, found + [part]
    spelled = "/".join(found)
    return spelled if found != list(parts) else None


def missing_file_hint(base: Path, written: str, prefix: str = "") -> str:
    """A hint for a path (relative to ``base``; shown after ``prefix``) that finds no file:
    backslashes, letter case."""
    if "\\" in written:
        fixed = written.replace("\\", "/")
        exists = " (that file exists)" if (base / fixed).is_file() else ""
        spelled = None if exists else real_spelling(base, fixed)
        if spelled is not None:  # Maps\Level.tmx for maps/level.tmx: both at once
            fixed, exists = spelled, " (that file exists: capital and small letters differ on Linux and on " \
                "most students' computers)"
        return f"write `/` between folders, not `\\`: `{prefix}{fixed}`{exists}; `\\` works only on Windows"
    spelled = real_spelling(base, written)
    if spelled is not None:
        return (f"the file is spelled `{prefix}{spelled}`; write it exactly so: capital and small letters "
                "differ on Linux and on most students' computers")
    return ""


def _shown(level_path: Path, level_shown: str, path: Path) -> str:
    """A file of the level named the way the level file itself is shown."""
    rel = os.path.relpath(path, level_path.parent)
    return os.path.normpath(os.path.join(os.path.dirname(level_shown), rel))


def check_files(level_path: Path, level_shown: str, map_path: Path) -> list[Problem]:
    """Tilesets and images that lie outside the level's folder, are missing, or are spelled
    with other capital letters than on disk: each breaks the level on students' machines."""
    root = level_path.parent.resolve()
    problems = []
    for ref in map_references(map_path):
        if not ref.referrer.resolve().is_relative_to(root):
            continue  # a tileset outside the folder is reported, not each of its images
        where = _shown(level_path, level_shown, ref.referrer)
        what = "tileset" if ref.kind == "tileset" else "image"
        if os.path.isabs(ref.written) or ref.written.startswith(("/", "\\")) or ref.written[1:2] == ":":
            problems.append(Problem(where, ref.line, ref.col, f"{what} `{ref.written}` is an absolute path: "
                                    "it exists only on this computer",
                                    f"copy the file into the level's folder ({_folder(level_shown)}) and "
                                    f"{_repoint(ref.kind)}"))
            continue
        try:
            resolved = ref.target.resolve()
        except (OSError, RuntimeError):
            continue
        if not resolved.is_relative_to(root):
            problems.append(Problem(where, ref.line, ref.col, f"{what} `{ref.written}` lies outside the level's "
                                    f"folder ({_folder(level_shown)}): students who get the level will not have it",
                                    f"copy `{Path(ref.written).name}` into the level's folder (e.g. next to the map) "
                                    f"and {_repoint(ref.kind)}"))
            continue
        spelled = real_spelling(ref.referrer.parent, ref.written)
        if ref.target.is_file() and spelled is not None:
            problems.append(Problem(where, ref.line, ref.col, f"{what} `{ref.written}` is spelled `{spelled}` "
                                    "on disk: it loads on Windows and macOS but not on Linux",
                                    f"rename the file or the reference so both read `{spelled}`"))
        elif ref.kind == "image" and not ref.target.is_file():
            hint = missing_file_hint(ref.referrer.parent, ref.written) or (
                f"put `{Path(ref.written).name}` next to `{ref.referrer.name}` (the bundled tileset's image is "
                "levels/maps/terrain.png); without it the game draws the map without its pictures")
            problems.append(Problem(where, ref.line, ref.col, f"image `{ref.written}` not found", hint))
    return problems


def _folder(level_shown: str) -> str:
    return os.path.dirname(level_shown) or "."


def _repoint(kind: str) -> str:
    if kind == "tileset":
        return "in Tiled point the map at the copy (Map > Replace Tileset), then save the map"
    return "in Tiled point the tileset at the copy (Tileset > Tileset Properties > Image), then save"


def level_files(level_path: Path, map_path: Path) -> list[Path]:
    """Every file the level needs, existing ones only, in a stable order: the level file, its map,
    the map's tilesets and images (each once)."""
    out = [level_path, map_path]
    for ref in map_references(map_path):
        if ref.target.is_file():
            out.append(ref.target)
    seen, unique = set(), []
    for path in out:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            unique.append(Path(os.path.abspath(path)))
    return unique
