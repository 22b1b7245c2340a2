"""kill -9 at random moments of saving, two games saving into one folder at once, and a game
killed while it holds the folder's lock: no file is ever broken, no saved grade is lost,
and the real game starts afterwards with every grade."""

from __future__ import annotations

import json
import os
import random
import signal
import time

import pytest

import game.store.progress  # noqa: F401 - imported before forking, so a child starts saving at once
import game.store.saves  # noqa: F401
import game.store.settings  # noqa: F401
from faultkit import GRADES, saved_game, TALLY, assert_grades_kept, assert_started, start_games, write_grades

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kill -9 and fork are POSIX")


def _child(job, *args) -> int:
    """Run ``job(*args)`` in a forked process (a real process of its own); its pid."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            job(*args)
            code = 0
        finally:
            os._exit(code)
    return pid


def _wait(pid: int, timeout: float = 30.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    TALLY.hangs += 1
    raise AssertionError("a child process hung")


def _save_forever(report_fd: int, first: int) -> None:
    """Save progress, settings and a game again and again; report each grade once it is saved."""
    from game.store.progress import Progress
    from game.store.saves import write_save
    from game.store.settings import Settings

    progress = Progress.load()
    settings = Settings.load()
    os.write(report_fd, b"ready\n")
    n = first
    while True:
        level = f"level_{n}"
        progress.record(level, "ABCDEF"[n % 6])
        if progress.save():
            os.write(report_fd, f"{level}\n".encode())
        settings.ui_scale = (1.0, 1.5, 2.0)[n % 3]
        settings.save()
        write_save(saved_game("first_steps", 1 + n % 50, n, n % 200))
        n += 1


def test_kill_9_at_random_moments_of_saving_breaks_nothing(data):
    from game.store import take_notices
    from game.store.progress import Progress
    from game.store.saves import latest_save
    from game.store.settings import Settings

    write_grades(data)
    rng = random.Random(14)
    confirmed: dict[str, str] = dict(GRADES)
    rounds = 25
    for r in range(rounds):
        read_fd, write_fd = os.pipe()
        pid = _child(_save_forever, write_fd, r * 1000)
        os.close(write_fd)
        with os.fdopen(read_fd) as reports:
            assert reports.readline() == "ready\n"  # the kill falls in the saving loop
            time.sleep(rng.uniform(0.0, 0.04))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            for line in reports.read().split():
                n = int(line.split("_")[1])
                confirmed[line] = "ABCDEF"[n % 6]
        # every file reads cleanly: nothing was set aside, nothing told
        assert Progress.load().best_grades.keys() >= confirmed.keys()
        Settings.load()
        latest_save()
        assert take_notices() == [], f"round {r}"
        TALLY.hostile_inputs += 1
    assert len(confirmed) >= len(GRADES) + rounds // 3  # the children did save between kills
    leftovers = [p for p in data.rglob("*.tmp")]
    long_ago = time.time() - 3600
    for p in leftovers:  # what a kill left behind is cleaned at start once it is old
        os.utime(p, (long_ago, long_ago))
    [done] = start_games([data])
    assert_started(done)
    assert not list(data.rglob("*.tmp"))
    assert_grades_kept(data, confirmed)


def _record_many(go_fd: int, prefix: str, count: int, shared_grade: str) -> None:
    from game.store.progress import Progress

    progress = Progress.load()  # loaded once, as a game does at start
    os.read(go_fd, 1)  # both games have loaded before either saves
    for i in range(count):
        progress.record(f"{prefix}_{i}", "B")
        progress.record("shared_level", shared_grade)
        assert progress.save()


def test_two_games_saving_into_one_folder_lose_nothing(data):
    write_grades(data)
    go_read, go_write = os.pipe()
    pids = [_child(_record_many, go_read, "one", 30, "C"), _child(_record_many, go_read, "two", 30, "A")]
    time.sleep(0.2)
    os.write(go_write, b"go")
    assert [_wait(pid) for pid in pids] == [0, 0]
    os.close(go_read)
    os.close(go_write)
    TALLY.hostile_inputs += 1
    expected = dict(GRADES, shared_level="A", **{f"{p}_{i}": "B" for p in ("one", "two") for i in range(30)})
    [done] = start_games([data])
    assert_started(done)
    assert_grades_kept(data, expected)


def _hold_the_lock_forever(report_fd: int) -> None:
    from game.store.folders import data_dir
    from game.store.lock import folder_lock

    with folder_lock(data_dir()):
        os.write(report_fd, b"locked\n")
        time.sleep(60)


def test_a_game_killed_while_holding_the_lock_leaves_no_stale_lock(data):
    from game.store.progress import Progress

    write_grades(data)
    read_fd, write_fd = os.pipe()
    pid = _child(_hold_the_lock_forever, write_fd)
    os.close(write_fd)
    with os.fdopen(read_fd) as reports:
        assert reports.readline() == "locked\n"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    TALLY.hostile_inputs += 1
    progress = Progress.load()
    progress.record("after_the_kill", "A")
    started = time.monotonic()
    assert progress.save()
    assert time.monotonic() - started < 5  # no waiting on a lock nobody holds
    assert json.loads((data / "progress.json").read_text())["best_grades"]["after_the_kill"] == "A"
    [done] = start_games([data])
    assert_started(done)
    assert_grades_kept(data, dict(GRADES, after_the_kill="A"))
