"""Problems found in a trainer's files, reported as ``FILE:LINE:COL: message``.

Every check in the level pipeline collects :class:`Problem` values instead of
raising on the first one, so a trainer sees everything wrong at once.
:class:`LevelError` carries them out of the loader; nothing else escapes.
"""

from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """``text`` with control characters (newline, carriage return, tab, ...) written as escapes, so one
    problem stays on one line wherever it is shown (a file name or value may hold them)."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column.

    ``severity`` is ``"error"`` (the level cannot be loaded) or ``"warning"``
    (it loads, but students will not be able to play it as meant: see
    game/level/playability.py).
    """

    file: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"

    def __post_init__(self) -> None:
        for name in ("message", "hint"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def format(self) -> str:
        """The one-line form: ``FILE:LINE:COL: message; hint`` (``warning: `` before a warning's message)."""
        label = "warning: " if self.is_warning else ""
        text = f"{printable(self.file)}:{self.line}:{self.col}: {label}{self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def __str__(self) -> str:
        return self.format()


class LevelError(Exception):
    """A level (or its map) could not be loaded; ``problems`` says why, all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.message))
        super().__init__("\n".join(p.format() for p in self.problems))


class Collector:
    """Gathers problems for one file; checks call :meth:`add` and go on."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, max(1, line), max(1, col), message, hint))

    def warn(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, max(1, line), max(1, col), message, hint, "warning"))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise LevelError(self.problems)
