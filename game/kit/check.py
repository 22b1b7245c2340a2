"""Check that an offline install kit is complete and intact (after copying it to a USB stick).

The kit's ``kit.json`` lists every file with its size and SHA-256; this module
reads it, hashes every file and says, in plain words, what is missing or
damaged and which computers the kit can install the game on.

It uses the standard library only: the kit carries a copy as
``check-kit.py``, so ``python check-kit.py`` works on any computer with
Python, before the game is installed. ``minerisk kit --check DIR`` runs the
same code.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "kit.json"
MANIFEST_FORMAT = 1
KIT_KIND = "minerisk-offline-kit"

# Files a system adds by itself when a stick is used (macOS, Windows); never a problem.
_SYSTEM_LITTER = (".DS_Store", "Thumbs.db", "desktop.ini", ".Trashes", ".fseventsd", ".Spotlight-V100",
                  "System Volume Information", "$RECYCLE.BIN")


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class KitReport:
    """What checking a kit found: problems make it unusable, notes do not."""

    kit: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ready: list[str] = field(default_factory=list)       # "Windows (64-bit): Python 3.11, 3.12"
    not_covered: list[str] = field(default_factory=list)  # a target/Python with no complete set, and why
    files: int = 0
    size: int = 0
    version: str = "?"

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        """The report a teacher reads."""
        lines = [f"Mine Risk offline kit {self.version} in {self.kit}"]
        if self.problems:
            lines.append(f"NOT READY: {len(self.problems)} problem(s). Copy the kit again from where it was made.")
            lines += [f"  - {p}" for p in self.problems]
        else:
            lines.append(f"All {self.files} files are present and intact ({self.size / 1e6:.0f} MB).")
        if self.ready:
            lines.append("It installs the game on:")
            lines += [f"  - {r}" for r in self.ready]
        if self.not_covered:
            lines.append("Not covered by this kit:")
            lines += [f"  - {r}" for r in self.not_covered]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  - {n}" for n in self.notes]
        return "\n".join(lines)


def _is_litter(relative: str) -> bool:
    parts = relative.split("/")
    return any(p in _SYSTEM_LITTER or p.startswith("._") for p in parts)


def read_manifest(kit: Path) -> dict:
    """The kit's manifest; ValueError with a plain reason when it is missing or unreadable."""
    path = kit / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no {MANIFEST} here; is this the kit's folder (the one with install-windows.bat)?")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read ({exc}); copy the kit again") from None
    if not isinstance(data, dict) or data.get("kind") != KIT_KIND:
        raise ValueError(f"{path}: not the manifest of a Mine Risk kit")
    if data.get("format") != MANIFEST_FORMAT:
        raise ValueError(f"{path}: manifest format {data.get('format')!r}; this checker reads format {MANIFEST_FORMAT}")
    return data


def check_kit(kit: Path) -> KitReport:
    """Check every file of the kit against its manifest and summarise what the kit covers."""
    kit = Path(kit)
    report = KitReport(kit)
    try:
        data = read_manifest(kit)
    except ValueError as exc:
        report.problems.append(str(exc))
        return report
    report.version = str(data.get("game", {}).get("version", "?"))
    files: dict = data.get("files", {})
    for relative, entry in sorted(files.items()):
        path = kit / relative
        report.files += 1
        report.size += int(entry.get("size", 0))
        if not path.is_file():
            report.problems.append(f"{relative}: missing")
        elif path.stat().st_size != entry.get("size"):
            report.problems.append(f"{relative}: {path.stat().st_size} bytes instead of {entry.get('size')} "
                                   f"(copied only in part?)")
        elif sha256_of(path) != entry.get("sha256"):
            report.problems.append(f"{relative}: damaged (its SHA-256 does not match kit.json)")
    listed = set(files) | {MANIFEST}
    extra = sorted(p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file())
    extra = [p for p in extra if p not in listed and not _is_litter(p)]
    if extra:
        shown = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
        report.notes.append(f"{len(extra)} file(s) not made with the kit (not checked): {shown}")
    for target in data.get("targets", []):
        complete = [v for v, info in target.get("pythons", {}).items() if info.get("complete")]
        if complete:
            report.ready.append(f"{target.get('label', target.get('name'))}: Python {', '.join(complete)}")
        for version, info in target.get("pythons", {}).items():
            if not info.get("complete"):
                why = "; ".join(info.get("missing", [])) or "not complete"
                report.not_covered.append(f"{target.get('label', target.get('name'))} with Python {version}: {why}")
            for wheel in info.get("wheels", []):
                if wheel not in files:
                    report.problems.append(f"{wheel}: named for {target.get('name')} Python {version} "
                                           f"but not in the file list")
    for build in data.get("onefolder", []):
        report.ready.append(f"{build.get('label', build.get('name'))}: no Python needed ({build.get('path')})")
    return report


def main(argv: list[str] | None = None) -> int:
    """``python check-kit.py [KIT_FOLDER]``: exit 0 when the kit is intact, 1 when not."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print("usage: python check-kit.py [KIT_FOLDER]  (default: the folder this file is in)")
        return 2
    kit = Path(args[0]) if args else Path(__file__).resolve().parent
    report = check_kit(kit)
    try:
        print(report.text())
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early
        pass
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
