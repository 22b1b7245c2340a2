"""``minerisk simulate LEVEL --policy NAME``: play a level headless with a scripted player.

Prints the score card (or, with ``--json``, one JSON object); ``--save-replay
FILE`` writes the run record (docs/run-record.md) that ``minerisk replay``
re-runs and verifies. Exit 0 on a finished run, 1 when the level has
problems, 2 on a usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.atomic import write_atomic


def register(sub) -> None:
    from game.policies import POLICIES

    p = sub.add_parser("simulate", help="play a level headless with a scripted player",
                       description="Run the simulation of a level with a scripted player and print the score card.")
    p.add_argument("level", metavar="LEVEL", help="a level file (.yaml)")
    p.add_argument("--policy", required=True, choices=sorted(POLICIES), help="the scripted player")
    p.add_argument("--seed", type=int, default=None, help="seed of the run (default: the level's own)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the score card")
    p.add_argument("--save-replay", metavar="FILE", help="write the run record to FILE (for minerisk replay)")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.level import LevelError
    from game.run.players import play_level
    from game.run.seed import SeedError
    from game.text.score import format_card

    try:
        session = play_level(args.level, args.policy, seed=args.seed)
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except SeedError as exc:
        print(f"minerisk simulate: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{args.level}:1:1: cannot read the level ({exc.strerror or exc})", file=sys.stderr)
        return 1
    with session:
        card = session.score()
        record = session.record()
        if args.save_replay:
            try:
                write_atomic(Path(args.save_replay), record.to_json())
            except OSError as exc:
                print(f"minerisk simulate: cannot write {args.save_replay}: {exc.strerror or exc}", file=sys.stderr)
                return 1
        if args.json:
            print(json.dumps({"policy": args.policy, "seed": session.seed, "result": card.to_dict(),
                              "event_digest": session.event_digest, "commands": len(record.commands)}))
        else:
            print(f"Policy {args.policy}")
            print(format_card(card, session.level, session.names))
    return 0
