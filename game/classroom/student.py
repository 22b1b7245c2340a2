"""The student: a name and a class code, entered once in the settings, never needed to play.

They are all the game ever keeps about a child (docs/teachers.md): no age, no
account, nothing sent anywhere. They are written into every run the student
finishes (the run record's ``player``) and into the hand-in file, so the
teacher's import knows whose results it reads. Kept in the data folder as
``student.json``, a data slot of game/store (a file that cannot be read is
set aside and the player told, never written over).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from game.store.folders import data_dir
from game.store.jsonfile import JsonRead
from game.store.slots import Slot, Words, load_slot, remove_slot, save_slot
from game.text import _

MAX_NAME = 40
MAX_CLASS_CODE = 16
VERSION = 1


@dataclass(frozen=True, slots=True)
class Student:
    """Who plays on this computer now (both fields cleaned by :func:`clean`)."""

    name: str
    class_code: str

    def player(self) -> dict[str, str]:
        """The run record's ``player`` fields."""
        return {"name": self.name, "class_code": self.class_code}

    @property
    def key(self) -> str:
        """The same for two spellings of one student ("amina  " and "Amina"): how students are matched."""
        return student_key(self.name, self.class_code)


def clean(text: str, limit: int) -> str:
    """``text`` without control characters, with single spaces, at most ``limit`` characters."""
    text = "".join(ch for ch in str(text) if unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())[:limit].strip()


def student_key(name: str, class_code: str) -> str:
    return clean(class_code, MAX_CLASS_CODE).casefold() + "\x1f" + clean(name, MAX_NAME).casefold()


def check(name: str, class_code: str) -> list[str]:
    """What is wrong with a name and class code a student typed (empty: nothing)."""
    out = []
    if not clean(name, MAX_NAME):
        out.append(_("Type your name."))
    elif len(" ".join(str(name).split())) > MAX_NAME:
        out.append(_("A name has at most {n} letters.").format(n=MAX_NAME))
    if not clean(class_code, MAX_CLASS_CODE):
        out.append(_("Type your class code (your teacher gives it)."))
    elif len(" ".join(str(class_code).split())) > MAX_CLASS_CODE:
        out.append(_("A class code has at most {n} letters.").format(n=MAX_CLASS_CODE))
    return out


def of_player(player: dict[str, str] | None) -> Student | None:
    """The student a run record's ``player`` names (None if it names nobody)."""
    if not player:
        return None
    name, code = clean(player.get("name", ""), MAX_NAME), clean(player.get("class_code", ""), MAX_CLASS_CODE)
    return Student(name, code) if name and code else None


def _accept(read: JsonRead) -> "Student | None":
    data: Any = read.data
    if not isinstance(data, dict) or data.get("version") != VERSION or set(data) != {"version", "name", "class_code"}:
        return None
    if not isinstance(data["name"], str) or not isinstance(data["class_code"], str):
        return None
    return of_player(data)


def student_slot() -> Slot:
    return Slot(data_dir() / "student.json", "settings", "version", VERSION, _accept, Words(
        _("Your name and class code could not be read ({problem}). The file was kept as {file} in the game's data "
          "folder; enter them again in Settings before you hand in results."),
        _("Your name and class code were saved by a newer version of Mine Risk. The file was kept as {file} in the "
          "game's data folder; enter them again in Settings before you hand in results."),
        _("Your name and class code could not be read ({problem}) and the file could not be moved aside "
          "({reason}). Mine Risk will not write over it.")))


def load_student() -> Student | None:
    """The student entered on this computer, or None (none entered yet; a file that cannot be used is set aside
    and the player told)."""
    return load_slot(student_slot()).document


def save_student(name: str, class_code: str) -> Student:
    """Keep the name and class code (ValueError with the first problem if they are not usable; OSError with the
    reason in words if the disk refuses)."""
    problems = check(name, class_code)
    if problems:
        raise ValueError(problems[0])
    student = Student(clean(name, MAX_NAME), clean(class_code, MAX_CLASS_CODE))
    saved = save_slot(student_slot(), lambda on_disk: {"version": VERSION, **student.player()})
    if not saved:
        raise OSError(saved.reason)
    return student


def player_fields() -> dict[str, str]:
    """The run record's ``player`` for a run started now: the student's name and class code, or nothing."""
    student = load_student()
    return student.player() if student else {}


def forget_student() -> None:
    """Remove the name and class code from this computer (its results stay)."""
    remove_slot(student_slot(), lambda student: True)
