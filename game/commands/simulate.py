"""``minerisk simulate LEVEL --policy NAME``: play a level headless with a scripted player.

Prints the score card (or, with ``--json``, one JSON object); ``--save-replay
FILE`` writes ``level + seed + commands`` and the result, for ``minerisk replay``.
Exit 0 on a finished run, 1 when the level has problems, 2 on a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from game.atomic import write_atomic

REPLAY_FORMAT = 1


def register(sub) -> None:
    from game.policies import POLICIES

    p = sub.add_parser("simulate", help="play a level headless with a scripted player",
                       description="Run the simulation of a level with a scripted player and print the score card.")
    p.add_argument("level", metavar="LEVEL", help="a level file (.yaml)")
    p.add_argument("--policy", required=True, choices=sorted(POLICIES), help="the scripted player")
    p.add_argument("--seed", type=int, default=None, help="seed of the run (default: the level's own)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the score card")
    p.add_argument("--save-replay", metavar="FILE", help="write the run (level, seed, commands, result) to FILE")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.level import LevelError, load_scenario
    from game.policies import run_policy
    from game.scoring import format_card
    from game.sim.commands import to_dict

    try:
        scenario = load_scenario(args.level, seed=args.seed)
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.level}:1:1: cannot read the level ({exc.strerror or exc})", file=sys.stderr)
        return 1
    result = run_policy(scenario, args.policy)
    card = result.card
    record = {"format": REPLAY_FORMAT, "level": str(args.level), "seed": scenario.seed, "policy": args.policy,
              "commands": [to_dict(c) for c in result.commands], "result": card.to_dict(),
              "event_digest": result.event_digest}
    if args.save_replay:
        try:
            save_replay(Path(args.save_replay), record)
        except OSError as exc:
            print(f"minerisk simulate: cannot write {args.save_replay}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps({"policy": args.policy, "seed": scenario.seed, "result": card.to_dict(),
                          "event_digest": result.event_digest, "commands": len(result.commands)}))
    else:
        print(f"Policy {args.policy}")
        print(format_card(card))
    return 0


def save_replay(path: Path, record: dict) -> None:
    """Write a replay atomically (see game/atomic.py).

    The level path is stored relative to the replay's folder when it can be.
    """
    record = dict(record)
    level = Path(record["level"]).resolve()
    try:
        record["level"] = os.path.relpath(level, path.resolve().parent)
    except ValueError:  # another drive on Windows
        record["level"] = str(level)
    write_atomic(path, json.dumps(record, indent=1) + "\n")
