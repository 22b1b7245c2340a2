"""The careful writer: a crash or a full disk never corrupts a file, and it never writes
over what is not ours (a folder, a device, a pipe, a link, a level or map file, a stranger's file)."""

from __future__ import annotations

import errno
import os
import stat
import time

import pytest

from game.atomic import UnsafeTarget, clean_stale_temps, write_atomic

OURS = '{"format": 1, "n": %d}'


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "sub" / "save.json"
    write_atomic(path, OURS % 1)
    write_atomic(path, OURS % 2)
    assert path.read_text() == OURS % 2
    assert [p.name for p in path.parent.iterdir()] == ["save.json"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch, failing):
    path = tmp_path / "save.json"
    write_atomic(path, OURS % 1)

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(OSError):
        write_atomic(path, OURS % 2)
    monkeypatch.undo()
    assert path.read_text() == OURS % 1
    assert [p.name for p in tmp_path.iterdir()] == ["save.json"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file kinds")
def test_refuses_what_must_never_be_replaced(tmp_path):
    (tmp_path / "folder.json").mkdir()
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "real.json").write_text(OURS % 1)
    os.symlink(tmp_path / "real.json", tmp_path / "link.json")
    (tmp_path / "level.yaml").write_text("id: x\n")
    (tmp_path / "map.tmx").write_text("<map/>")
    (tmp_path / "notes.txt").write_text("a teacher's notes")
    refused = {"folder.json": "folder", "pipe.json": "device", "link.json": "link", "level.yaml": "level",
               "map.tmx": "level", "notes.txt": "foreign"}
    for name, code in refused.items():
        with pytest.raises(UnsafeTarget) as caught:
            write_atomic(tmp_path / name, OURS % 2)
        assert caught.value.code == code, name
    assert (tmp_path / "real.json").read_text() == OURS % 1
    assert (tmp_path / "notes.txt").read_text() == "a teacher's notes"
    assert (tmp_path / "level.yaml").read_text() == "id: x\n"
    assert os.path.islink(tmp_path / "link.json") and stat.S_ISFIFO(os.lstat(tmp_path / "pipe.json").st_mode)
    with pytest.raises(UnsafeTarget):  # even when the caller allows any regular file
        write_atomic(tmp_path / "level.yaml", OURS % 2, any_file=True)
    write_atomic(tmp_path / "notes.txt", "replaced on purpose", any_file=True)
    assert (tmp_path / "notes.txt").read_text() == "replaced on purpose"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_keeps_the_mode_of_the_file_it_replaces_and_new_files_follow_the_umask(tmp_path):
    path = tmp_path / "progress.json"
    old = os.umask(0o022)
    try:
        write_atomic(path, OURS % 1)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        os.chmod(path, 0o640)
        write_atomic(path, OURS % 2)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_stale_temporary_files_are_cleaned_young_ones_kept(tmp_path):
    old = tmp_path / ".save.json.dead1.tmp"
    young = tmp_path / ".save.json.live1.tmp"
    other = tmp_path / "keep.tmp"
    for p in (old, young, other):
        p.write_text("x")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    assert clean_stale_temps(tmp_path) == 1
    assert not old.exists() and young.exists() and other.exists()
    os.utime(young, (an_hour_ago, an_hour_ago))
    write_atomic(tmp_path / "save.json", OURS % 1)  # every write cleans its own
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.tmp", "save.json"]


def test_simulate_save_replay_on_a_full_disk_reports_and_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    from game.cli import main

    replay = tmp_path / "run.json"
    assert main(["simulate", "first_steps", "--policy", "idle", "--save-replay", str(replay)]) == 0
    good = replay.read_text()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    code = main(["simulate", "first_steps", "--policy", "idle", "--save-replay", str(replay)])
    monkeypatch.undo()
    assert code != 0
    assert "the disk is full" in capsys.readouterr().err
    assert replay.read_text() == good
