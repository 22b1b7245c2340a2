"""Build the English message catalogue from the source: ``python -m game.text.extract``.

Every literal passed to ``_()`` or ``ngettext()`` under ``game/ui``, ``game/text``, ``game/run``,
``game/commands`` and ``game/store`` is collected (with the ``ast`` module, so no
external gettext tools are needed), with the teaching texts of
``game/content`` (key messages, glossary, quiz), written to
``game/text/locale/en/LC_MESSAGES/minerisk.po`` and compiled to ``minerisk.mo``.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

from game.text import DOMAIN, LOCALE_DIR

GAME_DIR = LOCALE_DIR.parent.parent
SOURCES = ("ui", "text", "run", "commands", "store", "classroom")


def source_files() -> list[Path]:
    out: list[Path] = []
    for name in SOURCES:
        path = GAME_DIR / name
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


def messages() -> dict[str, list[str]]:
    """Every translatable literal, with the places it is used (``file:line``)."""
    found: dict[str, list[str]] = {}
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "_":
                args = node.args[:1]
            elif node.func.id == "ngettext":
                args = node.args[:2]
            else:
                continue
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                    where = f"{path.relative_to(GAME_DIR.parent).as_posix()}:{node.lineno}"
                    found.setdefault(arg.value, []).append(where)
    for text, where in content_texts():
        found.setdefault(text, []).append(where)
    return dict(sorted(found.items()))


def content_texts() -> list[tuple[str, str]]:
    """The player-facing texts of game/content (shown through ``_`` by the UI), with their file."""
    from game import content

    out = [(m.text, "game/content/eore.yaml") for m in content.key_messages()]
    for term in content.glossary():
        out += [(term.term, "game/content/glossary.yaml"), (term.name, "game/content/glossary.yaml"),
                (term.text, "game/content/glossary.yaml")]
    for q in content.quiz():
        out += [(q.question, "game/content/quiz.yaml"), (q.explain, "game/content/quiz.yaml")]
        out += [(a.text, "game/content/quiz.yaml") for a in q.answers]
    from game.classroom.checkin import checkin_quiz

    for q in checkin_quiz().questions:
        out += [(q.question, "game/content/checkin.yaml"), (q.explain, "game/content/checkin.yaml")]
        out += [(a.text, "game/content/checkin.yaml") for a in q.answers]
    return [(text, where) for text, where in out if text]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_po(found: dict[str, list[str]], path: Path) -> None:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: en\\n"', ""]
    for text, places in found.items():
        lines.append("#: " + " ".join(places[:3]))
        lines += [f"msgid {_quote(text)}", 'msgstr ""', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_mo(found: dict[str, list[str]], path: Path) -> None:
    """A GNU .mo file; English keeps each text as it is (msgstr = msgid)."""
    pairs = [("", "Content-Type: text/plain; charset=UTF-8\nLanguage: en\n")]
    pairs += [(t, t) for t in found]
    pairs.sort()
    ids = [k.encode() for k, _ in pairs]
    strs = [v.encode() for _, v in pairs]
    n = len(pairs)
    header = 7 * 4
    o_table = header
    t_table = o_table + n * 8
    data_start = t_table + n * 8
    offsets, blob = [], b""
    for s in ids:
        offsets.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    trans = []
    for s in strs:
        trans.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, n, o_table, t_table, 0, 0)
    out += b"".join(struct.pack("<2I", *p) for p in offsets)
    out += b"".join(struct.pack("<2I", *p) for p in trans)
    path.write_bytes(out + blob)


def main() -> int:
    found = messages()
    folder = LOCALE_DIR / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    write_po(found, folder / f"{DOMAIN}.po")
    write_mo(found, folder / f"{DOMAIN}.mo")
    print(f"{len(found)} messages -> {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
