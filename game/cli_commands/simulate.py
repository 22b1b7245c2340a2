"""``minerisk simulate LEVEL --policy NAME``: play a level headless with a scripted player.

LEVEL is a level file or the id of a bundled level (as for ``minerisk play``).
Prints the score card (or, with ``--json``, one JSON object); ``--save-replay
FILE`` writes the run record (docs/run-record.md) that ``minerisk replay``
re-runs and verifies. The replay file is checked before the run: the careful
writer (game/atomic.py) never replaces the level being played, a folder, a
device, a pipe, a link or a file Mine Risk did not write. Exit 0 on a
finished run, 1 when the level has problems or the file cannot be written, 2
on a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from game.atomic import check_target, write_atomic
from game.cli_commands.args import seed_arg
from game.store.reasons import plain_reason


def register(sub) -> None:
    from game.policies import POLICIES

    p = sub.add_parser("simulate", help="play a level headless with a scripted player",
                       description="Run the simulation of a level with a scripted player and print the score card.")
    p.add_argument("level", metavar="LEVEL", help="a level file (.yaml) or the id of a bundled level, e.g. first_steps")
    p.add_argument("--policy", required=True, choices=sorted(POLICIES), help="the scripted player")
    p.add_argument("--seed", type=seed_arg, default=None,
                   help="seed of the run, 0 to 2**63-1 (default: the level's own)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the score card")
    p.add_argument("--save-replay", metavar="FILE", help="write the run record to FILE (for minerisk replay)")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.level import LevelError
    from game.run.players import play_level
    from game.run.seed import SeedError
    from game.run.levels import names_a_file, resolve_level, unknown_level_message
    from game.text.score import format_card

    level_path = resolve_level(args.level)  # a file, else the id of a bundled or installed level
    if level_path is None and names_a_file(args.level):
        level_path = Path(args.level)  # the loader says what is wrong with the path
    elif level_path is None:
        print(f"{args.level[:200]}:1:1: {unknown_level_message(args.level)}", file=sys.stderr)
        return 1
    if args.save_replay:
        why = replay_target_problem(Path(args.save_replay), level_path)
        if why:  # said before the run, not after it
            print(f"minerisk simulate: cannot write {args.save_replay}: {why}", file=sys.stderr)
            return 1
    try:
        session = play_level(level_path, args.policy, seed=args.seed)
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except SeedError as exc:
        print(f"minerisk simulate: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{args.level[:200]}:1:1: cannot read the level ({plain_reason(exc)})", file=sys.stderr)
        return 1
    with session:
        card = session.score()
        record = session.record()
        if args.save_replay:
            try:
                write_atomic(Path(args.save_replay), record.to_json())
            except OSError as exc:
                print(f"minerisk simulate: cannot write {args.save_replay}: {plain_reason(exc)}", file=sys.stderr)
                return 1
        if args.json:
            print(json.dumps({"policy": args.policy, "seed": session.seed, "result": card.to_dict(),
                              "release": card.release_summary(),
                              "event_digest": session.event_digest, "commands": len(record.commands)}))
        else:
            from game.text import use_level

            use_level(session.level)  # the level's own translations for the card's objectives (--lang)
            print(f"Policy {args.policy}")
            print(format_card(card, session.level, session.names))
    return 0


def replay_target_problem(target: Path, level: Path) -> str:
    """Why ``--save-replay`` must not write to ``target`` (the level it plays, a pipe, a link...), or ""."""
    try:
        if os.path.exists(target) and os.path.exists(level) and os.path.samefile(target, level):
            return "it is the level file this run reads"
        check_target(target)
    except OSError as exc:
        return plain_reason(exc)
    return ""
