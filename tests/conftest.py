"""Test set-up: headless SDL before anything imports pygame, and shared fixtures."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from hypothesis import settings  # noqa: E402

# `HYPOTHESIS_PROFILE=deep python -m pytest tests/unit/test_level_fuzz.py` runs a long fuzz.
settings.register_profile("default", max_examples=200)
settings.register_profile("deep", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
