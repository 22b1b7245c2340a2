"""The player's and the teacher's files on disk: where they live, how they are
read (hardened) and written (atomically, carefully). No pygame here.

- ``folders``: the data folder, "My levels", finding a level by file or id;
- ``jsonfile``: the one hardened JSON reader (size caps, regular files only,
  bounded nesting and numbers, ``FILE:LINE:COL: message; hint``);
- ``slots``: one player file read and written so nothing is lost: set aside
  what cannot be used, merge under the folder's lock (``lock``);
- ``settings``, ``progress``, ``saves``: the three kinds of player files;
- ``notice_board`` (``notices()``, ``take_notices()``): what the player must be told, once, in plain sentences;
- ``reasons``: why a file operation failed, in plain words.

The careful writer itself is ``game/atomic.py``.
"""

from game.store.notice_board import notices, take_details, take_notices  # noqa: F401 (the public API)
