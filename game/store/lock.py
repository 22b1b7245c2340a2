"""One lock per data folder, so two games on one folder (a shared classroom
machine, a portable install) never lose each other's grades.

The lock is the operating system's lock on a file ``.lock`` in the folder:
``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on Windows. The system
releases it when the process ends, however it ends (even ``kill -9``), so a
lock can never go stale: the ``.lock`` file left behind is only a name, not
a lock. Waiting is bounded: after :data:`WAIT_SECONDS` the lock gives up
with :class:`FolderBusy` (an ``OSError`` that says so in plain words).

The lock is re-entrant within one process (a save that reads the folder
again takes it once). Where the file system cannot lock at all, the game goes
on without the lock rather than refusing to save.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"
WAIT_SECONDS = 10.0

_held: dict[str, int] = {}  # folder -> depth, in this process
_guard = threading.RLock()


class FolderBusy(OSError):
    """Another Mine Risk kept the data folder locked for too long."""

    def __init__(self, folder: Path):
        super().__init__(errno.EBUSY, "another Mine Risk window is busy with the same files", str(folder))


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting; False if another process holds it."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the file releases it anyway


def _open_lock_file(path: Path) -> int:
    """Open (or create) the lock file; something else in its place (a folder, a link) is put aside once."""
    import secrets
    import stat

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    for attempt in range(2):
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as exc:
            if attempt or exc.errno not in (errno.EISDIR, errno.ELOOP, errno.ENXIO):
                raise
        else:
            if stat.S_ISREG(os.fstat(fd).st_mode) or attempt:
                return fd
            os.close(fd)
        os.rename(path, path.with_name(f"{LOCK_NAME}.{secrets.token_hex(4)}.broken"))
    raise OSError(errno.EIO, "the lock file cannot be made", str(path))


@contextmanager
def folder_lock(folder: Path, wait: float | None = None, create: bool = True):
    """Hold the lock of ``folder`` for the ``with`` block.

    Raises OSError when the folder cannot be created or the lock file opened
    (the caller reports it), :class:`FolderBusy` after ``wait`` seconds
    (default :data:`WAIT_SECONDS`). With
    ``create=False`` a missing folder is not created and nothing is locked.
    """
    folder = Path(folder)
    key = os.path.abspath(folder)
    with _guard:
        if _held.get(key):
            _held[key] += 1
            try:
                yield
            finally:
                _held[key] -= 1
            return
        if not create and not folder.is_dir():
            yield
            return
        folder.mkdir(parents=True, exist_ok=True)
        fd = _open_lock_file(folder / LOCK_NAME)
        try:
            deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
            locked = True
            while True:
                try:
                    if _try_lock(fd):
                        break
                except OSError as exc:  # a file system without locks: go on unlocked
                    if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                        locked = False
                        break
                    raise
                if time.monotonic() >= deadline:
                    raise FolderBusy(folder)
                time.sleep(0.01)
            _held[key] = 1
            try:
                yield
            finally:
                _held[key] = 0
                if locked:
                    _unlock(fd)
        finally:
            os.close(fd)
