"""``minerisk`` with no command: start the game.

Until the game window lands (issue: the playable game), this prints the
campaign and the commands that already work.
"""

from __future__ import annotations

from game.commands.levels import rows
from game.paths import levels_dir


def register(sub) -> None:
    """The ``play`` subcommand arrives with the game window."""


def start_default() -> int:
    try:
        from game.ui.app import run_game  # noqa: F401 - present once the UI lands
    except ImportError:
        pass
    else:
        return run_game()
    print("Mine Risk: a game about humanitarian mine action.\n")
    print("The campaign:")
    for i, r in enumerate(rows(levels_dir()), 1):
        print(f"  {i}. {r['title']}  (id: {r['id']}, difficulty {'*' * r['difficulty']})")
    print("\nThe game window is not built yet. What works today:")
    print("  minerisk levels            list the levels")
    print("  minerisk validate PATH     check a level file you wrote (or a folder of them)")
    print("  minerisk schema            the level format as JSON Schema, for your editor")
    print("  minerisk bench             measure load speed")
    print("  minerisk --help            everything else")
    return 0
