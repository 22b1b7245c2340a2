"""``minerisk simulate`` and ``minerisk replay``: score card, JSON, replay files and their errors."""

import json
from pathlib import Path

import pytest

from game.commands import replay as replay_cmd
from game.commands import simulate as simulate_cmd

ROOT = Path(__file__).resolve().parents[2]
LEVEL = ROOT / "levels" / "01_first_steps.yaml"


def _main(argv):
    from game.cli import main

    return main(argv)


@pytest.fixture
def level():
    from game.level import LevelError, load_scenario

    try:
        load_scenario(LEVEL)
    except (LevelError, OSError) as exc:  # the campaign is being written in parallel
        pytest.skip(f"level not loadable yet: {exc}")
    return LEVEL


def test_simulate_prints_a_score_card_and_json(level, capsys):
    assert _main(["simulate", str(level), "--policy", "land_release", "--seed", "3"]) == 0
    assert "grade" in capsys.readouterr().out
    assert _main(["simulate", str(level), "--policy", "idle", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy"] == "idle" and "grade" in data["result"]


def test_replay_verifies_and_detects_a_changed_result(level, tmp_path, capsys):
    file = tmp_path / "run.json"
    assert _main(["simulate", str(level), "--policy", "land_release", "--save-replay", str(file)]) == 0
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no temp file left
    assert _main(["replay", str(file), "--verify"]) == 0
    assert "OK" in capsys.readouterr().out
    record = json.loads(file.read_text())
    record["result"]["total"] += 1
    file.write_text(json.dumps(record, indent=1))
    assert _main(["replay", str(file), "--verify"]) == 1
    assert "differs" in capsys.readouterr().err


def test_broken_replay_files_get_file_line_col_errors(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "level": "x.yaml",\n  "seed": 1,\n  "commands": [\n    {"type": "Clear", "day": 1,}\n  ]\n}\n')
    assert _main(["replay", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:5:") and "not valid JSON" in err and "; " in err
    bad.write_text('{"level": "x.yaml", "seed": 1,\n "commands": [\n  {"type": "Clear", "day": 1},\n  {"type": "Fly", "day": 2}]}')
    assert _main(["replay", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:3: command 1:" in err and f"{bad}:4:3: command 2: unknown command type" in err
    assert _main(["replay", str(tmp_path / "missing.json")]) == 1
    assert "not found" in capsys.readouterr().err
    bad.write_text('{"level": 3, "seed": "x", "commands": {}}')
    assert _main(["replay", str(bad)]) == 1
    assert "must be" in capsys.readouterr().err


def test_modules_register_their_subcommands():
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    simulate_cmd.register(sub)
    replay_cmd.register(sub)
    args = parser.parse_args(["replay", "f.json", "--verify"])
    assert args.verify and args.run is replay_cmd.run
