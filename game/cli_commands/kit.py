"""``minerisk kit DIR``: make the offline install kit for a USB stick (see game/kit/build.py).

``--check DIR`` checks a kit copied to a stick; ``--only-this-platform``
makes a small kit for this computer's system and Python only (tests);
``--onefolder`` adds this system's build for computers with no Python.
Exit 0 when done (a kit that misses some target says so), 1 when the kit
cannot be made or is damaged, 2 on a usage error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def register(sub) -> None:
    from game.kit.targets import TARGETS

    p = sub.add_parser("kit", help="make the offline install kit for a USB stick (needs internet once)",
                       description="Make a folder that installs Mine Risk on Windows, macOS and Linux computers "
                                   "with no network: wheels, install scripts, the teacher's guide and a manifest. "
                                   "Run it once on a computer with internet, from the game's source folder.")
    p.add_argument("folder", type=Path, metavar="DIR", help="the kit folder to make (new or empty, or an older kit)")
    p.add_argument("--check", action="store_true", help="check the kit in DIR instead (every file present and intact)")
    p.add_argument("--only-this-platform", action="store_true",
                   help="only this computer's system and Python version (a small, quick kit)")
    p.add_argument("--targets", metavar="NAMES", help="comma-separated targets (default: all): " + ", ".join(t.name for t in TARGETS))
    p.add_argument("--python", metavar="VERSIONS", help="comma-separated Python versions (default: 3.11,3.12,3.13)")
    p.add_argument("--onefolder", action="store_true",
                   help="also make this system's one-folder build (PyInstaller) for computers with no Python")
    p.add_argument("--source", type=Path, metavar="FOLDER", help="the game's source checkout (default: found)")
    p.set_defaults(run=run)


def _choose(args) -> tuple[tuple, tuple[str, ...]]:
    from game.kit.targets import OLDEST_PYTHON, PYTHON_VERSIONS, TARGETS, target_named, this_machine

    if args.only_this_platform:
        if args.targets or args.python:
            raise ValueError("--only-this-platform cannot be combined with --targets or --python")
        target, version = this_machine()
        return (target,), (version,)
    targets = tuple(target_named(n.strip()) for n in args.targets.split(",")) if args.targets else TARGETS
    pythons = PYTHON_VERSIONS
    if args.python:
        pythons = tuple(v.strip() for v in args.python.split(","))
        for version in pythons:
            parts = version.split(".")
            if len(parts) != 2 or not all(p.isdigit() for p in parts) or parts[0] != "3":
                raise ValueError(f"Python version {version!r}: write it like 3.12")
            if (3, int(parts[1])) < OLDEST_PYTHON:
                raise ValueError(f"Python {version}: the game needs Python {OLDEST_PYTHON[0]}.{OLDEST_PYTHON[1]} "
                                 f"or newer")
    return targets, pythons


def run(args) -> int:
    from game.kit.check import check_kit

    if args.check:
        report = check_kit(args.folder)
        print(report.text())
        return 0 if report.ok else 1
    from game.kit.build import build_kit, summary
    from game.kit.source import KitError

    try:
        targets, pythons = _choose(args)
    except ValueError as exc:
        print(f"minerisk kit: {exc}", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        manifest = build_kit(args.folder, targets, pythons, source=args.source, onefolder=args.onefolder)
    except KitError as exc:
        print(f"minerisk kit: {exc}", file=sys.stderr)
        return 1
    print(summary(manifest))
    print(f"Made {args.folder} in {time.monotonic() - started:.0f} s. Copy the whole folder to the stick, "
          f"then check the copy with: minerisk kit --check <the copy>")
    return 0
