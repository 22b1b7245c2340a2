"""Scripted players through the run core: play a level into a run record, and check a record's player.

A record may say which scripted player played it (``policy``);
:func:`replays_policy` plays that player again on the record's level and seed
and checks it gives exactly the record's commands, so editing the field (or
the commands of a scripted run) is caught by verify.
"""

from __future__ import annotations

from pathlib import Path

from game.level.model import Scenario
from game.run.record import RunRecord
from game.run.session import Session


def play_session(session: Session, policy: str) -> Session:
    """Let the scripted player ``policy`` play the session to its end (it sees only the briefing and the
    player's view); returns the session, ended."""
    from game.policies import make_policy

    player = make_policy(policy, session.briefing)
    while not session.ended:
        for command in player.decide(session.view()):
            session.apply(command)
        session.step()
    return session


def play_level(level_path: str | Path, policy: str, seed: int | None = None,
               player: dict[str, str] | None = None) -> Session:
    """A new session of the level played to its end by a scripted player (close it when done)."""
    session = Session.start(level_path, seed=seed, player=player, policy=policy)
    try:
        return play_session(session, policy)
    except BaseException:
        session.close()
        raise


def play_scenario(scenario: Scenario, policy: str) -> Session:
    session = Session.of_scenario(scenario, policy=policy)
    try:
        return play_session(session, policy)
    except BaseException:
        session.close()
        raise


def replays_policy(record: RunRecord, level_path: Path) -> str:
    """"" if the record's scripted player gives exactly its commands again; else what differs."""
    from game.policies import POLICIES

    if record.policy not in POLICIES:
        return f"the record names an unknown scripted player `{record.policy}`"
    with play_level(level_path, record.policy, seed=record.seed) as again:
        mine = [c.to_json() for c in again.record().commands]
    theirs = [c.to_json() for c in record.commands]
    if mine != theirs:
        where = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
        return f"the scripted player `{record.policy}` gives other commands (from command {where + 1} on)"
    return ""
