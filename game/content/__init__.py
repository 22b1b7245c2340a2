"""Teaching content as data: risk-education key messages, the glossary and the
tutorial quiz (YAML files beside this module). The UI shows them through the
translation function; the debrief picks messages by what happened in a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class KeyMessage:
    id: str
    text: str
    when: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Question:
    question: str
    answers: tuple[Answer, ...]
    explain: str


def _read(name: str) -> dict:
    with open(CONTENT_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def key_messages() -> tuple[KeyMessage, ...]:
    """The EORE key messages (IMAS 12.10), in teaching order."""
    return tuple(KeyMessage(k, v["text"], tuple(v.get("when", ()))) for k, v in _read("eore.yaml")["messages"].items())


def messages_for(happening: str) -> tuple[KeyMessage, ...]:
    """Key messages that fit something that happened in a run (e.g. ``civilian_incident``)."""
    return tuple(m for m in key_messages() if happening in m.when)


@lru_cache(maxsize=1)
def glossary() -> tuple[Term, ...]:
    return tuple(Term(t["term"], t["name"], t["text"]) for t in _read("glossary.yaml")["terms"])


@lru_cache(maxsize=1)
def quiz() -> tuple[Question, ...]:
    return tuple(Question(q["question"], tuple(Answer(a["text"], bool(a["correct"])) for a in q["answers"]),
                          q["explain"]) for q in _read("quiz.yaml")["questions"])
