"""The hardened JSON reader: missing, unreadable, broken and newer files are told apart,
every problem has a line and a column, and nothing hangs or recurses deeply."""

from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager

import pytest

from game.store.jsonfile import LIMITS, MAX_DEPTH, read_json


@contextmanager
def within(seconds: int):
    """Fail (instead of hanging the suite) if the block takes longer than ``seconds``."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(*_args):
        raise AssertionError(f"hung for more than {seconds} s")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def read(tmp_path, content, kind="settings", **kw):
    path = tmp_path / "file.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with within(10):
        return read_json(path, kind, **kw)


def test_a_good_file_and_a_missing_one(tmp_path):
    good = read(tmp_path, '\ufeff{"version": 1, "a": [1, 2.5, "x", null, true]}')
    assert good.ok and good.data == {"version": 1, "a": [1, 2.5, "x", None, True]}
    missing = read_json(tmp_path / "nothing.json", "settings")
    assert missing.status == "missing" and not missing.ok


@pytest.mark.parametrize("content, line, col, words", [
    ('{"a": 1,\n  "b": }', 2, 8, "not valid JSON"),
    ('{"a": [1, 2', 1, 12, "the file is cut short"),
    ('{"a": "text that sto', 1, 7, "the file is cut short"),
    ("", 1, 1, "the file is empty"),
    (b'{"a": "\xff\xfe"}', 1, 8, "not valid UTF-8"),
    (b"PK\x03\x04\x00\x00binary", 1, 5, "binary"),
    ("[" * 100_000 + "]" * 100_000, 1, MAX_DEPTH + 1, "nests deeper"),
    ('{"a":' * 5000 + "1" + "}" * 5000, 1, 5 * MAX_DEPTH + 1, "nests deeper"),
    ('{\n "seed": ' + "9" * 5000 + "}", 2, 10, "number is too long"),
    ('{"x": 1.5e999}', 1, 7, "not a finite number"),
    ('{"x": NaN}', 1, 7, "not a finite number"),
    ('{"x": "[[[[" , "y": -Infinity}', 1, 21, "not a finite number"),
])
def test_broken_content_is_a_problem_with_its_place(tmp_path, content, line, col, words):
    got = read(tmp_path, content, "progress")
    assert got.status == "broken" and got.data is None
    assert (got.problem.line, got.problem.col) == (line, col), got.problem
    assert words in got.problem.message
    assert got.problem.format().startswith(f"{tmp_path / 'file.json'}:{line}:{col}: ")


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    text = json.dumps({"note": "[" * 1000 + '"{' * 500, "deep": [[[[1]]]]})
    got = read(tmp_path, text)
    assert got.ok and got.data["deep"] == [[[[1]]]]


def test_size_caps_are_per_kind(tmp_path):
    text = json.dumps({"pad": "x" * (LIMITS["settings"] + 10)})
    assert read(tmp_path, text, "settings").status == "unreadable"
    assert "too large" in read(tmp_path, text, "settings").problem.message
    assert read(tmp_path, text, "progress").ok


def test_a_newer_version_is_told_apart_and_its_data_kept(tmp_path):
    got = read(tmp_path, '{"version": 7, "best_grades": {"a": "B"}, "new": 1}', version_key="version", version=1)
    assert got.status == "newer" and got.data["new"] == 1
    assert "newer version" in got.problem.message
    same = read(tmp_path, '{"version": 1}', version_key="version", version=1)
    assert same.ok


@pytest.mark.skipif(os.name == "nt", reason="POSIX file kinds")
def test_pipes_devices_folders_and_links_are_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    os.symlink("/etc/passwd", tmp_path / "link.json")
    (tmp_path / "folder.json").mkdir()
    with within(10):
        pipe = read_json(tmp_path / "pipe.json", "save")
        device = read_json("/dev/zero", "save")
        folder = read_json(tmp_path / "folder.json", "save")
        link = read_json(tmp_path / "link.json", "save", follow_symlinks=False)
        followed = read_json(tmp_path / "link.json", "save")
        too_long = read_json(tmp_path / ("x" * 300), "save")
    assert pipe.status == device.status == folder.status == link.status == "unreadable"
    assert "pipe" in pipe.problem.message and "folder" in folder.problem.message and "link" in link.problem.message
    assert followed.status == "broken" and "/bin/" not in followed.problem.format()  # nothing of it is echoed
    assert too_long.status == "unreadable" and "too long" in too_long.problem.message
