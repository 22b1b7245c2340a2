"""``minerisk replay FILE [--verify]``: re-run a run record (docs/run-record.md).

The level is found by the record's id in the game's level folders (the
bundled campaign, My levels), or given by the user with ``--level``; a path
written in a record is never followed. Prints the score card of the re-run;
``--verify`` compares it with what the record claims and exits with the
verdict's code: 0 the run holds, 1 the file is not a valid record, 3 the
level is missing, 4 the level differs, 5 a command was added, removed or
changed, 6 the result or player differs (or the run has not ended).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("replay", help="re-run a run record and check its result",
                       description="Re-run a run record written by the game or by `minerisk simulate --save-replay` "
                                   "and print its score card. With --verify, check it against the recorded result.")
    p.add_argument("file", metavar="FILE", help="a run record (.json)")
    p.add_argument("--verify", action="store_true", help="check the re-run gives the recorded result")
    p.add_argument("--level", metavar="LEVEL", help="the level file to replay on (default: found by the record's id)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.run.record import read_record
    from game.run.verify import verify

    path = Path(args.file)
    record, problems = read_record(path, args.file)
    if problems:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        return 1
    verdict = verify(record, Path(args.level) if args.level else None, require_end=args.verify)
    if args.json:
        out = {"status": verdict.status, "message": verdict.message}
        if verdict.card is not None:
            out["result"] = json.loads(json.dumps(verdict.card.to_dict()))
        print(json.dumps(out))
    elif verdict.card is not None:
        from game.text.score import format_card

        print(format_card(verdict.card))
    if not args.json:
        stream = sys.stdout if verdict.ok else sys.stderr
        print(("OK: " if verdict.ok else f"{args.file}: ") + verdict.message + (f"; {verdict.hint}" if verdict.hint
                                                                                else ""), file=stream)
    return verdict.exit_code if (args.verify or not verdict.ok) else 0
