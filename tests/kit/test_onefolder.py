"""The one-folder build (PyInstaller) for computers without Python: built into a kit, unpacked, started headless.

Slow (about a minute on 2 cores: a build environment, PyInstaller, packing);
marked ``slow``. The program runs with no Python on the PATH, from a folder
far from the source checkout and, where ``unshare --net`` works, with no network.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from kit_offline import offline, offline_env

from game.kit.check import check_kit
from game.kit.source import shipped_data
from game.kit.targets import this_machine

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> tuple[Path, Path]:
    """A kit with this system's one-folder build, and that build unpacked elsewhere: (kit, program folder)."""
    kit = tmp_path_factory.mktemp("stick") / "kit"
    done = subprocess.run([sys.executable, "-m", "game", "kit", str(kit), "--only-this-platform", "--onefolder"],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800)
    assert done.returncode == 0, done.stderr + done.stdout
    target, _ = this_machine()
    packed = kit / "no-python" / f"minerisk-{target.name}.tar.gz"
    school = tmp_path_factory.mktemp("school-computer")
    with tarfile.open(packed) as tar:
        tar.extractall(school, filter="tar")
    return kit, school / f"minerisk-{target.name}"


def test_the_kit_lists_and_checks_the_build(unpacked):
    kit, _ = unpacked
    manifest = json.loads((kit / "kit.json").read_text())
    (build,) = manifest["onefolder"]
    assert build["path"] in manifest["files"]
    assert "no Python needed" in build["label"] and "glibc" in build["label"]
    report = check_kit(kit)
    assert report.ok, report.problems
    assert any("no Python needed" in line for line in report.ready)
    assert "no-python" in (kit / "START-HERE.txt").read_text()


def test_the_build_holds_every_data_file_of_the_game(unpacked):
    _, folder = unpacked
    inside = folder / "_internal"
    missing = [name for name in shipped_data(ROOT) if not (inside / name).is_file()]
    assert missing == []
    for needed in ("game/_bundled/levels/01_first_steps.yaml", "game/_bundled/assets/fonts/DejaVuSans.ttf",
                   "game/catalogue/defaults.yaml", "game/content/eore.yaml", "game/text/locale/minerisk.pot"):
        assert (inside / needed).is_file(), needed


def test_the_program_starts_headless_without_python(unpacked, tmp_path):
    _, folder = unpacked
    env = offline_env(tmp_path / "home", tmp_path / "nowhere", tmp_path / "data")
    env["PATH"] = str(tmp_path / "empty")  # no python, no pip: only the program itself
    program = str(folder / "minerisk")
    started = subprocess.run(offline([program]), env={**env, "MINERISK_QUIT_AFTER_FRAMES": "30"}, cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr
    listed = subprocess.run(offline([program, "levels", "--json"]), env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    levels = json.loads(listed.stdout)
    assert len(levels) == 7
    first = (folder / "_internal" / "game" / "_bundled" / "levels" / "01_first_steps.yaml")
    played = subprocess.run(offline([program, "simulate", str(first), "--policy", "land_release"]), env=env,
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert played.returncode == 0, played.stderr
    assert "Policy land_release" in played.stdout and "grade" in played.stdout
