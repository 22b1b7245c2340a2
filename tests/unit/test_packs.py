"""Level packs: ``minerisk pack`` writes one file, ``minerisk install`` installs it into My levels
safely. Each refusal is tried with the pack a careless or hostile hand would make."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from game import packs
from game.cli import main
from game.level.scaffold import new_level
from game.packs import MANIFEST, PACK_FORMAT, install_pack, my_levels, write_pack


@pytest.fixture
def level_dir(tmp_path) -> Path:
    return new_level("east_valley", tmp_path / "trainer").parent


@pytest.fixture
def pack(level_dir, tmp_path) -> Path:
    result = write_pack(level_dir, tmp_path / "east_valley.minerisk.zip")
    assert result.problems == () and result.levels == ("east_valley",)
    return result.path


def contents(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if i.filename != MANIFEST}


def make_zip(path: Path, files: dict[str, bytes], *, manifest: dict | None = None, name: str = "east_valley",
             modes: dict[str, int] | None = None, skip: tuple[str, ...] = ()) -> Path:
    """A zip of ``files``; the manifest lists them (all but ``skip``) unless one is given."""
    if manifest is None:
        manifest = {"format": PACK_FORMAT, "version": 1, "name": name,
                    "levels": [{"id": "east_valley", "title": "East valley", "file": "east_valley.yaml"}],
                    "files": [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                              for n, d in files.items() if n not in skip]}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
        for n, d in files.items():
            info = zipfile.ZipInfo(n)
            info.external_attr = (modes or {}).get(n, stat.S_IFREG | 0o644) << 16
            zf.writestr(info, d)
    return path


def refused(result, fragment: str, target: Path) -> str:
    assert not result.ok and result.folder is None
    text = "\n".join(p.format() for p in result.problems)
    assert fragment in text, text
    # nothing installed, nothing left half-way
    assert not target.exists() or [p.name for p in target.iterdir() if p.name != ".lock"] == []
    return text


def test_pack_and_install_round_trip(pack, level_dir, tmp_path):
    assert sorted(contents(pack)) == ["east_valley.yaml", "maps/east_valley.tmx", "maps/terrain.png",
                                      "maps/terrain.tsx"]
    again = write_pack(level_dir, tmp_path / "again.zip").path
    assert again.read_bytes() == pack.read_bytes()  # the same levels give the same pack
    target = tmp_path / "my_levels"
    result = install_pack(pack, target)
    assert result.ok and result.levels == ("east_valley",) and result.folder == target / "east_valley"
    assert (target / "east_valley" / "maps" / "terrain.png").read_bytes() == \
        (level_dir / "maps" / "terrain.png").read_bytes()
    listed = my_levels(target)
    assert [(lv.id, lv.title, lv.playable, lv.problems) for lv in listed] == [("east_valley", "East valley", True, ())]


def test_the_commands(pack, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MINERISK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert main(["pack", str(tmp_path / "trainer" / "east_valley")]) == 0
    assert "Wrote east_valley.minerisk.zip: 1 level (east_valley)" in capsys.readouterr().out
    assert main(["install", "east_valley.minerisk.zip"]) == 0
    assert "Installed 1 level (east_valley)" in capsys.readouterr().out
    assert (tmp_path / "data" / "my_levels" / "east_valley" / "east_valley.yaml").is_file()
    assert main(["install", "east_valley.minerisk.zip"]) == 1
    err = capsys.readouterr().err
    assert "already installed: level `east_valley`; install it again with --replace" in err and "nothing was changed" in err
    assert main(["install", "--replace", "east_valley.minerisk.zip"]) == 0
    assert "(replacing east_valley)" in capsys.readouterr().out


def test_a_level_with_errors_is_not_packed(level_dir, tmp_path):
    (level_dir / "maps" / "terrain.png").unlink()
    result = write_pack(level_dir, tmp_path / "p.zip")
    assert result.path is None and not (tmp_path / "p.zip").exists()
    assert "image `terrain.png` not found" in result.problems[0].format()


def test_a_file_outside_the_folder_is_not_packed(level_dir, tmp_path):
    shared = tmp_path / "shared"
    shutil.move(level_dir / "maps", shared)
    level = level_dir / "east_valley.yaml"
    level.write_text(level.read_text().replace("map: maps/", "map: ../shared/"))
    result = write_pack(level, tmp_path / "p.zip")
    assert result.path is None and "leaves the level's folder" in result.problems[0].format()


@pytest.mark.parametrize("name,fragment", [
    ("../evil.yaml", "climbs out of its folder"),
    ("maps/../../evil.tmx", "climbs out of its folder"),
    ("/etc/evil.yaml", "absolute path"),
    ("C:/evil.yaml", "absolute path"),
    ("maps\\..\\..\\evil.yaml", "backslashes"),
    ("maps/run.py", "a kind of file a level does not use"),
    ("autorun.exe", "a kind of file a level does not use"),
])
def test_unsafe_names_are_refused(pack, tmp_path, name, fragment):
    files = contents(pack) | {name: b"x"}
    target = tmp_path / "my_levels"
    text = refused(install_pack(make_zip(tmp_path / "bad.zip", files), target), fragment, target)
    assert "refused: the pack holds" in text
    assert not (tmp_path / "evil.yaml").exists()


def test_a_link_is_refused(pack, tmp_path):
    files = contents(pack) | {"maps/extra.png": b"/etc/passwd"}
    bad = make_zip(tmp_path / "bad.zip", files, modes={"maps/extra.png": stat.S_IFLNK | 0o777})
    target = tmp_path / "my_levels"
    refused(install_pack(bad, target), "a link", target)


def test_sizes_and_counts_are_limited(pack, tmp_path, monkeypatch):
    target = tmp_path / "my_levels"
    monkeypatch.setattr(packs, "MAX_TOTAL_BYTES", 60_000)  # a zip bomb, small: it unpacks to more than allowed
    refused(install_pack(pack, target), "the pack unpacks to", target)
    monkeypatch.setattr(packs, "MAX_TOTAL_BYTES", 2**28)
    monkeypatch.setattr(packs, "MAX_FILE_BYTES", 10_000)
    refused(install_pack(pack, target), "a size of", target)
    monkeypatch.setattr(packs, "MAX_FILE_BYTES", 2**25)
    monkeypatch.setattr(packs, "MAX_FILES", 3)
    refused(install_pack(pack, target), "at most 3 are allowed", target)


def test_a_file_that_is_not_what_the_manifest_says_is_refused(pack, tmp_path):
    files = contents(pack)
    honest = make_zip(tmp_path / "honest.zip", files)
    with zipfile.ZipFile(honest) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    files["maps/terrain.tsx"] = files["maps/terrain.tsx"].replace(b'name="terrain"', b'name="TERRAIN"')
    target = tmp_path / "my_levels"
    text = refused(install_pack(make_zip(tmp_path / "bad.zip", files, manifest=manifest), target),
                   "size or SHA-256 differs", target)
    assert "maps/terrain.tsx" in text


def test_a_file_the_manifest_does_not_list_is_refused(pack, tmp_path):
    files = contents(pack) | {"notes.txt": b"extra"}
    target = tmp_path / "my_levels"
    refused(install_pack(make_zip(tmp_path / "bad.zip", files, skip=("notes.txt",)), target),
            "a file its manifest does not list", target)


@pytest.mark.parametrize("data,fragment", [
    (b"just text", "not a zip file"),
    (None, "it has no manifest.json"),
])
def test_not_a_pack(tmp_path, data, fragment):
    path = tmp_path / "p.zip"
    if data is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("level.yaml", "format: 1\n")
    else:
        path.write_bytes(data)
    refused(install_pack(path, tmp_path / "my_levels"), fragment, tmp_path / "my_levels")


def test_a_broken_level_in_a_pack_is_refused_with_its_problem(pack, tmp_path):
    files = contents(pack)
    del files["maps/terrain.png"]
    target = tmp_path / "my_levels"
    text = refused(install_pack(make_zip(tmp_path / "bad.zip", files), target), "image `terrain.png` not found",
                   target)
    assert "bad.zip:east_valley.yaml" in text or "maps/terrain.tsx" in text


def test_an_id_of_the_campaign_is_refused(pack, tmp_path):
    files = contents(pack)
    files["east_valley.yaml"] = files["east_valley.yaml"].replace(b"id: east_valley", b"id: first_steps")
    manifest_files = make_zip(tmp_path / "m.zip", files)
    with zipfile.ZipFile(manifest_files) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    manifest["levels"][0]["id"] = "first_steps"
    target = tmp_path / "my_levels"
    refused(install_pack(make_zip(tmp_path / "bad.zip", files, manifest=manifest), target),
            "has the id of a level of the campaign", target)


def test_replace_swaps_the_installed_folder_whole(pack, tmp_path):
    target = tmp_path / "my_levels"
    assert install_pack(pack, target).ok
    (target / "east_valley" / "old_notes.txt").write_text("from the first install")
    second = install_pack(pack, target)
    assert not second.ok and "already installed" in second.problems[0].message
    assert (target / "east_valley" / "old_notes.txt").exists()
    third = install_pack(pack, target, replace=True)
    assert third.ok and third.replaced == ("east_valley",)
    assert not (target / "east_valley" / "old_notes.txt").exists()
    assert sorted(p.name for p in target.iterdir()) == [".lock", "east_valley"]


def test_a_failure_while_placing_leaves_the_old_install_whole(pack, tmp_path, monkeypatch):
    target = tmp_path / "my_levels"
    assert install_pack(pack, target).ok
    real_rename = os.rename

    def failing_rename(src, dst):
        if Path(src).name.startswith(".install-"):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    result = install_pack(pack, target, replace=True)
    assert not result.ok and "No space left on device" in result.problems[0].message
    assert sorted(p.name for p in target.iterdir()) == [".lock", "east_valley"]
    assert (target / "east_valley" / "east_valley.yaml").is_file()


def test_my_levels_lists_broken_levels_and_never_raises(pack, tmp_path):
    target = tmp_path / "my_levels"
    assert install_pack(pack, target).ok
    copy = target / "copy"
    shutil.copytree(target / "east_valley", copy)
    (target / "broken.yaml").write_text("format: 1\nid: broken\n")
    (target / ".install-dead").mkdir()  # a killed install's leftovers are not levels
    listed = {lv.path.relative_to(target).as_posix(): lv for lv in my_levels(target)}
    assert sorted(listed) == ["broken.yaml", "copy/east_valley.yaml", "east_valley/east_valley.yaml"]
    assert not listed["broken.yaml"].playable and "missing key" in listed["broken.yaml"].problems[0].message
    duplicate = listed["east_valley/east_valley.yaml"]
    assert "already used by" in duplicate.problems[0].message
    assert my_levels(tmp_path / "nothing here") == []


def test_pack_output_the_install_screen_lists(level_dir, tmp_path, monkeypatch, capsys):
    # the auditor's `pack -o x.zip` wrote a file the Install screen never lists (it lists *.minerisk.zip),
    # and `pack -o packs` (a folder) got no hint
    monkeypatch.chdir(tmp_path)
    assert main(["pack", str(level_dir), "-o", "x.zip"]) == 0
    out = capsys.readouterr().out
    assert "named x.minerisk.zip (not x.zip): the game's Install screen lists only files ending in .minerisk.zip" \
        in out and "Wrote x.minerisk.zip" in out
    assert (tmp_path / "x.minerisk.zip").is_file() and not (tmp_path / "x.zip").exists()
    (tmp_path / "packs").mkdir()
    assert main(["pack", str(level_dir), "-o", "packs"]) == 0
    out = capsys.readouterr().out
    assert "packs is a folder: the pack goes into it as east_valley.minerisk.zip" in out
    assert (tmp_path / "packs" / "east_valley.minerisk.zip").is_file()
    assert main(["pack", str(level_dir), "-o", "y.minerisk.zip"]) == 0
    assert "named" not in capsys.readouterr().out


def test_a_pack_cut_short_is_called_damaged(pack, tmp_path):
    # the auditor's truncated pack was "not a level pack (not a zip file); make packs with minerisk pack"
    cut = tmp_path / "cut.minerisk.zip"
    cut.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    text = refused(install_pack(cut, tmp_path / "my_levels"), "damaged or was not copied whole", tmp_path / "my_levels")
    assert "copy it again" in text and "minerisk pack" not in text
    other = tmp_path / "notes.minerisk.zip"
    other.write_text("not a pack")
    assert "not a level pack (not a zip file)" in refused(install_pack(other, tmp_path / "my_levels"), "not a zip",
                                                         tmp_path / "my_levels")


def test_levels_lists_my_levels_marked_as_such(pack, tmp_path, monkeypatch, capsys):
    # the auditor could not check an install from the command line: `minerisk levels` listed the campaign only
    monkeypatch.setenv("MINERISK_DATA_DIR", str(tmp_path / "data"))
    assert main(["levels"]) == 0
    assert "My levels: none installed" in capsys.readouterr().out
    assert main(["install", str(pack)]) == 0
    broken = tmp_path / "data" / "my_levels" / "broken"
    broken.mkdir()
    (broken / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["levels"]) == 0
    out = capsys.readouterr().out
    campaign, mine = out.split("\nMy levels (2 installed levels, in ")
    assert "first_steps" in campaign and "east_valley" not in campaign
    rows = mine.splitlines()
    assert rows[1].startswith("broken ") and rows[1].endswith("(cannot be played)")
    assert "broken.yaml:1:1: missing key `" in rows[2] and "more: minerisk validate" in rows[2]
    assert rows[3].startswith("east_valley ") and "East valley" in rows[3] and "cannot" not in rows[3]
    assert main(["levels", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["source"]) for r in table if r["source"] == "my_levels"] == [("broken", "my_levels"),
                                                                                   ("east_valley", "my_levels")]
    assert [r["playable"] for r in table if r["source"] == "my_levels"] == [False, True]
