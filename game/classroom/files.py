"""How the classroom reads and writes its own files: strictly and atomically.

Reading returns the text of a regular file of at most ``limit`` bytes, or a
:class:`~game.level.errors.Problem` (``FILE:LINE:COL: message; hint``) saying
why there is none; it never raises for what a file holds. Writing goes
through the game's atomic writer (temporary file, fsync, rename), so a crash
or a full disk leaves the old file whole.
"""

from __future__ import annotations

import stat
from pathlib import Path

from game.atomic import write_atomic
from game.level.errors import Problem


def read_text(path: Path, limit: int, shown: str | None = None) -> tuple[str | None, Problem | None]:
    """The UTF-8 text of the file at ``path``, or the problem that stops reading it."""
    shown = shown if shown is not None else str(path)
    try:
        st = Path(path).stat()
        if not stat.S_ISREG(st.st_mode):
            return None, Problem(shown, 1, 1, "this is not a regular file", "give the path of a file")
        if st.st_size > limit:
            return None, Problem(shown, 1, 1, f"the file is too large ({st.st_size:,} bytes; at most {limit:,})",
                                 "is this really a Mine Risk file?")
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        return None, Problem(shown, 1, 1, "file not found", "check the path")
    except (OSError, ValueError) as exc:
        return None, Problem(shown, 1, 1, f"cannot read the file ({getattr(exc, 'strerror', None) or exc})",
                             "check the path and the file's permissions")
    if len(raw) > limit:
        return None, Problem(shown, 1, 1, f"the file is too large (at most {limit:,} bytes)",
                             "is this really a Mine Risk file?")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[:exc.start].decode("utf-8", "replace")
        line = before.count("\n") + 1
        return None, Problem(shown, line, len(before) - (before.rfind("\n") + 1) + 1, "the file is not UTF-8 text",
                             "the file is damaged or is not a Mine Risk file")


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step (OSError if it fails; the old file is then kept)."""
    write_atomic(Path(path), text)
