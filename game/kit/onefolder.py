"""The one-folder build (PyInstaller) for computers with no Python at all.

``build_onefolder(OUT)`` makes ``OUT/minerisk-<system>-<processor>/``: a folder
with the ``minerisk`` program (``minerisk.exe`` on Windows) and everything it
needs, Python included. It must be made on the system it is for: the Linux
one on Linux, the Windows one on Windows, the macOS one on a Mac.

How: the game's wheel is installed with PyInstaller into a fresh virtual
environment, so the build holds exactly what ``pip install`` gives a player;
``--collect-data game`` takes every data file of the installed package (the
campaign and art under ``game/_bundled``, the catalogue and content YAML, the
translations) and ``--collect-submodules game`` the subcommands the command
line imports by name. The built folder is then compared with the checkout
(every data file the game needs must be in it) and run once headless.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from game.kit.source import KitError, build_game_wheel, find_source, missing_data
from game.kit.targets import this_machine

PYINSTALLER = "pyinstaller>=6.10"

ENTRY = '''"""Start Mine Risk: the program of the one-folder build."""
import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen program must allow worker processes to start
    sys.exit(main())
'''


def _run(args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).splitlines()[-20:])
        raise KitError(f"{what} failed:\n{tail}")
    return done


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def executable(folder: Path) -> Path:
    """The program inside a one-folder build."""
    return folder / ("minerisk.exe" if sys.platform == "win32" else "minerisk")


def headless_env(data_dir: Path) -> dict[str, str]:
    """Environment for running the game with no screen or sound card, its data in ``data_dir``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MINERISK_"))}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               MINERISK_DATA_DIR=str(data_dir))
    return env


def smoke_test(folder: Path) -> str:
    """Run the built program: its version, and one bundled level simulated headless. Returns the version."""
    program = executable(folder)
    level = folder / "_internal" / "game" / "_bundled" / "levels" / "01_first_steps.yaml"
    with tempfile.TemporaryDirectory(prefix="minerisk-smoke-") as data:
        env = headless_env(Path(data))
        version = _run([str(program), "--version"], "starting the built program", env=env, cwd=data).stdout.strip()
        _run([str(program), "simulate", str(level), "--policy", "land_release"],
             "simulating a bundled level with the built program", env=env, cwd=data, timeout=300)
    return version


def build_onefolder(out: Path, source: Path | None = None, wheel: Path | None = None, log=print) -> dict:
    """Make this system's one-folder build in ``out``; returns its name, label, folder, version and size.

    Needs the network (PyPI) for PyInstaller and the game's dependencies.
    """
    source = find_source(source)
    target, _ = this_machine()
    name = f"minerisk-{target.name}"
    out = Path(out).resolve()
    final = out / name
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="minerisk-onefolder-") as tmp:
        tmp = Path(tmp)
        if wheel is None:
            wheel = build_game_wheel(source, tmp / "wheel", log=log)
        log("One-folder build: a build environment with PyInstaller ...")
        venv = tmp / "venv"
        _run([sys.executable, "-m", "venv", str(venv)], "making the build environment")
        python = str(_venv_python(venv))
        _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--progress-bar", "off",
              str(wheel), PYINSTALLER], "installing the game and PyInstaller into the build environment")
        entry = tmp / "minerisk_main.py"
        entry.write_text(ENTRY, encoding="utf-8")
        args = [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--name", "minerisk",
                "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "work"), "--specpath", str(tmp),
                "--collect-data", "game", "--collect-submodules", "game", "--exclude-module", "tkinter",
                "--log-level", "WARN"]
        if target.system in ("windows", "macos"):
            args.append("--windowed")  # a game: no console window (the Mac gets a minerisk.app too)
        log("One-folder build: PyInstaller ...")
        _run([*args, str(entry)], "PyInstaller", cwd=tmp)
        built = tmp / "dist" / "minerisk"
        inside = built / "_internal"
        present = {p.relative_to(inside).as_posix() for p in inside.rglob("*") if p.is_file()}
        forgotten = missing_data(source, present)
        if forgotten:
            raise KitError("the one-folder build lacks files the game needs: " + ", ".join(forgotten[:10]))
        log("One-folder build: starting it headless to check it ...")
        version = smoke_test(built)
        out.mkdir(parents=True, exist_ok=True)
        if final.exists():
            shutil.rmtree(final)
        shutil.move(str(built), str(final))
        app = tmp / "dist" / "minerisk.app"
        if app.is_dir():
            shutil.move(str(app), str(out / f"{name}.app"))
    size = folder_size(final)
    log(f"One-folder build: {final} ({size / 1e6:.0f} MB, {time.monotonic() - started:.0f} s)")
    return {"name": name, "label": _label(target), "folder": final, "version": version, "size": size}


def _label(target) -> str:
    if target.system != "linux":
        return f"{target.label}, no Python needed"
    libc, version = platform.libc_ver()
    # The build holds the build machine's Python and libraries: it needs that glibc or newer.
    return f"Linux ({target.name.split('-')[1]}, {libc} {version} or newer), no Python needed"


def folder_size(folder: Path) -> int:
    """Bytes of the files in a folder, links not followed (PyInstaller links shared libraries on Linux)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archive(folder: Path, out: Path) -> Path:
    """Pack a one-folder build into one file for the stick: .zip on Windows, else .tar.gz (keeps the links).

    One file copies to a stick much faster than hundreds, and a FAT-formatted stick cannot hold links.
    """
    out.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        path = out / f"{folder.name}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for p in sorted(folder.rglob("*")):
                if p.is_file():
                    z.write(p, p.relative_to(folder.parent).as_posix())
    else:
        path = out / f"{folder.name}.tar.gz"
        with tarfile.open(path, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
    return path
