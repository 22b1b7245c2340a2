"""Hostile files in every data slot (settings, progress, saved games, the legacy save, the
saves folder, the lock, the data folder itself): the game reads, sets aside and saves
without a traceback or a hang, keeps what it set aside, and every earlier grade stays."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
from pathlib import Path

import pytest

from faultkit import GRADES, saved_game, TALLY, assert_grades_kept, assert_started, start_games, write_grades

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file kinds (FIFOs, devices, links)")

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _binary(path: Path) -> None:
    path.write_bytes(random.Random(14).randbytes(4096))


def _huge(path: Path) -> None:
    with open(path, "wb") as f:  # 2 GB, sparse: costs no disk, over every size cap
        f.truncate(2 * 1024**3)


def _text(text: str):
    def make(path: Path) -> None:
        path.write_text(text, encoding="utf-8")
    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.json").write_text("{}")


def _link_to_passwd(path: Path) -> None:
    os.symlink("/etc/passwd", path)


def _dangling_link(path: Path) -> None:
    os.symlink(path.parent / "nowhere" / "x.json", path)


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null


KINDS = {
    "binary": _binary,
    "huge": _huge,
    "deep": _text("[" * 200_000),
    "deep_object": _text('{"a":' * 50_000),
    "long_number": _text('{"version": 1, "best_grades": {}, "seed": ' + "9" * 5000 + "}"),
    "newer": _text(json.dumps({"version": 99, "format": 99, "best_grades": {"first_steps": "A"}})),
    "wrong_types": _text(json.dumps({"version": "1", "format": "2", "best_grades": ["A"], "ui_scale": "big",
                                     "seed": -5, "day": 0, "commands": {}, "level": 3})),
    "nan": _text('{"version": NaN, "format": Infinity}'),
    "truncated": _text('{"version": 1, "best_grades": {"first_steps": "A"'),
    "not_utf8": lambda p: p.write_bytes(b'{"version": 1, "note": "\xff\xfe\xfa"}'),
    "empty": _text(""),
    "array": _text("[1, 2, 3]"),
    "fifo": _fifo,
    "folder": _folder,
    "link_to_passwd": _link_to_passwd,
    "dangling_link": _dangling_link,
    "device": _device,
}
SLOTS = ("settings.json", "progress.json", "saves/level-cancel_or_clear.json", "saved_game.json", "saves",
         ".lock", "")  # "" is the data folder itself


def _usable(kind: str) -> bool:
    return kind != "device" or AS_ROOT


def _place(folder: Path, slot: str, kind: str) -> Path:
    path = folder / slot if slot else folder
    if slot == "":
        shutil.rmtree(folder)
    elif path.exists() or path.is_symlink():
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    KINDS[kind](path)
    return path


def _good_data(folder: Path) -> None:
    from game.store.saves import write_save
    from game.store.settings import Settings

    write_grades(folder)
    assert Settings(ui_scale=1.5).save()
    assert write_save(saved_game("cancel_or_clear", 4, 3))


def _snapshot(path: Path):
    """What a hostile entry is, to check it is kept (moved aside, never destroyed)."""
    st = os.lstat(path)
    if stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            return ("file", f.read(1 << 16), st.st_size)
    if stat.S_ISLNK(st.st_mode):
        return ("link", os.readlink(path))
    return (stat.S_IFMT(st.st_mode),)


def _kept_somewhere(folder: Path, slot: str, snapshot) -> bool:
    base = folder / slot if slot else folder
    siblings = [p for p in base.parent.iterdir() if p.name.startswith(base.name)]
    return any(_snapshot(p) == snapshot for p in siblings if os.path.lexists(p))


def _run_data_path() -> list[str]:
    """What the game does with its files when it starts, plays and saves; the notices told."""
    from game.store import take_notices
    from game.store.progress import Progress
    from game.store.saves import latest_save, write_save
    from game.store.settings import Settings
    from game.store.startup import open_data_folder

    open_data_folder()
    settings = Settings.load()
    progress = Progress.load()
    latest_save()
    progress.record("road_to_school", "D")
    results = [progress.save(), settings.save(),
               write_save(saved_game("first_steps"))]
    for result in results:
        assert result or (result.reason and "Errno" not in result.reason), result
    return take_notices()


@pytest.mark.parametrize("slot", SLOTS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_hostile_file_in_a_slot_is_kept_aside_and_nothing_else_is_lost(data, kind, slot):
    if not _usable(kind):
        pytest.skip("device nodes need root")
    if kind == "folder" and slot in ("saves", ""):
        pytest.skip("a folder is what belongs there")
    _good_data(data)
    snapshot = _snapshot(_place(data, slot, kind))
    TALLY.hostile_inputs += 1
    old = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(AssertionError("hung")))
    signal.alarm(20)
    try:
        told = _run_data_path()
    except AssertionError:
        TALLY.hangs += 1
        raise
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert _kept_somewhere(data if slot else data.parent, slot or data.name, snapshot)  # never destroyed
    if slot == ".lock":
        assert not told  # the lock file holds nothing of the player's
    else:
        assert told and all("Traceback" not in s and "Errno" not in s for s in told), told
    expected = dict(GRADES, road_to_school="D")
    if slot in ("progress.json", ""):  # the earlier grades were in what the hostile entry replaced
        expected = {"road_to_school": "D"}
        if kind == "newer" and slot:
            expected["first_steps"] = "A"  # a newer file's grades this version understands are kept
    assert_grades_kept(data, expected)


def test_the_real_game_starts_with_hostile_files_in_its_slots(tmp_path):
    """Real game processes, all at once: every kind of hostile file in some slot, the progress good."""
    kinds = [k for k in sorted(KINDS) if _usable(k)]
    slots = ("settings.json", "saves/level-cancel_or_clear.json", "saved_game.json", ".lock")
    folders = []
    for i in range(0, len(kinds), len(slots)):  # four kinds a folder, one in each slot
        folder = tmp_path / f"data{i}"
        folder.mkdir()
        write_grades(folder)
        for slot, kind in zip(slots, kinds[i:i + len(slots)]):
            _place(folder, slot, kind)
            TALLY.hostile_inputs += 1
        folders.append(folder)
    for folder, done in zip(folders, start_games(folders)):
        assert_started(done)
        assert_grades_kept(folder)
