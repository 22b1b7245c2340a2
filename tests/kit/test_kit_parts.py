"""The kit's parts that need no network: the checker, the targets, the templates, the refusals (fast)."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.kit import build
from game.kit.build import Download, build_kit, download, package_versions, render_template
from game.kit.check import KIT_KIND, MANIFEST, check_kit, sha256_of
from game.kit.source import KitError, bundled_levels, find_source, missing_data, shipped_data
from game.kit.targets import PYTHON_VERSIONS, TARGETS, target_named, this_machine

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "game" / "kit" / "templates"


def make_kit(folder: Path) -> Path:
    """A small kit on disk with a true manifest (fake wheels: the checker only reads bytes)."""
    (folder / "wheels").mkdir(parents=True)
    (folder / "wheels" / "minerisk-0.1.0-py3-none-any.whl").write_bytes(b"game" * 1000)
    (folder / "wheels" / "numpy-2.0.0-cp311-cp311-win_amd64.whl").write_bytes(b"numbers" * 500)
    (folder / "install-linux.sh").write_text("echo install\n")
    files = {p.relative_to(folder).as_posix(): {"size": p.stat().st_size, "sha256": sha256_of(p)}
             for p in folder.rglob("*") if p.is_file()}
    manifest = {"kind": KIT_KIND, "format": 1, "game": {"version": "0.1.0"}, "files": files,
                "targets": [{"name": "windows-x86_64", "label": "Windows (64-bit)", "pythons": {
                    "3.11": {"complete": True, "wheels": ["wheels/numpy-2.0.0-cp311-cp311-win_amd64.whl"]},
                    "3.13": {"complete": False, "missing": ["numpy: no wheel for Python 3.13 on Windows"]}}}],
                "onefolder": []}
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return folder


def test_an_intact_kit_passes_and_says_what_it_covers(tmp_path):
    report = check_kit(make_kit(tmp_path / "kit"))
    assert report.ok, report.problems
    assert report.files == 3
    assert report.ready == ["Windows (64-bit): Python 3.11"]
    assert report.not_covered == ["Windows (64-bit) with Python 3.13: numpy: no wheel for Python 3.13 on Windows"]
    assert "present and intact" in report.text()


def test_missing_truncated_and_damaged_files_are_each_named(tmp_path):
    kit = make_kit(tmp_path / "kit")
    (kit / "install-linux.sh").unlink()
    wheel = kit / "wheels" / "minerisk-0.1.0-py3-none-any.whl"
    wheel.write_bytes(wheel.read_bytes()[:100])
    numpy = kit / "wheels" / "numpy-2.0.0-cp311-cp311-win_amd64.whl"
    data = bytearray(numpy.read_bytes())
    data[10] ^= 1
    numpy.write_bytes(bytes(data))
    report = check_kit(kit)
    assert not report.ok
    text = "\n".join(report.problems)
    assert "install-linux.sh: missing" in text
    assert "minerisk-0.1.0-py3-none-any.whl: 100 bytes instead of 4000" in text
    assert "numpy-2.0.0-cp311-cp311-win_amd64.whl: damaged" in text
    assert "NOT READY" in report.text()


def test_extra_files_are_a_note_and_system_litter_is_ignored(tmp_path):
    kit = make_kit(tmp_path / "kit")
    (kit / "notes.txt").write_text("the teacher's own file")
    (kit / ".DS_Store").write_bytes(b"x")
    (kit / "wheels" / "._numpy-2.0.0-cp311-cp311-win_amd64.whl").write_bytes(b"x")
    report = check_kit(kit)
    assert report.ok
    assert report.notes == ["1 file(s) not made with the kit (not checked): notes.txt"]


@pytest.mark.parametrize("content, reason", [
    (None, "no kit.json here"),
    ("{not json", "cannot be read"),
    (json.dumps({"kind": "something else"}), "not the manifest of a Mine Risk kit"),
    (json.dumps({"kind": KIT_KIND, "format": 99}), "manifest format 99"),
])
def test_a_folder_that_is_not_a_kit_is_said_so(tmp_path, content, reason):
    if content is not None:
        (tmp_path / MANIFEST).write_text(content)
    report = check_kit(tmp_path)
    assert not report.ok and reason in report.problems[0]


def test_the_checker_runs_alone_with_the_standard_library_only(tmp_path):
    """The kit's check-kit.py is a copy of game/kit/check.py; it must run with no game installed."""
    kit = make_kit(tmp_path / "kit")
    shutil.copy2(ROOT / "game" / "kit" / "check.py", kit / "check-kit.py")
    # check-kit.py is not in kit.json here: it is reported as an extra file, which is fine.
    done = subprocess.run([sys.executable, "-I", "-S", str(kit / "check-kit.py")], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "present and intact" in done.stdout
    (kit / "install-linux.sh").unlink()
    done = subprocess.run([sys.executable, "-I", "-S", str(kit / "check-kit.py"), str(kit)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and "install-linux.sh: missing" in done.stdout


def test_minerisk_kit_check_exit_codes(tmp_path, capsys):
    kit = make_kit(tmp_path / "kit")
    assert main(["kit", "--check", str(kit)]) == 0
    (kit / "install-linux.sh").write_text("changed\n")
    assert main(["kit", "--check", str(kit)]) == 1
    assert "install-linux.sh" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--python", "3.10"], "needs Python 3.11 or newer"),
    (["--python", "three"], "write it like 3.12"),
    (["--targets", "windows-arm64"], "unknown target 'windows-arm64'; known targets: windows-x86_64"),
    (["--only-this-platform", "--python", "3.12"], "cannot be combined"),
])
def test_usage_errors_are_plain_and_exit_2(tmp_path, capsys, argv, message):
    assert main(["kit", str(tmp_path / "kit"), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_a_folder_with_other_files_is_never_overwritten(tmp_path):
    dest = tmp_path / "USB"
    dest.mkdir()
    (dest / "photos.txt").write_text("keep me")
    with pytest.raises(KitError, match="not empty and is not a Mine Risk kit"):
        build_kit(dest, log=lambda *_: None)
    assert (dest / "photos.txt").read_text() == "keep me" and len(list(tmp_path.iterdir())) == 1


def test_a_kit_needs_the_source_checkout(tmp_path, capsys):
    assert main(["kit", str(tmp_path / "kit"), "--source", str(tmp_path)]) == 1
    assert "not a Mine Risk source checkout" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_a_missing_wheel_is_named_not_skipped(tmp_path, monkeypatch):
    """pip fails for the whole set; each requirement is then tried alone and the ones with no wheel are named."""

    def fake_pip(*args):
        ok = "pygame-ce>=2.4" not in args and "--no-deps" in args
        return subprocess.CompletedProcess(args, 0 if ok else 1, "", "" if ok else
                                           "ERROR: Could not find a version that satisfies the requirement pygame-ce")

    monkeypatch.setattr(build, "_pip", fake_pip)
    result = download(target_named("macos-arm64"), "3.14", ["minerisk.whl", "pygame-ce>=2.4", "numpy"], tmp_path)
    assert not result.complete
    assert result.missing == ["pygame-ce>=2.4: no wheel for Python 3.14 on macOS 11 or newer on an Apple-silicon "
                              "Mac (M1 and later) (Could not find a version that satisfies the requirement pygame-ce)"]


def test_the_manifest_records_an_incomplete_target(tmp_path):
    (tmp_path / "wheels").mkdir()
    name = "numpy-2.0.0-cp311-cp311-win_amd64.whl"
    (tmp_path / "wheels" / name).write_bytes(b"n")
    (tmp_path / "wheels" / "minerisk-0.1.0-py3-none-any.whl").write_bytes(b"g")
    target = target_named("windows-x86_64")
    downloads = [Download(target, "3.11", files=[name, "minerisk-0.1.0-py3-none-any.whl"]),
                 Download(target, "3.14", missing=["numpy: no wheel for Python 3.14 on Windows"])]
    manifest = build._manifest(tmp_path, downloads, tmp_path / "wheels" / "minerisk-0.1.0-py3-none-any.whl",
                               ["01_first_steps.yaml"], [], ("3.11", "3.14"))
    (entry,) = manifest["targets"]
    assert entry["pythons"]["3.11"]["complete"] and entry["pythons"]["3.11"]["packages"]["numpy"] == "2.0.0"
    assert entry["pythons"]["3.14"] == {"complete": False, "missing": ["numpy: no wheel for Python 3.14 on Windows"]}
    assert "(NOT 3.14)" in build.summary(manifest)


def test_targets_cover_the_three_systems_and_sane_linux_tags():
    assert {t.system for t in TARGETS} == {"windows", "macos", "linux"}
    assert PYTHON_VERSIONS == ("3.11", "3.12", "3.13")
    linux = target_named("linux-x86_64").platforms
    assert linux[0] == "manylinux_2_28_x86_64" and "manylinux2014_x86_64" in linux and "manylinux_2_17_x86_64" in linux
    assert not any(tag.startswith("manylinux_2_29") for tag in linux)
    assert target_named("macos-arm64").platforms == ("macosx_11_0_arm64",)
    target, version = this_machine()
    assert target in TARGETS and version == f"{sys.version_info.major}.{sys.version_info.minor}"


def test_every_template_is_filled_by_the_values_the_kit_gives():
    values = {"VERSION": "0.1.0", "PYTHONS": "3.13 3.12 3.11", "PYTHONS_PS": "'3.13', '3.12', '3.11'",
              "PIP_WHEEL": "pip-26.0-py3-none-any.whl", "GAME_WHEEL": "minerisk-0.1.0-py3-none-any.whl"}
    for system, scripts in build.SCRIPTS.items():
        for script in scripts:
            windows = system == "windows"
            text = render_template(script, values, windows)
            assert "@@" not in text
            if windows:
                assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
                assert text.isascii()  # Windows PowerShell 5 reads a file without BOM as the local code page
            else:
                assert "\r" not in text
    with pytest.raises(KitError, match="no value for @@PIP_WHEEL@@"):
        render_template("install-linux.sh", {k: v for k, v in values.items() if k != "PIP_WHEEL"}, False)
    assert "install-windows.ps1" in (TEMPLATES / "install-windows.bat").read_text()


@pytest.mark.parametrize("script", ["install-linux.sh", "install-macos.command"])
def test_the_shell_scripts_parse(script, tmp_path):
    path = tmp_path / script
    path.write_text(render_template(script, {"VERSION": "0", "PYTHONS": "3.11", "PYTHONS_PS": "", "PIP_WHEEL": "p",
                                             "GAME_WHEEL": "g"}, False))
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


def test_the_windows_icon_holds_the_png():
    png = (ROOT / "assets" / "icons" / "64" / "marking_sign.png").read_bytes()
    ico = build._png_to_ico(png)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    width, height, _, _, planes, bits, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (reserved, kind, count, width, height, planes, bits) == (0, 1, 1, 64, 64, 1, 32)
    assert ico[offset:offset + size] == png


def test_the_wheel_check_knows_what_the_game_needs():
    wanted = shipped_data(ROOT)
    for needed in ("game/_bundled/levels/01_first_steps.yaml", "game/_bundled/levels/maps/tutorial.tmx",
                   "game/_bundled/assets/fonts/DejaVuSans.ttf", "game/catalogue/defaults.yaml",
                   "game/content/quiz.yaml", "game/text/locale/minerisk.pot",
                   "game/kit/templates/install-linux.sh"):
        assert needed in wanted
    assert not any(name.endswith((".py", ".md")) for name in wanted)
    assert missing_data(ROOT, set(wanted) - {"game/content/quiz.yaml"}) == ["game/content/quiz.yaml"]
    assert bundled_levels(set(wanted)) == sorted(p.name for p in (ROOT / "levels").glob("*.yaml"))
    assert find_source() == ROOT
    assert package_versions(["PyTMX-3.32-py3-none-any.whl", "pygame_ce-2.5.8-cp311-cp311-win_amd64.whl"]) == {
        "pytmx": "3.32", "pygame-ce": "2.5.8"}
