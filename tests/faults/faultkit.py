"""Helpers of the fault-injection suite: start the real game as a process (``python -m
game`` with the SDL dummy drivers and ``MINERISK_QUIT_AFTER_FRAMES``), check that every
earlier grade is still there, and count what was tried (hostile inputs, real game starts,
tracebacks, hangs, grades lost) for the summary at the end of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRADES = {"first_steps": "B", "cancel_or_clear": "A", "technical_survey": "C"}
START_TIMEOUT = 60  # seconds: a start that takes longer counts as a hang


@dataclass
class Tally:
    hostile_inputs: int = 0
    game_starts: int = 0
    tracebacks: int = 0
    hangs: int = 0
    grades_lost: int = 0


TALLY = Tally()


def write_grades(folder: Path, grades: dict | None = None) -> None:
    (folder / "progress.json").write_text(json.dumps({"version": 1, "best_grades": grades or GRADES}))


def game_env(folder: Path, frames: int = 5) -> dict:
    return dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
                MINERISK_DATA_DIR=str(folder), MINERISK_QUIT_AFTER_FRAMES=str(frames), PYTHONPATH=str(ROOT))


def start_games(folders: list[Path], args: tuple[str, ...] = (), preexec_fn=None) -> list[subprocess.CompletedProcess]:
    """Start the real game on each folder at once (headless, a few frames); count tracebacks and hangs."""
    procs = [subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, env=game_env(f),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec_fn)
             for f in folders]
    done = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            TALLY.hangs += 1
            err += "\n[hung]"
        TALLY.game_starts += 1
        if "Traceback" in err:
            TALLY.tracebacks += 1
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def assert_started(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 0 and "Traceback" not in done.stderr and "[hung]" not in done.stderr, done.stderr


def assert_grades_kept(folder: Path, expected: dict | None = None) -> None:
    """Every earlier grade is in the folder's progress (read as the game reads it)."""
    from game.store import notice_board
    from game.store.progress import GRADES as ORDER
    from game.store.progress import Progress

    old = os.environ.get("MINERISK_DATA_DIR")
    os.environ["MINERISK_DATA_DIR"] = str(folder)
    try:
        now = Progress.load().best_grades
    finally:
        if old is None:
            del os.environ["MINERISK_DATA_DIR"]
        else:
            os.environ["MINERISK_DATA_DIR"] = old
        notice_board.take_notices()
    lost = [lv for lv, g in (expected or GRADES).items()
            if lv not in now or ORDER.index(now[lv]) > ORDER.index(g)]
    TALLY.grades_lost += len(lost)
    assert not lost, (lost, now)


def saved_game(level: str = "first_steps", day: int = 2, seed: int = 1, commands: int = 0):
    """A saved game as the window writes it: a run record without an end, with ``commands`` orders."""
    from game.run.record import CommandEntry, RunRecord
    from game.sim.commands import from_dict
    from game.sim.orders import Outcome

    order = {"type": "Survey", "day": 1, "team": "nts-1", "area": "north_pasture"}
    entries = [CommandEntry(from_dict(order), Outcome(True, "accepted", {})) for _ in range(commands)]
    return RunRecord(level_id=level, level_sha256="ab" * 32, seed=seed, day=day, commands=entries)
