"""``minerisk replay FILE [--verify]``: re-run a saved ``level + seed + commands`` file.

Prints the score card of the re-run; ``--verify`` compares it (and the event
log's fingerprint) with the recorded result and exits 1 when they differ. A
broken file is reported as ``FILE:LINE:COL: message; hint``, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from game.level.errors import Problem


def register(sub) -> None:
    p = sub.add_parser("replay", help="re-run a saved replay file",
                       description="Re-run a replay written by `minerisk simulate --save-replay` and print its "
                                   "score card. With --verify, exit 1 when the result differs from the recorded one.")
    p.add_argument("file", metavar="FILE", help="a replay file (.json)")
    p.add_argument("--verify", action="store_true", help="check the re-run gives the recorded result")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.level import LevelError, load_scenario
    from game.scoring import format_card, score_card
    from game.sim import Simulation

    path = Path(args.file)
    replay, problems = read_replay(path)
    if problems:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        return 1
    level = Path(replay["level"])
    if not level.is_absolute():
        level = path.parent / level
    try:
        scenario = load_scenario(level, seed=replay["seed"])
    except LevelError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    with Simulation(scenario) as sim:
        sim.run(replay["commands"])
        card = score_card(sim)
        digest = sim.state.log.digest()
    result = json.loads(json.dumps(card.to_dict()))
    if args.json:
        print(json.dumps({"result": result, "event_digest": digest}))
    else:
        print(format_card(card))
    if not args.verify:
        return 0
    differences = _differences(replay.get("result"), result, "result")
    if replay.get("event_digest") and replay["event_digest"] != digest:
        differences.append("the event log differs")
    if differences:
        print(f"{path}: the re-run differs from the recorded result: " + "; ".join(differences[:8]),
              file=sys.stderr)
        return 1
    print(f"OK: {path} replays to the recorded result.")
    return 0


def _differences(recorded: Any, now: Any, where: str) -> list[str]:
    if isinstance(recorded, dict) and isinstance(now, dict):
        out = []
        for key in sorted(set(recorded) | set(now)):
            out += _differences(recorded.get(key), now.get(key), f"{where}.{key}")
        return out
    return [] if recorded == now else [f"{where}: recorded {recorded!r}, now {now!r}"]


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_replay(path: Path) -> tuple[dict, list[Problem]]:
    """The replay in a file, its commands turned into dataclasses; or the problems found (line and column)."""
    from game.sim.commands import from_dict

    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [Problem(shown, 1, 1, "replay file not found", "check the path")]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(shown, 1, 1, f"cannot read the replay file ({exc})", "save it as UTF-8 JSON")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, [Problem(shown, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}",
                            "a replay is the JSON file `minerisk simulate --save-replay` writes")]
    if not isinstance(data, dict):
        return {}, [Problem(shown, 1, 1, "a replay must be a JSON object", "expected keys: level, seed, commands")]
    problems = []
    for key, kind in (("level", str), ("seed", int), ("commands", list)):
        if key not in data:
            problems.append(Problem(shown, 1, 1, f"missing key `{key}`", "expected keys: level, seed, commands"))
        elif not isinstance(data[key], kind) or isinstance(data[key], bool):
            at = _key_position(text, key)
            problems.append(Problem(shown, *at, f"`{key}` must be {'text' if kind is str else 'a whole number' if kind is int else 'a list'}"))
    if problems:
        return {}, problems
    commands = []
    positions = _array_item_positions(text, "commands")
    for i, raw in enumerate(data["commands"]):
        try:
            commands.append(from_dict(raw))
        except ValueError as exc:
            line, col = positions[i] if i < len(positions) else _key_position(text, "commands")
            problems.append(Problem(shown, line, col, f"command {i + 1}: {exc}",
                                    "each command looks like {\"type\": \"Clear\", \"day\": 3, \"team\": "
                                    "\"manual-1\", \"area\": \"north-field\"}"))
    data = dict(data)
    data["commands"] = commands
    return data, problems


def _key_position(text: str, key: str) -> tuple[int, int]:
    index = text.find(f'"{key}"')
    return _where(text, index) if index >= 0 else (1, 1)


def _array_item_positions(text: str, key: str) -> list[tuple[int, int]]:
    """Line and column of each element of the top-level array under ``key`` (best effort)."""
    index = text.find(f'"{key}"')
    if index < 0:
        return []
    start = text.find("[", index)
    if start < 0:
        return []
    decoder = json.JSONDecoder()
    out, i = [], start + 1
    while i < len(text):
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text) or text[i] == "]":
            break
        try:
            _, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            break
        out.append(_where(text, i))
        i = end
    return out
