"""The one place that decides a run's seed: it places the hidden truth and drives every chance.

A seed is a whole number ``0 <= seed < 2**63`` (:data:`MAX_SEED`). A level
names its own seed; the command line may ask for another; a campaign attempt
draws a fresh one (stored in its run record), so a debrief never turns a
replay into an oracle.
"""

from __future__ import annotations

import secrets

MAX_SEED = 2 ** 63


class SeedError(ValueError):
    """A seed out of range or not a whole number; the message says what is allowed."""


def check_seed(value: object) -> int:
    """``value`` as a seed, or SeedError with a plain message."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("+").isdigit() and len(value.strip()) <= 20:
            value = int(value)
        else:
            raise SeedError(f"a seed is a whole number from 0 to {MAX_SEED - 1}")
    if not 0 <= value < MAX_SEED:
        raise SeedError(f"a seed is a whole number from 0 to {MAX_SEED - 1}; {_short(value)} is not")
    return int(value)


def fresh_seed() -> int:
    """A new seed for a campaign attempt, from the operating system's randomness."""
    return secrets.randbelow(MAX_SEED)


def resolve_seed(level_seed: int, requested: int | None = None, fresh: bool = False) -> int:
    """The seed of a run: ``requested`` if given, else a fresh one if asked, else the level's own."""
    if requested is not None:
        return check_seed(requested)
    if fresh:
        return fresh_seed()
    return check_seed(level_seed)


def _short(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:10]}...({len(text)} digits)"
