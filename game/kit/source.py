"""The game's source checkout and the wheel built from it, and what that wheel must contain.

The kit and the one-folder build both start from the game's own wheel, built
from a source checkout (``pyproject.toml`` beside ``game/``). The bundled
campaign, art, catalogue, teaching content and translations must all be in
it: ``missing_data`` compares the wheel with the checkout so a file forgotten
in ``pyproject.toml``'s package-data is caught before a classroom finds out.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from game.paths import PACKAGE_DIR

#: Source folders whose files the installed game needs, and where the wheel puts them.
DATA_FOLDERS = (("levels", "game/_bundled/levels"), ("assets", "game/_bundled/assets"), ("game", "game"))

#: Files in those folders that are for people reading the repository, not for the game.
NOT_SHIPPED_SUFFIXES = (".md", ".py", ".pyc")


class KitError(Exception):
    """A kit or build cannot be made; the message says why and what to do."""


def find_source(explicit: Path | None = None) -> Path:
    """The source checkout: ``explicit``, else the one this code runs from, else the current folder."""
    candidates = [explicit] if explicit else [PACKAGE_DIR.parent, Path.cwd()]
    for folder in candidates:
        pyproject = Path(folder) / "pyproject.toml"
        if pyproject.is_file() and (Path(folder) / "game").is_dir():
            try:
                name = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["name"]
            except (OSError, tomllib.TOMLDecodeError, KeyError):
                continue
            if name == "minerisk":
                return Path(folder).resolve()
    where = explicit or Path.cwd()
    raise KitError(f"{where}: not a Mine Risk source checkout (no pyproject.toml of minerisk beside game/); "
                   f"run this from the game's source folder, or pass --source FOLDER")


def build_game_wheel(source: Path, out: Path, log=print) -> Path:
    """Build the game's wheel from ``source`` into ``out``; returns its path.

    The build runs on a copy of the checkout, so the checkout gets no build/ or
    egg-info folders. Needs setuptools (pip fetches it for the build).
    """
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="minerisk-wheel-") as tmp:
        copy = Path(tmp) / "src"
        copy.mkdir()
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".*")
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(source / name, copy / name)
        for folder, _ in DATA_FOLDERS:
            shutil.copytree(source / folder, copy / folder, ignore=ignore)
        log("Building the game's wheel ...")
        done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--progress-bar", "off",
                               "--disable-pip-version-check", "-w", str(out), str(copy)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise KitError(f"building the game's wheel failed:\n{_tail(done.stderr or done.stdout)}")
    wheels = sorted(out.glob("minerisk-*.whl"))
    if len(wheels) != 1:
        raise KitError(f"{out}: expected one minerisk wheel after the build, found {len(wheels)}")
    return wheels[0]


def shipped_data(source: Path) -> list[str]:
    """The data files of the checkout the installed game needs, as paths inside the wheel."""
    wanted = []
    for folder, inside in DATA_FOLDERS:
        root = source / folder
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if (not path.is_file() or "__pycache__" in relative.parts or path.suffix in NOT_SHIPPED_SUFFIXES
                    or any(part.startswith(".") for part in relative.parts)):
                continue
            wanted.append(f"{inside}/{relative.as_posix()}")
    return wanted


def missing_data(source: Path, present: set[str]) -> list[str]:
    """Data files of the checkout that are not among ``present`` (paths inside the wheel)."""
    return [name for name in shipped_data(source) if name not in present]


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def wheel_requirements(wheel: Path) -> list[str]:
    """The wheel's dependencies (``Requires-Dist`` without extras or markers)."""
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(meta).decode("utf-8")
    return [line.split(":", 1)[1].strip() for line in text.splitlines()
            if line.startswith("Requires-Dist:") and ";" not in line]


def bundled_levels(names: set[str]) -> list[str]:
    """The campaign's level files among a wheel's (or a build's) files."""
    prefix = "game/_bundled/levels/"
    return sorted(n[len(prefix):] for n in names if n.startswith(prefix) and n.endswith(".yaml")
                  and "/" not in n[len(prefix):])


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.splitlines()[-lines:])
