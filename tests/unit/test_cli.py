"""The `minerisk` command line: exit codes, output forms, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.paths import levels_dir

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: usage errors and --help
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_levels_lists_the_campaign(capsys):
    code, out, _ = run(capsys, "levels", "--json")
    assert code == 0
    table = [row for row in json.loads(out) if row["source"] == "campaign"]  # then My levels (test_packs.py)
    assert len(table) >= 3
    assert {"id", "title", "difficulty", "file"} <= set(table[0])
    assert all(1 <= row["difficulty"] <= 5 for row in table)
    code, out, _ = run(capsys, "levels")
    assert code == 0 and table[0]["id"] in out


def test_validate_ok_on_the_bundled_levels(capsys):
    code, out, _ = run(capsys, "validate", str(levels_dir()))
    assert code == 0, out
    assert out.startswith("OK:")


def test_validate_reports_every_problem_and_exits_1(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("format: 1\nid: a\nbudjet: 1\n")
    (tmp_path / "b.yaml").write_bytes(b"\x00\x01")
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith(f"{tmp_path / 'a.yaml'}:3:1: unknown key `budjet`") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'b.yaml'}:1:1: ") for line in lines)
    assert all(":" in line for line in lines)
    assert "problems in 2 files" in err


def test_duplicate_ids_across_a_folder(tmp_path, capsys):
    source = sorted(levels_dir().glob("*.yaml"))[0]
    (tmp_path / "maps").symlink_to(levels_dir() / "maps")
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "is already used by" in out and "two.yaml" in out


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "usage" in err
    code, _, _ = run(capsys, "no-such-command")
    assert code == 2


def test_schema_is_a_valid_json_schema_that_accepts_every_bundled_level(capsys):
    import jsonschema
    import yaml

    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in levels_dir().glob("*.yaml"):
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, (path, errors[0].message)
    wrong = {"format": 1, "budjet": 3}
    assert list(validator.iter_errors(wrong))


@pytest.mark.parametrize("argv", [["validate", "/dev/null"], ["validate", "docs"], ["levels", "/nonexistent"]])
def test_no_traceback_from_the_real_command(argv):
    done = subprocess.run([sys.executable, "-m", "game", *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode in (0, 1, 2)


def test_no_arguments_starts_the_game_or_explains(capsys, monkeypatch):
    monkeypatch.setenv("MINERISK_QUIT_AFTER_FRAMES", "2")
    code, out, _ = run(capsys)
    assert code == 0


@pytest.mark.parametrize("argv", [("simulate", "returnee", "--policy", "idle"), ("play", "returnee"),
                                  ("calibrate", "returnee", "--runs", "1"), ("validate", "returnee")])
def test_a_mistyped_level_id_gets_the_nearest_ids(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code in (1, 2) and "'returnees'" in err + out and "minerisk levels" in err + out, err + out


@pytest.mark.parametrize("typed, hint", [("levels\\01_first_steps.yaml", "`levels/01_first_steps.yaml` (that file exists)"),
                                         ("levels/01_First_Steps.yaml", "the file is spelled `levels/01_first_steps.yaml`")])
def test_a_mistyped_level_path_gets_the_spelling_hint(capsys, monkeypatch, typed, hint):
    monkeypatch.chdir(ROOT)
    for argv in (("simulate", typed, "--policy", "idle"), ("validate", typed), ("calibrate", typed, "--runs", "1")):
        code, out, err = run(capsys, *argv)
        assert code == 1 and hint in err + out, (argv, err + out)


def test_validate_takes_a_level_id(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "validate", "the_sector")
    assert code == 0, err + out
