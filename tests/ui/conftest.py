"""UI test fixtures: a headless app at 1280x720 with the player's files in a temporary folder."""

from __future__ import annotations

import pygame
import pytest

from game.store import notice_board
from game.ui.app import App


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("MINERISK_DATA_DIR", str(folder))
    monkeypatch.delenv("MINERISK_QUIT_AFTER_FRAMES", raising=False)
    notice_board.forget()  # what an earlier test's files told the player is not this test's
    return folder


@pytest.fixture
def app():
    a = App(size=(1280, 720), max_frames=None, fixed_step=True)
    yield a
    for s in a.scenes:
        close = getattr(s, "close", None)
        if close:
            close()
    pygame.quit()
