"""The offline install kit, end to end: built for this computer, installed with no index, started headless.

Slow (it builds a wheel, downloads this platform's wheels through pip's cache
and installs pygame-ce and numpy twice): marked ``slow`` so it can be
deselected with ``-m "not slow"``, and run by the README's test command.
Building needs PyPI; installing runs with the package index unreachable
and, where ``unshare --net`` works (root in CI), with no network at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit_offline import network_namespace_works, offline, offline_env

from game.kit.build import package_versions, render_template
from game.kit.check import check_kit
from game.kit.targets import this_machine

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    """A kit for this system and Python only, made by the documented script."""
    dest = tmp_path_factory.mktemp("stick") / "MineRisk kit"  # a space, as on real sticks
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_kit.py"), str(dest), "--only-this-platform"],
                          capture_output=True, text=True, cwd=tmp_path_factory.mktemp("elsewhere"), timeout=900)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "complete" in done.stdout and "INCOMPLETE" not in done.stdout
    return dest


def installed(venv: Path, env: dict, tmp: Path) -> dict[str, str]:
    script = ("import importlib.metadata as m, json; "
              "print(json.dumps({d.metadata['Name'].lower().replace('_', '-'): d.version for d in m.distributions()}))")
    done = subprocess.run(offline([str(venv / "bin" / "python"), "-c", script]), capture_output=True, text=True,
                          env=env, cwd=tmp, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def play_headless(venv: Path, env: dict, tmp: Path) -> None:
    """The installed game starts (menu, 30 frames), finds its bundled levels and simulates one."""
    program = str(venv / "bin" / "minerisk")
    started = subprocess.run(offline([program]), env={**env, "MINERISK_QUIT_AFTER_FRAMES": "30"}, cwd=tmp,
                             capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr
    where = subprocess.run(offline([str(venv / "bin" / "python"), "-c",
                                    "from game.paths import levels_dir; print(levels_dir())"]),
                           env=env, cwd=tmp, capture_output=True, text=True, timeout=120)
    levels = Path(where.stdout.strip())
    assert levels.is_relative_to(venv), f"the levels came from {levels}, not from the installed wheel"
    listed = subprocess.run(offline([program, "levels", "--json"]), env=env, cwd=tmp, capture_output=True,
                            text=True, timeout=120)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 7, listed.stderr
    first = sorted(levels.glob("01_*.yaml"))[0]
    played = subprocess.run(offline([program, "simulate", str(first), "--policy", "land_release"]), env=env,
                            cwd=tmp, capture_output=True, text=True, timeout=300)
    assert played.returncode == 0, played.stderr
    assert "Policy land_release" in played.stdout and "grade" in played.stdout


def test_the_kit_is_complete_and_says_what_it_covers(kit):
    manifest = json.loads((kit / "kit.json").read_text())
    target, version = this_machine()
    assert [t["name"] for t in manifest["targets"]] == [target.name]
    assert manifest["targets"][0]["pythons"][version]["complete"]
    assert manifest["bundled_levels"] == sorted(p.name for p in (ROOT / "levels").glob("*.yaml"))
    assert (kit / "install-linux.sh").stat().st_mode & 0o111
    assert "teachers" in (kit / "teachers-guide.txt").read_text().lower()
    report = check_kit(kit)
    assert report.ok, report.problems
    shown = subprocess.run([sys.executable, str(kit / "check-kit.py")], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "present and intact" in shown.stdout


def test_the_linux_script_installs_with_no_index_and_the_game_starts(kit, tmp_path):
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = offline_env(home, kit / "wheels", tmp_path / "data")
    env["MINERISK_PYTHON"] = sys.executable
    done = subprocess.run(offline(["bash", str(kit / "install-linux.sh")]), env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Mine Risk is installed" in done.stdout
    venv = home / ".local" / "share" / "minerisk-program" / "venv"

    # Everything in the environment came from the kit: the same packages at the same versions.
    kit_packages = package_versions([p.name for p in (kit / "wheels").glob("*.whl")])
    assert installed(venv, env, tmp_path) == kit_packages

    # The index really is out of reach: a package that is not in the kit cannot be fetched.
    fetch = subprocess.run(offline([str(venv / "bin" / "python"), "-m", "pip", "download", "--no-deps", "-d",
                                    str(tmp_path / "dl"), "hypothesis"]), env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert fetch.returncode != 0

    for entry in (home / ".local" / "share" / "applications" / "minerisk.desktop", home / "Desktop" / "minerisk.desktop"):
        text = entry.read_text()
        fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
        assert Path(fields["Exec"].strip('"')) == venv / "bin" / "minerisk"
        assert Path(fields["Icon"]).is_file() and Path(fields["Icon"]).is_relative_to(venv)
    assert (home / "Desktop" / "minerisk.desktop").stat().st_mode & 0o111

    play_headless(venv, env, tmp_path)

    # Installing again (a newer kit, say) replaces the program and keeps the player's data.
    (tmp_path / "data" / "keep.json").write_text("{}")
    again = subprocess.run(offline(["bash", str(kit / "install-linux.sh")]), env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "data" / "keep.json").exists()


def test_the_macos_script_logic_installs_too(kit, tmp_path):
    """The macOS script is bash as well: run it here on this system's wheels (paths and shortcut are the Mac's)."""
    manifest = json.loads((kit / "kit.json").read_text())
    versions = " ".join(manifest["targets"][0]["pythons"])
    pip_wheel = next(p.name for p in (kit / "wheels").glob("pip-*.whl"))
    script = tmp_path / "install-macos.command"
    script.write_text(render_template("install-macos.command", {
        "VERSION": manifest["game"]["version"], "PYTHONS": versions, "PYTHONS_PS": "", "PIP_WHEEL": pip_wheel,
        "GAME_WHEEL": Path(manifest["game"]["wheel"]).name}, windows=False))
    os.symlink(kit / "wheels", tmp_path / "wheels")
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = offline_env(home, kit / "wheels", tmp_path / "data")
    env["MINERISK_PYTHON"] = sys.executable
    done = subprocess.run(offline(["bash", str(script)]), env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr + done.stdout
    venv = home / "Library" / "Application Support" / "minerisk-program" / "venv"
    launcher = home / "Desktop" / "Mine Risk.command"
    assert launcher.stat().st_mode & 0o111
    assert f'exec "{venv / "bin" / "minerisk"}"' in launcher.read_text()
    started = subprocess.run(offline(["bash", str(launcher)]), env={**env, "MINERISK_QUIT_AFTER_FRAMES": "10"},
                             cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr


def test_no_supported_python_is_a_clear_refusal(kit, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = offline_env(home, kit / "wheels", tmp_path / "data")
    tools = tmp_path / "bin"  # the commands the script uses before it looks for Python, and no Python
    tools.mkdir()
    for name in ("dirname",):
        os.symlink(shutil.which(name), tools / name)
    env["PATH"] = str(tools)
    done = subprocess.run([shutil.which("bash"), str(kit / "install-linux.sh")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "NOT installed" in done.stderr and "Python" in done.stderr
    assert not (home / ".local" / "share" / "minerisk-program").exists()


def test_the_install_ran_with_no_network_where_the_system_allows(kit):
    """Not a check of the game: says whether the tests above had the network cut (unshare) or only the index."""
    if not network_namespace_works():
        pytest.skip("unshare --net is not allowed here: the install ran with the index unreachable only")
    done = subprocess.run(offline([sys.executable, "-c", "import socket; print([n for _, n in socket.if_nameindex()])"]),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['lo']"
