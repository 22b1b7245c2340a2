"""``minerisk simulate`` and ``minerisk replay``: score card, JSON, run records and their errors."""

import json
from pathlib import Path

from game.cli_commands import replay as replay_cmd
from game.cli_commands import simulate as simulate_cmd

ROOT = Path(__file__).resolve().parents[2]
LEVEL = ROOT / "levels" / "01_first_steps.yaml"


def _main(argv):
    from game.cli import main

    return main(argv)


def test_simulate_prints_a_score_card_and_json(capsys):
    assert _main(["simulate", str(LEVEL), "--policy", "land_release", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "grade" in out and "first_steps" in out
    assert _main(["simulate", str(LEVEL), "--policy", "idle", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy"] == "idle" and "grade" in data["result"]


def test_replay_verifies_and_detects_a_changed_result(tmp_path, capsys):
    file = tmp_path / "run.json"
    assert _main(["simulate", str(LEVEL), "--policy", "land_release", "--save-replay", str(file)]) == 0
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no temp file left
    assert _main(["replay", str(file), "--verify"]) == 0
    assert "OK" in capsys.readouterr().out
    record = json.loads(file.read_text())
    record["end"]["score"]["total"] += 1
    file.write_text(json.dumps(record, indent=1))
    assert _main(["replay", str(file), "--verify"]) == 6
    assert "differs" in capsys.readouterr().err


def test_broken_records_get_file_line_col_errors(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "minerisk-run",\n  "version": 1,\n  "commands": [\n    {"day": 1,}\n  ]\n}\n')
    assert _main(["replay", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:5:") and "not valid JSON" in err and "; " in err
    assert _main(["replay", str(tmp_path / "missing.json")]) == 1
    assert "not found" in capsys.readouterr().err
    bad.write_text('{"level": "x.yaml", "seed": 1, "format": 1, "commands": []}')
    assert _main(["replay", str(bad)]) == 1
    assert "older Mine Risk" in capsys.readouterr().err


def test_modules_register_their_subcommands():
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    simulate_cmd.register(sub)
    replay_cmd.register(sub)
    args = parser.parse_args(["replay", "f.json", "--verify"])
    assert args.verify and args.run is replay_cmd.run
