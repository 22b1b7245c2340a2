"""A crash or a full disk never corrupts a file written with write_atomic."""

from __future__ import annotations

import errno
import os

import pytest

from game.atomic import write_atomic


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "sub" / "save.json"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text() == "two"
    assert [p.name for p in path.parent.iterdir()] == ["save.json"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch, failing):
    path = tmp_path / "save.json"
    write_atomic(path, "the good save")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fd, *args, **kwargs):
                self.file = real_fdopen(fd, *args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            write = no_space

        monkeypatch.setattr(os, "fdopen", Full)
    else:
        monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(OSError):
        write_atomic(path, "a new save that does not fit")
    monkeypatch.undo()
    assert path.read_text() == "the good save"
    assert [p.name for p in tmp_path.iterdir()] == ["save.json"]


def test_simulate_save_replay_on_a_full_disk_reports_and_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    from game.cli import main
    from game.paths import levels_dir

    replay = tmp_path / "run.json"
    level = str(sorted(levels_dir().glob("*.yaml"))[0])
    assert main(["simulate", level, "--policy", "idle", "--save-replay", str(replay)]) == 0
    good = replay.read_text()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    code = main(["simulate", level, "--policy", "idle", "--save-replay", str(replay)])
    monkeypatch.undo()
    assert code != 0
    assert "No space left on device" in capsys.readouterr().err
    assert replay.read_text() == good
