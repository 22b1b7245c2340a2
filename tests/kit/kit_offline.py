"""Helpers of the kit tests: an environment with no package index and, where possible, no network."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

UNREACHABLE_INDEX = "http://127.0.0.1:9/simple"  # the discard port: nothing answers there


@functools.cache
def network_namespace_works() -> bool:
    """Whether ``unshare --net`` can run a command with no network at all (root, or user namespaces)."""
    for args in (["unshare", "--net", "true"], ["unshare", "--map-root-user", "--net", "true"]):
        try:
            if subprocess.run(args, capture_output=True, timeout=30).returncode == 0:
                return True
        except (OSError, subprocess.TimeoutExpired):
            pass
    return False


def offline(command: list[str]) -> list[str]:
    """``command`` run with no network interface but loopback when the system allows it."""
    if not network_namespace_works():
        return command
    unshare = shutil.which("unshare")  # found here: the command's own environment may have no PATH to it
    if subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net", *command]
    return [unshare, "--map-root-user", "--net", *command]


def offline_env(home: Path, wheels: Path, data: Path) -> dict[str, str]:
    """A clean environment: a fresh HOME, pip pointed at the kit's wheels only and at no index."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "MINERISK_", "VIRTUAL_ENV", "XDG_", "SDL_"))}
    path = [p for p in env.get("PATH", "").split(os.pathsep) if not (Path(p) / "activate").exists()]
    env.update(
        PATH=os.pathsep.join(path), HOME=str(home),
        PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels), PIP_INDEX_URL=UNREACHABLE_INDEX,
        PIP_CONFIG_FILE=os.devnull, PIP_NO_CACHE_DIR="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
        SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
        MINERISK_DATA_DIR=str(data),
    )
    return env
