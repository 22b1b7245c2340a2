"""The campaign so far (``progress.json`` in the data folder): the best grade per level id.

Saving merges: under the data folder's lock the file on disk is read again
and, level by level, the better grade of the two is kept, so two games on one
folder never lose each other's grades; keys this version does not know are
kept as they were.

A progress file this version cannot use in full is never written over and
never rewritten in an older format: it is set aside (``progress.json.corrupt``
or ``progress.json.newer``, byte for byte) and the player is told. The grades
it holds that this version understands (a level id and a letter A-F) are
still used, so levels stay open, and the next save writes them to a fresh
``progress.json``. A newer version finds its own file, intact, under
``progress.json.newer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.text import _
from game.store.folders import data_dir
from game.store.slots import SaveResult, Slot, Words, load_slot, save_slot, versioned_object

PROGRESS_VERSION = 1
GRADES = ("A", "B", "C", "D", "E", "F")  # best first
MAX_LEVELS = 10_000
MAX_ID_CHARS = 200


def _good_grades(grades: Any) -> dict[str, str]:
    """The entries of a ``best_grades`` mapping this version understands."""
    if not isinstance(grades, dict):
        return {}
    return {k: v for k, v in list(grades.items())[:MAX_LEVELS]
            if isinstance(k, str) and 0 < len(k) <= MAX_ID_CHARS and v in GRADES}


def _complete(data: dict) -> bool:
    """Whether every grade is a level id and a letter A-F."""
    grades = data.get("best_grades", {})
    return isinstance(grades, dict) and len(_good_grades(grades)) == len(grades)


def progress_slot() -> Slot:
    accept = versioned_object(_complete, PROGRESS_VERSION)
    return Slot(data_dir() / "progress.json", "progress", "version", PROGRESS_VERSION, accept, Words(
        _("Your progress could not be read ({problem}). It was kept, unchanged, as {file} in the game's data "
          "folder, so a teacher can repair it; until then the campaign shows only the grades that could be "
          "read."),
        _("Your progress was saved by a newer version of Mine Risk. It was kept as {file} in the game's "
          "data folder; the grades this version understands are still yours."),
        _("Your progress could not be read ({problem}) and could not be moved aside ({reason}). Mine Risk "
          "will not write over it, so new grades cannot be saved until it is fixed or moved.")))


def better(a: str | None, b: str | None) -> str | None:
    """The better of two grades (None counts as no grade)."""
    if a is None or b is None:
        return a or b
    return a if GRADES.index(a) <= GRADES.index(b) else b


@dataclass
class Progress:
    """The campaign so far: the best grade reached per level id."""

    best_grades: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict, repr=False)  # keys of other versions, kept as they were
    unsaved: bool = field(default=False, repr=False)  # a grade was recorded and not saved yet

    @classmethod
    def load(cls) -> "Progress":
        """The progress on disk; a file that cannot be used is set aside (the player is told)."""
        found = load_slot(progress_slot())
        data = found.data if isinstance(found.data, dict) else {}
        out = cls(_good_grades(data.get("best_grades")))
        if found.status == "ok":
            out.extra = {k: v for k, v in data.items() if k not in ("version", "best_grades")}
        return out

    def save(self) -> SaveResult:
        """Merge with the file on disk (best grade per level) and write; the result says why if it failed."""

        def build(disk: dict | None) -> dict:
            merged = dict(self.best_grades)
            if disk:
                for level, grade in _good_grades(disk.get("best_grades")).items():
                    merged[level] = better(merged.get(level), grade)
                self.extra = {**{k: v for k, v in disk.items() if k not in ("version", "best_grades")},
                              **self.extra}
            self.best_grades = merged
            return {**self.extra, "version": PROGRESS_VERSION, "best_grades": merged}

        result = save_slot(progress_slot(), build)
        if result:
            self.unsaved = False
        return result

    def record(self, level_id: str, grade: str) -> bool:
        """Keep ``grade`` if it beats the best so far; True if it did."""
        if grade not in GRADES:
            return False
        old = self.best_grades.get(level_id)
        if old is None or GRADES.index(grade) < GRADES.index(old):
            self.best_grades[level_id] = grade
            self.unsaved = True
            return True
        return False

    def unlocked(self, level_ids: list[str], index: int) -> bool:
        """The first level is open; each next one opens once the one before has a grade."""
        return index == 0 or level_ids[index - 1] in self.best_grades
