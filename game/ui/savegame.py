"""A saved game is ``level + seed + commands`` as JSON: resuming replays the orders.

Only accepted orders are kept, each with its day; ``day`` is the day the
player had reached. :func:`replay` rebuilds the exact same simulation by
applying each order on its day and stepping in between (the simulation is
deterministic). Files are written atomically (see :mod:`game.ui.storage`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.ui.storage import data_dir, read_json

SAVE_FORMAT = 1


@dataclass
class SavedGame:
    level_id: str
    level_path: str  # as found in the campaign; the id is checked on load
    seed: int
    day: int
    commands: list[dict[str, Any]] = field(default_factory=list)  # game.sim to_dict() form

    def to_json(self) -> str:
        return json.dumps({"format": SAVE_FORMAT, "level": self.level_id, "level_path": self.level_path,
                           "seed": self.seed, "day": self.day, "commands": self.commands}, indent=1)

    @classmethod
    def from_data(cls, data: Any) -> "SavedGame | None":
        """The saved game a JSON document describes, or None if it is not a valid one."""
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            return None
        level, path, seed, day, cmds = (data.get(k) for k in ("level", "level_path", "seed", "day", "commands"))
        if not (isinstance(level, str) and isinstance(path, str) and isinstance(seed, int)
                and isinstance(day, int) and day >= 1 and isinstance(cmds, list)
                and all(isinstance(c, dict) for c in cmds)):
            return None
        return cls(level, path, seed, day, list(cmds))


def save_path() -> Path:
    return data_dir() / "saved_game.json"


def write_save(game: SavedGame, path: Path | None = None) -> None:
    """Write atomically; raises OSError (the old save stays) if the disk refuses."""
    write_atomic(path or save_path(), game.to_json())


def read_save(path: Path | None = None) -> SavedGame | None:
    return SavedGame.from_data(read_json(path or save_path()))


def delete_save(path: Path | None = None) -> None:
    try:
        (path or save_path()).unlink()
    except OSError:
        pass
