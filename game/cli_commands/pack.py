"""``minerisk pack LEVEL_DIR_OR_FILE -o FILE``: one file that holds levels, to hand out.

Every level is validated first; errors stop the pack, warnings are printed.
Exit 0 when the pack is written, 1 when it is refused, 2 for a usage error.
See game/packs.py for the format.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("pack", help="pack levels into one file to hand out",
                       description="Pack a level file, or a folder of levels, with its maps, tilesets and images "
                                   "into one file students install with `minerisk install FILE`.")
    p.add_argument("source", metavar="LEVEL_DIR_OR_FILE", help="a level file (.yaml) or a folder of levels")
    p.add_argument("-o", "--output", metavar="FILE", help="the pack to write (default: NAME.minerisk.zip here)")
    p.set_defaults(run=run)


def pack_path(source: Path, output: str | None, name: str, suffix: str) -> tuple[Path, str]:
    """Where the pack goes, and a note when that is not what ``-o`` said: a folder gets NAME.minerisk.zip
    inside it, and a file name gets the ending the game's Install screen lists (it lists only
    ``*.minerisk.zip``)."""
    if not output:
        return Path(name + suffix), ""
    out = Path(output)
    if out.is_dir():
        return out / (name + suffix), f"{output} is a folder: the pack goes into it as {name + suffix}"
    if out.name.lower().endswith(suffix):
        return out, ""
    stem = out.name[:-len(".zip")] if out.name.lower().endswith(".zip") else out.name
    fixed = out.with_name(stem + suffix)
    return fixed, (f"named {fixed} (not {output}): the game's Install screen lists only files ending in "
                   f"{suffix}")


def run(args) -> int:
    from game.packs import SUFFIX, pack_name, write_pack

    source = Path(args.source)
    out, note = pack_path(source, args.output, pack_name(source), SUFFIX)
    result = write_pack(source, out)
    for problem in result.problems + result.warnings:
        print(problem.format(), file=sys.stderr)
    if result.path is None:
        print(f"minerisk pack: no pack written ({len(result.problems)} problem"
              f"{'s' * (len(result.problems) != 1)})", file=sys.stderr)
        return 1
    if note:
        print(note)
    n = len(result.levels)
    print(f"Wrote {result.path}: {n} level{'s' * (n != 1)} ({', '.join(result.levels)}). "
          f"Students install it with: minerisk install {result.path.name}")
    return 0
