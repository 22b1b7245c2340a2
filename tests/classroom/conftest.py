"""Classroom test fixtures: each test's own data folder, and finished runs played once per test session."""

from __future__ import annotations

import json
import secrets

import pytest

from game.paths import levels_dir
from game.run.players import play_session
from game.run.record import RunRecord, parse_record
from game.run.session import Session

LEVELS = {"first_steps": "01_first_steps.yaml", "cancel_or_clear": "02_cancel_or_clear.yaml",
          "technical_survey": "03_technical_survey.yaml"}


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("MINERISK_DATA_DIR", str(folder))
    return folder


_PLAYED: dict[tuple[str, int, str], str] = {}


def played(level_id: str, seed: int = 1, policy: str = "land_release") -> str:
    """The run record (JSON) of a level played to its end by a scripted player, as a student would hand it in:
    no ``policy`` field (the window records none), no player yet. Played once per test session."""
    key = (level_id, seed, policy)
    if key not in _PLAYED:
        session = Session.start(levels_dir() / LEVELS[level_id], seed=seed)
        with play_session(session, policy):
            _PLAYED[key] = session.record().to_json()
    return _PLAYED[key]


def a_run(level_id: str = "first_steps", seed: int = 1, policy: str = "land_release",
          player: dict | None = None) -> RunRecord:
    """A fresh copy of a played run (a new run id: the id is not part of any digest), for ``player``."""
    record, problems = parse_record(played(level_id, seed, policy), "played")
    assert not problems
    record.run_id = secrets.token_hex(16)
    record.player = dict(player or {})
    return record


def edited(record_json: str, change) -> str:
    data = json.loads(record_json)
    change(data)
    return json.dumps(data, indent=1)
