"""Turn a checked level document into a :class:`LevelSpec`, and check what it
refers to: the map path, zones and villages on the map, days within the level.
"""

from __future__ import annotations

from pathlib import Path

from game import catalogue

from .errors import Collector, printable
from .level_files import missing_file_hint, real_spelling
from .model import (
    ClutterSpec,
    EventSpec,
    ItemField,
    LevelSpec,
    MapData,
    Objective,
    PlacedItem,
    Returnees,
    TeamStart,
    TutorialStep,
    VillageSpec,
)
from .schema import Context, did_you_mean
from .translations import build_translations, check_translations, prose


def resolve_map_path(doc: dict, level_path: Path, ctx: Context, out: Collector) -> Path | None:
    """The map file the level names, if it is a .tmx file inside the level's folder tree."""
    raw = doc.get("map")
    if raw is None:
        return None
    line, col = ctx.where(("map",))
    if not raw.isprintable():
        shown = printable(raw)
        fixed = shown.replace("\\", "/")
        out.add(line, col, f"map path \"{shown}\" holds a control character: inside double quotes `\\` starts an "
                "escape (`\\n` is a new line, `\\r` a carriage return, `\\t` a tab)",
                f"write `/` between folders: map: {fixed}")
        return None
    if Path(raw).is_absolute() or raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        out.add(line, col, f"map path `{raw}` is absolute", "write it relative to the level file, e.g. maps/valley.tmx")
        return None
    if "\\" in raw and not raw.startswith("\\"):
        out.add(line, col, f"map path `{raw}` uses `\\` between folders", missing_file_hint(level_path.parent, raw))
        return None
    root = level_path.parent.resolve()
    try:
        target = (root / raw).resolve()
    except (OSError, RuntimeError, ValueError):
        out.add(line, col, f"map path `{raw}` cannot be resolved")
        return None
    if not target.is_relative_to(root):
        out.add(line, col, f"map path `{raw}` leaves the level's folder",
                "keep maps in the level's folder or below it, e.g. maps/valley.tmx")
        return None
    if target.suffix.lower() != ".tmx":
        out.add(line, col, f"map `{raw}` is not a Tiled .tmx file", "save the map in Tiled as .tmx (XML)")
        return None
    spelled = real_spelling(level_path.parent, raw)
    if not target.is_file():
        nearby = sorted(p.name for p in target.parent.glob("*.tmx")) if target.parent.is_dir() else []
        hint = missing_file_hint(level_path.parent, raw) or (
            did_you_mean(target.name, nearby, "maps in that folder") if nearby else "check the path")
        out.add(line, col, f"map file `{raw}` not found", hint)
        return None
    if spelled is not None:
        out.add(line, col, f"map `{raw}` is spelled `{spelled}` on disk: it loads on Windows and macOS but "
                "not on Linux", f"write `map: {spelled}` (capital and small letters must match)")
        return None
    return target


def build_spec(doc: dict, level_path: Path, map_path: Path) -> LevelSpec:
    """The LevelSpec of a document the schema accepted (defaults filled in)."""
    teams = doc["teams"]
    ordnance = doc.get("ordnance", {})
    overrides = doc.get("catalogue", {})
    merged = catalogue.merge(catalogue.load_defaults(), overrides)
    if "score_weights" in doc:
        merged["score_weights"] = catalogue.merge(merged.get("score_weights", {}), doc["score_weights"])
    return LevelSpec(
        path=level_path,
        format=doc["format"],
        id=doc["id"],
        title=doc["title"].strip(),
        difficulty=doc["difficulty"],
        briefing=prose(doc["briefing"]),
        imas=tuple(doc.get("imas", ())),
        map_path=map_path,
        cell_size_m=float(doc["cell_size_m"]),
        days=doc["days"],
        budget_usd=doc["budget_usd"],
        seed=doc["seed"],
        start_teams=tuple(TeamStart(t["type"], t.get("count", 1), t.get("base")) for t in teams["start"]),
        hireable=tuple(dict.fromkeys(teams.get("hire", ()))),
        placed_items=tuple(PlacedItem(i["kind"], (i["cell"][0], i["cell"][1])) for i in ordnance.get("items", ())),
        item_fields=tuple(ItemField(tuple(f["zone"]), dict(f["counts"]), f.get("layout", "scatter"))
                          for f in ordnance.get("fields", ())),
        clutter=tuple(ClutterSpec(c["zone"], float(c["pieces_per_100m2"])) for c in doc.get("clutter", ())),
        villages=tuple(VillageSpec(v["name"], v.get("population"),
                                   tuple(Returnees(r["day"], r["people"]) for r in v.get("returnees", ())))
                       for v in doc.get("villages", ())),
        objectives=tuple(Objective(o["kind"], o.get("text", ""), o.get("zone"), o.get("by_day"), o.get("area_m2"),
                                   o.get("village")) for o in doc.get("objectives", ())),
        events=tuple(EventSpec(e["day"], e["kind"], e.get("message", ""), e.get("zone"), e.get("amount_usd"),
                               e.get("weather"), e.get("duration_days", 1), e.get("temperature_c"))
                     for e in doc.get("events", ())),
        catalogue=merged,
        debrief=prose(doc.get("debrief", "")),
        tips=tuple(t.strip() for t in doc.get("tips", ())),
        tutorial=tuple(TutorialStep(t["say"].strip(), t.get("wait_for", "continue"), t.get("order"), t.get("team"),
                                    t.get("zone"), t.get("day")) for t in doc.get("tutorial", ())),
        language=doc.get("language", "en"),
        translations=build_translations(doc),
    )


MAX_ITEMS = 200_000
#: A dense minefield holds about one item per 10 m2 at most (estimate): more is an authoring slip, such as
#: a few zeros too many, and would leave a level students cannot finish (an error, so pack refuses it too).
MAX_ITEMS_PER_100M2 = 10.0


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else word + 's'}"


class _RefChecker:
    """Checks one document's references; problems go to the level file's collector."""

    def __init__(self, doc: dict, ctx: Context, out: Collector, level_map: MapData, map_shown: str):
        self.doc, self.ctx, self.out, self.map, self.map_shown = doc, ctx, out, level_map, map_shown

    def error(self, path: tuple, message: str, hint: str = "") -> None:
        line, col = self.ctx.where(path)
        self.out.add(line, col, message, hint)

    def missing(self, path: tuple, entry: dict, key: str) -> bool:
        """Whether ``key`` is not written in the entry at ``path`` (a value written but wrong was
        reported already, and is not also said to be missing)."""
        return key not in entry and path + (key,) not in self.ctx.marks

    def object(self, path: tuple, name: str, kinds: tuple[str, ...]) -> None:
        obj = self.map.object_named(name)
        wanted = " or ".join(kinds)
        if obj is None:
            names = [o.name for o in self.map.objects if o.kind in kinds]
            what = kinds[0].replace("_", " ") if len(kinds) == 1 else "zone"
            self.error(path, f"{what} `{name}` is not an object in {self.map_shown}",
                       did_you_mean(name, names, "objects there are") if names
                       else f"the map has no {wanted} objects; draw one in Tiled")
        elif obj.kind not in kinds:
            self.error(path, f"`{name}` in {self.map_shown} is a {obj.kind}, not a {wanted}",
                       f"set its class to {kinds[0]} in Tiled, or name another object")

    def run(self) -> None:
        d, zone_kinds = self.doc, ("suspected_area", "village", "feature", "team_base")
        for i, t in enumerate(d.get("teams", {}).get("start", ())):
            if t.get("base") is not None:
                self.object(("teams", "start", i, "base"), t["base"], ("team_base",))
        ordnance = d.get("ordnance", {})
        total = 0
        for i, item in enumerate(ordnance.get("items", ())):
            x, y = item["cell"]
            total += 1
            if not (0 <= x < self.map.width and 0 <= y < self.map.height):
                self.error(("ordnance", "items", i, "cell"), f"cell [{x}, {y}] is outside the map "
                           f"({self.map.width} x {self.map.height} cells)", "cells count from [0, 0] at the top left")
        for i, f in enumerate(ordnance.get("fields", ())):
            total += sum(f["counts"].values())
            seen_zones: set[str] = set()
            for j, zone in enumerate(f["zone"]):
                path = ("ordnance", "fields", i, "zone", j)
                if zone in seen_zones:
                    self.error(path, f"zone `{zone}` is listed twice in this field", "keep it once")
                    continue
                seen_zones.add(zone)
                self.object(path, zone, zone_kinds)
                obj = self.map.object_named(zone)
                if obj is not None and obj.area_cells == 0:
                    self.error(path, f"zone `{zone}` covers no cell of the map")
        if total > MAX_ITEMS:
            self.error(("ordnance",), f"the level places {total:,} items; at most {MAX_ITEMS:,} are allowed")
        self._density(ordnance)
        for i, c in enumerate(d.get("clutter", ())):
            self.object(("clutter", i, "zone"), c["zone"], zone_kinds)
        seen: dict[str, int] = {}
        for i, v in enumerate(d.get("villages", ())):
            self.object(("villages", i, "name"), v["name"], ("village",))
            if v["name"] in seen:
                self.error(("villages", i, "name"), f"village `{v['name']}` is listed twice",
                           f"merge it with entry {seen[v['name']] + 1}")
            seen.setdefault(v["name"], i)
        yaml_population = {v["name"]: v.get("population") for v in d.get("villages", ())}
        for obj in self.map.objects_of("village"):
            if obj.properties.get("population") is None and yaml_population.get(obj.name) is None:
                self.error(("villages",) if "villages" in d else (),
                           f"village `{obj.name}` on the map has no population",
                           "set its `population` property in Tiled, or add it under `villages:`")
        self._objectives()
        self._events()
        self._tutorial()
        check_translations(self.doc, self.ctx, self.out, self.map)

    def _density(self, ordnance: dict) -> None:
        """More items in a zone (or on one cell) than a dense minefield holds: an error with a hint."""
        cell_m2 = float(self.doc.get("cell_size_m", 10)) ** 2
        fields = list(enumerate(ordnance.get("fields", ())))
        fixed: dict[str, tuple[int, int]] = {}  # zone -> (first field, items) of fields that name one zone
        for i, f in fields:
            if len(f["zone"]) == 1:
                first, total = fixed.get(f["zone"][0], (i, 0))
                fixed[f["zone"][0]] = (first, total + sum(f["counts"].values()))
        per_zone = dict(fixed)
        for i, f in fields:  # a field drawn among zones must fit in each of them, beside the fixed ones
            if len(f["zone"]) > 1:
                for zone in f["zone"]:
                    n = fixed.get(zone, (i, 0))[1] + sum(f["counts"].values())
                    if n > per_zone.get(zone, (i, 0))[1]:
                        per_zone[zone] = (i, n)
        for zone, (i, n) in per_zone.items():
            obj = self.map.object_named(zone)
            if obj is None or obj.area_cells == 0:
                continue
            area = obj.area_cells * cell_m2
            most = int(area * MAX_ITEMS_PER_100M2 / 100)
            if n > most:
                self.error(("ordnance", "fields", i, "counts"), f"{_plural(n, 'item')} in zone `{zone}` "
                           f"({_plural(obj.area_cells, 'cell')}, {area:,.0f} m2) are more than it can hold: a dense "
                           f"minefield has about one item per {100 / MAX_ITEMS_PER_100M2:g} m2, here at most "
                           f"{most:,}", "check the counts for a typing slip (an extra 0 or two?); place fewer items, "
                           "or draw the zone larger in Tiled")
        cells: dict[tuple[int, int], list[int]] = {}
        for i, item in enumerate(ordnance.get("items", ())):
            cells.setdefault(tuple(item["cell"]), []).append(i)
        most = max(1, int(cell_m2 * MAX_ITEMS_PER_100M2 / 100))
        for cell, indices in cells.items():
            if len(indices) > most:
                self.error(("ordnance", "items", indices[most]), f"{_plural(len(indices), 'item')} placed on cell "
                           f"[{cell[0]}, {cell[1]}] ({cell_m2:,.0f} m2), more than it can hold (at most {most:,})",
                           "check the cells of the items: one was probably meant elsewhere")

    def _tutorial(self) -> None:
        needs = {"order": "order", "day": "day"}
        for i, step in enumerate(self.doc.get("tutorial", ())):
            key = needs.get(step.get("wait_for", "continue"))
            if key and self.missing(("tutorial", i), step, key):
                self.error(("tutorial", i), f"a tutorial step that waits for `{step['wait_for']}` needs `{key}`")
            if "zone" in step:
                self.object(("tutorial", i, "zone"), step["zone"], ("suspected_area", "village", "feature"))

    def _objectives(self) -> None:
        needs = {"release_zone": "zone", "release_area": "area_m2", "educate_village": "village"}
        for i, o in enumerate(self.doc.get("objectives", ())):
            key = needs.get(o["kind"])
            if key and self.missing(("objectives", i), o, key):
                self.error(("objectives", i), f"objective `{o['kind']}` needs `{key}`")
            if "zone" in o:
                self.object(("objectives", i, "zone"), o["zone"], ("suspected_area", "feature", "village"))
            if "village" in o:
                self.object(("objectives", i, "village"), o["village"], ("village",))

    def _events(self) -> None:
        needs = {"report": "zone", "funding": "amount_usd", "weather": "weather", "message": "message"}
        for i, e in enumerate(self.doc.get("events", ())):
            key = needs[e["kind"]]
            if self.missing(("events", i), e, key):
                self.error(("events", i), f"a `{e['kind']}` event needs `{key}`")
            if "zone" in e:
                self.object(("events", i, "zone"), e["zone"], ("suspected_area", "village", "feature"))


def check_days(doc: dict, ctx: Context, out: Collector) -> None:
    """Report days (events, objectives, returnees) after the level's last day."""
    last = doc.get("days")
    if last is None:
        return
    found = [(("events", i, "day"), e["day"]) for i, e in enumerate(doc.get("events", ()))]
    found += [(("objectives", i, "by_day"), o.get("by_day")) for i, o in enumerate(doc.get("objectives", ()))]
    found += [(("tutorial", i, "day"), t.get("day")) for i, t in enumerate(doc.get("tutorial", ()))]
    found += [(("villages", i, "returnees", j, "day"), r["day"])
              for i, v in enumerate(doc.get("villages", ())) for j, r in enumerate(v.get("returnees", ()))]
    for path, day in found:
        if day is not None and day > last:
            line, col = ctx.where(path)
            out.add(line, col, f"day {day} is after the level's last day ({last})",
                    "use a day within `days`, or make the level longer")


def check_references(doc: dict, ctx: Context, out: Collector, level_map: MapData, map_shown: str) -> None:
    """Report every reference from the level to its map that does not hold."""
    _RefChecker(doc, ctx, out, level_map, map_shown).run()
