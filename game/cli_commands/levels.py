"""``minerisk levels``: list the bundled campaign and My levels (the installed levels), or the levels of a folder.

My levels are listed after the campaign, marked as such, with whether each can be played and, if not, its
first problem: a trainer checks an install from the command line as the My levels menu shows it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.level import shown_path
from game.level.campaign import list_levels
from game.paths import levels_dir


def register(sub) -> None:
    p = sub.add_parser("levels", help="list the campaign and My levels (id, title, difficulty, file)",
                       description="List the levels of the campaign, in order, then My levels (the levels "
                                   "installed from packs), marked as such.")
    p.add_argument("folder", nargs="?", type=Path, help="a folder of levels (default: the bundled campaign)")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.set_defaults(run=run)


def rows(folder: Path) -> list[dict]:
    return [{"id": info.id, "title": info.title, "difficulty": info.difficulty, "file": shown_path(info.path),
             "source": "campaign"} for info in list_levels(folder)]


def my_level_rows() -> list[dict]:
    """The installed levels as the My levels menu lists them: playable or not, and why not."""
    from game.packs import my_levels

    return [{"id": lv.id, "title": lv.title, "difficulty": lv.difficulty, "file": shown_path(lv.path),
             "source": "my_levels", "playable": lv.playable,
             "problems": [p.format() for p in lv.problems if not p.is_warning]} for lv in my_levels()]


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
    mine = my_level_rows() if args.folder is None else []
    if args.json:
        print(json.dumps(table + mine, indent=2))
        return 0
    if not table and not mine:
        print(f"No levels in {folder}.")
        return 0
    width = max(len(r["id"]) for r in table + mine)
    twidth = max(len(r["title"]) for r in table + mine)

    def line(r: dict) -> str:
        stars = "*" * r["difficulty"]
        return f"{r['id']:<{width}}  {r['title']:<{twidth}}  {stars:<5}  {r['file']}"

    for r in table:
        print(line(r))
    if args.folder is None:
        from game.store.folders import my_levels_dir

        print()
        if not mine:
            print(f"My levels: none installed ({shown_path(my_levels_dir())}); `minerisk install PACK` adds them.")
        else:
            n = len(mine)
            print(f"My levels ({n} installed level{'s' * (n != 1)}, in {shown_path(my_levels_dir())}):")
            for r in mine:
                print(line(r) + ("" if r["playable"] else "  (cannot be played)"))
                if r["problems"]:
                    more = len(r["problems"]) - 1
                    print(f"    {r['problems'][0]}" + (f" (and {more} more: minerisk validate {r['file']})"
                                                       if more else ""))
    return 0
