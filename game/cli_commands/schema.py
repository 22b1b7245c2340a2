"""``minerisk schema``: print the JSON Schema of the level format (for editors)."""

from __future__ import annotations

import sys

from game.level.format import json_schema_text


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the level format",
                       description="Print the JSON Schema of level files, for completion and checking in "
                                   "editors (see docs/level-authoring.md).")
    p.set_defaults(run=run)


def run(args) -> int:
    sys.stdout.write(json_schema_text())
    return 0
