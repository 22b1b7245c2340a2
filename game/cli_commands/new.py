"""``minerisk new NAME [--dir DIR]``: make a ready level folder to start a level from.

The folder holds a commented level file, a small map drawn with the bundled
tileset (copied beside it), the tileset's image, the Tiled project and the
JSON Schema for editors; it validates as it is, without warnings (see
game/level/scaffold.py). Exit 0, 1 when the folder cannot be made, 2 for a
usage error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("new", help="make a new level folder to start from",
                       description="Make a folder NAME with a level file, a small Tiled map, the tileset and "
                                   "the Tiled project: a level that validates as it is, to change.")
    p.add_argument("name", metavar="NAME", help="the level's name and id: letters, digits, - and _")
    p.add_argument("--dir", type=Path, default=Path("."), metavar="DIR",
                   help="where to make the folder (default: here)")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.level.scaffold import new_level

    try:
        level = new_level(args.name, args.dir)
    except ValueError as exc:
        print(f"minerisk new: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"minerisk new: {exc}; choose another name or --dir", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"minerisk new: cannot make the folder: {exc.strerror or exc}", file=sys.stderr)
        return 1
    folder = level.parent
    try:
        shown = os.path.relpath(folder)
    except ValueError:
        shown = str(folder)
    shown = shown if not shown.startswith("..") else str(folder)
    print(f"Made {shown}{os.sep}:")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            print(f"  {os.path.relpath(path, folder)}")
    print("Next: open the map in Tiled (File > Open File or Project: "
          f"{os.path.join(shown, 'minerisk.tiled-project')}), then edit {os.path.join(shown, level.name)}")
    print(f"Check it with: minerisk validate {shown}")
    return 0
