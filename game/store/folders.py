"""Where the game keeps its files: the user data folder and the folders inside it.

``$MINERISK_DATA_DIR`` overrides the platform's user data folder (tests,
portable installs on a USB stick).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "MINERISK_DATA_DIR"


def data_dir() -> Path:
    """The folder for the player's files (created on first write)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("minerisk", appauthor=False))


def my_levels_dir() -> Path:
    """The "My levels" folder: levels a trainer gave the student (installed packs, or copied by hand)."""
    return data_dir() / "my_levels"

