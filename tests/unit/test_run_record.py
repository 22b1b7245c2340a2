"""The run record: one format for saves, replays and results; strict reading; tampering is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.run.players import play_level
from game.run.record import MAX_BYTES, VERSION, parse_record, read_record
from game.run.session import ResumeError, Session
from game.run.verify import verify

ROOT = Path(__file__).resolve().parents[2]
LEVEL = ROOT / "levels" / "01_first_steps.yaml"


@pytest.fixture(scope="module")
def finished() -> str:
    with play_level(LEVEL, "land_release", seed=7) as session:
        return session.record().to_json()


def _check(text: str) -> str:
    record, problems = parse_record(text, "run.json")
    if problems:
        return "unreadable: " + problems[0].format()
    verdict = verify(record)
    return f"{verdict.status}: {verdict.message}"


def test_a_record_round_trips_and_verifies(finished):
    record, problems = parse_record(finished, "run.json")
    assert not problems
    assert record.to_json() == finished
    data = json.loads(finished)
    assert data["format"] == "minerisk-run" and data["version"] == VERSION
    assert set(data["level"]) == {"id", "sha256"}  # a level is named by id and hash, never a path
    assert _check(finished).startswith("ok")


def _edit(text: str, change) -> str:
    data = json.loads(text)
    change(data)
    return json.dumps(data, indent=1)


def test_tampering_is_caught_with_its_own_message(finished):
    def add_accepted(d):
        last = d["commands"][-1]["day"]  # a command after the last one
        d["commands"].append({"day": last, "order": {"type": "Mark", "day": last, "area": "north_pasture"},
                              "outcome": {"accepted": True, "code": "marking_ordered",
                                          "params": {"cost_usd": 1.0, "metres": 1.0}}})

    def add_rejected(d):
        d["commands"].insert(0, {"day": 1, "order": {"type": "Stop", "day": 1, "team": "nts-1"},
                                 "outcome": {"accepted": False, "code": "no_task", "params": {"team": "nts-1"}}})

    def change_command(d):
        d["commands"][0]["order"]["area"] = "orchard_edge"

    def grade(d):
        d["end"]["score"]["grade"] = "B" if d["end"]["score"]["grade"] == "A" else "A"

    cases = {
        "added accepted": (add_accepted, "commands_edited: commands were added"),
        "added rejected": (add_rejected, "commands_edited: commands were added"),
        "removed": (lambda d: d["commands"].pop(3), "commands_edited: commands were removed"),
        "changed": (change_command, "commands_edited: commands were changed"),
        "score": (lambda d: d["end"]["score"].__setitem__("total", 99999.0), "result_differs: the score card"),
        "grade": (grade, "result_differs: the score card"),
        "digest edited": (lambda d: d["end"].__setitem__("event_digest", "0" * 64), "result_differs: the event log"),
        "digest removed": (lambda d: d["end"].pop("event_digest"), "unreadable"),
        "policy": (lambda d: d.__setitem__("policy", "clear_all"), "player_differs"),
        "future version": (lambda d: d.__setitem__("version", VERSION + 1), "unreadable"),
        "a path for a level": (lambda d: d["level"].__setitem__("path", "/etc/passwd"), "unreadable"),
        "seed": (lambda d: d.__setitem__("seed", -1), "unreadable"),
    }
    for name, (change, expected) in cases.items():
        assert _check(_edit(finished, change)).startswith(expected), name
    assert "newer version of Mine Risk" in _check(_edit(finished, cases["future version"][0]))


def test_a_command_added_and_resealed_is_caught_by_re_simulation(finished):
    """Someone who also fixes the command digest is caught by the outcomes re-simulated."""
    from game.run.record import commands_digest

    record, _ = parse_record(finished, "run.json")
    entry = record.commands[0]
    record.commands.insert(1, entry)  # the same survey again: refused as the team is busy, recorded as accepted
    record.end = type(record.end)(record.end.day, record.end.reason, record.end.score, record.end.event_digest,
                                  len(record.commands), commands_digest(record.commands))
    verdict = verify(record)
    assert verdict.status == "outcome_differs" and "command 2" in verdict.message


def test_a_changed_level_is_caught(finished, tmp_path):
    folder = tmp_path / "lv"
    shutil.copytree(ROOT / "levels", folder)
    level = folder / LEVEL.name
    record, _ = parse_record(finished, "run.json")
    assert verify(record, level).ok
    level.write_bytes(level.read_bytes() + b"#")  # one byte more, in a comment: the run is not the same level
    assert verify(record, level).status == "level_differs"
    shutil.copy(LEVEL, level)
    tmx = next((folder / "maps").glob("tutorial.tmx"))
    tmx.write_bytes(tmx.read_bytes().replace(b"</map>", b"<!-- x --></map>"))
    assert verify(record, level).status == "level_differs"


def test_truncated_oversized_and_hostile_files(finished, tmp_path):
    cut = tmp_path / "cut.json"
    cut.write_text(finished[: len(finished) // 2])
    record, problems = read_record(cut)
    assert record is None and "cut short" in problems[0].message and problems[0].line > 1
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_BYTES + 1))
    assert "too large" in read_record(big)[1][0].message
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested" in read_record(deep)[1][0].message
    number = tmp_path / "number.json"
    number.write_text('{"seed": ' + "9" * 5000 + "}")
    assert "number" in read_record(number)[1][0].message
    assert "not a file" in read_record(tmp_path)[1][0].message
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "binary" in read_record(binary)[1][0].message


def test_problems_point_at_the_command(finished):
    data = json.loads(finished)
    data["commands"][2]["order"]["type"] = "Fly"
    text = json.dumps(data, indent=1)
    _, problems = parse_record(text, "run.json")
    assert len(problems) == 1 and "command 3" in problems[0].message and "unknown command type" in problems[0].message
    line = text.splitlines()[problems[0].line - 1]
    assert '"order"' in line and line[problems[0].col - 1] == "{"  # the order of the third command
    before = "\n".join(text.splitlines()[: problems[0].line])
    assert before.count('"order"') == 3


def test_save_mid_way_resume_and_finish_like_an_uninterrupted_run(finished):
    from game.run.players import play_session

    straight = json.loads(finished)
    with Session.start(LEVEL, seed=7, policy="land_release") as first:
        from game.policies import make_policy

        player = make_policy("land_release", first.briefing)
        while first.day < 12:
            for command in player.decide(first.view()):
                first.apply(command)
            first.step()
        saved = first.record().to_json()
    record, problems = parse_record(saved, "save.json")
    assert not problems and record.end is None and record.day == 12
    assert verify(record, require_end=False).ok
    assert verify(record).status == "not_finished"
    with Session.resume(record, LEVEL) as resumed:
        assert resumed.day == 12
        play_session(resumed, "land_release")
        again = json.loads(resumed.record().to_json())
    assert again["commands"] == straight["commands"]
    assert again["end"] == straight["end"]


def test_resume_refuses_another_level(finished, tmp_path):
    record, _ = parse_record(finished, "run.json")
    record.end = None
    other = ROOT / "levels" / "02_cancel_or_clear.yaml"
    with pytest.raises(ResumeError) as info:
        Session.resume(record, other)
    assert info.value.code == "level_differs"
