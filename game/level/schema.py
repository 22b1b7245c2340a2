"""A small declarative schema: checks a YAML node tree and exports JSON Schema.

One description of the level format serves two users: the validator, which
walks the composed YAML nodes and reports every problem with its line and
column in words a trainer understands, and the JSON Schema that editors use
for completion (``minerisk schema``). We keep our own instead of a general
JSON Schema validator because its messages ("Additional properties are not
allowed") and locations are not ones a trainer can act on.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Collector, printable

Path_ = tuple  # a path into the document, e.g. ("teams", "start", 0, "type")

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_SCALARS = yaml.constructor.SafeConstructor()


def closest(word: str, choices) -> str | None:
    """The choice most like ``word`` (for "did you mean" hints), if any is close."""
    choices = [str(c) for c in choices]
    same = [c for c in choices if c.casefold() == str(word).casefold()]
    if same:  # UXO for uxo
        return same[0]
    found = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if found:
        return found[0]
    starts = [c for c in choices if len(str(word)) >= 3 and c.startswith(str(word))]
    return starts[0] if len(starts) == 1 else None


def did_you_mean(word: str, choices, what: str = "") -> str:
    """A hint naming the closest choice, or listing them when none is close."""
    best = closest(word, choices)
    if best is not None:
        return f"did you mean `{best}`?"
    shown = ", ".join(f"`{c}`" for c in list(choices)[:12])
    more = ", ..." if len(list(choices)) > 12 else ""
    return f"{what or 'known values'}: {shown}{more}" if shown else ""


def describe(node: yaml.Node) -> str:
    """How a trainer would name what they wrote."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = scalar_value(node)
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"`{node.value}` (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {node.value}"
    return f"the text `{value}`" if len(str(value)) < 40 else "a long text"


def scalar_value(node: yaml.ScalarNode) -> Any:
    """The Python value of a scalar node (str, int, float, bool, None, date).

    PyYAML's constructor remembers every node it has built (to resolve
    aliases); ours is shared by the whole module, so each node is forgotten
    again at once, or every level ever loaded would stay in memory.
    """
    try:
        return _SCALARS.construct_object(node, deep=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        return node.value
    finally:
        _SCALARS.constructed_objects.pop(node, None)
        _SCALARS.recursive_objects.pop(node, None)


#: In a path given to ``Context.where``, ``(..., KEY, key)`` is where a key of a free mapping (``MapOf``)
#: is written, not its value: a language code of ``translations``, a zone of ``zones``.
KEY = "\0key"


class Context:
    """Where problems go while one document is checked; also records each path's mark."""

    def __init__(self, collector: Collector):
        self.collector = collector
        self.marks: dict[Path_, tuple[int, int]] = {}

    def at(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        line, col = self.at(node)
        self.collector.add(line, col, message, hint)

    def where(self, path: Path_) -> tuple[int, int]:
        """The line and column of the value at ``path`` (or its nearest parent)."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))


_INVALID = object()


#: What one entry of each list of the level format is called in a message ("the third starting team").
LIST_NOUNS = {"start": "starting team", "hire": "team type to hire", "items": "placed item",
              "fields": "item field", "clutter": "clutter entry", "villages": "village",
              "returnees": "returnee group", "objectives": "objective", "events": "event",
              "tutorial": "tutorial step", "tips": "tip", "imas": "IMAS topic"}
#: Keys that only group a list (teams.start is "the starting teams"), left out of a message.
_GROUPS = ("teams", "ordnance")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(index: int) -> str:
    """``0`` -> "first", ``11`` -> "12th": an entry's place in a list as a trainer counts it."""
    n = index + 1
    if index < len(_ORDINALS):
        return _ORDINALS[index]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _name(path: Path_) -> str:
    """A path into the document in words: ``("villages", 0, "population")`` -> "the first village's
    population", ``("teams", "start", 2)`` -> "the third starting team"; a path without a list entry
    stays dotted as the trainer writes keys (``teams.hire``)."""
    if not path:
        return "the document"
    if not any(isinstance(p, int) for p in path):
        return ".".join(str(p) for p in path)
    phrase, keys = "", []
    for i, part in enumerate(path):
        if isinstance(part, int):
            listed = str(keys.pop()) if keys else "list"
            noun = LIST_NOUNS.get(listed, f"entry of `{listed}`")
            prefix = [k for k in keys if k not in _GROUPS] if not phrase else keys
            entry = f"{ordinal(part)} {noun}"
            if phrase:
                phrase = f"{phrase}'s {'.'.join(map(str, prefix)) + ' ' if prefix else ''}{entry}"
            else:
                phrase = f"the {entry}" + (f" in {'.'.join(map(str, prefix))}" if prefix else "")
            keys = []
        else:
            keys.append(part)
    return f"{phrase}'s {'.'.join(map(str, keys))}" if keys else phrase


class Spec:
    """Base of all schema nodes: ``check`` a node, export ``json_schema``."""

    doc: str = ""

    def check(self, node: yaml.Node, path: Path_, ctx: Context) -> Any:
        ctx.marks[path] = ctx.at(node)
        if node.tag not in _STANDARD_TAGS:
            ctx.error(node, f"{_name(path)}: YAML tag `{node.tag}` is not allowed", "remove the `!tag`")
            return _INVALID
        return self._check(node, path, ctx)

    def _check(self, node, path, ctx):  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def _with_doc(self, schema: dict) -> dict:
        if self.doc:
            schema["description"] = self.doc
        return schema


def _scalar(node, path, ctx, kinds: tuple[type, ...], wanted: str, hint: str = ""):
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, f"{_name(path)} must be {wanted}, not {describe(node)}", hint)
        return _INVALID
    value = scalar_value(node)
    if isinstance(value, str) and float in kinds and node.style is None:
        try:  # YAML 1.1 reads an unquoted 1e30 as text; a trainer means the number
            value = float(value.replace("_", ""))
        except ValueError:
            pass
    if isinstance(value, bool) and bool not in kinds:
        ctx.error(node, f"{_name(path)} must be {wanted}, not {describe(node)}",
                  hint or "put it in quotes if you mean the text")
        return _INVALID
    if not isinstance(value, kinds):
        ctx.error(node, f"{_name(path)} must be {wanted}, not {describe(node)}", hint or _number_hint(value, kinds))
        return _INVALID
    return value


_WRITTEN_NUMBER = re.compile(r"([$€£]?)\s*([+-]?\d{1,3}(?:[, ']\d{3})+|[+-]?\d+)(\.\d+)?\s*([$€£]|usd|us\$|m2|m|%)?",
                             re.IGNORECASE)


def _number_hint(value, kinds: tuple[type, ...]) -> str:
    """How to write a number a trainer wrote as text: "200,000" -> "write 200000 without commas"."""
    if not isinstance(value, str) or not ({int, float} & set(kinds)):
        return ""
    match = _WRITTEN_NUMBER.fullmatch(value.strip())
    if match is None:
        return ""
    digits = re.sub(r"[, ']", "", match.group(2)) + (match.group(3) or "")
    if re.search(r"[, ']", match.group(2)):
        return f"write {digits} without commas or spaces"
    return f"write {digits}, the number alone" if match.group(1) or match.group(4) else ""


@dataclass
class Int(Spec):
    minimum: int | None = None
    maximum: int | None = None
    doc: str = ""

    def _check(self, node, path, ctx):
        value = _scalar(node, path, ctx, (int, float), "a whole number")
        if value is _INVALID:
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                ctx.error(node, f"{_name(path)} is too large ({node.value})",
                          f"it must be at most {self.maximum:,}" if self.maximum is not None else "")
                return _INVALID
            if value != int(value):
                ctx.error(node, f"{_name(path)} must be a whole number, not {node.value}")
                return _INVALID
            value = int(value)
        return _in_range(value, self.minimum, self.maximum, node, path, ctx)

    def json_schema(self):
        return self._with_doc(_range_schema("integer", self.minimum, self.maximum))


@dataclass
class Bool(Spec):
    doc: str = ""

    def _check(self, node, path, ctx):
        return _scalar(node, path, ctx, (bool,), "true or false")

    def json_schema(self):
        return self._with_doc({"type": "boolean"})


@dataclass
class Num(Spec):
    minimum: float | None = None
    maximum: float | None = None
    doc: str = ""

    def _check(self, node, path, ctx):
        value = _scalar(node, path, ctx, (int, float), "a number")
        if value is _INVALID:
            return value
        if not math.isfinite(value):
            ctx.error(node, f"{_name(path)} must be a finite number, not {node.value}")
            return _INVALID
        return _in_range(value, self.minimum, self.maximum, node, path, ctx)

    def json_schema(self):
        return self._with_doc(_range_schema("number", self.minimum, self.maximum))


def _range_schema(kind: str, lo, hi) -> dict:
    schema = {"type": kind}
    if lo is not None:
        schema["minimum"] = lo
    if hi is not None:
        schema["maximum"] = hi
    return schema


def _in_range(value, lo, hi, node, path, ctx):
    if lo is not None and value < lo:
        what = "negative" if lo == 0 else f"below {lo:,}"
        ctx.error(node, f"{_name(path)} is {what} ({value:,})", f"it must be at least {lo:,}")
        return _INVALID
    if hi is not None and value > hi:
        ctx.error(node, f"{_name(path)} is too large ({value:,})", f"it must be at most {hi:,}")
        return _INVALID
    return value


@dataclass
class Str(Spec):
    min_length: int = 0
    max_length: int = 20_000
    pattern: str | None = None  # a regular expression, also exported to JSON Schema
    pattern_hint: str = ""
    doc: str = ""

    def _check(self, node, path, ctx):
        quoted = f"put it in quotes: '{node.value}'" if isinstance(node, yaml.ScalarNode) else ""
        value = _scalar(node, path, ctx, (str,), "text", quoted)
        if value is _INVALID:
            return value
        if len(value.strip()) < self.min_length:
            ctx.error(node, f"{_name(path)} is empty", "write some text here")
            return _INVALID
        if len(value) > self.max_length:
            ctx.error(node, f"{_name(path)} is too long ({len(value):,} characters)",
                      f"keep it under {self.max_length:,}")
            return _INVALID
        if self.pattern is not None:
            if not re.fullmatch(self.pattern, value):
                ctx.error(node, f"{_name(path)} `{value}` is not allowed here", self.pattern_hint)
                return _INVALID
        return value

    def json_schema(self):
        s: dict = {"type": "string"}
        if self.min_length:
            s["minLength"] = self.min_length
        s["maxLength"] = self.max_length
        if self.pattern:
            s["pattern"] = f"^(?:{self.pattern})$"
        return self._with_doc(s)


@dataclass
class Enum(Spec):
    choices: tuple[str, ...] = ()
    doc: str = ""
    what: str = "choices"
    #: (wrong value, hint) pairs for mistakes "did you mean" cannot guess (a team type written for its order)
    known_mistakes: tuple[tuple[str, str], ...] = ()

    def _check(self, node, path, ctx):
        value = _scalar(node, path, ctx, (str,), f"one of {', '.join(self.choices)}")
        if value is _INVALID:
            return value
        if value not in self.choices:
            hint = dict(self.known_mistakes).get(value) or did_you_mean(value, self.choices, self.what)
            ctx.error(node, f"{_name(path)}: unknown {self.what[:-1] if self.what.endswith('s') else self.what} "
                      f"`{value}`", hint)
            return _INVALID
        return value

    def json_schema(self):
        return self._with_doc({"type": "string", "enum": list(self.choices)})


@dataclass
class List(Spec):
    item: Spec = None  # type: ignore[assignment]
    min_items: int = 0
    max_items: int = 10_000
    doc: str = ""

    def _check(self, node, path, ctx):
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, f"{_name(path)} must be a list, not {describe(node)}",
                      "write one `- item` a line, or [a, b]")
            return _INVALID
        n = len(node.value)
        if n < self.min_items:
            ctx.error(node, f"{_name(path)} needs at least {self.min_items} item{'s' * (self.min_items > 1)}, "
                      f"has {n}")
        if n > self.max_items:
            ctx.error(node, f"{_name(path)} has too many items ({n:,}; at most {self.max_items:,})")
            return _INVALID
        out = [self.item.check(child, path + (i,), ctx) for i, child in enumerate(node.value)]
        return [v for v in out if v is not _INVALID]

    def json_schema(self):
        s = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            s["minItems"] = self.min_items
        s["maxItems"] = self.max_items
        return self._with_doc(s)


@dataclass
class OneOrList(Spec):
    """One value, or a list of them: ``zone: a`` or ``zone: [a, b]``; always read as a list."""

    item: Spec = None  # type: ignore[assignment]
    max_items: int = 100
    doc: str = ""

    def _check(self, node, path, ctx):
        if not isinstance(node, yaml.SequenceNode):
            value = self.item.check(node, path, ctx)
            return _INVALID if value is _INVALID else [value]
        return List(item=self.item, min_items=1, max_items=self.max_items)._check(node, path, ctx)

    def json_schema(self):
        one = self.item.json_schema()
        return self._with_doc({"anyOf": [one, {"type": "array", "items": one, "minItems": 1,
                                               "maxItems": self.max_items}]})


def _entries(node, path, ctx) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
    """The ``(key, key node, value node)`` of a mapping, reporting keys that are not words or repeat."""
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, f"{_name(path)} must be a mapping of `key: value` lines, not {describe(node)}")
        return None
    entries, first = [], {}
    for key_node, value_node in node.value:
        key = scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            ctx.error(key_node, f"{_name(path)}: keys must be plain words, not {describe(key_node)}")
        elif key in first:
            ctx.error(key_node, f"key `{key}` appears twice" + (f" in {_name(path)}" if path else ""),
                      f"the first one is on line {first[key].start_mark.line + 1}; keep one")
        else:
            first[key] = key_node
            entries.append((key, key_node, value_node))
    return entries


@dataclass
class Field:
    spec: Spec
    required: bool = False
    default: Any = None


@dataclass
class Obj(Spec):
    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    title: str = ""

    def _check(self, node, path, ctx):
        entries = _entries(node, path, ctx)
        if entries is None:
            return _INVALID
        out: dict[str, Any] = {}
        seen = {key for key, _, _ in entries}
        missing = [k for k, f in self.fields.items() if f.required and k not in seen]
        for key, key_node, value_node in entries:
            if key not in self.fields:
                where = f" in {_name(path)}" if path else ""
                home = self.home_of(key)
                typo = closest(key, missing)
                if typo is not None:  # one slip, one problem: not also "missing key"
                    missing.remove(typo)
                    seen.add(typo)
                    ctx.error(key_node, f"unknown key `{key}`{where}", f"did you mean `{typo}`?")
                elif home is not None:
                    ctx.error(key_node, f"`{key}` belongs under `{home}:`{where}, not here",
                              f"indent it under `{home}:` (two spaces more than `{home}:`)")
                else:
                    ctx.error(key_node, f"unknown key `{key}`{where}", did_you_mean(key, self.fields, "keys allowed here"))
                continue
            value = self.fields[key].spec.check(value_node, path + (key,), ctx)
            if value is not _INVALID:
                out[key] = value
        for key in missing:
            doc = self.fields[key].spec.doc
            ctx.error(node, f"missing key `{key}`" + (f" in {_name(path)}" if path else ""),
                      f"add `{key}:` ({doc})" if doc else f"add `{key}:`")
        for key, f in self.fields.items():
            if key not in out and key not in seen and not f.required and f.default is not None:
                out[key] = f.default
        if path and any(f.required and k not in out for k, f in self.fields.items()):
            return _INVALID  # reported above; later checks skip an entry they cannot use
        return out

    def home_of(self, key: str) -> str | None:
        """The key of this mapping under which ``key`` belongs, one level down (``hire`` -> ``teams``)."""
        for name, f in self.fields.items():
            inner = f.spec.item if isinstance(f.spec, List) else f.spec
            if isinstance(inner, Obj) and key in inner.fields:
                return name
        return None

    def json_schema(self):
        s = {
            "type": "object",
            "properties": {k: f.spec.json_schema() for k, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [k for k, f in self.fields.items() if f.required]
        if required:
            s["required"] = required
        if self.title:
            s["title"] = self.title
        return self._with_doc(s)


@dataclass
class MapOf(Spec):
    """A mapping whose keys are chosen from a list (or free words) and values share a spec."""

    value: Spec = None  # type: ignore[assignment]
    keys: tuple[str, ...] | None = None
    what: str = "keys"
    doc: str = ""

    def _check(self, node, path, ctx):
        entries = _entries(node, path, ctx)
        if entries is None:
            return _INVALID
        out = {}
        for key, key_node, value_node in entries:
            ctx.marks[path + (KEY, key)] = ctx.at(key_node)
            if self.keys is not None and key not in self.keys:
                ctx.error(key_node, f"{_name(path)}: unknown {self.what[:-1] if self.what.endswith('s') else self.what}"
                          f" `{key}`", did_you_mean(key, self.keys, self.what))
                continue
            value = self.value.check(value_node, path + (key,), ctx)
            if value is not _INVALID:
                out[key] = value
        return out

    def json_schema(self):
        if self.keys is not None:
            return self._with_doc({"type": "object", "additionalProperties": False,
                                   "properties": {k: self.value.json_schema() for k in self.keys}})
        return self._with_doc({"type": "object", "additionalProperties": self.value.json_schema()})


@dataclass
class Cell(Spec):
    """A map cell written as ``[column, row]``: two whole numbers from 0.

    Checked as one value, so a trainer reads the cell as written ("cell [3600, 24] ...") and a
    half-valid cell never reaches later checks. Whether it lies on the map is checked against
    the map (game/level/spec.py); ``maximum`` is the largest map side, for editors.
    """

    maximum: int = 2047
    doc: str = ""

    def _check(self, node, path, ctx):
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, f"cell must be [column, row], not {describe(node)}",
                      "write two whole numbers in square brackets, e.g. cell: [12, 21]")
            return _INVALID
        shown = written(node)
        if len(node.value) != 2:
            ctx.error(node, f"cell {shown} has {len(node.value)} number{'s' * (len(node.value) != 1)}, not 2",
                      "write [column, row], e.g. cell: [12, 21]")
            return _INVALID
        values = []
        for child in node.value:
            value = scalar_value(child) if isinstance(child, yaml.ScalarNode) else None
            if isinstance(value, str) and child.style is None:
                try:  # YAML 1.1 reads an unquoted 1e3 as text; a trainer means the number
                    value = float(value.replace("_", ""))
                except ValueError:
                    pass
            if isinstance(value, float) and math.isfinite(value) and value == int(value):
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int):
                ctx.error(node, f"cell {shown} must hold two whole numbers, [column, row]",
                          "write e.g. cell: [12, 21] (no decimals, no quotes)")
                return _INVALID
            values.append(value)
        if min(values) < 0:
            ctx.error(node, f"cell {shown} is outside the map", "cells count from [0, 0] at the top left")
            return _INVALID
        return values

    def json_schema(self):
        item = {"type": "integer", "minimum": 0, "maximum": self.maximum}
        return self._with_doc({"type": "array", "items": item, "minItems": 2, "maxItems": 2})


def written(node: yaml.Node, limit: int = 40) -> str:
    """A short flow-style text of a node as the trainer wrote it (for messages)."""
    if isinstance(node, yaml.ScalarNode):
        text = node.value
    elif isinstance(node, yaml.SequenceNode):
        text = "[" + ", ".join(written(c, limit) for c in node.value) + "]"
    else:
        text = "{...}"
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_document(spec: Spec, node: yaml.Node, collector: Collector) -> tuple[Any, Context]:
    """Check a whole document; the value is None when its top level is unusable."""
    ctx = Context(collector)
    value = spec.check(node, (), ctx)
    return (None if value is _INVALID else value), ctx
