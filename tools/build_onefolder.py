"""Make the one-folder build (PyInstaller) of this system: ``python tools/build_onefolder.py OUT``.

Writes ``OUT/minerisk-<system>-<processor>/`` with the ``minerisk`` program and
everything it needs, Python included, for school computers with no Python.
Run it on the system the build is for (Windows on Windows, macOS on a Mac);
it needs internet (PyInstaller and the game's dependencies come from PyPI).
See docs/offline-install.md.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.kit.onefolder import archive, build_onefolder, executable  # noqa: E402
from game.kit.source import KitError  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Make this system's one-folder build of Mine Risk (PyInstaller).")
    parser.add_argument("out", type=Path, metavar="OUT", help="the folder to put the build in")
    parser.add_argument("--archive", action="store_true",
                        help="also pack it into one file (.zip on Windows, .tar.gz elsewhere) for a USB stick")
    args = parser.parse_args()
    try:
        built = build_onefolder(args.out)
    except KitError as exc:
        print(f"build_onefolder: {exc}", file=sys.stderr)
        return 1
    print(f"Made {built['folder']} ({built['size'] / 1e6:.0f} MB): {built['label']}")
    print(f"Start it with: {executable(built['folder'])}")
    if args.archive:
        packed = archive(built["folder"], args.out)
        print(f"Packed: {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
