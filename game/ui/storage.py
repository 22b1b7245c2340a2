"""The player's files: settings, campaign progress and saved games.

They live in the user's data folder (platformdirs), or in
``$MINERISK_DATA_DIR`` when set (tests and portable installs). Every write is
atomic (temporary file, fsync, ``os.replace``), so a crash or a full disk
leaves the previous file intact; every read survives a missing or broken file
by falling back to defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.store.folders import DATA_DIR_ENV, data_dir  # noqa: F401 (re-exported)

UI_SCALES = (1.0, 1.5, 2.0)
GRADES = ("A", "B", "C", "D", "E", "F")  # best first


def read_json(path: Path) -> Any:
    """The JSON in ``path``, or None if it is missing, unreadable or broken."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


# ------------------------------------------------------------------ settings


@dataclass
class Settings:
    """What the player chose in the settings screen."""

    ui_scale: float = 1.0
    language: str = "en"
    show_hints: bool = True
    sound: bool = True  # sound effects on (F9 or the settings screen mutes them)
    window: tuple[int, int] = (1280, 720)

    @classmethod
    def load(cls) -> "Settings":
        data = read_json(data_dir() / "settings.json")
        out = cls()
        if not isinstance(data, dict):
            return out
        if data.get("ui_scale") in UI_SCALES:
            out.ui_scale = float(data["ui_scale"])
        if isinstance(data.get("language"), str) and data["language"].isidentifier():
            out.language = data["language"]
        if isinstance(data.get("show_hints"), bool):
            out.show_hints = data["show_hints"]
        if isinstance(data.get("sound"), bool):
            out.sound = data["sound"]
        w = data.get("window")
        if (isinstance(w, list) and len(w) == 2 and all(isinstance(v, int) for v in w)
                and 320 <= w[0] <= 10000 and 240 <= w[1] <= 10000):
            out.window = (w[0], w[1])
        return out

    def save(self) -> bool:
        """Write the settings; False if the disk refused (the game goes on)."""
        try:
            write_atomic(data_dir() / "settings.json", json.dumps(asdict(self), indent=2))
        except OSError:
            return False
        return True


# ------------------------------------------------------------------ progress


@dataclass
class Progress:
    """The campaign so far: the best grade reached per level id."""

    best_grades: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Progress":
        data = read_json(data_dir() / "progress.json")
        out = cls()
        if isinstance(data, dict) and isinstance(data.get("best_grades"), dict):
            out.best_grades = {k: v for k, v in data["best_grades"].items()
                               if isinstance(k, str) and v in GRADES}
        return out

    def save(self) -> bool:
        try:
            write_atomic(data_dir() / "progress.json",
                         json.dumps({"version": 1, "best_grades": self.best_grades}, indent=2))
        except OSError:
            return False
        return True

    def record(self, level_id: str, grade: str) -> bool:
        """Keep ``grade`` if it beats the best so far; True if it did."""
        if grade not in GRADES:
            return False
        old = self.best_grades.get(level_id)
        if old is None or GRADES.index(grade) < GRADES.index(old):
            self.best_grades[level_id] = grade
            return True
        return False

    def unlocked(self, level_ids: list[str], index: int) -> bool:
        """The first level is open; each next one opens once the one before has a grade."""
        return index == 0 or level_ids[index - 1] in self.best_grades
