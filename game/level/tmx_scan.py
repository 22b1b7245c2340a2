"""The quick pre-pass over a Tiled XML file: where each element is.

pytmx keeps no line numbers, so before it loads a map we read the XML once
with expat and note the position, attributes and properties of every
tileset, tile, layer and object. The adapter uses this to point problems at
``FILE:LINE:COL`` and to catch what pytmx cannot load. No pytmx here.
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from game.level.errors import Collector


@dataclass
class Node:
    """One element of interest from the pre-pass, with its place in the file."""

    tag: str
    line: int
    col: int
    attrs: dict[str, str]
    in_tileset: bool = False
    shape: str = "rectangle"
    parent_line: int = 0
    points: str | None = None  # a polygon's or polyline's points as written
    props: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    prop_types: dict[str, str] = field(default_factory=dict)  # a property's Tiled type (int, float, bool...)


@dataclass
class Scan:
    """What the pre-pass found in one XML file."""

    root: Node | None = None
    tilesets: list[Node] = field(default_factory=list)
    tiles: list[Node] = field(default_factory=list)
    layers: list[Node] = field(default_factory=list)
    objects: list[Node] = field(default_factory=list)
    with_props: list[Node] = field(default_factory=list)
    images: list[Node] = field(default_factory=list)  # <image> of tilesets, tiles and image layers
    data: list[Node] = field(default_factory=list)  # <data> of tile layers; shape "xml" when it holds <tile>s


SHAPES = {"polygon": "polygon", "polyline": "polyline", "ellipse": "ellipse",
           "point": "point", "text": "text"}


def scan_xml(data: bytes, out: Collector, file_label: str) -> Scan | None:
    """Parse ``data`` with expat, recording elements with 1-based positions."""
    scan = Scan()
    stack: list[tuple[str, Node | None]] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        line, col = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        node: Node | None = None
        in_tileset = any(t == "tileset" for t, _ in stack)
        if not stack:
            node = scan.root = Node(tag, line, col, attrs)
        elif tag == "tile" and stack[-1][0] == "data":  # the XML tile layer format: one element a cell
            if stack[-1][1] is not None:
                stack[-1][1].shape = "xml"
        elif tag in ("tileset", "layer", "objectgroup", "object", "group", "imagelayer", "tile"):
            parent = stack[-1][1]
            node = Node(tag, line, col, attrs, in_tileset, parent_line=parent.line if parent else 0)
            if tag == "tileset":
                scan.tilesets.append(node)
            elif tag == "tile" and stack[-1][0] == "tileset":
                scan.tiles.append(node)
            elif tag == "layer":
                scan.layers.append(node)
            elif tag == "object":
                scan.objects.append(node)
                if "gid" in attrs:
                    node.shape = "tile"
        elif tag == "image":
            parent = stack[-1][1]
            node = Node(tag, line, col, attrs, in_tileset, parent_line=parent.line if parent else 0)
            scan.images.append(node)
        elif tag == "data" and stack[-1][0] == "layer":
            node = Node(tag, line, col, attrs, parent_line=stack[-1][1].line if stack[-1][1] else 0)
            scan.data.append(node)
        elif tag in SHAPES and stack[-1][0] == "object" and stack[-1][1] is not None:
            stack[-1][1].shape = SHAPES[tag]
            if tag in ("polygon", "polyline"):  # kept to check them before pytmx reads them
                stack[-1][1].points = attrs.get("points")
        elif tag == "property" and len(stack) >= 2 and stack[-1][0] == "properties":
            owner = stack[-2][1]
            if owner is not None and stack[-2][0] != "property":
                if not owner.props:
                    scan.with_props.append(owner)
                owner.props[attrs.get("name", "")] = (attrs.get("value", ""), line, col)
                owner.prop_types[attrs.get("name", "")] = attrs.get("type", "string")
        stack.append((tag, node))

    def end(tag: str) -> None:
        stack.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.ErrorString(exc.code)
        out.add(exc.lineno, exc.offset + 1, f"{file_label} is not valid XML: {reason}",
                "a Tiled file may have been damaged or edited by hand; re-save it from Tiled")
        return None
    return scan


def int_attr(node: Node, name: str, default: int | None = None) -> int | None:
    try:
        return int(float(node.attrs.get(name, default)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def read_file(path: Path, out: Collector, what: str) -> bytes | None:
    if not path.is_file():
        out.add(1, 1, f"{what} not found: {path}",
                "check the file name and folder; Tiled maps and tilesets must sit where "
                "the level (or the map) says")
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        out.add(1, 1, f"{what} could not be read: {exc.strerror or exc}")
        return None
