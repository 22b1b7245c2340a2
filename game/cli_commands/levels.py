"""``minerisk levels``: list the bundled campaign (or the levels of a folder)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from game.level.campaign import list_levels
from game.paths import levels_dir


def register(sub) -> None:
    p = sub.add_parser("levels", help="list the bundled levels (id, title, difficulty, file)",
                       description="List the levels of the campaign, in order.")
    p.add_argument("folder", nargs="?", type=Path, help="a folder of levels (default: the bundled campaign)")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.set_defaults(run=run)


def rows(folder: Path) -> list[dict]:
    out = []
    for info in list_levels(folder):
        try:
            shown = os.path.relpath(info.path)
        except ValueError:
            shown = str(info.path)
        out.append({"id": info.id, "title": info.title, "difficulty": info.difficulty, "file": shown})
    return out


def run(args) -> int:
    folder = args.folder or levels_dir()
    try:
        is_folder = folder.is_dir()
    except (OSError, ValueError) as exc:  # a name too long, a loop of links
        from game.store.reasons import plain_reason

        reason = plain_reason(exc) if isinstance(exc, OSError) else str(exc)
        print(f"minerisk levels: {str(folder)[:200]}: {reason}", file=sys.stderr)
        return 2
    if not is_folder:
        print(f"minerisk levels: {str(folder)[:200]}: not a folder")
        return 2
    table = rows(folder)
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    if not table:
        print(f"No levels in {folder}.")
        return 0
    width = max(len(r["id"]) for r in table)
    twidth = max(len(r["title"]) for r in table)
    for r in table:
        stars = "*" * r["difficulty"]
        print(f"{r['id']:<{width}}  {r['title']:<{twidth}}  {stars:<5}  {r['file']}")
    return 0
