"""Test set-up: headless SDL before anything imports pygame, and shared fixtures."""

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# No test ever writes the player's real data folder: a test that forgets to point
# MINERISK_DATA_DIR at its own folder (or undoes it) lands here instead.
os.environ["MINERISK_DATA_DIR"] = tempfile.mkdtemp(prefix="minerisk-tests-")

from hypothesis import settings  # noqa: E402

# `HYPOTHESIS_PROFILE=deep python -m pytest tests/unit/test_level_fuzz.py` runs a long fuzz.
settings.register_profile("default", max_examples=200)
settings.register_profile("deep", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
