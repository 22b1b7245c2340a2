"""Red-team the rules: every scripted player over many seeds on every shipped level, as markdown.

    python tools/redteam.py                      # all players, seeds 1-10, levels/*.yaml, 2 workers
    python tools/redteam.py --jobs 4 --seeds 1-20 --levels levels/02_cancel_or_clear.yaml
    python tools/redteam.py --policies land_release,dogs_only --out /tmp/redteam.md

Prints one table per level (mean score, stdev, grades, items left in released
land, live items at the end, casualties, released m2, spent, and the
comparison with land_release), then the shortcut players that pay: a mean at
least land_release's, or an A or B grade. If a shortcut pays, the rule is
wrong, not the player (docs/architecture.md, issue 9).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from game.level.campaign import list_levels  # noqa: E402
from game.paths import levels_dir  # noqa: E402
from game.policies import POLICIES, SHORTCUTS, TEACHING, run_tournament  # noqa: E402
from game.policies.report import markdown_table, shortcuts_that_pay  # noqa: E402


def seed_range(text: str) -> list[int]:
    """``1-10`` or ``1,4,9`` or ``7``."""
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    p.add_argument("--seeds", type=seed_range, default=seed_range("1-10"), help="e.g. 1-10 or 1,4,9")
    p.add_argument("--levels", nargs="*", type=Path, help="level files (default: every shipped level)")
    p.add_argument("--policies", help="comma-separated names (default: every scripted player)")
    p.add_argument("--out", type=Path, help="also write the markdown to this file")
    args = p.parse_args(argv)
    policies = args.policies.split(",") if args.policies else ["land_release", *TEACHING, *SHORTCUTS]
    unknown = [n for n in policies if n not in POLICIES]
    if unknown:
        p.error(f"unknown policy {unknown[0]!r}; known: {', '.join(POLICIES)}")
    levels = [(path.stem, path) for path in args.levels] if args.levels else \
        [(info.id, info.path) for info in list_levels(levels_dir())]
    seeds = args.seeds
    parts = [f"# Red team: {len(policies)} players x seeds {seeds[0]}-{seeds[-1]} on {len(levels)} levels", ""]
    paying: list[str] = []
    started = time.perf_counter()
    for level_id, path in levels:
        t0 = time.perf_counter()

        def progress(done: int, total: int, policy: str, seed: int) -> None:
            print(f"\r{level_id}: {done}/{total} runs", end="", file=sys.stderr, flush=True)

        stats = run_tournament(path, policies, seeds, jobs=args.jobs,
                               progress=progress if sys.stderr.isatty() else None)
        print(f"\r{level_id}: {len(policies) * len(seeds)} runs in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        parts += [f"## {level_id}", "", markdown_table(stats), ""]
        if "land_release" in stats:
            paying += [f"- {level_id}, {line}" for line in shortcuts_that_pay(stats, [n for n in policies
                                                                                    if n in SHORTCUTS])]
    parts += ["## Shortcuts that pay (mean at least land_release's, or an A or B grade)", ""]
    parts += paying or ["None."]
    parts += ["", f"Wall time {time.perf_counter() - started:.0f} s with {args.jobs} worker(s)."]
    text = "\n".join(parts) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
