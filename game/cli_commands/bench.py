"""``minerisk bench``: measure speed (medians of repetitions) and print the figures."""

from __future__ import annotations

import json
import platform

from game import __version__


def register(sub) -> None:
    from game.bench import BENCHMARKS

    p = sub.add_parser("bench", help="measure load, simulation and drawing speed",
                       description="Run the benchmarks several times and print medians.")
    p.add_argument("--repeat", type=int, default=7, metavar="N", help="repetitions of each benchmark (default 7)")
    p.add_argument("--only", action="append", choices=sorted(BENCHMARKS), metavar="NAME",
                   help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args) -> int:
    from game.bench import BENCHMARKS

    if args.repeat < 1:
        print("minerisk bench: --repeat must be at least 1")
        return 2
    results = {}
    for name, fn in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        try:
            results[name] = fn(args.repeat)
        except ImportError as exc:
            results[name] = {"skipped": f"not available yet ({exc.name})"}
        if not args.json:
            _print(name, results[name])
    if args.json:
        print(json.dumps({"minerisk": __version__, "python": platform.python_version(),
                          "machine": platform.machine(), "results": results}, indent=2))
    return 0


def _print(name: str, figures: dict) -> None:
    parts = []
    for key, value in figures.items():
        if isinstance(value, float) and key.endswith("_s") and not key.endswith("per_s"):
            key, value = key[:-2] + "_ms", value * 1000
        if isinstance(value, float):
            value = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
        parts.append(f"{key}={value}")
    print(f"{name:<14} " + "  ".join(parts))
