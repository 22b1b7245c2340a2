"""The check-in quiz: ten questions before the first level and the same ten after the campaign.

Risk-education teams test children before and after a session to see what
they learned; this gives a teacher the same. The questions are content
(``game/content/checkin.yaml``): each teaches an EORE key message or a
land-release idea. Each student sees the answers in a shuffled order that is
the same every time for that student (:func:`answer_order`). No feedback is
given question by question (it would teach the answers of the "before"
quiz); the end shows the score, and after the campaign the explanations of
what was missed.

An :class:`Attempt` keeps only question and answer ids, the stage and the
time; the teacher's import scores it again from the questions
(:func:`score`), so a hand-in cannot claim a score. Attempts are kept on the
student's computer in ``checkin.json`` until the hand-in carries them.
:class:`CheckinRun` is the quiz as a screen plays it, without a window.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from game.classroom.student import Student, of_player
from game.content import CONTENT_DIR, key_messages
from game.store.folders import data_dir
from game.store.jsonfile import JsonRead
from game.store.slots import Slot, Words, load_slot, save_slot
from game.text import _

STAGES = ("before", "after")
_ID = re.compile(r"[a-z0-9_]{1,32}")
MAX_ATTEMPTS = 200  # kept on one computer (a shared classroom machine); the oldest go first
VERSION = 1


@dataclass(frozen=True, slots=True)
class CheckinAnswer:
    id: str
    text: str
    correct: bool


@dataclass(frozen=True, slots=True)
class CheckinQuestion:
    """One question; ``message`` (an EORE key message id) or ``idea`` (a land-release idea) says what it teaches."""

    id: str
    question: str
    answers: tuple[CheckinAnswer, ...]
    explain: str
    message: str = ""
    idea: str = ""

    @property
    def right(self) -> str:
        return next(a.id for a in self.answers if a.correct)

    def answer(self, answer_id: str | None) -> CheckinAnswer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


@dataclass(frozen=True, slots=True)
class CheckinQuiz:
    id: str  # changes when a question changes, so old attempts are never scored against new questions
    questions: tuple[CheckinQuestion, ...]

    def question(self, question_id: str) -> CheckinQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


def parse_quiz(data: Any) -> CheckinQuiz:
    """The quiz in the content file's data (ValueError saying what is wrong: the content test reads it)."""
    if not isinstance(data, dict) or not isinstance(data.get("quiz"), str) or not isinstance(data.get("questions"),
                                                                                             list):
        raise ValueError("checkin.yaml needs `quiz:` (an id) and `questions:` (a list)")
    messages = {m.id for m in key_messages()}
    questions, seen = [], set()
    for n, q in enumerate(data["questions"], 1):
        if not isinstance(q, dict) or not _ID.fullmatch(str(q.get("id", ""))) or q["id"] in seen:
            raise ValueError(f"question {n}: needs a new `id` (lower-case letters, digits, _)")
        seen.add(q["id"])
        if bool(q.get("message")) == bool(q.get("idea")):
            raise ValueError(f"question `{q['id']}`: give `message:` (a key message id) or `idea:`, one of them")
        if q.get("message") and q["message"] not in messages:
            raise ValueError(f"question `{q['id']}`: `{q['message']}` is not a key message of eore.yaml")
        raw = q.get("answers")
        if not isinstance(raw, list) or not 2 <= len(raw) <= 4:
            raise ValueError(f"question `{q['id']}`: give 2 to 4 answers")
        answers = tuple(CheckinAnswer(str(a["id"]), str(a["text"]), bool(a["correct"])) for a in raw)
        if sum(a.correct for a in answers) != 1 or len({a.id for a in answers}) != len(answers) \
                or not all(_ID.fullmatch(a.id) for a in answers):
            raise ValueError(f"question `{q['id']}`: answers need distinct ids and exactly one right answer")
        if not (isinstance(q.get("question"), str) and isinstance(q.get("explain"), str)):
            raise ValueError(f"question `{q['id']}`: needs `question:` and `explain:` texts")
        questions.append(CheckinQuestion(q["id"], q["question"], answers, q["explain"], str(q.get("message") or ""),
                                         str(q.get("idea") or "")))
    if not 8 <= len(questions) <= 10:
        raise ValueError(f"the check-in quiz has {len(questions)} questions; it needs 8 to 10")
    return CheckinQuiz(data["quiz"], tuple(questions))


@lru_cache(maxsize=1)
def checkin_quiz() -> CheckinQuiz:
    """The check-in quiz of this game (``game/content/checkin.yaml``)."""
    with open(CONTENT_DIR / "checkin.yaml", encoding="utf-8") as fh:
        return parse_quiz(yaml.safe_load(fh))


def answer_order(question: CheckinQuestion, student_key: str) -> tuple[CheckinAnswer, ...]:
    """The answers in the order this student sees them: shuffled, the same every time for the same student."""
    def rank(a: CheckinAnswer) -> str:
        return hashlib.sha256(f"{student_key}\x1f{question.id}\x1f{a.id}".encode()).hexdigest()

    return tuple(sorted(question.answers, key=rank))


# ------------------------------------------------------------------ attempts


@dataclass(frozen=True, slots=True)
class Attempt:
    """One sitting of the check-in quiz: which answer (id, or None for "I don't know") to each question."""

    stage: str  # before, after
    taken: str  # when it was finished, ISO 8601 UTC
    quiz: str
    answers: dict[str, str | None] = field(default_factory=dict)
    player: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """What tells one attempt from another (a re-import of the same attempt adds nothing)."""
        return f"{self.stage}|{self.taken}"

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "taken": self.taken, "quiz": self.quiz,
                "answers": [{"question": q, "answer": a} for q, a in self.answers.items()]}


def score(attempt: Attempt, quiz: CheckinQuiz | None = None) -> tuple[int, int]:
    """(right answers, questions asked) of an attempt, scored from the questions, never from the file."""
    quiz = quiz or checkin_quiz()
    right = asked = 0
    for question_id, answer_id in attempt.answers.items():
        question = quiz.question(question_id)
        if question is None:
            continue
        asked += 1
        right += answer_id == question.right
    return right, asked


def _attempts_in(data: Any) -> list[Attempt] | None:
    """The attempts of a ``checkin.json`` document, or None if any part of it is not as this version writes it."""
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("attempts"), list):
        return None
    out = []
    for raw in data["attempts"]:
        attempt = attempt_from_json({k: v for k, v in raw.items() if k != "player"} if isinstance(raw, dict) else raw)
        player = raw.get("player") if attempt is not None else None
        if attempt is None or not isinstance(player, dict) or not all(isinstance(v, str) for v in player.values()):
            return None
        student = of_player(player)
        out.append(Attempt(attempt.stage, attempt.taken, attempt.quiz, attempt.answers,
                           student.player() if student else {}))
    return out


def _accept(read: JsonRead) -> list[Attempt] | None:
    return _attempts_in(read.data)


def attempts_slot() -> Slot:
    return Slot(data_dir() / "checkin.json", "progress", "version", VERSION, _accept, Words(
        _("Your check-in quiz answers could not be read ({problem}). They were kept as {file} in the game's data "
          "folder; the quiz will be offered again."),
        _("Your check-in quiz answers were saved by a newer version of Mine Risk. They were kept as {file} in the "
          "game's data folder."),
        _("Your check-in quiz answers could not be read ({problem}) and could not be moved aside ({reason}). "
          "Mine Risk will not write over them, so new answers are not kept.")))


def load_attempts() -> list[Attempt]:
    """The attempts kept on this computer (every student's), oldest first; none if the file cannot be used
    (it is then set aside and the player told)."""
    return load_slot(attempts_slot()).document or []


def attempt_from_json(raw: Any) -> Attempt | None:
    """An attempt in its JSON form, or None if any part of it is not as :meth:`Attempt.to_json` writes it."""
    if not isinstance(raw, dict) or raw.get("stage") not in STAGES or not isinstance(raw.get("taken"), str) \
            or not isinstance(raw.get("quiz"), str) or not isinstance(raw.get("answers"), list) \
            or len(raw["taken"]) > 40 or len(raw["quiz"]) > 40 or len(raw["answers"]) > 50:
        return None
    answers: dict[str, str | None] = {}
    for entry in raw["answers"]:
        if not isinstance(entry, dict) or set(entry) != {"question", "answer"}:
            return None
        q, a = entry["question"], entry["answer"]
        if not (isinstance(q, str) and _ID.fullmatch(q)) or not (a is None or (isinstance(a, str) and _ID.fullmatch(a))):
            return None
        answers[q] = a
    return Attempt(raw["stage"], raw["taken"], raw["quiz"], answers)


def add_attempt(attempt: Attempt) -> None:
    """Keep a finished attempt on this computer, merged with what is on disk under the data folder's lock (an
    attempt kept by another window is not lost); OSError with the reason in words if the disk refuses."""
    def build(on_disk: Any) -> dict:
        attempts = _attempts_in(on_disk) or []
        if not any(a.key == attempt.key and a.player == attempt.player for a in attempts):
            attempts.append(attempt)
        return {"version": VERSION, "attempts": [dict(a.to_json(), player=a.player) for a in attempts[-MAX_ATTEMPTS:]]}

    saved = save_slot(attempts_slot(), build)
    if not saved:
        raise OSError(saved.reason)


def attempts_of(student: Student | None, attempts: list[Attempt]) -> list[Attempt]:
    """The attempts that belong to ``student``: theirs, and those taken before any name was entered."""
    key = student.key if student else None
    out = []
    for a in attempts:
        owner = of_player(a.player)
        if owner is None or (key is not None and owner.key == key):
            out.append(a)
    return out


def due(student: Student | None, campaign_done: bool, played_any: bool,
        attempts: list[Attempt] | None = None) -> str | None:
    """The stage of the quiz to offer now, or None. It is offered only to a student who entered a name and
    class code (a class is taking part): "before" until they took it, as long as no level is finished on this
    computer yet (after that it would not measure "before"); "after" once the campaign is done and they have
    not taken it."""
    if student is None:
        return None
    mine = attempts_of(student, load_attempts() if attempts is None else attempts)
    if not played_any and not any(a.stage == "before" for a in mine):
        return "before"
    if campaign_done and not any(a.stage == "after" for a in mine):
        return "after"
    return None


_offered: set[str] = set()


def offer_once(student: Student | None, stage: str) -> bool:
    """True the first time in this start of the game that ``stage`` is offered to ``student`` by itself (the
    window does not ask twice after "Later"; the hand-in screen always offers a due quiz)."""
    key = f"{student.key if student else ''}|{stage}"
    if key in _offered:
        return False
    _offered.add(key)
    return True


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class CheckinRun:
    """The check-in quiz as a screen plays it: one question at a time, answers in this student's order."""

    def __init__(self, stage: str, student: Student | None, quiz: CheckinQuiz | None = None):
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}")
        self.stage, self.student = stage, student
        self.quiz = quiz or checkin_quiz()
        key = student.key if student else ""
        self.items = [(q, answer_order(q, key)) for q in self.quiz.questions]
        self.index = 0
        self.answers: dict[str, str | None] = {}
        self.taken = ""

    @property
    def finished(self) -> bool:
        return self.index >= len(self.items)

    @property
    def current(self) -> tuple[CheckinQuestion, tuple[CheckinAnswer, ...]] | None:
        return None if self.finished else self.items[self.index]

    def choose(self, choice: int | None) -> bool:
        """Answer the current question with the ``choice``-th answer shown (None: "I don't know");
        False if there is no such answer. The quiz moves on to the next question."""
        item = self.current
        if item is None or (choice is not None and not 0 <= choice < len(item[1])):
            return False
        question, answers = item
        self.answers[question.id] = None if choice is None else answers[choice].id
        self.index += 1
        if self.finished:
            self.taken = now_iso()
        return True

    def attempt(self) -> Attempt:
        """The finished attempt, to keep (ValueError before the last question is answered)."""
        if not self.finished:
            raise ValueError("the quiz is not finished")
        return Attempt(self.stage, self.taken, self.quiz.id, dict(self.answers),
                       self.student.player() if self.student else {})

    def result(self) -> tuple[int, int]:
        return score(Attempt(self.stage, self.taken, self.quiz.id, dict(self.answers)), self.quiz)

    def missed(self) -> list[CheckinQuestion]:
        """The questions answered wrongly or not at all, in quiz order (shown with their explanation after the
        campaign)."""
        return [q for q, _ in self.items if self.answers.get(q.id) != q.right]
