"""The player's files: never destroyed, never silently downgraded, merged under a lock,
one saved game per level removed only by its own run; the player is told once."""

from __future__ import annotations

import errno
import json
import os

import pytest

from game.store import notice_board, notices, take_notices
from game.store.lock import FolderBusy, folder_lock
from game.store.progress import Progress
from game.run.record import RunRecord
from game.store.saves import all_saves, delete_save, latest_save, read_save, save_path, write_save
from game.store.settings import Settings


@pytest.fixture(autouse=True)
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MINERISK_DATA_DIR", str(folder))
    notice_board.forget()
    yield folder
    notice_board.forget()


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(value if isinstance(value, str) else json.dumps(value))


def game(level="first_steps", day=3):
    """A saved game: a run record without an end."""
    return RunRecord(level_id=level, level_sha256="ab" * 32, seed=42, day=day)


# ------------------------------------------------------------------ settings


def test_settings_round_trip_and_keep_keys_of_other_versions(data):
    write(data / "settings.json", {"version": 1, "ui_scale": 1.5, "future_option": {"x": 1}})
    settings = Settings.load()
    assert settings.ui_scale == 1.5 and not notices()
    settings.sound = False
    assert settings.save()
    on_disk = json.loads((data / "settings.json").read_text())
    assert on_disk["future_option"] == {"x": 1} and on_disk["sound"] is False and on_disk["version"] == 1


def test_settings_with_a_wrong_value_are_set_aside_and_the_rest_used(data):
    write(data / "settings.json", {"ui_scale": 2.0, "window": "huge", "sound": False})
    settings = Settings.load()
    assert settings.ui_scale == 2.0 and settings.sound is False and settings.window == (1280, 720)
    assert json.loads((data / "settings.json.corrupt").read_text())["window"] == "huge"
    [told] = take_notices()
    assert told.startswith("Your settings could not be read") and "settings.json.corrupt" in told


# ------------------------------------------------------------------ progress


def test_progress_merges_with_the_file_on_disk_best_grade_kept(data):
    mine = Progress.load()
    write(data / "progress.json", {"version": 1, "best_grades": {"a": "C", "b": "B"}, "other": [1]})
    mine.record("a", "A")
    mine.record("c", "D")
    assert mine.save()
    on_disk = json.loads((data / "progress.json").read_text())
    assert on_disk["best_grades"] == {"a": "A", "b": "B", "c": "D"} and on_disk["other"] == [1]
    assert mine.best_grades == on_disk["best_grades"] and not mine.unsaved


def test_a_newer_progress_is_kept_byte_for_byte_and_its_grades_still_used(data):
    newer = json.dumps({"version": 9, "best_grades": {"a": "B", "b": "A"}, "badges": ["x"]})
    write(data / "progress.json", newer)
    progress = Progress.load()
    assert progress.best_grades == {"a": "B", "b": "A"}  # levels stay open
    assert (data / "progress.json.newer").read_text() == newer
    [told] = take_notices()
    assert "newer version of Mine Risk" in told and "progress.json.newer" in told
    progress.record("c", "C")
    assert progress.save()
    assert json.loads((data / "progress.json").read_text())["best_grades"] == {"a": "B", "b": "A", "c": "C"}
    assert (data / "progress.json.newer").read_text() == newer  # never rewritten in an older format


def test_a_second_broken_file_gets_a_time_stamped_name(data):
    write(data / "progress.json.corrupt", "the first one")
    write(data / "progress.json", "{broken")
    assert Progress.load().best_grades == {}
    aside = sorted(p.name for p in data.iterdir() if p.name.startswith("progress.json."))
    assert len(aside) == 2 and (data / "progress.json.corrupt").read_text() == "the first one"
    assert any(n.endswith(".corrupt") and n != "progress.json.corrupt" for n in aside)


def test_progress_that_cannot_be_moved_aside_is_never_written_over(data, monkeypatch):
    write(data / "progress.json", "{broken but precious")

    def refuse(*args):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    progress = Progress.load()
    [told] = take_notices()
    assert "could not be moved aside" in told and "will not write over it" in told
    progress.record("a", "A")
    result = progress.save()
    assert not result and "permission denied" in result.reason
    assert (data / "progress.json").read_text() == "{broken but precious"
    assert progress.unsaved


def test_wrong_types_in_progress_keep_the_good_grades(data):
    write(data / "progress.json", {"version": 1, "best_grades": {"a": "B", "b": 5, "c": ["A"]}})
    assert Progress.load().best_grades == {"a": "B"}
    assert (data / "progress.json.corrupt").exists()


# ------------------------------------------------------------------ saved games


def test_one_slot_per_level_and_a_finished_level_removes_only_its_own_run(data):
    a, b = game("first_steps", 4), game("cancel_or_clear", 7)
    assert write_save(a) and write_save(b)
    assert read_save("first_steps") == a and read_save("cancel_or_clear") == b
    assert not delete_save("first_steps", b.run_id)  # finishing level B never removes A's save
    assert not delete_save("cancel_or_clear", "another-run")  # nor another run of the same level
    assert read_save("cancel_or_clear") == b
    assert delete_save("cancel_or_clear", b.run_id)
    assert read_save("cancel_or_clear") is None and read_save("first_steps") == a


def test_latest_save_is_the_most_recently_written(data):
    a, b = game("first_steps", 4), game("cancel_or_clear", 7)
    write_save(a)
    write_save(b)
    os.utime(save_path("first_steps"), (2e9, 2e9))
    assert latest_save() == a and len(all_saves()) == 2


def test_the_single_saved_game_of_earlier_versions_moves_into_its_slot(data):
    old = game("cancel_or_clear", 6)
    write(data / "saved_game.json", old.to_json())
    assert latest_save() == old
    assert not (data / "saved_game.json").exists() and read_save("cancel_or_clear") == old


def test_a_saved_game_of_the_first_releases_is_kept_aside_and_said_it_cannot_be_continued(data):
    first = {"format": 1, "level": "first_steps", "level_path": "x.yaml", "seed": 5, "day": 2, "commands": []}
    write(data / "saved_game.json", first)
    assert latest_save() is None
    assert json.loads((data / "saved_game.json.corrupt").read_text()) == first
    [told] = take_notices()
    assert told.startswith("Your saved game from an earlier version of Mine Risk cannot be continued")


def _doc(**change):
    data = json.loads(game().to_json())
    data.update(change)
    return data


@pytest.mark.parametrize("content", [
    _doc(version=3),
    _doc(seed=-1),
    _doc(seed=2**63),
    {k: v for k, v in _doc().items() if k != "run_id"},
    _doc(level="levels/../../etc/passwd"),
    "[" * 10_000,
])
def test_a_saved_game_that_cannot_be_used_is_set_aside_with_a_notice(data, content):
    write(save_path("first_steps"), content)
    assert latest_save() is None
    aside = [p.name for p in (data / "saves").iterdir()]
    assert len(aside) == 1 and aside[0].endswith((".corrupt", ".newer"))
    [told] = take_notices()
    assert told.startswith("A saved game") and "other saved games are not affected" in told


def test_a_file_where_the_saves_folder_should_be_is_set_aside(data):
    write(data / "saves", "not a folder")
    assert latest_save() is None
    assert (data / "saves.corrupt").read_text() == "not a folder"
    assert write_save(game()) and read_save("first_steps") is not None


# ------------------------------------------------------------------ notices and the lock


def test_each_notice_is_told_once(data):
    notice_board.tell("Something happened.", "f:1:1: detail")
    notice_board.tell("Something happened.", "f:1:1: detail")
    assert notices() == ["Something happened."]
    assert take_notices() == ["Something happened."] and take_notices() == []
    notice_board.tell("Something happened.")
    assert notices() == []  # told already in this run


@pytest.mark.skipif(os.name == "nt", reason="flock")
def test_the_folder_lock_is_reentrant_and_waits_a_bounded_time(data, monkeypatch):
    import fcntl

    from game.store import lock

    with folder_lock(data):
        with folder_lock(data):  # a save that reads again inside its lock
            pass
    other = os.open(data / ".lock", os.O_RDWR)  # another open file holds it, as another process would
    try:
        fcntl.flock(other, fcntl.LOCK_EX)
        monkeypatch.setattr(lock, "WAIT_SECONDS", 0.05)
        with pytest.raises(FolderBusy):
            with folder_lock(data):
                pass
        failed = Settings().save()
        assert not failed and "another Mine Risk window" in failed.reason
    finally:
        os.close(other)
    assert Settings().save()
