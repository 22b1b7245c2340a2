"""Where the bundled campaign, art and default data live, installed or not.

In a source checkout ``levels/`` and ``assets/`` sit at the repository's top;
``pip install .`` copies them into the package as ``game/_bundled/``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOGUE_DIR = PACKAGE_DIR / "catalogue"


def _bundled(name: str) -> Path:
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def levels_dir() -> Path:
    """The folder of the bundled campaign levels (YAML files and maps/)."""
    return _bundled("levels")


def assets_dir() -> Path:
    """The folder of the bundled art, fonts and sounds."""
    return _bundled("assets")
