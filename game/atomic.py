"""The careful writer: replace a file so that a crash or a full disk never leaves it broken,
and never write over something that is not ours.

:func:`write_atomic` writes to a temporary file in the same folder
(``.NAME.<random>.tmp``), flushes it to disk (fsync), and only then puts it in
place in one step (``os.replace``) and flushes the folder. If anything fails,
the old file is untouched and the temporary file removed; temporary files
left by a killed process are removed by the next write once they are a few
minutes old (:func:`clean_stale_temps`).

Before writing, :func:`check_target` refuses what must never be replaced: a
folder, a device, a pipe (FIFO), a link, a level or map file, and (unless the
caller allows any regular file) a file that Mine Risk did not write. The mode
of the file replaced is kept; a new file gets the usual mode (0666 less the
umask, so 0644 most often). Refusals are :class:`UnsafeTarget` errors, an
``OSError`` whose ``strerror`` says in plain words why.

Used for saved games, progress, settings, replay files and screenshots.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from pathlib import Path

#: Files that trainers write by hand: never replaced, whatever the caller says.
PROTECTED_SUFFIXES = (".yaml", ".yml", ".tmx", ".tsx")
#: A temporary file older than this (seconds) was left by a process that died.
STALE_TEMP_SECONDS = 300
#: How much of an existing file is read to tell whether Mine Risk wrote it.
_SNIFF_BYTES = 4096


#: Why a target is refused: a code (for translated words, see game/store/reasons.py) and English words.
REFUSALS = {
    "link": "it is a link to another file; Mine Risk does not write through links",
    "folder": "it is a folder, not a file",
    "device": "it is a device or a pipe, not a file",
    "level": "it is a level or map file; Mine Risk never writes over those",
    "foreign": "it is a file Mine Risk did not write; choose another name",
}


class UnsafeTarget(OSError):
    """The path names something the careful writer will not replace (``strerror`` says why, ``code`` too)."""

    def __init__(self, path: Path, code: str):
        super().__init__(errno.EPERM, REFUSALS[code], str(path))
        self.code = code


def _looks_like_ours(path: Path) -> bool:
    """Whether an existing regular file is one Mine Risk writes: a JSON object with a format or version."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, _SNIFF_BYTES)
    except OSError:
        return False
    finally:
        os.close(fd)
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text:
        return True  # an empty file holds nothing to lose
    return text.startswith("{") and ('"format"' in text or '"version"' in text)


def check_target(path: Path, any_file: bool = False) -> None:
    """Raise :class:`UnsafeTarget` if ``path`` must not be replaced; a missing path is fine.

    ``any_file`` lets the caller replace any regular file (a screenshot the
    player named, a data file the store has just read); without it only files
    Mine Risk wrote (a JSON object with a ``format`` or ``version``) are replaced.
    """
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        raise UnsafeTarget(path, "link")
    if stat.S_ISDIR(mode):
        raise UnsafeTarget(path, "folder")
    if not stat.S_ISREG(mode):
        raise UnsafeTarget(path, "device")
    if path.suffix.lower() in PROTECTED_SUFFIXES:
        raise UnsafeTarget(path, "level")
    if not any_file and not _looks_like_ours(path):
        raise UnsafeTarget(path, "foreign")


def clean_stale_temps(folder: Path, name: str | None = None, max_age: float = STALE_TEMP_SECONDS) -> int:
    """Remove temporary files (``.NAME.*.tmp``) left in ``folder`` by a killed process; how many went.

    Only regular files older than ``max_age`` seconds go (a younger one may
    belong to a save in progress in another window). ``name`` limits the
    cleaning to the temporary files of one file.
    """
    prefix = f".{name}." if name else "."
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > max_age:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def write_atomic(path: Path, content: str | bytes, any_file: bool = False) -> None:
    """Replace ``path`` with ``content`` in one step.

    Raises OSError and leaves the old file as it was if the disk refuses;
    raises :class:`UnsafeTarget` (an OSError) for what :func:`check_target` refuses.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(path.parent, path.name)
    check_target(path, any_file)
    try:
        keep_mode = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        keep_mode = None
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
    try:
        try:
            if keep_mode is not None:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, keep_mode)
                else:  # Windows: only the read-only flag exists
                    os.chmod(tmp, keep_mode | stat.S_IWRITE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        check_target(path, any_file=True)  # nothing unsafe appeared meanwhile
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the platform allows it."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
