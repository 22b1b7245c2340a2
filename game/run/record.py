"""The run record: one versioned JSON format for saved games, replays and hand-in results.

A record says which level was played (its id and a SHA-256 of everything that
decides the run, never a path), the seed, every command with its day and its
outcome (accepted, or rejected with a reason code), optional player fields
(name, class code), the scripted player if one played, and — once the level
has ended — the end: the day and reason, the score card, the event digest and
a digest of the command list. A saved game is a record without an end.

Reading is as strict as reading a level: a size cap, every type and range
checked, an unknown or future version refused, every problem reported as
``FILE:LINE:COL: message; hint`` (:class:`~game.level.errors.Problem`), never a
traceback. The format is documented in docs/run-record.md.

Every message is worded through the message catalogue (:mod:`game.text`) in
the language in use when the record is read; the names of the record's JSON
fields (in backticks), codes and numbers' meaning stay the same in every
language.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import __version__
from game.level.errors import Problem
from game.run.seed import MAX_SEED
from game.sim.commands import from_dict, to_dict
from game.sim.events import END_REASONS
from game.sim.orders import OUTCOME_CODES, Outcome
from game.text import N_, _, ngettext
from game.text.formats import number

FORMAT = "minerisk-run"
VERSION = 1
MAX_BYTES = 8 * 1024 * 1024
MAX_COMMANDS = 100_000
MAX_DAY = 100_000
MAX_DEPTH = 12
_HEX64 = re.compile(r"[0-9a-f]{64}")
_RUN_ID = re.compile(r"[0-9a-f]{32}")
_LEVEL_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
#: What to do about a record that cannot be read (translated where it is shown, with ``_``).
HINT = N_("a run record is the JSON file Mine Risk writes (docs/run-record.md); do not edit it by hand")
#: The hint of a record written by a newer version of the game (the class import recognises it).
NEWER_HINT = N_("update Mine Risk to read it")
#: What the JSON decoder says (its English message starts with the key), in the player's words.
_JSON_SAYS = {
    "Expecting value": N_("a value is missing or is not JSON"),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes is expected here"),
    "Expecting ':' delimiter": N_("a colon (:) is expected here"),
    "Expecting ',' delimiter": N_("a comma (,) is expected here"),
    "Extra data": N_("there is more text after the end of the data"),
    "Unterminated string": N_("a text in quotes is not closed"),
    "Invalid control character": N_("a text holds a control character"),
    "Invalid \\uXXXX escape": N_("a text holds a broken \\u escape"),
    "Invalid \\escape": N_("a text holds a broken escape (\\)"),
    "Illegal trailing comma": N_("a comma comes before the end of a list or object"),
}


def _field(*names: Any) -> str:
    """A JSON field's name as the messages show it (in backticks, never translated): `end.day`."""
    return "`" + ".".join(str(n) for n in names) + "`"


def _fields(*names: str) -> str:
    """Several field names as a list in the language in use: `id` and `sha256`."""
    from game.text.labels import join

    return join([_field(n) for n in names])


def _json_says(msg: str) -> str:
    """The JSON decoder's English message in the language in use (the message itself if it is a new one)."""
    for start, words in _JSON_SAYS.items():
        if msg.startswith(start):
            return _(words)
    return msg


@dataclass(frozen=True, slots=True)
class CommandEntry:
    """One command as it was given, and the simulation's answer."""

    command: Any  # a game.sim.commands dataclass
    outcome: Outcome

    def to_json(self) -> dict[str, Any]:
        return {"day": int(self.command.day), "order": to_dict(self.command), "outcome": self.outcome.to_dict()}


@dataclass(frozen=True, slots=True)
class RunEnd:
    """How a finished run ended, and the result it claims."""

    day: int
    reason: str  # a code of game.sim.events.END_REASONS
    score: dict[str, Any]  # the score card's JSON form (game.scoring.ScoreCard.to_dict)
    event_digest: str
    commands_count: int
    commands_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day, "reason": self.reason, "score": self.score, "event_digest": self.event_digest,
                "commands": {"count": self.commands_count, "sha256": self.commands_sha256}}


@dataclass
class RunRecord:
    """One run of one level; see the module docstring and docs/run-record.md."""

    level_id: str
    level_sha256: str
    seed: int
    run_id: str = field(default_factory=lambda: secrets.token_hex(16))
    game_version: str = __version__
    day: int = 1  # the day the run has reached (a saved game resumes here)
    commands: list[CommandEntry] = field(default_factory=list)
    player: dict[str, str] = field(default_factory=dict)  # optional: name, class_code
    policy: str | None = None  # the scripted player that played it, if one did
    created: str = ""  # when the run started (ISO 8601, UTC); information only
    end: RunEnd | None = None

    @property
    def finished(self) -> bool:
        return self.end is not None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "game_version": self.game_version, "run_id": self.run_id,
            "level": {"id": self.level_id, "sha256": self.level_sha256}, "seed": self.seed, "day": self.day,
        }
        if self.created:
            data["created"] = self.created
        if self.player:
            data["player"] = dict(self.player)
        if self.policy:
            data["policy"] = self.policy
        data["commands"] = [c.to_json() for c in self.commands]
        if self.end is not None:
            data["end"] = self.end.to_json()
        return data

    def to_json(self) -> str:
        """The record as text: one command per line, so a diff or a problem points at one command."""
        data = self.to_data()
        commands = data.pop("commands")
        end = data.pop("end", None)
        head = json.dumps(data, indent=1, sort_keys=False)[:-2]  # without the closing "\n}"
        lines = [head + ",", ' "commands": [']
        lines += ["  " + json.dumps(c, sort_keys=True) + ("," if i < len(commands) - 1 else "")
                  for i, c in enumerate(commands)]
        lines.append(" ]" + ("," if end is not None else ""))
        if end is not None:
            lines.append(' "end": ' + json.dumps(end, sort_keys=True))
        lines.append("}")
        return "\n".join(lines) + "\n"


def commands_digest(commands: list[CommandEntry]) -> str:
    """SHA-256 of the command list with its outcomes: an edit of the list after the run shows."""
    h = hashlib.sha256()
    for c in commands:
        h.update(json.dumps(c.to_json(), sort_keys=True).encode())
        h.update(b"\n")
    return h.hexdigest()


# ------------------------------------------------------------------ reading


def read_record(path: Path, shown: str | None = None) -> tuple[RunRecord | None, list[Problem]]:
    """The record in a file, or the problems that make it unreadable (never raises for bad content)."""
    from dataclasses import replace

    from game.store.jsonfile import read_text_file

    shown = shown if shown is not None else str(path)
    read = read_text_file(Path(path), MAX_BYTES)  # a regular file only, never blocking, size-capped, UTF-8
    if read.text is None:
        problem = read.problem or Problem(shown, 1, 1, _("cannot read the file"), _("check the path"))
        return None, [replace(problem, file=shown)]
    return parse_record(read.text, shown)


def parse_record(raw: bytes | str, shown: str) -> tuple[RunRecord | None, list[Problem]]:
    """The record in ``raw`` (bytes or text), or every problem found in it."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            return None, [_too_large(shown)]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, col = _line_col(raw[:exc.start].decode("utf-8", "replace"), exc.start)
            return None, [Problem(shown, line, col, _("the file is not UTF-8 text"), _(HINT))]
    else:
        text = raw
        if len(text) > MAX_BYTES:
            return None, [_too_large(shown)]
    if not text.strip():
        return None, [Problem(shown, 1, 1, _("the file is empty"), _(HINT))]
    problem = _prescan(text, shown)
    if problem is not None:
        return None, [problem]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        from game.store.jsonfile import CUT_SHORT, cut_short

        if cut_short(text, exc):
            return None, [Problem(shown, exc.lineno, exc.colno, _(CUT_SHORT), _(HINT))]
        return None, [Problem(shown, exc.lineno, exc.colno, _(
            "not valid JSON ({what}); the file may have been cut short or edited").format(what=_json_says(exc.msg)),
            _(HINT))]
    except (ValueError, RecursionError) as exc:
        return None, [Problem(shown, 1, 1, _("not valid JSON ({what})").format(what=type(exc).__name__), _(HINT))]
    checker = _Checker(text, shown)
    record = checker.record(data)
    if checker.problems:
        return None, checker.problems
    return record, []


def _too_large(shown: str) -> Problem:
    return Problem(shown, 1, 1, ngettext("the file is too large for a run record (at most {n} byte)",
                                         "the file is too large for a run record (at most {n} bytes)",
                                         MAX_BYTES).format(n=number(MAX_BYTES)), _(HINT))


def _prescan(text: str, shown: str) -> Problem | None:
    """Refuse nesting deeper than a record ever has, and numbers longer than any a record holds, before
    the JSON parser sees them (it would recurse, or parse a 5,000-digit number slowly)."""
    depth, in_string, escape, digits = 0, False, False, 0
    for i, ch in enumerate(text):
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string, digits = True, 0
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _line_col(text, i)
                return Problem(shown, line, col, _("the data is nested deeper than a run record can be"), _(HINT))
        elif ch in "]}":
            depth -= 1
        if ch.isdigit():
            digits += 1
            if digits > 40:
                line, col = _line_col(text, i)
                return Problem(shown, line, col, _("a number is longer than any a run record holds"), _(HINT))
        elif ch not in ".eE+-":
            digits = 0
    return None


class _Checker:
    """Checks the decoded JSON against the format, collecting problems with their place in the text."""

    def __init__(self, text: str, shown: str):
        self.text, self.shown = text, shown
        self.problems: list[Problem] = []

    def add(self, where: tuple, message: str, hint: str | None = None) -> None:
        """Note a problem at ``where``; ``message`` and ``hint`` are worded already (``None``: :data:`HINT`)."""
        line, col = position_of(self.text, where)
        self.problems.append(Problem(self.shown, line, col, message, _(HINT) if hint is None else hint))

    def record(self, data: Any) -> RunRecord | None:
        if not isinstance(data, dict):
            self.add((), _("a run record must be a JSON object"))
            return None
        if data.get("format") != FORMAT:
            if "level" in data and "commands" in data and isinstance(data.get("format"), int):
                self.add(("format",), _("this is a replay file of an older Mine Risk, which named its level by a "
                                        "path"), _("run the level again with {command}").format(
                    command="`minerisk simulate LEVEL --policy NAME --save-replay FILE`"))
            else:
                self.add(("format",) if "format" in data else (), _("not a Mine Risk run record (no {field})").format(
                    field=f'"format": "{FORMAT}"'))
            return None
        version = data.get("version")
        if not _is_int(version):
            self.add(("version",), _("the record's {field} must be a whole number").format(field=_field("version")))
            return None
        if version > VERSION:
            self.add(("version",), _("this record was made by a newer version of Mine Risk (record version {found}; "
                                     "this game reads version {known})").format(found=version, known=VERSION),
                     _(NEWER_HINT))
            return None
        if version < 1:
            self.add(("version",), _("unknown record version {version}").format(version=version))
            return None
        known = {"format", "version", "game_version", "run_id", "level", "seed", "day", "created", "player",
                 "policy", "commands", "end"}
        for key in data:
            if key not in known:
                self.add((key,), _("unknown key {key}").format(key=_field(key)))
        game_version = self.text_field(data, ("game_version",), 40)
        run_id = data.get("run_id")
        if not (isinstance(run_id, str) and _RUN_ID.fullmatch(run_id)):
            self.add(("run_id",), _hex_digits(_field("run_id"), 32))
        level = data.get("level")
        level_id = level_sha = ""
        if not isinstance(level, dict):
            self.add(("level",), _object_with(_field("level"), "id", "sha256"))
        else:
            for key in level:
                if key not in ("id", "sha256"):
                    self.add(("level", key), _("unknown key {key}").format(key=_field("level", key)),
                             _("a record names its level by id and hash, never by a path"))
            level_id, level_sha = level.get("id"), level.get("sha256")
            if not (isinstance(level_id, str) and _LEVEL_ID.fullmatch(level_id)):
                self.add(("level", "id"), _("{field} must be a level id (letters, digits, _ . -)").format(
                    field=_field("level", "id")))
            if not (isinstance(level_sha, str) and _HEX64.fullmatch(level_sha)):
                self.add(("level", "sha256"), _hex_digits(_field("level", "sha256"), 64))
        seed = data.get("seed")
        if not (_is_int(seed) and 0 <= seed < MAX_SEED):
            self.add(("seed",), _whole_number(_field("seed"), 0, MAX_SEED - 1))
        day = data.get("day")
        if not (_is_int(day) and 1 <= day <= MAX_DAY):
            self.add(("day",), _whole_number(_field("day"), 1, MAX_DAY))
        created = self.text_field(data, ("created",), 40, required=False)
        player = self.player(data)
        policy = self.text_field(data, ("policy",), 40, required=False) or None
        commands = self.commands(data, day if _is_int(day) else MAX_DAY)
        end = self.end(data, day if _is_int(day) else 0)
        if self.problems:
            return None
        return RunRecord(level_id=level_id, level_sha256=level_sha, seed=seed, run_id=run_id,
                         game_version=game_version, day=day, commands=commands, player=player, policy=policy,
                         created=created, end=end)

    def text_field(self, data: dict, where: tuple, limit: int, required: bool = True) -> str:
        value = data.get(where[-1])
        if value is None and not required:
            return ""
        if not isinstance(value, str) or len(value) > limit or any(ord(ch) < 32 for ch in value):
            self.add(where, ngettext("{field} must be text of at most {n} character",
                                     "{field} must be text of at most {n} characters", limit).format(
                field=_field(*where), n=number(limit)))
            return ""
        return value

    def player(self, data: dict) -> dict[str, str]:
        player = data.get("player")
        if player is None:
            return {}
        if not isinstance(player, dict):
            self.add(("player",), _object_with(_field("player"), "name", "class_code"))
            return {}
        out = {}
        for key, value in player.items():
            if key not in ("name", "class_code"):
                self.add(("player", key), _("unknown key {key}").format(key=_field("player", key)),
                         _("a record keeps only a name and a class code"))
                continue
            text = self.text_field(player, ("player", key), 80)
            if text:
                out[key] = text
        return out

    def commands(self, data: dict, last_day: int) -> list[CommandEntry]:
        raw = data.get("commands")
        if not isinstance(raw, list):
            self.add(("commands",), _("{field} must be a list").format(field=_field("commands")))
            return []
        if len(raw) > MAX_COMMANDS:
            self.add(("commands",), ngettext("too many commands ({count}; a record holds at most {n})",
                                             "too many commands ({count}; a record holds at most {n})",
                                             MAX_COMMANDS).format(count=number(len(raw)), n=number(MAX_COMMANDS)))
            return []
        out: list[CommandEntry] = []
        previous_day = 1
        for i, entry in enumerate(raw):
            if len(self.problems) > 50:
                break
            where = ("commands", i)
            if not isinstance(entry, dict) or set(entry) != {"day", "order", "outcome"}:
                self.add(where, _("command {n} must be an object with {fields}").format(
                    n=i + 1, fields=_fields("day", "order", "outcome")))
                continue
            try:
                command = from_dict(entry["order"])
            except ValueError as exc:
                self.add(where + ("order",), _("command {n}: {problem}").format(n=i + 1, problem=exc))
                continue
            if entry["day"] != command.day or not (_is_int(command.day) and 1 <= command.day <= last_day):
                self.add(where + ("day",), _("command {n}: its day must be its order's day, from 1 to the "
                                             "record's day {day}").format(n=i + 1, day=last_day))
                continue
            if command.day < previous_day:
                self.add(where + ("day",), _("command {n} is dated day {day}, before the command before it (day "
                                             "{previous}); commands are kept in the order they were given").format(
                    n=i + 1, day=command.day, previous=previous_day))
                continue
            previous_day = command.day
            outcome = self.outcome(entry["outcome"], where + ("outcome",), i)
            if outcome is not None:
                out.append(CommandEntry(command, outcome))
        return out

    def outcome(self, raw: Any, where: tuple, i: int) -> Outcome | None:
        if not isinstance(raw, dict) or not set(raw) <= {"accepted", "code", "params"} \
                or not isinstance(raw.get("accepted"), bool) or raw.get("code") not in OUTCOME_CODES \
                or not isinstance(raw.get("params", {}), dict):
            self.add(where, _("command {n}: {field} must be an object with {accepted} (true or false), {code} (a "
                              "known outcome code) and {params} (an object)").format(
                n=i + 1, field=_field("outcome"), accepted=_field("accepted"), code=_field("code"),
                params=_field("params")))
            return None
        return Outcome(raw["accepted"], raw["code"], dict(raw.get("params", {})))

    def end(self, data: dict, day: int) -> RunEnd | None:
        raw = data.get("end")
        if raw is None:
            return None
        where = ("end",)
        if not isinstance(raw, dict) or set(raw) != {"day", "reason", "score", "event_digest", "commands"}:
            self.add(where, _object_with(_field("end"), "day", "reason", "score", "event_digest", "commands"),
                     _("a record whose end was cut or edited cannot be verified; hand in the file the game wrote"))
            return None
        ok = True
        if not (_is_int(raw["day"]) and raw["day"] == day):
            self.add(where + ("day",), _("{field} must be the record's day").format(field=_field("end", "day")))
            ok = False
        if raw["reason"] not in END_REASONS:
            self.add(where + ("reason",), _("{field} must be one of {codes}").format(
                field=_field("end", "reason"), codes=", ".join(END_REASONS)))
            ok = False
        if not isinstance(raw["score"], dict) or not isinstance(raw["score"].get("grade"), str):
            self.add(where + ("score",), _("{field} must be the score card, with its grade").format(
                field=_field("end", "score")))
            ok = False
        if not (isinstance(raw["event_digest"], str) and _HEX64.fullmatch(raw["event_digest"])):
            self.add(where + ("event_digest",), _hex_digits(_field("end", "event_digest"), 64))
            ok = False
        c = raw["commands"]
        if not (isinstance(c, dict) and set(c) == {"count", "sha256"} and _is_int(c["count"])
                and isinstance(c["sha256"], str) and _HEX64.fullmatch(c["sha256"])):
            self.add(where + ("commands",), _object_with(_field("end", "commands"), "count", "sha256"))
            ok = False
        if not ok:
            return None
        return RunEnd(raw["day"], raw["reason"], raw["score"], raw["event_digest"], c["count"], c["sha256"])


def _object_with(field: str, *keys: str) -> str:
    return _("{field} must be an object with {fields}").format(field=field, fields=_fields(*keys))


def _hex_digits(field: str, n: int) -> str:
    return ngettext("{field} must be {n} hexadecimal digit", "{field} must be {n} hexadecimal digits", n).format(
        field=field, n=n)


def _whole_number(field: str, low: int, high: int) -> str:
    return _("{field} must be a whole number from {low} to {high}").format(field=field, low=low, high=high)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --------------------------------------------------------------- positions


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def position_of(text: str, path: tuple) -> tuple[int, int]:
    """Line and column of the value at ``path`` (keys and list indexes) in a JSON text, found in one
    pass that skips over the values before it; (1, 1) if the path is not there."""
    decoder = json.JSONDecoder()
    i = _skip_ws(text, 0)
    best = i
    try:
        for step in path:
            if i >= len(text):
                break
            if isinstance(step, int):
                if text[i] != "[":
                    break
                i = _skip_ws(text, i + 1)
                for _ in range(step):
                    _, i = decoder.raw_decode(text, i)
                    i = _skip_ws(text, i)
                    if i < len(text) and text[i] == ",":
                        i = _skip_ws(text, i + 1)
                best = i
            else:
                if text[i] != "{":
                    break
                i = _skip_ws(text, i + 1)
                found = False
                while i < len(text) and text[i] != "}":
                    key, i = decoder.raw_decode(text, i)
                    i = _skip_ws(text, i)
                    i = _skip_ws(text, i + 1)  # past the colon
                    if key == step:
                        found, best = True, i
                        break
                    _, i = decoder.raw_decode(text, i)
                    i = _skip_ws(text, i)
                    if i < len(text) and text[i] == ",":
                        i = _skip_ws(text, i + 1)
                if not found:
                    break
    except (json.JSONDecodeError, IndexError):
        pass
    return _line_col(text, best)


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i
