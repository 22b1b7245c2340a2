"""Where the "Hand in results" screen offers to write: the USB sticks plugged in, then the desktop and home.

The window has no system file dialog, so the screen lists the folders a
student would choose: each removable drive or mounted stick (Windows: drive
letters other than the system's; macOS: ``/Volumes/*`` except the start-up
disk; Linux: ``/media/USER/*``, ``/run/media/USER/*``, ``/media/*``), then the
Desktop and the home folder. Only folders that exist now are listed, in that
order; the finding never raises.
"""

from __future__ import annotations

import getpass
import os
import platform
import string
from dataclasses import dataclass
from pathlib import Path

from game.text import _


@dataclass(frozen=True, slots=True)
class Place:
    """A folder to hand in to, with the words the screen shows for it."""

    label: str  # in the list: "USB stick or drive: KINGSTON", "Desktop"
    path: Path
    removable: bool
    where: str  # in a sentence: "KINGSTON", "the desktop", "your home folder"


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _children(folder: Path) -> list[Path]:
    try:
        return sorted((p for p in folder.iterdir() if not p.name.startswith(".") and _is_dir(p)),
                      key=lambda p: p.name.lower())
    except OSError:
        return []


def removable_folders(system: str | None = None, user: str | None = None, roots: dict[str, Path] | None = None
                      ) -> list[Path]:
    """The mounted sticks and other drives of this computer (``roots`` replaces ``/`` in tests)."""
    system = system or platform.system()
    roots = roots or {}
    if system == "Windows":
        system_drive = os.environ.get("SystemDrive", "C:").upper()[:1]
        out = []
        for letter in string.ascii_uppercase[3:]:  # D: to Z: (A: and B: were floppy drives)
            if letter == system_drive:
                continue
            drive = roots.get(letter, Path(f"{letter}:\\"))
            if _is_dir(drive):
                out.append(drive)
        return out
    base = roots.get("/", Path("/"))
    if system == "Darwin":
        return [p for p in _children(base / "Volumes") if not p.is_symlink()]  # the start-up disk is a link to /
    try:
        user = user or getpass.getuser()
    except (KeyError, OSError):
        user = user or ""
    out: list[Path] = []
    for folder in ([base / "media" / user, base / "run" / "media" / user] if user else []) + [base / "media"]:
        for p in _children(folder):
            if p not in out and p.name != user:
                out.append(p)
    return out


def hand_in_places(home: Path | None = None, **found) -> list[Place]:
    """The folders to offer, sticks first."""
    home = home or Path.home()
    out = []
    for p in removable_folders(**found):
        name = p.name or str(p)  # a drive's root has no name: "E:\"
        out.append(Place(_("USB stick or drive: {name}").format(name=name), p, True, name))
    for label, where, path in ((_("Desktop"), _("the desktop"), home / "Desktop"),
                               (_("Home folder"), _("your home folder"), home)):
        if _is_dir(path) and all(p.path != path for p in out):
            out.append(Place(label, path, False, where))
    return out
