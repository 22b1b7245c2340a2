"""A full disk and a read-only data folder: every save fails with a reason in words, the
files already there stay as they were, and the real game still starts with every grade.

The full disk is real: a file-size limit (RLIMIT_FSIZE) on a game process, which works
for any user; and, where this machine lets us mount one (root), a 256 KB tmpfs filled
up. The read-only folder must be read-only for us too: root ignores permissions, so as
root the folder is made read-only by a read-only bind mount or ``chattr +i``; as another
user, by its permissions. Each way is checked by trying to write before it is trusted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from faultkit import GRADES, ROOT, saved_game, TALLY, assert_grades_kept, assert_started, start_games, write_grades

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="rlimits, mounts and chattr: Linux")

SAVE_UNDER_LIMIT = r"""
import json, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # as the game does: a write fails instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
from game.store.progress import Progress
from game.store.saves import write_save
from game.store.settings import Settings
from faultkit import saved_game
progress = Progress.load()
for i in range(200):
    progress.record(f"level_{i}", "B")
results = [progress.save(), write_save(saved_game(commands=100)),
           Settings(ui_scale=2.0).save()]
print(json.dumps([[bool(r), r.reason] for r in results]))
"""


def _limit_file_size():
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_a_file_size_limit_makes_saves_fail_with_a_reason_and_keeps_the_old_files(data):
    write_grades(data)
    before = (data / "progress.json").read_bytes()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests" / "faults")]))
    done = subprocess.run([sys.executable, "-c", SAVE_UNDER_LIMIT], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    progress, save, settings = json.loads(done.stdout)
    assert progress == [False, "the file would be larger than this system allows"]
    assert save == [False, "the file would be larger than this system allows"]
    assert settings == [True, ""]  # a small file still fits
    assert (data / "progress.json").read_bytes() == before
    assert not list(data.rglob("*.tmp"))
    TALLY.hostile_inputs += 1
    [started] = start_games([data], preexec_fn=_limit_file_size)
    assert_started(started)
    assert_grades_kept(data)


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root); the file-size limit test covers a full disk")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_really_full_disk(small_disk, monkeypatch):
    from game.store import notice_board
    from game.store.progress import Progress
    from game.store.settings import Settings

    data = small_disk / "data"
    data.mkdir()
    monkeypatch.setenv("MINERISK_DATA_DIR", str(data))
    notice_board.forget()
    write_grades(data)
    filler = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte
        for size in (4096, 1):
            while True:
                try:
                    os.write(filler, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(filler)
    progress = Progress.load()
    progress.record("road_to_school", "A")
    result = progress.save()
    assert not result and result.reason == "the disk is full"
    assert not Settings(ui_scale=2.0).save()
    TALLY.hostile_inputs += 1
    [started] = start_games([data])
    assert_started(started)
    assert_grades_kept(data)
    (small_disk / "filler").unlink()
    assert progress.save()
    assert_grades_kept(data, dict(GRADES, road_to_school="A"))


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


@contextmanager
def read_only(folder: Path):
    """Make ``folder`` (and its saves folder) read-only for this process too, or skip."""
    folders = [folder] + [p for p in folder.iterdir() if p.is_dir()]
    if os.geteuid() != 0:
        for f in folders:
            os.chmod(f, 0o555)
        try:
            if _writable(folder):
                pytest.skip("permissions do not stop this user from writing")
            yield "permissions"
        finally:
            for f in folders:
                os.chmod(f, 0o755)
        return
    if _run("mount", "--bind", str(folder), str(folder)):
        try:
            if _run("mount", "-o", "remount,bind,ro", str(folder)) and not _writable(folder):
                yield "read-only bind mount"
                return
        finally:
            _run("umount", "-l", str(folder))
    if all(_run("chattr", "+i", str(f)) for f in folders):
        try:
            if not _writable(folder):
                yield "chattr +i"
                return
        finally:
            for f in folders:
                _run("chattr", "-i", str(f))
    pytest.skip("no way to make a folder read-only for root here (no mount, no chattr)")


def test_a_read_only_folder_saves_nothing_says_why_and_the_game_starts(data):
    from game.store import take_notices
    from game.store.progress import Progress
    from game.store.saves import latest_save, write_save
    from game.store.settings import Settings
    from game.store.startup import open_data_folder

    write_grades(data)
    assert write_save(saved_game("first_steps", 3))
    (data / "settings.json").write_text("{broken")  # it cannot even be moved aside
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    with read_only(data):
        open_data_folder()
        settings = Settings.load()
        progress = Progress.load()
        assert latest_save() is not None  # reading still works
        told = take_notices()
        assert len(told) == 1 and "could not be moved aside" in told[0] and "will not write over" in told[0]
        progress.record("road_to_school", "A")
        for result in (progress.save(), settings.save(),
                       write_save(saved_game("cancel_or_clear"))):
            assert not result and result.reason in ("the disk or folder is read-only",
                                                   "Mine Risk is not allowed to use this file or folder "
                                                   "(permission denied)"), result
        TALLY.hostile_inputs += 1
        [started] = start_games([data])
        assert_started(started)
        assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    assert_grades_kept(data)
