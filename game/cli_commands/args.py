"""Argument types shared by the subcommands: a seed in range, with a plain message."""

from __future__ import annotations

import argparse

from game.run.seed import SeedError, check_seed


def seed_arg(text: str) -> int:
    """argparse type of ``--seed``: 0 <= seed < 2**63 (a negative or a 5,000-digit seed is a usage error)."""
    try:
        return check_seed(text)
    except SeedError as exc:
        raise argparse.ArgumentTypeError(f"{exc}, not {text[:30]!r}{'...' if len(text) > 30 else ''}") from None
