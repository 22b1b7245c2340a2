"""Make the offline install kit for a USB stick: ``python tools/make_kit.py DIR``.

The same as ``minerisk kit DIR`` (all its options work, e.g. ``--check DIR``,
``--only-this-platform``, ``--onefolder``), runnable from the source checkout
before the game is installed. Needs internet once; see docs/offline-install.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["kit", *sys.argv[1:]]))
