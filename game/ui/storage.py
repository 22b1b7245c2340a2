"""The player's settings and progress: now in game/store (no pygame there); kept for old imports."""

from game.atomic import write_atomic  # noqa: F401
from game.store.folders import DATA_DIR_ENV, data_dir  # noqa: F401
from game.store.progress import GRADES, Progress  # noqa: F401
from game.store.settings import UI_SCALES, Settings  # noqa: F401
