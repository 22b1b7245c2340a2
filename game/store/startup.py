"""What the game does with its data folder when it starts, before reading anything.

Something other than a folder where the data folder should be (a file, a
dangling link) is set aside so the game can make its folder; temporary files
left by a killed save are removed once they are a few minutes old; the first
releases' single saved game is moved into its level's slot.
"""

from __future__ import annotations

import os
import stat

from game.atomic import clean_stale_temps
from game.text import _
from game.store import notice_board as notices
from game.store.folders import data_dir
from game.store.reasons import plain_reason
from game.store.saves import migrate_legacy_save, saves_dir
from game.store.slots import aside_name


def open_data_folder() -> None:
    """Make the data folder usable and tidy; never raises (problems become notices)."""
    folder = data_dir()
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        notices.tell(_("The game's data folder cannot be used ({reason}); nothing will be saved.").format(
            reason=plain_reason(exc)), f"{folder}:1:1: {exc}")
        return
    if st is None and os.path.lexists(folder) or st is not None and not stat.S_ISDIR(st.st_mode):
        try:
            target = aside_name(folder, ".corrupt")
            os.rename(folder, target)
        except OSError as exc:
            notices.tell(_("The game's data folder is not a folder and could not be moved aside ({reason}); "
                           "nothing will be saved.").format(reason=plain_reason(exc)), f"{folder}:1:1: {exc}")
            return
        notices.tell(_("The game's data folder was not a folder. It was kept as {file}; the game starts "
                       "afresh.").format(file=target.name), f"{folder}:1:1: not a folder")
        return
    if st is None:
        return
    clean_stale_temps(folder)
    clean_stale_temps(saves_dir())
    migrate_legacy_save()
