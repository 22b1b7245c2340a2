"""Property tests: whatever a level file holds, the loader answers with a valid
level or a LevelError of clear problems, never another exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.level import LevelError, load_level
from game.level.campaign import list_levels
from game.paths import levels_dir

SMALLEST = list_levels(levels_dir())[0]  # the tutorial: the first and smallest level
SOURCE = SMALLEST.path.read_text(encoding="utf-8")
LINES = SOURCE.splitlines(keepends=True)

TOKENS = ["", " ", "\t", ":", "-", "- ", "[", "]", "{", "}", "&a", "*a", "!!str", "!!python/name:os.system",
          "0", "-1", "1e999", "99999999999999999999999", "null", "~", "yes", "'", '"', "#", "\n", "  ",
          "zone: nowhere", "kind: ap_blast", "type: dog", "day: 0", "map: ../x.tmx", "\x00", "\ufeff", "é"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(levels_dir() / "maps", root / "maps")
    return root


def outcome(folder: Path, data: bytes) -> str:
    path = folder / "level.yaml"
    path.write_bytes(data)
    try:
        load_level(path, shown_as="level.yaml")
    except LevelError as exc:
        assert exc.problems, "a LevelError must carry at least one problem"
        for p in exc.problems:
            assert p.file == "level.yaml" or p.file.startswith("maps")
            assert p.line >= 1 and p.col >= 1 and p.message
            assert "\n" not in p.format().strip("\n") or "\n" in p.message
        return "error"
    return "valid"


def test_the_unmutated_level_is_valid(folder):
    assert outcome(folder, SOURCE.encode()) == "valid"


mutation = st.tuples(
    st.sampled_from(["delete", "duplicate", "replace_token", "insert_token", "swap", "truncate", "indent"]),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(TOKENS),
)


def mutate(lines: list[str], ops) -> str:
    lines = list(lines)
    for op, at, token in ops:
        if not lines:
            break
        i = at % len(lines)
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "replace_token":
            col = at % max(1, len(line))
            lines[i] = line[:col] + token + line[col + len(token) + 1:]
        elif op == "insert_token":
            col = at % max(1, len(line))
            lines[i] = line[:col] + token + line[col:]
        elif op == "swap":
            j = (at // 7) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[: i + 1]
        elif op == "indent":
            lines[i] = "  " + line
    return "".join(lines)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_levels_never_raise_anything_else(folder, ops):
    outcome(folder, mutate(LINES, ops).encode("utf-8", "surrogatepass"))


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_raise_anything_else(folder, data):
    assert outcome(folder, data) in ("error", "valid")


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["format", "id", "title", "teams", "start", "type", "map", "days", "zone", "counts",
                         "events", "day", "kind", "ordnance", "fields", "villages", "name"]) | st.text(max_size=8),
        children, max_size=5),
    max_leaves=30))
def test_random_yaml_documents_never_raise_anything_else(folder, data):
    import yaml

    outcome(folder, yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))
