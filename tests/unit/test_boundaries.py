"""Architecture properties that must hold (docs/architecture.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_PYGAME = """
import sys
sys.modules["pygame"] = None   # any `import pygame` now raises ImportError
import importlib, pkgutil
import game
for name in {names!r}:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_headless_packages_import_without_pygame():
    names = ["game.level", "game.catalogue", "game.cli", "game.cli_commands.validate", "game.cli_commands.levels",
             "game.cli_commands.schema", "game.cli_commands.simulate", "game.cli_commands.replay", "game.bench", "game.run",
             "game.text", "game.store", "game.packs", "game.calibrate", "game.calibrate_report", "game.svgcharts",
             "game.cli_commands.new", "game.cli_commands.catalogue", "game.cli_commands.pack", "game.cli_commands.install",
             "game.cli_commands.calibrate"]
    for optional in ("game.sim", "game.policies", "game.scoring"):
        if (ROOT / optional.replace(".", "/")).exists() or (ROOT / (optional.replace(".", "/") + ".py")).exists():
            names.append(optional)
    done = subprocess.run([sys.executable, "-c", BLOCK_PYGAME.format(names=names)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")


def test_pytmx_is_imported_by_the_adapter_only():
    importers = []
    for path in (ROOT / "game").rglob("*.py"):
        if re.search(r"^\s*(import pytmx|from pytmx)", path.read_text(encoding="utf-8"), re.MULTILINE):
            importers.append(path.relative_to(ROOT).as_posix())
    assert importers == ["game/level/tmx_adapter.py"]


def test_no_number_of_the_catalogue_is_hidden_in_the_level_code():
    """Rates, costs and probabilities come from the catalogue, not from code."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "game" / "level").glob("*.py"))
    for value in ("240", "800", "5000", "0.98", "0.97", "0.73"):
        assert not re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", text), value


def test_every_python_package_is_installed_by_pyproject():
    """`pip install .` lists packages by hand (the campaign is mapped in): none may be forgotten."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {p.parent.relative_to(ROOT).as_posix().replace("/", ".") for p in (ROOT / "game").rglob("*.py")}
    assert found - listed == set()
