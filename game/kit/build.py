"""Make the offline install kit: a folder for a USB stick that installs the game with no network.

Run once on a computer with internet (``minerisk kit DIR``). The kit holds:

- ``wheels/``: the game's wheel and, for every target (system and processor)
  and supported Python version, every dependency's wheel, downloaded with
  ``pip download --only-binary=:all: --platform ...``; pip's own wheel, which
  the install scripts use to set up pip in the new environment;
- ``install-windows.bat`` (+ ``.ps1``), ``install-macos.command``,
  ``install-linux.sh``: make a virtual environment in a per-user folder,
  ``pip install --no-index --find-links <kit>/wheels minerisk``, then a
  desktop or start-menu shortcut;
- ``teachers-guide.txt`` (docs/teachers.md), ``START-HERE.txt``;
- ``check-kit.py`` and ``kit.json``: the manifest (versions, targets, every
  file with its SHA-256) and the checker that reads it;
- optionally ``no-python/``: this system's one-folder build (PyInstaller),
  for computers without Python.

A target or Python version for which some dependency has no wheel is not
skipped in silence: the build says so, and the manifest records what is
missing; ``check-kit.py`` repeats it.

The kit is built in a hidden folder beside DIR and moved into place only
when complete, so an interrupted build never leaves a kit that looks whole.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from game import __version__
from game.atomic import write_atomic
from game.kit.check import KIT_KIND, MANIFEST, MANIFEST_FORMAT, read_manifest, sha256_of
from game.kit.source import (KitError, build_game_wheel, bundled_levels, find_source, missing_data, wheel_names,
                             wheel_requirements)
from game.kit.targets import PYTHON_VERSIONS, SYSTEMS, TARGETS, Target

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCRIPTS = {"windows": ("install-windows.bat", "install-windows.ps1"), "macos": ("install-macos.command",),
           "linux": ("install-linux.sh",)}
GUIDE = "teachers-guide.txt"
ICON_PNG = "game/_bundled/assets/icons/64/marking_sign.png"  # inside the game's wheel
_WHEEL_NAME = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)-")


@dataclass
class Download:
    """The wheels of one target and Python version, or what kept them from being complete."""

    target: Target
    python: str
    files: list[str] = field(default_factory=list)     # wheel file names
    missing: list[str] = field(default_factory=list)   # one plain sentence per missing package
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return bool(self.files) and not self.missing


def _pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "--progress-bar", "off"],
                          capture_output=True, text=True)


def _pip_error(text: str) -> str:
    errors = [line.removeprefix("ERROR: ").strip() for line in text.splitlines() if line.startswith("ERROR:")]
    return errors[0] if errors else (text.strip().splitlines() or ["pip failed"])[-1]


def _target_args(target: Target, python: str) -> list[str]:
    abi = "cp" + python.replace(".", "")
    args = ["--only-binary=:all:", "--python-version", python, "--implementation", "cp", "--abi", abi]
    for tag in target.platforms:
        args += ["--platform", tag]
    return args


def download(target: Target, python: str, requirements: list[str], stage: Path) -> Download:
    """Download every wheel ``requirements`` need on ``target`` with ``python`` into ``stage``.

    When pip cannot, each requirement is tried alone to name the ones that have no wheel.
    """
    started = time.monotonic()
    result = Download(target, python)
    stage.mkdir(parents=True, exist_ok=True)
    done = _pip("download", "--quiet", "-d", str(stage), *_target_args(target, python), *requirements)
    if done.returncode == 0:
        result.files = sorted(p.name for p in stage.glob("*.whl"))
    else:
        for requirement in requirements:
            alone = _pip("download", "--quiet", "--no-deps", "-d", str(stage / ".probe"),
                         *_target_args(target, python), requirement)
            if alone.returncode != 0:
                shown = Path(requirement).name if requirement.endswith(".whl") else requirement
                result.missing.append(f"{shown}: no wheel for Python {python} on {target.label} "
                                      f"({_pip_error(alone.stderr)})")
        if not result.missing:
            result.missing.append(f"pip could not gather a consistent set: {_pip_error(done.stderr)}")
    result.seconds = time.monotonic() - started
    return result


def package_versions(files: list[str]) -> dict[str, str]:
    """``{"numpy": "2.3.5", ...}`` from wheel file names."""
    out = {}
    for name in files:
        match = _WHEEL_NAME.match(name)
        if match:
            out[match["name"].lower().replace("_", "-")] = match["version"]
    return out


def _png_to_ico(png: bytes) -> bytes:
    """A Windows icon holding one PNG image (Windows Vista and later read PNG inside .ico)."""
    width, height = struct.unpack(">II", png[16:24])
    entry = struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + png


def render_template(template: str, values: dict[str, str], windows: bool) -> str:
    """A template of templates/ with its @@NAME@@ fields filled (CRLF line ends for Windows)."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    leftover = re.findall(r"@@[A-Z_]+@@", text)
    if leftover:
        raise KitError(f"template {template}: no value for {', '.join(sorted(set(leftover)))}")
    return text.replace("\n", "\r\n") if windows else text


def _write_scripts(kit: Path, downloads: list[Download], wheel: Path) -> list[str]:
    """Write the install script of every system the kit has a complete set for; returns the systems."""
    systems = []
    for system in SYSTEMS:
        ours = [d for d in downloads if d.target.system == system and d.complete]
        if not ours:
            continue
        versions = sorted({d.python for d in ours}, key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True)
        oldest = min(ours, key=lambda d: tuple(int(p) for p in d.python.split(".")))
        pip_wheel = next(f for f in oldest.files if f.startswith("pip-"))
        values = {"VERSION": __version__, "PYTHONS": " ".join(versions),
                  "PYTHONS_PS": ", ".join(f"'{v}'" for v in versions), "PIP_WHEEL": pip_wheel,
                  "GAME_WHEEL": wheel.name}
        for script in SCRIPTS[system]:
            windows = script.endswith((".bat", ".ps1"))
            path = kit / script
            path.write_text(render_template(script, values, windows), encoding="utf-8", newline="")
            if not windows:
                path.chmod(0o755)
        systems.append(system)
    if "windows" in systems:
        with zipfile.ZipFile(wheel) as z:
            (kit / "minerisk.ico").write_bytes(_png_to_ico(z.read(ICON_PNG)))
    return systems


def _write_papers(kit: Path, source: Path, systems: list[str]) -> None:
    """The teacher's guide, the front page and the stand-alone checker."""
    guide = source / "docs" / "teachers.md"
    if not guide.is_file():
        raise KitError(f"{guide}: the teacher's guide is missing from the checkout")
    shutil.copy2(guide, kit / GUIDE)
    scripts = {"windows": "Windows: double-click install-windows.bat",
               "macos": "macOS: double-click install-macos.command",
               "linux": "Linux: open a terminal in this folder and type  bash install-linux.sh"}
    lines = [f"Mine Risk {__version__}: offline install kit", "",
             f"Read {GUIDE} first (one page).", "",
             "To install the game on a computer (no network needed):"]
    lines += [f"  {scripts[s]}" for s in systems]
    if (kit / "no-python").is_dir():
        lines += ["", "Computers without Python: unpack the file in no-python/ on the computer",
                  "(double-click it) and start the program minerisk in the unpacked folder."]
    lines += ["", "To check the stick is complete:  python check-kit.py", ""]
    (kit / "START-HERE.txt").write_text("\n".join(lines).replace("\n", "\r\n"), encoding="utf-8", newline="")
    shutil.copy2(Path(__file__).resolve().parent / "check.py", kit / "check-kit.py")


def _add_onefolder(kit: Path, source: Path, wheel: Path, log) -> dict:
    """This system's one-folder build, packed into ``no-python/``; returns its kit.json entry."""
    from game.kit.onefolder import archive, build_onefolder

    with tempfile.TemporaryDirectory(prefix="minerisk-onefolder-") as tmp:
        build = build_onefolder(Path(tmp), source=source, wheel=wheel, log=log)
        packed = archive(build["folder"], kit / "no-python")
    return {"name": build["name"], "label": build["label"], "path": packed.relative_to(kit).as_posix(),
            "program": f"{build['name']}/minerisk" + (".exe" if packed.suffix == ".zip" else ""),
            "version": build["version"], "unpacked_size": build["size"], "size": packed.stat().st_size}


def _prepare_destination(dest: Path) -> None:
    if dest.exists() and not dest.is_dir():
        raise KitError(f"{dest}: a file is in the way; choose a folder name")
    if dest.is_dir() and any(dest.iterdir()):
        try:
            read_manifest(dest)
        except ValueError:
            raise KitError(f"{dest}: this folder is not empty and is not a Mine Risk kit; "
                           f"choose an empty or new folder (nothing was changed)") from None


def _manifest(kit: Path, downloads: list[Download], wheel: Path, levels: list[str], onefolder: list[dict],
              pythons: tuple[str, ...]) -> dict:
    files = {}
    for path in sorted(p for p in kit.rglob("*") if p.is_file()):
        relative = path.relative_to(kit).as_posix()
        if relative != MANIFEST:
            files[relative] = {"size": path.stat().st_size, "sha256": sha256_of(path)}
    targets = []
    for target in dict.fromkeys(d.target for d in downloads):
        ours = [d for d in downloads if d.target == target]
        used = {f for d in ours if d.complete for f in d.files}
        targets.append({
            "name": target.name, "label": target.label, "system": target.system,
            "platforms": list(target.platforms),
            "size": sum(files[f"wheels/{f}"]["size"] for f in used),
            "pythons": {d.python: ({"complete": True, "wheels": [f"wheels/{f}" for f in d.files],
                                    "packages": package_versions(d.files)} if d.complete
                                   else {"complete": False, "missing": d.missing}) for d in ours},
        })
    pip_version = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True, text=True).stdout.split()[1:2]
    return {
        "kind": KIT_KIND, "format": MANIFEST_FORMAT,
        "game": {"name": "minerisk", "version": __version__, "wheel": f"wheels/{wheel.name}"},
        "made": {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                 "python": sys.version.split()[0], "pip": pip_version[0] if pip_version else "?"},
        "pythons": list(pythons),
        "bundled_levels": levels,
        "targets": targets,
        "onefolder": onefolder,
        "files": files,
    }


def build_kit(dest: Path, targets: tuple[Target, ...] = TARGETS, pythons: tuple[str, ...] = PYTHON_VERSIONS,
              source: Path | None = None, onefolder: bool = False, jobs: int = 3, log=print) -> dict:
    """Make the kit in ``dest`` (new, empty, or an older kit that is replaced); returns the manifest.

    Raises KitError with a plain message when it cannot; an incomplete target
    is not an error but is reported in the manifest and by ``log``.
    """
    dest = Path(dest).resolve()
    source = find_source(source)
    _prepare_destination(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    for stale in dest.parent.glob(f".{dest.name}.building-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = dest.parent / f".{dest.name}.building-{os.getpid()}"
    staging.mkdir()
    try:
        wheels = staging / "wheels"
        wheel = build_game_wheel(source, wheels, log=log)
        names = wheel_names(wheel)
        forgotten = missing_data(source, names)
        if forgotten:
            raise KitError("the game's wheel lacks files the game needs (add them to package-data in "
                           "pyproject.toml): " + ", ".join(forgotten[:10]))
        levels = bundled_levels(names)
        requirements = [str(wheel), "pip"]
        jobs_list = [(t, p) for t in targets for p in pythons]
        log(f"Downloading wheels for {len(targets)} target(s) x {len(pythons)} Python version(s) ...")
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            downloads = list(pool.map(
                lambda job: download(job[0], job[1], requirements, staging / ".download" / f"{job[0].name}-{job[1]}"),
                jobs_list))
        for d in downloads:
            stage = staging / ".download" / f"{d.target.name}-{d.python}"
            for name in d.files:
                if not (wheels / name).exists():
                    shutil.move(stage / name, wheels / name)
            state = "complete" if d.complete else "INCOMPLETE"
            log(f"  {d.target.name:<15} Python {d.python}: {state} ({d.seconds:.0f} s)")
            for line in d.missing:
                log(f"    missing: {line}")
        shutil.rmtree(staging / ".download", ignore_errors=True)
        systems = _write_scripts(staging, downloads, wheel)
        if not systems:
            raise KitError("no target has a complete set of wheels; see the messages above")
        built = []
        if onefolder:
            built.append(_add_onefolder(staging, source, wheel, log))
        _write_papers(staging, source, systems)
        manifest = _manifest(staging, downloads, wheel, levels, built, pythons)
        write_atomic(staging / MANIFEST, json.dumps(manifest, indent=1) + "\n")
        (staging / MANIFEST).chmod(0o644)
        if dest.exists():
            old = dest.parent / f".{dest.name}.old-{os.getpid()}"
            dest.rename(old)
            staging.rename(dest)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    incomplete = [d for d in downloads if not d.complete]
    if incomplete:
        log(f"WARNING: the kit does not cover {len(incomplete)} target/Python combination(s); "
            f"see 'missing' above and in {MANIFEST}.")
    return manifest


def summary(manifest: dict) -> str:
    """A few lines on what the kit holds and its size per target."""
    files = manifest["files"]
    total = sum(f["size"] for f in files.values())
    shared = sum(f["size"] for name, f in files.items() if not name.startswith(("wheels/", "no-python/")))
    lines = [f"Kit of Mine Risk {manifest['game']['version']}: {len(files)} files, {total / 1e6:.1f} MB "
             f"({len(manifest['bundled_levels'])} levels inside the game's wheel)"]
    for t in manifest["targets"]:
        complete = [v for v, info in t["pythons"].items() if info["complete"]]
        lacking = [v for v, info in t["pythons"].items() if not info["complete"]]
        text = f"  {t['name']:<15} {t['size'] / 1e6:6.1f} MB  Python {', '.join(complete) or 'none'}"
        if lacking:
            text += f"  (NOT {', '.join(lacking)})"
        lines.append(text)
    for build in manifest.get("onefolder", []):
        lines.append(f"  {build['name']:<15} {build['size'] / 1e6:6.1f} MB  one-folder build, packed "
                     f"({build['unpacked_size'] / 1e6:.0f} MB unpacked), no Python needed")
    lines.append(f"  scripts, guide and checker: {shared / 1e6:.2f} MB")
    return "\n".join(lines)
