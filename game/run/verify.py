"""Verify a run record by re-simulating it: the one check behind ``minerisk replay --verify`` and the
teacher's class import.

:func:`verify` finds the level by the record's id (never by a path the record
could name), checks the level is the one it was played on (hash), re-applies
every command on its day, and compares each outcome, the end, the score card
and the event digest with what the record claims. The first difference
decides the :class:`Verdict`, whose ``status`` is one of :data:`STATUSES` and
whose ``exit_code`` is the command line's. When the level's hash differs (a
trainer fixed a briefing's wording) the run is still re-simulated on the
level as it is: the status stays ``level_differs``, and ``replays`` says
whether every outcome, the score card and the event digest came out the same
(the class import then keeps the run as verified, with a note).

A verdict's ``message`` and ``hint`` are worded through the message catalogue
(:mod:`game.text`) each time they are read, in the language in use then (a
language switch needs no new check); its ``status`` and ``exit_code`` are the
same in every language, and so are the codes, grades, days and JSON field
names its words quote.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from game.run.levels import find_level, level_hash
from game.run.record import RunRecord, commands_digest
from game.text import _

#: status -> exit code of `minerisk replay --verify` (see docs/run-record.md).
STATUSES = {
    "ok": 0,
    "unreadable": 1,  # the file is not a valid run record (reported as FILE:LINE:COL)
    "level_missing": 3,
    "level_differs": 4,
    "commands_edited": 5,
    "outcome_differs": 5,
    "not_finished": 6,
    "result_differs": 6,
    "player_differs": 6,
}

Words = Callable[[], str]


def _nothing() -> str:
    return ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of a verification: a status, a plain message, and a hint of what to do.

    ``said`` and ``advice`` word the message and the hint; :attr:`message` and :attr:`hint` call them, so
    the words are those of the language in use when they are read."""

    status: str
    said: Words
    advice: Words = _nothing
    card: object = None  # the re-simulated score card, when the run was played through
    replays: bool = False  # status level_differs: the run still replays the same on the level as it is now

    @property
    def message(self) -> str:
        return self.said()

    @property
    def hint(self) -> str:
        return self.advice()

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def exit_code(self) -> int:
        return STATUSES[self.status]


def _code(value) -> str:
    """A level id, a file or a code as the messages quote it (never translated)."""
    return f"`{value}`"


def verify(record: RunRecord, level_path: Path | None = None, level_folders: Iterable[Path] = (),
           require_end: bool = True) -> Verdict:
    """Re-simulate ``record`` and compare. ``level_path`` is a level the *user* names (e.g. a trainer's file);
    otherwise the level is looked up by id in the game's level folders and ``level_folders``."""
    from game.level import LevelError, load_level

    level = _code(record.level_id)
    path = Path(level_path) if level_path is not None else find_level(record.level_id, level_folders)
    if path is None:
        return Verdict("level_missing", lambda: _("the level {level} this run was played on is not installed").format(
            level=level), lambda: _("install the level ({command}) or name its file with {option}").format(
            command="`minerisk install PACK`", option="`--level`"))
    try:
        spec, level_map = load_level(path)
    except LevelError as exc:
        problem = exc.problems[0].format()
        return Verdict("level_missing", lambda: _("the level {level} cannot be loaded: {problem}").format(
            level=level, problem=problem), lambda: _("fix the level file, or install the level again"))
    except OSError as exc:
        return Verdict("level_missing", lambda: _("the level {level} cannot be read ({reason})").format(
            level=level, reason=_plain_reason(exc)))
    if spec.id != record.level_id:
        return Verdict("level_differs", lambda: _("{file} is level {found}, but this run was played on {level}").format(
            file=path, found=_code(spec.id), level=level))
    changed = level_hash(spec) != record.level_sha256
    replayed = _replay(record, path, spec, level_map, require_end)
    if not changed:
        return replayed
    if replayed.ok:
        card = replayed.card
        if card is not None:
            said = lambda: _("the level {level} differs from the one this run was played on (its file, map, tilesets "
                             "or rules changed); the run still replays the same on it: every command outcome, the "
                             "score card and the event log (grade {grade})").format(level=level, grade=card.grade)
        else:
            said = lambda: _("the level {level} differs from the one this run was played on (its file, map, tilesets "
                             "or rules changed); the run still replays the same on it").format(level=level)
        return Verdict("level_differs", said, lambda: _("the result holds; the level was changed since"),
                       card, replays=True)
    return Verdict("level_differs", lambda: _(
        "the level {level} differs from the one this run was played on (its file, map, tilesets or rules changed), "
        "and the run does not replay the same on it: {reason}").format(level=level, reason=replayed.message),
        lambda: _("verify with the level as it was when the run was played"), replayed.card)


def _plain_reason(exc: OSError) -> str:
    from game.store.reasons import plain_reason

    return plain_reason(exc)


def _replay(record: RunRecord, path: Path, spec, level_map, require_end: bool) -> Verdict:
    """Re-apply every command on the loaded level and compare outcomes, end, score card and event digest."""
    from game.run.session import ResumeError, Session

    end = record.end
    if end is not None and (end.commands_count != len(record.commands)
                            or end.commands_sha256 != commands_digest(record.commands)):
        now, then = len(record.commands), end.commands_count
        if now > then:
            said = lambda: _("commands were added after the run ended ({now} now, {then} when it ended)").format(
                now=now, then=then)
        elif now < then:
            said = lambda: _("commands were removed after the run ended ({now} now, {then} when it ended)").format(
                now=now, then=then)
        else:
            said = lambda: _("commands were changed after the run ended ({now} now, {then} when it ended)").format(
                now=now, then=then)
        return Verdict("commands_edited", said, lambda: _("hand in the file the game wrote, unedited"))
    try:
        session = Session.resume(record, path, check_hash=False, level=(spec, level_map))
    except ResumeError as exc:
        i = int(exc.params.get("index", 0))
        day, recorded, now = record.commands[i].command.day, exc.params.get("recorded"), exc.params.get("now")
        return Verdict("outcome_differs", lambda: _(
            "command {n} (day {day}) does not replay: recorded {recorded}, now {now}").format(
            n=i + 1, day=day, recorded=_outcome(recorded), now=_outcome(now)),
            lambda: _("a command was added, removed or changed, or the record is not from this level"))
    with session:
        if end is None:
            if require_end:
                return Verdict("not_finished", lambda: _("this run has not ended: it is a saved game, not a result"),
                               lambda: _("finish the level, then hand in the result"))
            day = session.day
            return Verdict("ok", lambda: _("the saved game replays to day {day}").format(day=day))
        if record.policy:
            from game.run.players import replays_policy

            problem = replays_policy(record, path)
            if problem:
                return Verdict("player_differs", _player_differs(record.policy, problem),
                               lambda: _("the record names a scripted player that did not play it"))
        while not session.ended and session.day <= end.day:
            session.step()
        if not session.ended:
            return Verdict("result_differs", lambda: _(
                "the run does not end on day {day} as recorded (it goes on)").format(day=end.day))
        if session.day != end.day or session.end_reason != end.reason:
            day, reason = session.day, session.end_reason
            return Verdict("result_differs", lambda: _(
                "the run ends on day {day} ({reason}), recorded: day {recorded_day} ({recorded_reason})").format(
                day=day, reason=reason, recorded_day=end.day, recorded_reason=end.reason))
        card = session.score()
        now = json.loads(json.dumps(card.to_dict()))
        differences = _differences(end.score, now, "score")
        if differences:
            shown = differences[:4]
            return Verdict("result_differs", lambda: _("the score card differs from the re-simulated one: "
                                                       "{differences}").format(
                differences="; ".join(_difference(*d) for d in shown)),
                lambda: _("the result was edited after the run"), card)
        if end.event_digest != session.event_digest:
            return Verdict("result_differs", lambda: _("the event log differs from the re-simulated one"),
                           lambda: _("the record was edited after the run"), card)
        return Verdict("ok", lambda: _("the run replays to the recorded result (grade {grade})").format(
            grade=card.grade), card=card)


def _player_differs(policy: str, problem: str) -> Words:
    """The words of game.run.players.replays_policy's answer, in the language in use."""
    from game.policies import POLICIES

    player = _code(policy)
    if policy not in POLICIES:
        return lambda: _("the record names an unknown scripted player {player}").format(player=player)
    found = re.search(r"from command (\d+)", problem)
    if found:
        n = int(found.group(1))
        return lambda: _("the scripted player {player} gives other commands (from command {n} on)").format(
            player=player, n=n)
    return lambda: _("the scripted player {player} gives other commands").format(player=player)


def _outcome(data) -> str:
    if not isinstance(data, dict):
        return _("nothing")
    if data.get("accepted"):
        return _("accepted ({code})").format(code=data.get("code"))
    return _("refused ({code})").format(code=data.get("code"))


def _difference(where: str, recorded, now) -> str:
    return _("{field}: recorded {recorded}, now {now}").format(field=where, recorded=repr(recorded), now=repr(now))


def _differences(recorded, now, where: str) -> list[tuple[str, object, object]]:
    """(field, recorded value, value now) of every leaf where the two score cards differ."""
    if isinstance(recorded, dict) and isinstance(now, dict):
        out = []
        for key in sorted(set(recorded) | set(now)):
            out += _differences(recorded.get(key), now.get(key), f"{where}.{key}")
        return out
    return [] if recorded == now else [(where, recorded, now)]
