"""Saved games: now in game/store/saves.py (no pygame there); kept for old imports."""

from game.store.saves import delete_save, latest_save, read_save, save_path, write_save  # noqa: F401
