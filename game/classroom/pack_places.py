"""Where the game looks for level packs to install: the folders a classroom puts them in.

The window has no system file dialog, so its "Install levels" screen lists the
level packs (``*.minerisk.zip``, see game/packs.py) it finds in:

- the USB sticks and other drives plugged in (game.classroom.places:
  ``/media/USER/*``, ``/run/media/USER/*`` and ``/media/*`` on Linux, drive
  letters other than the system's on Windows, ``/Volumes/*`` on macOS);
- the user's Downloads and Desktop folders (platformdirs, which follows the
  XDG user folders on Linux, so a localised "Téléchargements" is found);
- a folder (or one pack file, of any name) the player types.

Each folder is read with its subfolders down to :data:`MAX_DEPTH`, at most
:data:`MAX_ENTRIES` names a place, hidden folders and links to folders
skipped, so a large drive cannot stall the screen. Nothing here raises for a
folder that is missing or unreadable, and nothing touches the network: only
local folders are read. Headless (no pygame).
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from game.classroom.places import removable_folders
from game.packs import MANIFEST, MAX_MANIFEST_BYTES, MAX_PACK_BYTES, SUFFIX
from game.text import _

#: How deep under a place packs are looked for (0: the folder itself only).
MAX_DEPTH = 2
#: How many names are read under one place at most.
MAX_ENTRIES = 4000


@dataclass(frozen=True, slots=True)
class PackPlace:
    """A folder to look in for packs, with the words the screen shows for it."""

    label: str  # "USB stick or drive: KINGSTON", "Downloads"
    path: Path
    removable: bool = False


@dataclass(frozen=True, slots=True)
class FoundPack:
    """A level pack file found in a place."""

    path: Path
    place: str  # the place's label
    size: int
    modified: float  # seconds since the epoch, for newest first


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _user_folder(kind: str, home: Path | None) -> Path | None:
    """The user's Downloads or Desktop folder (None when it cannot be worked out)."""
    if home is not None:
        return home / kind
    try:
        import platformdirs

        return Path(platformdirs.user_downloads_dir() if kind == "Downloads" else platformdirs.user_desktop_dir())
    except Exception:  # noqa: BLE001 - an odd system setting must not stop the screen
        return None


def pack_places(home: Path | None = None, **found) -> list[PackPlace]:
    """The folders to look in that exist now: the sticks and drives first, then Downloads and Desktop.
    ``home`` (tests) puts Downloads and Desktop under it; ``found`` goes to ``removable_folders``."""
    out: list[PackPlace] = []
    try:
        drives = removable_folders(**found)
    except Exception:  # noqa: BLE001 - never a crash for a strange mount
        drives = []
    for p in drives:
        out.append(PackPlace(_("USB stick or drive: {name}").format(name=p.name or str(p)), p, True))
    for kind, label in (("Downloads", _("Downloads")), ("Desktop", _("Desktop"))):
        path = _user_folder(kind, home)
        if path is not None and _is_dir(path) and all(p.path != path for p in out):
            out.append(PackPlace(label, path))
    return out


def is_pack_name(name: str) -> bool:
    """Whether a file name is a level pack's (``.minerisk.zip``, any capitals)."""
    return name.lower().endswith(SUFFIX) and not name.startswith(".")


def packs_in(place: PackPlace, depth: int = MAX_DEPTH, limit: int = MAX_ENTRIES) -> list[FoundPack]:
    """The pack files under ``place``, newest first; never raises."""
    out: list[FoundPack] = []
    budget = [limit]

    def walk(folder: Path, level: int) -> None:
        try:
            with os.scandir(folder) as entries:
                listed = []
                for entry in entries:
                    budget[0] -= 1
                    if budget[0] < 0:
                        break
                    listed.append(entry)
        except OSError:
            return
        subfolders = []
        for entry in listed:
            try:
                if entry.is_file(follow_symlinks=False) and is_pack_name(entry.name):
                    st = entry.stat(follow_symlinks=False)
                    out.append(FoundPack(Path(entry.path), place.label, st.st_size, st.st_mtime))
                elif level < depth and not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                    subfolders.append(Path(entry.path))
            except OSError:
                continue
        for sub in sorted(subfolders, key=lambda p: p.name.lower()):
            if budget[0] <= 0:
                return
            walk(sub, level + 1)

    walk(place.path, 0)
    return sorted(out, key=lambda f: -f.modified)


def typed_place(text: str) -> tuple[PackPlace | None, FoundPack | None, str]:
    """What the player typed: a folder to look in, or one pack file to install (any name: the install
    checks it), or why neither (in words)."""
    raw = text.strip().strip('"').strip("'")
    if not raw:
        return None, None, _("Type the folder where the level pack is.")
    try:
        path = Path(os.path.expanduser(raw))
        if path.is_file():
            st = path.stat()
            return None, FoundPack(path, _("The folder you typed"), st.st_size, st.st_mtime), ""
        if path.is_dir():
            return PackPlace(_("The folder you typed"), path), None, ""
    except (OSError, ValueError):
        pass
    return None, None, _("There is no folder or file called {path}.").format(path=raw)


def pack_name_of(path: Path) -> str | None:
    """The name a pack says it installs under (its manifest's ``name``), read without unpacking anything;
    None when the file is not a readable pack (the install says why)."""
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            return None
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return None
            with zf.open(info) as fh:
                manifest = json.loads(fh.read(MAX_MANIFEST_BYTES + 1).decode("utf-8"))
        name = manifest.get("name") if isinstance(manifest, dict) else None
        return name if isinstance(name, str) and name and "/" not in name and "\\" not in name else None
    except Exception:  # noqa: BLE001 - a broken or hostile file is only "not known" here
        return None


def find_packs(places: list[PackPlace]) -> list[FoundPack]:
    """Every pack under the places, place by place (newest first in each), each file once."""
    out: list[FoundPack] = []
    seen: set[Path] = set()
    for place in places:
        for pack in packs_in(place):
            key = Path(os.path.normcase(os.path.abspath(pack.path)))
            if key not in seen:
                seen.add(key)
                out.append(pack)
    return out
