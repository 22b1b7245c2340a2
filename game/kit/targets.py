"""The computers an offline install kit is made for: systems, processors, Python versions.

A target is one system and processor (Windows x86-64, macOS Intel, ...). For
each target and each supported Python version the kit holds a complete set
of wheels. ``platforms`` lists the wheel platform tags pip may pick for that
target, best first: pip expands macOS tags to older macOS versions by itself
but not the ``manylinux_2_X`` tags, so those are listed in full.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

#: Python versions the kit covers by default; the oldest is the game's requires-python in pyproject.toml.
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
OLDEST_PYTHON = (3, 11)

#: The oldest glibc a Linux target must run on: 2.28 is Debian 10, Ubuntu 20.04 has 2.31, RHEL 8 has 2.28.
LINUX_GLIBC_MINOR = 28

#: The oldest macOS: 11 (Big Sur), the first with Apple-silicon Macs. pip also accepts older tags.
MACOS_VERSION = "11_0"


def _manylinux(arch: str) -> tuple[str, ...]:
    """Every manylinux tag a glibc-2.28 machine of this processor accepts, newest first."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(LINUX_GLIBC_MINOR, 16, -1)]
    tags.append(f"manylinux2014_{arch}")
    if arch == "x86_64":
        tags += [f"manylinux_2_{minor}_{arch}" for minor in (12, 5)]
        tags += [f"manylinux2010_{arch}", f"manylinux1_{arch}"]
    return tuple(tags)


@dataclass(frozen=True)
class Target:
    """One system and processor the kit carries wheels for."""

    name: str                   # short id, used in kit.json and on the command line
    label: str                  # what a teacher reads
    system: str                 # "windows", "macos" or "linux": which install script serves it
    platforms: tuple[str, ...]  # wheel platform tags for pip download --platform, best first


TARGETS: tuple[Target, ...] = (
    Target("windows-x86_64", "Windows (64-bit, Intel/AMD)", "windows", ("win_amd64",)),
    Target("macos-x86_64", "macOS 11 or newer on an Intel Mac", "macos", (f"macosx_{MACOS_VERSION}_x86_64",)),
    Target("macos-arm64", "macOS 11 or newer on an Apple-silicon Mac (M1 and later)", "macos",
           (f"macosx_{MACOS_VERSION}_arm64",)),
    Target("linux-x86_64", "Linux (64-bit Intel/AMD, glibc 2.28 or newer)", "linux", _manylinux("x86_64")),
    Target("linux-aarch64", "Linux on 64-bit ARM (glibc 2.28 or newer)", "linux", _manylinux("aarch64")),
)

SYSTEMS = ("windows", "macos", "linux")


def target_named(name: str) -> Target:
    """The target called ``name``; ValueError naming the known ones otherwise."""
    for target in TARGETS:
        if target.name == name:
            return target
    known = ", ".join(t.name for t in TARGETS)
    raise ValueError(f"unknown target {name!r}; known targets: {known}")


def this_machine() -> tuple[Target, str]:
    """The target and Python version of the computer running this code.

    ValueError when the machine is none of the kit's targets (e.g. Windows on ARM).
    """
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(machine, machine)
    if sys.platform == "win32":
        name = f"windows-{arch}"
    elif sys.platform == "darwin":
        name = f"macos-{arch}"
    elif sys.platform.startswith("linux"):
        name = f"linux-{'aarch64' if arch == 'arm64' else arch}"
    else:
        name = f"{sys.platform}-{arch}"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return target_named(name), version
