"""Texts kept in tables and translated where they are shown (``_(TABLE.get(code, "..."))``) are in the catalogue.

Babel extracts only the literal argument of ``_()``; a table of words must
mark each of its texts with ``N_()`` (or ``NC_()``), or the text is shown in
English in every other language. This scans the code for ``_``/``pgettext``
of a table lookup and checks every text of that table, and a literal
default, against the template catalogue.
"""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "game" / "text" / "locale" / "minerisk.pot"


def _msgids() -> set[str]:
    with POT.open("rb") as f:
        catalog = read_po(f)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def _tables(tree: ast.Module) -> dict[str, ast.AST]:
    """The module's top-level names bound to a dict literal."""
    out = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if isinstance(getattr(node, "value", None), ast.Dict):
            out.update({t.id: node.value for t in targets if isinstance(t, ast.Name)})
    return out


def _texts(value: ast.AST) -> list[str]:
    """A table value's player text: a string (marked or not), or the first string of a tuple."""
    if isinstance(value, ast.Call) and value.args:  # N_("...") / NC_("ctx", "...")
        value = value.args[-1]
    if isinstance(value, ast.Tuple) and value.elts:
        return _texts(value.elts[0])
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return [value.value]
    return []


def _looked_up(call: ast.Call, tables: dict[str, ast.AST]) -> tuple[list[str], list[str]]:
    """(table texts, literal defaults) a translating call looks up."""
    arg = call.args[-1]
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "get":
        base, defaults = arg.func.value, [a.value for a in arg.args[1:2] if isinstance(a, ast.Constant)
                                          and isinstance(a.value, str)]
    elif isinstance(arg, ast.Subscript):
        base, defaults = arg.value, []
    else:
        return [], []
    if isinstance(base, ast.Subscript):  # ACTION_INFO[action][0]
        base = base.value
    if not isinstance(base, ast.Name) or base.id not in tables:
        return [], defaults
    return [t for v in tables[base.id].values for t in _texts(v)], defaults


def test_every_text_of_a_translated_table_is_in_the_catalogue():
    known = _msgids()
    missing = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables = _tables(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                    "_", "pgettext") and node.args:
                texts, defaults = _looked_up(node, tables)
                for t in texts + defaults:
                    if t not in known:
                        missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {t!r}")
    assert not missing, "texts not in the catalogue (mark them with N_):\n" + "\n".join(sorted(set(missing)))
