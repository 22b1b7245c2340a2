"""Why a file could not be read or written, in words a student or a teacher understands.

``plain_reason(exc)`` turns an ``OSError`` into a short phrase that completes
"...could not be saved: ". The error number decides, not the system's own
message, which is often technical and differs between systems.
"""

from __future__ import annotations

import errno

from game.text import _


def _by_errno() -> dict[int, str]:
    out = {
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the disk or folder is read-only"),
        errno.EACCES: _("Mine Risk is not allowed to use this file or folder (permission denied)"),
        errno.EPERM: _("Mine Risk is not allowed to use this file or folder (permission denied)"),
        errno.EFBIG: _("the file would be larger than this system allows"),
        errno.ENAMETOOLONG: _("the file name is too long"),
        errno.ENOENT: _("the file or folder does not exist"),
        errno.ENOTDIR: _("a part of the path is a file, not a folder"),
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ELOOP: _("the path has too many links"),
        errno.EIO: _("the disk reported an error"),
        errno.EBUSY: _("the file is in use by another program"),
        errno.EEXIST: _("a file of that name is in the way"),
        errno.EMFILE: _("too many files are open"),
    }
    if hasattr(errno, "EDQUOT"):
        out[errno.EDQUOT] = _("your disk quota is used up")
    return out


def _refusals() -> dict[str, str]:
    """The careful writer's refusals (game/atomic.py REFUSALS), translated."""
    return {
        "link": _("it is a link to another file; Mine Risk does not write through links"),
        "folder": _("it is a folder, not a file"),
        "device": _("it is a device or a pipe, not a file"),
        "level": _("it is a level or map file; Mine Risk never writes over those"),
        "foreign": _("it is a file Mine Risk did not write; choose another name"),
    }


def plain_reason(exc: BaseException) -> str:
    """A short phrase saying why a file operation failed (no internal codes)."""
    from game.atomic import UnsafeTarget
    from game.store.lock import FolderBusy

    if isinstance(exc, UnsafeTarget):
        return _refusals().get(exc.code, exc.strerror)
    if isinstance(exc, FolderBusy):
        return _("another Mine Risk window is busy with the same files; try again in a moment")
    if isinstance(exc, OSError):
        known = _by_errno().get(exc.errno)
        if known:
            return known
        if exc.strerror:
            return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__
