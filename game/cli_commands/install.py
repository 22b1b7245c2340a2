"""``minerisk install FILE [--replace]``: install a level pack into the My levels folder.

The pack is checked and every level validated before anything is installed
(see game/packs.py); a level whose id is already installed is replaced only
with ``--replace``. Exit 0 when installed, 1 when refused (each reason
printed), 2 for a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("install", help="install a level pack into My levels",
                       description="Install a level pack (made with `minerisk pack`) into the My levels folder, "
                                   "after checking it.")
    p.add_argument("pack", metavar="FILE", help="the level pack (.minerisk.zip)")
    p.add_argument("--replace", action="store_true", help="replace installed levels with the same ids")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.packs import install_pack

    result = install_pack(Path(args.pack), replace=args.replace)
    for problem in result.problems + result.warnings:
        print(problem.format(), file=sys.stderr)
    if not result.ok:
        print("minerisk install: the pack was not installed; nothing was changed", file=sys.stderr)
        return 1
    n = len(result.levels)
    replaced = f" (replacing {', '.join(result.replaced)})" if result.replaced else ""
    print(f"Installed {n} level{'s' * (n != 1)} ({', '.join(result.levels)}) in {result.folder}{replaced}.")
    return 0
