"""``python -m game`` behaves like the ``minerisk`` command."""

import sys

from game.cli import main

sys.exit(main())
