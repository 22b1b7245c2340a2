"""No import circle among the modules of the game window, counting imports inside functions too.

Scenes name the next screen by a key (``app.go("debrief", play=...)``); only
``game/ui/routes.py`` knows the scene classes. A circle (a scene importing
another that imports it back, even lazily inside a function) fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def ui_imports(path: Path) -> set[str]:
    """The game.ui modules a file imports anywhere (module level or inside functions), by short name."""
    modules = {p.stem for p in UI.glob("*.py")}
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("game.ui."):
                    out.add(alias.name.split(".")[2])
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x / from .x import y
                base = "game.ui" + ("." + base if base else "")
            if base == "game.ui":
                out |= {a.name for a in node.names if a.name in modules}
            elif base.startswith("game.ui."):
                out.add(base.split(".")[2])
    out.discard(path.stem)
    return out & modules


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph.get(v, ()):
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_lazy_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_window_modules_import_no_circle():
    graph = {p.stem: ui_imports(p) for p in UI.glob("*.py")}
    assert graph["app"] >= {"routes"} and "scene_debrief" in graph["routes"]
    assert not cycles(graph), f"import circles in game/ui: {cycles(graph)}"


def test_scenes_name_the_next_screen_by_key():
    """Only the route table imports scene modules (the base class and the loading screen aside)."""
    shared = {"scene", "scene_loading"}
    for p in UI.glob("*.py"):
        if p.stem in ("routes", "app"):
            continue
        scenes = {m for m in ui_imports(p) if m.startswith("scene_") or m == "scene"} - shared
        assert not scenes, f"{p.name} imports {sorted(scenes)}: use app.go(key, ...)"
