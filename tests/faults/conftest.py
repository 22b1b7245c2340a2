"""The fault-injection suite: kill -9 while saving, a full disk, a read-only folder, two
games on one folder, hostile files in every data slot. Each test ends with the real game
starting headless on the same data folder and every earlier grade still there (helpers
in faultkit.py). The run ends with a summary line of what was tried.
"""

from __future__ import annotations

import pytest

from faultkit import TALLY


def pytest_terminal_summary(terminalreporter):
    if TALLY.hostile_inputs or TALLY.game_starts:
        terminalreporter.write_line(
            f"faults: {TALLY.hostile_inputs} hostile inputs, {TALLY.game_starts} real game starts, "
            f"{TALLY.tracebacks} tracebacks, {TALLY.hangs} hangs, {TALLY.grades_lost} grades lost")


@pytest.fixture
def data(tmp_path, monkeypatch):
    """An empty data folder, used by this process and by the games it starts."""
    from game.store import notice_board

    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MINERISK_DATA_DIR", str(folder))
    notice_board.forget()
    yield folder
    notice_board.forget()
