"""Read a level file as a YAML node tree that remembers where every value is.

The file is read safely: a size limit, UTF-8 only, no binary, no tabs in
indentation, no anchors or aliases (they are how "billion laughs" files blow
up memory), a bounded nesting depth, and only plain YAML types. Every failure
becomes a :class:`~game.level.errors.Problem` with the line and column.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .errors import Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
#: Where a trainer with an empty file starts from (a kit install has no levels/ folder to copy).
NEW_LEVEL_HINT = "make a level folder to start from with `minerisk new NAME` (docs/level-authoring.md explains it)"


class _Refused(Exception):
    """A construct that level files do not allow, found while composing."""

    def __init__(self, mark, message: str, hint: str):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


class _GuardedComposer(Composer):
    """PyYAML's composer, refusing anchors, aliases and deep nesting."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise _Refused(event.start_mark, "YAML anchors and aliases (& and *) are not allowed in level files",
                           "write each value out in full")
        if isinstance(event, CollectionStartEvent):
            self._depth = getattr(self, "_depth", 0) + 1
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"the file nests deeper than {MAX_DEPTH} levels",
                               "a level file needs only a few levels of indentation")
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)


class _LevelLoader(Reader, Scanner, Parser, _GuardedComposer, SafeConstructor, Resolver):
    """A SafeLoader whose composer is guarded; we never construct Python objects from it."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _GuardedComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


def _problem(shown: str, mark, message: str, hint: str = "") -> Problem:
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    return Problem(shown, line, col, message, hint)


def _path_hint(path: Path) -> str:
    """Backslashes or other capital letters in a level path typed on the command line."""
    from game.level.level_files import missing_file_hint

    base = Path(path.anchor) if path.is_absolute() else Path.cwd()
    written = str(path.relative_to(path.anchor)) if path.is_absolute() else str(path)
    try:
        return missing_file_hint(base, written, path.anchor)
    except (OSError, ValueError):
        return ""


def _looks_utf16(data: bytes) -> bool:
    """Whether ``data`` is text saved as UTF-16 (Windows Notepad's "Unicode"): it decodes so, mostly to ASCII."""
    head = data[:4000]
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if text and sum(ch.isascii() for ch in text) > 0.8 * len(text) and "\x00" not in text:
            return True
    return False


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that stop it from being read at all."""
    try:
        if not path.exists():
            return None, [Problem(shown, 1, 1, "file not found", _path_hint(path) or "check the path and its spelling")]
        if not path.is_file():
            return None, [Problem(shown, 1, 1, "not a file", "give the path of a .yaml level file")]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, 1, 1, f"file is too large ({size:,} bytes; a level file is at most "
                                  f"{MAX_FILE_BYTES:,})", "is this really a level file?")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    if _looks_utf16(data):
        return None, [Problem(shown, 1, 1, "the file is saved as UTF-16 (\"Unicode\" in some editors)",
                              "save it as UTF-8 in your editor (Notepad: File > Save as > Encoding: UTF-8)")]
    if b"\x00" in data:
        return None, [Problem(shown, 1, 1, "this is a binary file, not a YAML text file",
                              "save the level as plain text (UTF-8)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, "the file is not valid UTF-8 text",
                              "save it as UTF-8 in your editor")]
    if not text.strip():
        return None, [Problem(shown, 1, 1, "the file is empty", NEW_LEVEL_HINT)]
    return text, []


def compose(text: str, shown: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse YAML text into one node tree (marks kept), or the problem that stops it."""
    loader = None
    try:
        loader = _LevelLoader(text)
        node = loader.get_single_node()
    except _Refused as exc:
        return None, [_problem(shown, exc.mark, exc.message, exc.hint)]
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_error(shown, exc, text)]
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return None, [Problem(shown, line, col, f"the file holds a control character (#x{exc.character:04x}) "
                              "that YAML does not allow", "remove it; save the file as plain UTF-8 text")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, 1, f"not valid YAML: {exc}", "save the level as plain UTF-8 text")]
    except RecursionError:
        return None, [Problem(shown, 1, 1, "the file nests too deeply", "a level file needs only a few levels")]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return None, [Problem(shown, 1, 1, "the file holds no YAML document", NEW_LEVEL_HINT)]
    return node, []


def _char_at(text: str, mark) -> str:
    """The character just after the backslash an escape error points at (for the message)."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    start = line.rfind("\\", 0, mark.column + 1)
    return line[start + 1: start + 2] if start >= 0 else ""


def _yaml_error(shown: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if mark is not None and "\t" in problem + text.splitlines()[mark.line if mark.line < len(text.splitlines()) else -1]:
        if "tab" in problem or "'\\t'" in problem or "\\t" in problem:
            return _problem(shown, mark, "a tab character is used for indentation",
                            "YAML needs spaces: replace tabs with spaces (set your editor to insert spaces)")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return _problem(shown, mark, "YAML anchors and aliases (& and *) are not allowed in level files",
                        "write each value out in full")
    message = f"YAML syntax error: {problem}" if problem else "YAML syntax error"
    if context:
        message += f" ({context})"
    hint = "check the indentation and the colons on this line and the one before"
    if "expected <block end>, but found '-'" in problem:
        return _problem(shown, mark, "this list entry (`- `) is not lined up with the entries above it",
                        "put the `-` of every entry of a list in the same column as the first one")
    if "flow mapping" in context and "got ':'" in problem:
        return _problem(shown, mark, "YAML syntax error: a text inside `{ }` holds `: ` (a colon and a space), "
                        "which YAML reads as a new key", "put the text in quotes, e.g. "
                        "text: \"Note: stay on the path.\"")
    if "double-quoted" in context and "escape" in problem:
        return _problem(shown, mark, "inside double quotes `\\` starts an escape sequence, and `\\"
                        f"{_char_at(text, mark)}` is not one (YAML says: {problem})",
                        "write `/` between folders (maps/valley.tmx), or put the text in single quotes, "
                        "or write `\\\\` for one `\\`")
    if "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, or the indentation is off"
    elif "could not find expected ':'" in problem:
        hint = "each line of a mapping needs `key: value`; quote text that spans lines"
    elif "found unexpected end of stream" in problem or "while scanning a quoted scalar" in context:
        hint = "a quote is opened and never closed"
    return _problem(shown, mark, message, hint)
