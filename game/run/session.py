"""A session: one run of one level for an interactive client (the window, a tutorial, a classroom tool).

>>> session = Session.start(level_path)                  # doctest: +SKIP
>>> session.apply(Survey(session.day, "nts-1", "north-field")).accepted
>>> session.step()                                       # one simulated day
>>> changes = session.changes(cursor)                    # only what changed since the client last asked
>>> session.record().to_json()                           # the run record (a saved game until it ends)

The session owns the simulation and the run record: every command given is
recorded with its outcome (accepted or refused), the end is written into the
record once the level ends, and :meth:`resume` rebuilds a saved game exactly
(the simulation is deterministic). Clients never change simulation state;
they read :meth:`view` (the player's knowledge) or :meth:`changes` (cells,
teams and news since their cursor, so nothing copies whole grids per day).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from game.level import load_level
from game.level.build import build_scenario
from game.level.model import Scenario
from game.run.diary import Diary
from game.run.levels import level_hash
from game.run.record import CommandEntry, RunEnd, RunRecord, commands_digest
from game.run.seed import resolve_seed
from game.sim import Simulation
from game.sim.briefing import Briefing
from game.sim.events import Event
from game.sim.orders import Outcome
from game.sim.view import PlayerView
from game.text.names import Names


class ResumeError(Exception):
    """A saved game cannot be resumed; ``code`` says why (level_differs, outcome_differs), ``params`` more."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass
class Cursor:
    """Where a client is in a session's changes (it passes this to :meth:`Session.changes`)."""

    version: int = -1  # -1: the client has seen nothing yet
    events: int = 0  # public events seen


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since a client's cursor.

    ``full`` means the client must redraw everything (its first call, or it fell too far behind);
    otherwise ``cells`` are the flat indices (``y * width + x``) whose status, marking, survey,
    preparation or indication changed. ``events`` are the new public events, in order.
    """

    full: bool
    cells: np.ndarray = field(repr=False)
    events: tuple[Event, ...]
    day: int
    ended: bool


class Session:
    """One run: the simulation, its run record, display names, and the views and changes clients read."""

    #: Cell changes kept for clients that lag behind; older ones ask for a full redraw.
    JOURNAL_LIMIT = 2048

    def __init__(self, scenario: Scenario, record: RunRecord):
        self.scenario = scenario
        self._record = record
        self._sim = Simulation(scenario)
        self.briefing = Briefing.of(scenario)
        self.names = Names.of_scenario(scenario)
        self._version = 0
        self._journal: list[tuple[int, np.ndarray]] = []
        self._journal_base = 0  # changes before this version are no longer kept
        self._view: PlayerView | None = None
        self._card = None
        self.diary = Diary()  # what the debrief needs: idle team-days, what was known at each release
        self._learn_names()

    # ---------------------------------------------------------- starting

    @classmethod
    def start(cls, level_path: str | Path, seed: int | None = None, fresh_seed: bool = False,
              player: dict[str, str] | None = None, policy: str | None = None) -> "Session":
        """A new run of the level in ``level_path`` (LevelError if it has problems). The seed is the level's
        own, ``seed`` if given, or a fresh one when ``fresh_seed`` (a campaign attempt)."""
        spec, level_map = load_level(level_path)
        scenario = build_scenario(spec, level_map, resolve_seed(spec.seed, seed, fresh_seed))
        return cls.of_scenario(scenario, level_hash(spec), player=player, policy=policy)

    @classmethod
    def of_scenario(cls, scenario: Scenario, level_sha256: str = "0" * 64, player: dict[str, str] | None = None,
                    policy: str | None = None) -> "Session":
        """A new run of a built scenario (tests and synthetic levels pass no level hash)."""
        record = RunRecord(level_id=scenario.level.id, level_sha256=level_sha256, seed=int(scenario.seed),
                           player=dict(player or {}), policy=policy,
                           created=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat())
        return cls(scenario, record)

    @classmethod
    def resume(cls, record: RunRecord, level_path: str | Path, check_hash: bool = True,
               level: tuple | None = None) -> "Session":
        """Rebuild a saved run on the level in ``level_path`` (or the already loaded ``level``: its spec and
        map): every command applied on its day with its recorded outcome checked, then stepped to the record's
        day. ResumeError if the level is not the one it was played on or a command's outcome differs."""
        spec, level_map = level if level is not None else load_level(level_path)
        if check_hash and level_hash(spec) != record.level_sha256:
            raise ResumeError("level_differs", level=record.level_id)
        scenario = build_scenario(spec, level_map, record.seed)
        fresh = RunRecord(level_id=record.level_id, level_sha256=record.level_sha256, seed=record.seed,
                          run_id=record.run_id, player=dict(record.player), policy=record.policy,
                          created=record.created)
        session = cls(scenario, fresh)
        try:
            session.replay(record.commands, record.day)
        except BaseException:
            session.close()
            raise
        return session

    def replay(self, commands: list[CommandEntry], until_day: int) -> None:
        """Apply recorded commands on their days and step to ``until_day``; ResumeError at the first command
        whose outcome differs from the recorded one (its index in ``params``)."""
        i = 0
        while True:
            while i < len(commands) and commands[i].command.day == self.day and not self.ended:
                outcome = self.apply(commands[i].command)
                if outcome.to_dict() != commands[i].outcome.to_dict():
                    raise ResumeError("outcome_differs", index=i, recorded=commands[i].outcome.to_dict(),
                                      now=outcome.to_dict())
                i += 1
            if self.ended or self.day >= until_day:
                break
            if i < len(commands) and commands[i].command.day < self.day:
                raise ResumeError("outcome_differs", index=i, recorded=commands[i].outcome.to_dict(),
                                  now={"accepted": False, "code": "wrong_day"})
            self.step()
        if i < len(commands):
            raise ResumeError("outcome_differs", index=i, recorded=commands[i].outcome.to_dict(),
                              now={"accepted": False, "code": "level_ended"})

    def close(self) -> None:
        self._sim.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------- state

    @property
    def level(self):
        return self.scenario.level

    @property
    def seed(self) -> int:
        return self._sim.seed

    @property
    def day(self) -> int:
        return self._sim.day

    @property
    def ended(self) -> bool:
        return self._sim.ended

    @property
    def end_reason(self) -> str:
        return self._sim.end_reason

    @property
    def run_id(self) -> str:
        return self._record.run_id

    # ------------------------------------------------------------ acting

    def apply(self, command: Any) -> Outcome:
        """Give one command today; it is recorded with its outcome, accepted or not. Never raises."""
        command = _normalised(command)
        if not self._sim.ended:
            self.diary.before_order(self, command)
        outcome = self._sim.apply(command)
        self.diary.after_order(outcome)
        if _recordable(command):
            self._record.commands.append(CommandEntry(command, outcome))
        self._changed()
        return outcome

    def step(self) -> None:
        """Run one simulated day (nothing once the level has ended)."""
        if self._sim.ended:
            return
        self.diary.day_starts(self.view())
        self._sim.step()
        self._changed()

    def run_until(self, day: int) -> None:
        while not self.ended and self.day < day:
            self.step()

    def _changed(self) -> None:
        self._version += 1
        self._view = None
        cells = self._sim.state.grid.drain_touched()
        if len(cells):
            self._journal.append((self._version, cells))
            if len(self._journal) > self.JOURNAL_LIMIT:
                dropped = self._journal[: len(self._journal) // 2]
                del self._journal[: len(dropped)]
                self._journal_base = dropped[-1][0]
        if self._sim.ended:
            self._finish_record()
        self._learn_names()

    def _learn_names(self) -> None:
        self.names.learn_teams(self.view().teams)

    # ----------------------------------------------------------- reading

    def view(self) -> PlayerView:
        """What the player knows now (rebuilt only after something changed)."""
        if self._view is None:
            self._view = self._sim.view()
        return self._view

    def cursor(self) -> Cursor:
        """A new cursor: its first :meth:`changes` asks for a full redraw and every event so far."""
        return Cursor()

    def changes(self, cursor: Cursor) -> Changes:
        """What changed since ``cursor`` (which is moved to now)."""
        events = self._sim.state.log.public(cursor.events)
        full = cursor.version < self._journal_base or cursor.version < 0
        if full:
            cells = np.zeros(0, np.int64)
        else:
            parts = [c for v, c in self._journal if v > cursor.version]
            cells = np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
        cursor.version = self._version
        cursor.events += len(events)
        return Changes(full=full, cells=cells, events=events, day=self.day, ended=self.ended)

    def estimate(self, command: Any):
        """What a command would cost, how long it would take and what the standards say about it here,
        from what the player knows (game.run.estimate.Estimate); the simulation is not touched."""
        from game.run.estimate import estimate

        return estimate(self, command)

    def cancel_judgement(self, flat_cells) -> set[str]:
        """How cancelling these suspected, surveyed cells now would be judged: the release record's reason
        codes other than "justified" (the rule reads what the player knows: evidence, finds, indications, how
        the survey was done; never the truth)."""
        from game.sim.orders import cancel_judgement
        from game.sim.release import WHY

        with self._sim.world():
            codes = cancel_judgement(self._sim.state, flat_cells)
        return {WHY[int(c)] for c in set(codes.tolist())} - {"justified"}

    def would_abandon_work(self, team_name: str) -> bool:
        """Whether standing this team down now would send home work no other deployed team of its kind can
        take over, while the money would pay it (the score's ``work_abandoned`` check; never the truth)."""
        import esper

        from game.sim.components import Team
        from game.sim.processors.compliance import spare_money, work_left_to_nobody

        with self._sim.world():
            state = self._sim.state
            team = next((t for _, t in esper.get_component(Team) if t.name == team_name and t.deployed), None)
            if team is None or state.day >= state.last_day:
                return False
            team.deployed = False  # as if it had left: who else could do its work, what the rest costs
            try:
                return spare_money(state) > 0 and work_left_to_nobody(state, team)
            finally:
                team.deployed = True

    def truth(self):
        """The hidden world, once the level has ended (RuntimeError before)."""
        return self._sim.truth()

    def score(self):
        """The score card of the ended run (RuntimeError before it ends)."""
        if self._card is None:
            from game.scoring import score_card

            self._card = score_card(self._sim)
        return self._card

    @property
    def event_digest(self) -> str:
        return self._sim.state.log.digest()

    def all_events(self) -> tuple[Event, ...]:
        """Every event, the secret ones included: only once the level has ended (for the debrief)."""
        if not self.ended:
            raise RuntimeError("the hidden events are shown only at the debrief, once the level has ended")
        return self._sim.state.log.all()

    # ------------------------------------------------------------ record

    def record(self) -> RunRecord:
        """The run record as it stands: a saved game while playing, a finished run once the level ended."""
        self._record.day = self.day
        return self._record

    def _finish_record(self) -> None:
        if self._record.end is not None:
            return
        card = self.score()
        self._record.day = self.day
        self._record.end = RunEnd(day=self.day, reason=self.end_reason, score=_plain(card.to_dict()),
                                  event_digest=self.event_digest, commands_count=len(self._record.commands),
                                  commands_sha256=commands_digest(self._record.commands))


def _normalised(command: Any) -> Any:
    """A command with a rectangle given as a list turned into a tuple (the one form records keep)."""
    import dataclasses

    area = getattr(command, "area", None)
    if isinstance(area, list) and dataclasses.is_dataclass(command):
        return dataclasses.replace(command, area=tuple(area))
    return command


def _recordable(command: Any) -> bool:
    """Only real orders go into a record: a command whose fields are not of their types (a client's mistake,
    refused by the simulation without changing anything) could not be written and read back."""
    from game.sim.commands import COMMAND_TYPES, from_dict, to_dict

    if type(command) not in COMMAND_TYPES.values():
        return False
    try:
        return from_dict(to_dict(command)) == command
    except (ValueError, TypeError):
        return False


def _plain(value: Any) -> Any:
    """The score card's JSON form as plain JSON values (what a record written and read back holds)."""
    import json

    return json.loads(json.dumps(value))
