"""Tiled maps in, our own map types out: the one module that imports pytmx.

:func:`load_map` turns a ``.tmx`` file into :class:`~game.level.model.MapData`
(a numpy terrain grid read from each tile's ``terrain`` property, and named
zone objects with a cell mask each) and checks the map conventions a trainer
must follow in Tiled. Every problem is collected with its ``FILE:LINE:COL`` and
a hint saying what to do in Tiled, then raised at once as a
:class:`~game.level.errors.LevelError`; nothing else escapes.

:func:`load_tile_art` gives the renderer plain data (tile grids and where each
tile's pixels are) so the UI can draw a map without importing pytmx.

Line numbers come from a quick pre-pass with expat, because pytmx does not keep
them; the pre-pass also catches what pytmx cannot load (templates, property
names that clash with pytmx attributes, infinite maps) before pytmx sees them.
Objects must not be rotated: rotated objects are reported, not rotated.
"""

from __future__ import annotations

import difflib
import logging
import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from game.level.errors import Collector, LevelError, Problem
from game.level.level_files import missing_file_hint
from game.level.schema import printable
from game.level.model import FEATURE_KINDS, MAX_TITLE, ZONE_CLASSES, MapData, MapObject, Where
from game.level.tmx_scan import Node, Scan, int_attr, read_file, scan_xml


def _import_pytmx():
    """Import pytmx without letting it import pygame (it does so only for type
    hints and its pygame loader, which we never use): simulation and validation
    must run without SDL. The half-loaded ``pytmx.util_pygame`` is dropped."""
    block = "pygame" not in sys.modules
    quiet = logging.getLogger("pytmx.util_pygame")
    if block:
        sys.modules["pygame"] = None  # type: ignore[assignment]
        quiet.disabled = True
    try:
        import pytmx
    finally:
        if block:
            del sys.modules["pygame"]
            sys.modules.pop("pytmx.util_pygame", None)
            quiet.disabled = False
    return pytmx


pytmx = _import_pytmx()
# pytmx logs before it raises; we report instead, so keep its log off stderr
# unless the application configures logging.
logging.getLogger("pytmx").addHandler(logging.NullHandler())

#: The largest map we accept, in cells each way.
MAX_CELLS = 2048
#: Codes in the terrain look-up table for cells that are not a known terrain.
_EMPTY, _NO_PROPERTY, _UNKNOWN = 255, 254, 253

# Attribute names pytmx sets on its objects: a custom property with one of
# these names makes pytmx refuse the whole map.
_COMMON = {"name", "type", "class", "id", "x", "y", "width", "height", "rotation", "visible",
           "gid", "parent", "properties", "source", "opacity", "offsetx", "offsety"}
_INSTANCE_ATTRS = {
    "map": {"filename", "custom_property_filename", "image_loader", "optional_gids",
            "load_all_tiles", "invert_y", "layers", "tilesets", "tile_properties", "layernames",
            "objects_by_id", "objects_by_name", "gidmap", "imagemap", "tiledgidmap", "maxgid",
            "images", "version", "tiledversion", "orientation", "renderorder", "tilewidth",
            "tileheight", "hexsidelength", "staggeraxis", "staggerindex", "background_color",
            "nextobjectid", "custom_types"},
    "tileset": {"offset", "firstgid", "tilewidth", "tileheight", "spacing", "margin",
                "tilecount", "columns", "trans"},
    "layer": {"data"},
    "objectgroup": {"color", "custom_types", "draworder"},
    "object": {"closed", "template", "custom_types", "points"},
    "group": set(),
    "imagelayer": {"trans"},
}
_CLASSES = {"map": "TiledMap", "tileset": "TiledTileset", "layer": "TiledTileLayer",
            "objectgroup": "TiledObjectGroup", "object": "TiledObject",
            "group": "TiledGroupLayer", "imagelayer": "TiledImageLayer"}


def _reserved(tag: str, node_attrs: dict[str, str]) -> set[str]:
    cls = getattr(pytmx, _CLASSES[tag])
    public = {n for n in dir(cls) if not n.startswith("_")}
    return _COMMON | _INSTANCE_ATTRS[tag] | public | set(node_attrs)


def _check_reserved(scan: Scan, out: Collector) -> None:
    for node in scan.with_props:
        if node.tag not in _CLASSES:
            continue
        reserved = _reserved(node.tag, node.attrs)
        for name, (_value, line, col) in node.props.items():
            if name in reserved:
                out.add(line, col, f"custom property '{name}' of this {node.tag} has the name "
                        "of a built-in Tiled attribute, which the map loader cannot accept",
                        f"rename the property in Tiled's Properties panel (for example "
                        f"'{name}_value'); use the built-in field for the object's {name}")


#: How a value of each Tiled property type is written, and what to write instead.
_TYPED = {"int": (re.compile(r"[+-]?\d+"), "a whole number"),
          "float": (re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"), "a number"),
          "bool": (re.compile(r"true|false"), "true or false")}


def _check_property_types(scan: Scan, out: Collector) -> None:
    """A property typed int, float or bool whose value is not one (a map edited by hand: Tiled itself
    never saves that), which the map loader cannot read."""
    for node in scan.with_props:
        for name, (value, line, col) in node.props.items():
            kind = node.prop_types.get(name, "string")
            if kind in _TYPED and not _TYPED[kind][0].fullmatch(value.strip()):
                owner = node.attrs.get("name") or node.attrs.get("id", "")
                out.add(line, col, f"property '{name}' of {node.tag} '{owner}' is of type {kind} but holds "
                        f"'{value}'", f"write {_TYPED[kind][1]} as its value (in Tiled's Properties panel, or "
                        f"value=\"...\" in the file)")


def _points_ok(points: str | None) -> bool:
    """Whether a polygon's ``points`` are at least one ``x,y`` pair of finite numbers."""
    pairs = (points or "").split()
    try:
        return bool(pairs) and all(len(xy) == 2 and all(math.isfinite(float(v)) for v in xy)
                                   for xy in (p.split(",") for p in pairs))
    except ValueError:
        return False


def _check_geometry(scan: Scan, out: Collector) -> None:
    """Every object's position and size is a finite number (a hand-edited map can hold `nan`, `inf` or
    text, which the map loader cannot place)."""
    for node in scan.objects:
        if node.in_tileset:
            continue
        for attr in ("x", "y", "width", "height"):
            raw = node.attrs.get(attr)
            if raw is None:
                continue
            try:
                ok = math.isfinite(float(raw))
            except ValueError:
                ok = False
            if not ok:
                name = node.attrs.get("name") or f"with id {node.attrs.get('id', '?')}"
                out.add(node.line, node.col, f"object '{printable(name)}' has {attr}=\"{printable(raw)[:30]}\", "
                        "which is not a number of pixels",
                        "move or resize the object in Tiled and save the map again (or fix the number in the .tmx)")
        if node.shape in ("polygon", "polyline") and not _points_ok(node.points):
            name = node.attrs.get("name") or f"with id {node.attrs.get('id', '?')}"
            out.add(node.line, node.col, f"the points of {node.shape} '{printable(name)}' are not pairs of numbers "
                    f"(\"{printable(node.points or '')[:40]}\")",
                    "redraw the object in Tiled and save the map again (or fix its points in the .tmx)")


# -------------------------------------------------------------------- shapes


def _object_mask(obj: Any, shape: str, width: int, height: int, tile: int) -> np.ndarray:
    """Cells whose centres lie inside the object's shape (a point covers its cell)."""
    mask = np.zeros((height, width), dtype=bool)
    x, y, w, h = float(obj.x), float(obj.y), float(obj.width), float(obj.height)
    if shape == "point":
        cx, cy = int(np.floor(x / tile)), int(np.floor(y / tile))
        if 0 <= cx < width and 0 <= cy < height:
            mask[cy, cx] = True
        return mask
    pts = np.asarray(obj.points, dtype=float) if shape == "polygon" else None
    if pts is not None:
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
    else:
        x0, y0, x1, y1 = x, y, x + w, y + h
    c0, c1 = max(0, int(np.floor(x0 / tile))), min(width, int(np.ceil(x1 / tile)))
    r0, r1 = max(0, int(np.floor(y0 / tile))), min(height, int(np.ceil(y1 / tile)))
    if c0 >= c1 or r0 >= r1:
        return mask
    px = ((np.arange(c0, c1) + 0.5) * tile)[None, :]
    py = ((np.arange(r0, r1) + 0.5) * tile)[:, None]
    if shape == "ellipse":
        if w <= 0 or h <= 0:
            return mask
        inside = ((px - (x + w / 2)) / (w / 2)) ** 2 + ((py - (y + h / 2)) / (h / 2)) ** 2 <= 1.0
    elif pts is not None:  # even-odd rule, one pass per edge over the bounding box
        inside = np.zeros((r1 - r0, c1 - c0), dtype=bool)
        for (ax, ay), (bx, by) in zip(pts, np.roll(pts, -1, axis=0)):
            if ay == by:
                continue
            crosses = (ay > py) != (by > py)
            x_cut = ax + (py - ay) * (bx - ax) / (by - ay)
            inside ^= crosses & (px < x_cut)
    else:
        inside = (px >= x) & (px <= x + w) & (py >= y) & (py <= y + h)
    mask[r0:r1, c0:c1] = inside
    return mask


def _outside(obj: Any, shape: str, width: int, height: int, tile: int) -> bool:
    if shape == "polygon":
        pts = np.asarray(obj.points, dtype=float)
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
    else:
        x0, y0 = float(obj.x), float(obj.y)
        x1, y1 = x0 + float(obj.width), y0 + float(obj.height)
    return x1 < 0 or y1 < 0 or x0 >= width * tile or y0 >= height * tile


# ------------------------------------------------------------------ checking


def _suggest(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'? " if close else ""


def _check_map_node(root: Node, out: Collector) -> tuple[int, int, int] | None:
    """Check the <map> element; return (width, height, tile px) if usable."""
    if root.tag != "map":
        out.add(root.line, root.col, f"this is not a Tiled map (the file starts with <{root.tag}>)",
                "open the .tmx map in Tiled, not a tileset or template")
        return None
    ok = True
    orientation = root.attrs.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        out.add(root.line, root.col, f"map orientation is '{orientation}'; only orthogonal maps "
                "are supported", "in Tiled: Map > Map Properties > Orientation: Orthogonal")
        ok = False
    if root.attrs.get("infinite", "0") not in ("0", ""):
        out.add(root.line, root.col, "the map is infinite; only fixed-size maps are supported",
                "in Tiled: Map > Map Properties, untick Infinite (then Map > Resize Map)")
        ok = False
    width, height = int_attr(root, "width"), int_attr(root, "height")
    tw, th = int_attr(root, "tilewidth"), int_attr(root, "tileheight")
    if not width or not height or width < 1 or height < 1 or not tw or tw < 1:
        out.add(root.line, root.col, "the map has no valid width, height or tile size",
                "re-save the map from Tiled")
        return None
    if tw != th:
        out.add(root.line, root.col, f"tiles are {tw} x {th} pixels; they must be square",
                "in Tiled: Map > Map Properties, set Tile Width and Tile Height equal")
        ok = False
    if width > MAX_CELLS or height > MAX_CELLS:
        out.add(root.line, root.col, f"the map is {width} x {height} cells; the largest "
                f"supported is {MAX_CELLS} x {MAX_CELLS}",
                "in Tiled: Map > Resize Map, or use larger cells (cell_size_m in the level)")
        ok = False
    return (width, height, tw) if ok else None


#: Tile layer formats pytmx reads: (encoding, compression) as Tiled writes them.
_READABLE_FORMATS = {("csv", ""), ("base64", ""), ("base64", "zlib"), ("base64", "gzip")}
_FORMAT_HINT = ("in Tiled: Map > Map Properties > Tile Layer Format: choose CSV (or Base64 zlib "
                "compressed, or Base64 uncompressed), then save the map; re-saving alone keeps the same format")


def _check_layer_format(scan: Scan, out: Collector) -> None:
    """Tile layers saved in a format pytmx cannot read (XML, zstd) get a hint naming Tiled's setting."""
    for data in scan.data:
        encoding = data.attrs.get("encoding", "")
        compression = data.attrs.get("compression", "")
        if data.shape == "xml" or not encoding:
            what = "XML (one <tile> element a cell)"
        elif (encoding, compression) in _READABLE_FORMATS:
            continue
        elif compression == "zstd":
            what = "Base64 with Zstandard (zstd) compression"
        else:
            what = f"{encoding}" + (f" with {compression} compression" if compression else "")
        out.add(data.line, data.col, f"the tile layer is saved in the {what} format, which Mine Risk "
                "cannot read", _FORMAT_HINT)


def _check_tilesets(map_path: Path, scan: Scan, tile: int, out: Collector,
                    shown_dir: str) -> dict[str, tuple[Collector, Scan, Node]]:
    """Check every tileset (embedded or .tsx) and return the scans of the .tsx files."""
    external: dict[str, tuple[Collector, Scan, Node]] = {}
    for ts in scan.tilesets:
        source = ts.attrs.get("source")
        node, label = ts, out
        if source:
            shown = os.path.normpath(os.path.join(shown_dir, source))
            label = Collector(shown)
            data = read_file(map_path.parent / source, label, "tileset file")
            if data is None:
                out.add(ts.line, ts.col, f"external tileset '{source}' is missing",
                        missing_file_hint(map_path.parent, source) or
                        "put the .tsx file (and its image) next to the map, or in Tiled "
                        "fix the path with Map > Replace Tileset")
                continue
            sub = scan_xml(data, label, "the tileset file")
            if sub is None or sub.root is None:
                out.extend(label.problems)
                continue
            _check_reserved(sub, label)
            node = sub.root
            external[source] = (label, sub, ts)
        tw, th = int_attr(node, "tilewidth"), int_attr(node, "tileheight")
        if tw != tile or th != tile:
            label.add(node.line, node.col, f"tileset '{node.attrs.get('name', source)}' has "
                      f"{tw} x {th} pixel tiles but the map uses {tile} x {tile}",
                      "all tilesets of a map must use the map's square tile size")
    for label, _sub, _ts in external.values():
        out.extend(label.problems)
    return external


def _tile_place(tiled_gid: int, scan: Scan, external: dict, out: Collector) -> tuple[str, int, int, str]:
    """Where to report a problem about the tile with Tiled gid ``tiled_gid``."""
    owner = None
    for ts in scan.tilesets:
        first = int_attr(ts, "firstgid", 1) or 1
        if first <= tiled_gid:
            owner = ts
    if owner is None:
        return out.file, 1, 1, f"tile {tiled_gid}"
    local = tiled_gid - (int_attr(owner, "firstgid", 1) or 1)
    source = owner.attrs.get("source")
    if source and source in external:
        collector, sub, _ = external[source]
        label, tiles, place = collector.file, sub.tiles, sub.root
    else:
        label, place = out.file, owner
        tiles = [t for t in scan.tiles if t.parent_line == owner.line]
    for t in tiles:
        if int_attr(t, "id") == local:
            place = t
            break
    name = place.attrs.get("name") if place.tag == "tileset" else None
    name = name or (owner.attrs.get("name") or source or "tileset")
    return label, place.line, place.col, f"tile {local} of tileset '{name}'"


def _tiles_held(scan: Scan, external: dict) -> list[tuple[int, int]]:
    """The ranges ``(first, last)`` of Tiled tile numbers (gids) the map's tilesets hold, from their
    ``tilecount``; a tileset without a count is taken to reach the next tileset (or to hold every
    number from its first one on)."""
    firsts = sorted(int_attr(ts, "firstgid", 1) or 1 for ts in scan.tilesets)
    held = []
    for ts in scan.tilesets:
        first = int_attr(ts, "firstgid", 1) or 1
        source = ts.attrs.get("source")
        root = external[source][1].root if source and source in external else ts
        count = (int_attr(root, "tilecount", 0) if root is not None else 0) or 0
        if count <= 0:
            later = [f for f in firsts if f > first]
            count = later[0] - first if later else 1 << 31
        held.append((first, first + count - 1))
    return sorted(held)


def _holds(held: list[tuple[int, int]], gid: int) -> bool:
    return any(first <= gid <= last for first, last in held)


def _ranges(held: list[tuple[int, int]]) -> str:
    """``[(1, 40), (41, 41)]`` -> "1-40, 41"."""
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in held) or "none"


_TERRAIN_HINT = ("in Tiled, open the tileset, select the tile and give it a '{p}' property "
                 "(class terrain_tile); known terrains: {names}")


def _terrain_grid(tm: Any, layer: Any, lnode: Node, scan: Scan, external: dict,
                  names: Sequence[str], out: Collector, size: tuple[int, int, int]) -> np.ndarray | None:
    """The terrain index grid from the tiles' ``terrain`` property, via a gid look-up table."""
    index = {n: i for i, n in enumerate(names)}
    lut = np.full(max(tm.maxgid, 1), _NO_PROPERTY, dtype=np.uint8)
    lut[0] = _EMPTY
    for gid, props in tm.tile_properties.items():
        if gid < len(lut) and "terrain" in props:
            lut[gid] = index.get(str(props["terrain"]), _UNKNOWN)
    try:
        gids = np.asarray(layer.data, dtype=np.int64)
    except ValueError:  # ragged rows
        gids = np.zeros(0, dtype=np.int64)
    if gids.shape != (size[1], size[0]):
        out.add(lnode.line, lnode.col, f"layer '{lnode.attrs.get('name', '')}' does not hold "
                f"{size[0]} x {size[1]} cells like the map", "re-save the map from Tiled")
        return None
    grid = lut[gids]
    bad = grid >= _UNKNOWN
    if not bad.any():
        return grid
    listed = ", ".join(names)
    empty = grid == _EMPTY
    if empty.any():
        ys, xs = np.nonzero(empty)
        more = f" and {len(xs) - 1} more" if len(xs) > 1 else ""
        out.add(lnode.line, lnode.col, f"cell ({xs[0]}, {ys[0]}) of layer "
                f"'{lnode.attrs.get('name', '')}' has no tile{more}",
                "paint every cell of the terrain layer in Tiled (the Bucket Fill tool helps)")
    for gid in np.unique(gids[bad & ~empty]):
        tiled = tm.tiledgidmap.get(int(gid), int(gid))
        label, line, col, what = _tile_place(tiled, scan, external, out)
        count = int((gids == gid).sum())
        value = tm.tile_properties.get(int(gid), {}).get("terrain")
        held = _tiles_held(scan, external)
        if value is None and not _holds(held, tiled):
            ys, xs = np.nonzero(gids == gid)
            cells = f"cell ({xs[0]}, {ys[0]})" if count == 1 else f"{count:,} cells (the first ({xs[0]}, {ys[0]}))"
            out.add(lnode.line, lnode.col, f"{cells} of layer '{lnode.attrs.get('name', '')}' "
                    f"use{'s' * (count == 1)} tile number {tiled}, "
                    f"which no tileset of the map holds (its tiles are numbered {_ranges(held)})",
                    "the map was drawn with another tileset or its numbers were edited by hand: in Tiled, pick "
                    "those cells (Select Same Tile) and paint them again with the map's tileset")
            continue
        if value is None:
            msg = f"{what} has no 'terrain' property (used on {count:,} cell{'s' * (count != 1)})"
            hint = _TERRAIN_HINT.format(p="terrain", names=listed)
        else:
            msg = f"{what} has terrain '{value}', which is not a known terrain"
            hint = _suggest(str(value), names) + f"known terrains: {listed}"
        out.problems.append(Problem(label, max(1, line), max(1, col), msg, hint))
    return grid


_CLASS_HINT = ("select the object and set its Class (Tiled 1.9+, or Type) in the Properties "
               "panel to one of: " + ", ".join(ZONE_CLASSES))


def _population(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _check_object(obj: Any, node: Node, kind: str, out: Collector) -> dict[str, Any] | None:
    """Check one object's class and properties; return its properties if fine."""
    label = f"object '{obj.name}'" if obj.name else "an object"
    if kind not in ZONE_CLASSES:
        if kind:
            out.add(node.line, node.col, f"{label} has class '{kind}', which is not one of "
                    + ", ".join(ZONE_CLASSES), _suggest(kind, ZONE_CLASSES) + _CLASS_HINT)
        else:
            out.add(node.line, node.col, f"{label} has no class", _CLASS_HINT)
        return None
    props = dict(obj.properties)
    good = True
    if "title" in props:
        title = "" if props["title"] is None else str(props["title"]).strip()  # empty: the name is shown
        if len(title) > MAX_TITLE or "\n" in title:
            out.add(node.line, node.col, f"the title of {label} "
                    + ("runs over several lines" if "\n" in title else f"is {len(title)} characters long"),
                    f"keep it to one line of at most {MAX_TITLE} characters: it is drawn on the map")
            good = False
        else:
            props["title"] = title
    if kind == "village" and "population" in props:
        pop = _population(props["population"])
        if pop is None:
            out.add(node.line, node.col, f"village '{obj.name}' has population "
                    f"'{props['population']}'; it must be a whole number, 0 or more",
                    "set the population property (type int) in Tiled, or leave it out "
                    "and give the population in the level file")
            good = False
        else:
            props["population"] = pop
    if kind == "feature":
        feature = props.get("feature")
        if feature is None:
            out.add(node.line, node.col, f"feature '{obj.name}' has no 'feature' property",
                    "add a 'feature' property (class feature in Tiled) with one of: "
                    + ", ".join(FEATURE_KINDS))
            good = False
        elif str(feature) not in FEATURE_KINDS:
            out.add(node.line, node.col, f"feature '{obj.name}' is a '{feature}', which is not "
                    "one of " + ", ".join(FEATURE_KINDS),
                    _suggest(str(feature), FEATURE_KINDS) + "change its 'feature' property")
            good = False
    return props if good else None


def _objects(tm: Any, scan: Scan, size: tuple[int, int, int], out: Collector,
             shown: str) -> list[MapObject]:
    """Turn the map's objects into :class:`MapObject` values, checking conventions."""
    width, height, tile = size
    nodes = [n for n in scan.objects if not n.in_tileset]
    found: list[MapObject] = []
    seen: dict[str, Node] = {}
    for obj, node in zip(tm.objects, nodes):
        if "template" in node.attrs:
            out.add(node.line, node.col, f"object placed from template "
                    f"'{node.attrs['template']}' cannot be read",
                    "in Tiled, right-click the object > Detach Template (select all of them "
                    "first to detach at once)")
            continue
        name = (obj.name or "").strip()
        kind = str(node.attrs.get("type") or node.attrs.get("class") or "").strip()
        if not name:
            out.add(node.line, node.col, f"an object of class '{kind or '?'}' has no name",
                    "select it in Tiled and type a Name in the Properties panel; levels "
                    "refer to zones by name")
        elif name in seen:
            first = seen[name]
            out.add(node.line, node.col, f"object name '{name}' is used twice (first on "
                    f"line {first.line})", "give every object of the map its own name")
        else:
            seen[name] = node
        props = _check_object(obj, node, kind, out)
        if node.shape not in ("rectangle", "polygon", "ellipse", "point"):
            out.add(node.line, node.col, f"object '{name}' is a {node.shape} object; zones "
                    "must be rectangles, polygons, ellipses or points",
                    "redraw it with the Rectangle, Polygon, Ellipse or Point tool")
            continue
        if float(node.attrs.get("rotation", 0) or 0) != 0:
            out.add(node.line, node.col, f"object '{name}' is rotated; rotated objects are "
                    "not supported", "set Rotation to 0 in the Properties panel; draw a "
                    "slanted area as a polygon")
            continue
        if _outside(obj, node.shape, width, height, tile):
            out.add(node.line, node.col, f"object '{name}' lies outside the map "
                    f"({width} x {height} cells)", "move it onto the map in Tiled")
            continue
        mask = _object_mask(obj, node.shape, width, height, tile)
        if not mask.any():
            out.add(node.line, node.col, f"object '{name}' covers no cell: no cell centre "
                    "lies inside it", "make it larger, or use a Point object to mark one cell")
            continue
        if props is not None and name:
            found.append(MapObject(name, kind, node.shape, mask, props,
                                   Where(shown, node.line, node.col), str(props.get("title", ""))))
    return found


def _pick_layer(tm: Any, scan: Scan, root: Node, out: Collector) -> tuple[Any, Node] | None:
    layers = [lay for lay in tm.layers if isinstance(lay, pytmx.TiledTileLayer)]
    pairs = list(zip(layers, scan.layers))
    for wanted in (lambda n: n == "terrain", lambda n: n.lower() == "terrain"):
        named = [p for p in pairs if wanted(p[1].attrs.get("name", ""))]
        if named:
            return named[0]
    if len(pairs) == 1:
        return pairs[0]
    out.add(root.line, root.col, "the map has no tile layer named 'terrain'"
            + (f" (it has {len(pairs)} tile layers)" if pairs else ""),
            "in Tiled's Layers panel, name the ground layer 'terrain' (double-click "
            "its name to rename it)")
    return None


def _open(path: Path, out: Collector) -> tuple[Scan, dict, Any, tuple[int, int, int]] | None:
    """Pre-pass, checks and pytmx load shared by load_map and load_tile_art."""
    path = Path(path)
    data = read_file(path, out, "map file")
    if data is None:
        return None
    scan = scan_xml(data, out, "the map file")
    if scan is None or scan.root is None:
        return None
    size = _check_map_node(scan.root, out)
    if size is None:
        return None
    external = _check_tilesets(path, scan, size[2], out, os.path.dirname(out.file))
    _check_reserved(scan, out)
    _check_property_types(scan, out)
    _check_layer_format(scan, out)
    _check_geometry(scan, out)
    if out.problems:
        return None
    try:
        tm = pytmx.TiledMap(str(path))
    except Exception as exc:  # pytmx raises bare Exception, ValueError, KeyError, ...
        out.add(scan.root.line, scan.root.col, f"Tiled map could not be read: {exc}", _RESAVE)
        return None
    return scan, external, tm, size


def load_map(path: Path, terrain_names: Sequence[str], shown_as: str | None = None) -> MapData:
    """Load a Tiled map for the simulation: terrain grid and named objects.

    ``terrain_names`` are the catalogue's terrain names, in the order the grid's
    indices refer to; ``shown_as`` is how the file is named in problems.
    Raises :class:`LevelError` with every problem found.
    """
    out = Collector(shown_as if shown_as is not None else str(path))
    try:
        data = _load(Path(path), tuple(terrain_names), out)
    except Exception as exc:  # last resort: a trainer sees a problem, never a traceback
        out.add(1, 1, f"Tiled map could not be read: {exc}", _RESAVE)
        data = None
    out.raise_if_any()
    if data is None:
        raise LevelError([Problem(out.file, 1, 1, "Tiled map could not be read", _RESAVE)])
    return data


_RESAVE = "open and re-save the map in Tiled; if that does not help, report this map"


def _load(path: Path, names: tuple[str, ...], out: Collector) -> MapData | None:
    opened = _open(path, out)
    if opened is None:
        return None
    scan, external, tm, size = opened
    chosen = _pick_layer(tm, scan, scan.root, out)
    terrain = None
    if chosen is not None:
        terrain = _terrain_grid(tm, chosen[0], chosen[1], scan, external, names, out, size)
    objects = _objects(tm, scan, size, out, out.file)
    if out.problems or terrain is None:
        return None
    return MapData(path=path, width=size[0], height=size[1], tile_px=size[2],
                   terrain=terrain, terrain_names=names, objects=tuple(objects))


# ------------------------------------------------------------------ tile art


@dataclass(frozen=True, slots=True)
class TileSource:
    """Where one tile's pixels are: an image file and a rectangle in it
    (``rect`` None means the whole image), with Tiled's flip flags."""

    image: Path
    rect: tuple[int, int, int, int] | None
    flip_x: bool = False
    flip_y: bool = False
    flip_diagonal: bool = False


@dataclass(frozen=True, slots=True)
class TileArt:
    """What the renderer needs to draw a map, as plain data (no pytmx, no pygame).

    ``layers`` holds ``(name, grid)`` for each tile layer in drawing order; a
    grid is int32 ``(height, width)`` of indices into ``tiles``, -1 where empty.
    """

    tile_px: int
    width: int
    height: int
    layers: tuple[tuple[str, np.ndarray], ...]
    tiles: tuple[TileSource, ...]


def load_tile_art(path: Path) -> TileArt:
    """Read a map's tile layers and tile images (paths and rectangles only)."""
    out = Collector(str(path))
    path = Path(path).resolve()  # pytmx joins image sources to the map's folder as given
    try:
        opened = _open(path, out)
        if opened is not None:
            return _tile_art(path, opened[2], opened[3])
    except Exception as exc:  # last resort, as in load_map
        out.add(1, 1, f"Tiled map could not be read: {exc}", _RESAVE)
    out.raise_if_any()
    raise LevelError([Problem(out.file, 1, 1, "Tiled map could not be read", _RESAVE)])


def _tile_art(path: Path, tm: Any, size: tuple[int, int, int]) -> TileArt:
    width, height, tile = size
    tiles: list[TileSource] = []
    remap = np.full(len(tm.images) + 1, -1, dtype=np.int32)
    base = Path(path).resolve().parent
    for gid, entry in enumerate(tm.images):
        if not entry:
            continue
        source, rect, flags = entry
        remap[gid] = len(tiles)
        flags = flags or pytmx.TileFlags(False, False, False)
        tiles.append(TileSource(
            (base / source).resolve() if not os.path.isabs(source) else Path(source),
            tuple(int(v) for v in rect) if rect else None,
            bool(flags.flipped_horizontally), bool(flags.flipped_vertically),
            bool(flags.flipped_diagonally)))
    layers = []
    for layer in tm.layers:
        if isinstance(layer, pytmx.TiledTileLayer):
            gids = np.asarray(layer.data, dtype=np.int64)
            layers.append((str(layer.name), remap[np.clip(gids, 0, len(remap) - 1)]))
    return TileArt(tile, width, height, tuple(layers), tuple(tiles))
