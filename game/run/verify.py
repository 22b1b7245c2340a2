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
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from game.run.levels import find_level, level_hash
from game.run.record import RunRecord, commands_digest

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


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of a verification: a status, a plain message, and a hint of what to do."""

    status: str
    message: str
    hint: str = ""
    card: object = None  # the re-simulated score card, when the run was played through
    replays: bool = False  # status level_differs: the run still replays the same on the level as it is now

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def exit_code(self) -> int:
        return STATUSES[self.status]


def verify(record: RunRecord, level_path: Path | None = None, level_folders: Iterable[Path] = (),
           require_end: bool = True) -> Verdict:
    """Re-simulate ``record`` and compare. ``level_path`` is a level the *user* names (e.g. a trainer's file);
    otherwise the level is looked up by id in the game's level folders and ``level_folders``."""
    from game.level import LevelError, load_level

    path = Path(level_path) if level_path is not None else find_level(record.level_id, level_folders)
    if path is None:
        return Verdict("level_missing", f"the level `{record.level_id}` this run was played on is not installed",
                       "install the level (minerisk install PACK) or name its file with --level")
    try:
        spec, level_map = load_level(path)
    except LevelError as exc:
        return Verdict("level_missing", f"the level `{record.level_id}` cannot be loaded: {exc.problems[0].format()}",
                       "fix the level file, or install the level again")
    except OSError as exc:
        return Verdict("level_missing", f"the level `{record.level_id}` cannot be read ({exc.strerror or exc})")
    if spec.id != record.level_id:
        return Verdict("level_differs", f"{path} is level `{spec.id}`, but this run was played on `{record.level_id}`")
    changed = level_hash(spec) != record.level_sha256
    replayed = _replay(record, path, spec, level_map, require_end)
    if not changed:
        return replayed
    said = (f"the level `{record.level_id}` differs from the one this run was played on "
            "(its file, map, tilesets or rules changed)")
    if replayed.ok:
        grade = f" (grade {replayed.card.grade})" if replayed.card is not None else ""
        return Verdict("level_differs", f"{said}; the run still replays the same on it: every command outcome, "
                       f"the score card and the event log{grade}", "the result holds; the level was changed since",
                       replayed.card, replays=True)
    return Verdict("level_differs", f"{said}, and the run does not replay the same on it: {replayed.message}",
                   "verify with the level as it was when the run was played", replayed.card)


def _replay(record: RunRecord, path: Path, spec, level_map, require_end: bool) -> Verdict:
    """Re-apply every command on the loaded level and compare outcomes, end, score card and event digest."""
    from game.run.session import ResumeError, Session

    end = record.end
    if end is not None and (end.commands_count != len(record.commands)
                            or end.commands_sha256 != commands_digest(record.commands)):
        change = ("added" if len(record.commands) > end.commands_count else
                  "removed" if len(record.commands) < end.commands_count else "changed")
        return Verdict("commands_edited", f"commands were {change} after the run ended ({len(record.commands)} now, "
                       f"{end.commands_count} when it ended)", "hand in the file the game wrote, unedited")
    try:
        session = Session.resume(record, path, check_hash=False, level=(spec, level_map))
    except ResumeError as exc:
        i = int(exc.params.get("index", 0))
        return Verdict("outcome_differs", f"command {i + 1} (day {record.commands[i].command.day}) does not replay: "
                       f"recorded {_outcome(exc.params.get('recorded'))}, now {_outcome(exc.params.get('now'))}",
                       "a command was added, removed or changed, or the record is not from this level")
    with session:
        if end is None:
            if require_end:
                return Verdict("not_finished", "this run has not ended: it is a saved game, not a result",
                               "finish the level, then hand in the result")
            return Verdict("ok", f"the saved game replays to day {session.day}")
        if record.policy:
            from game.run.players import replays_policy

            problem = replays_policy(record, path)
            if problem:
                return Verdict("player_differs", problem, "the record names a scripted player that did not play it")
        while not session.ended and session.day <= end.day:
            session.step()
        if not session.ended:
            return Verdict("result_differs", f"the run does not end on day {end.day} as recorded (it goes on)")
        if session.day != end.day or session.end_reason != end.reason:
            return Verdict("result_differs", f"the run ends on day {session.day} ({session.end_reason}), "
                           f"recorded: day {end.day} ({end.reason})")
        card = session.score()
        now = json.loads(json.dumps(card.to_dict()))
        differences = _differences(end.score, now, "score")
        if differences:
            return Verdict("result_differs", "the score card differs from the re-simulated one: "
                           + "; ".join(differences[:4]), "the result was edited after the run", card)
        if end.event_digest != session.event_digest:
            return Verdict("result_differs", "the event log differs from the re-simulated one",
                           "the record was edited after the run", card)
        return Verdict("ok", f"the run replays to the recorded result (grade {card.grade})", card=card)


def _outcome(data) -> str:
    if not isinstance(data, dict):
        return "nothing"
    return ("accepted" if data.get("accepted") else "refused") + f" ({data.get('code')})"


def _differences(recorded, now, where: str) -> list[str]:
    if isinstance(recorded, dict) and isinstance(now, dict):
        out = []
        for key in sorted(set(recorded) | set(now)):
            out += _differences(recorded.get(key), now.get(key), f"{where}.{key}")
        return out
    return [] if recorded == now else [f"{where}: recorded {recorded!r}, now {now!r}"]
