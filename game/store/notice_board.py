"""What the player must be told about their files, once: a file set aside, a file that
cannot be written over. The store adds sentences; the window shows them.

``notices()`` gives the plain sentences not yet taken, ``take_notices()``
gives them and forgets them (the window shows each once); ``take_details()``
gives the exact problems as ``FILE:LINE:COL: message; hint`` lines, for a
teacher or a bug report (the game prints them on its error output).
"""

from __future__ import annotations

_pending: list[str] = []
_details: list[str] = []
_told: set[str] = set()


def tell(sentence: str, detail: str = "") -> None:
    """Add a sentence for the player (each sentence once per run), and its exact problem."""
    if sentence in _told:
        return
    _told.add(sentence)
    _pending.append(sentence)
    if detail:
        _details.append(detail)


def notices() -> list[str]:
    """The sentences not yet shown, oldest first."""
    return list(_pending)


def take_notices() -> list[str]:
    """The sentences not yet shown; after this they count as shown."""
    out = list(_pending)
    _pending.clear()
    return out


def take_details() -> list[str]:
    """The exact problems not yet taken, as ``FILE:LINE:COL: message; hint``."""
    out = list(_details)
    _details.clear()
    return out


def forget() -> None:
    """Start afresh (a new data folder, or a test)."""
    _pending.clear()
    _details.clear()
    _told.clear()
