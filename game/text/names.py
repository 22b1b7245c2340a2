"""Display names of one level's things: zones, villages, teams, item kinds, terrain, areas.

Internal ids (``north-field``, ``manual-2``, ``ap_blast``) never reach the
player: a zone shows its ``title`` property (or its name made readable), a
team its catalogue name and number ("Clearance team 2"), an item kind its
catalogue name, and a rectangle the zone it lies in ("part of North field").
Catalogue names pass through the translation function.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np

from game.level.model import humanise  # noqa: F401 - the level side owns display names (MapObject.display_name)
from game.text import _, ngettext, zone_title
from game.text.formats import number


class Names:
    """Display names for one level (its map objects and its merged catalogue).

    Team ids are looked up in the teams the player has seen (:meth:`learn_teams`, fed from the
    player's view), so a team's name is never parsed back from its id.
    """

    def __init__(self, map_objects: Iterable[Any], catalogue: dict[str, Any], width: int = 0, height: int = 0):
        self._objects = {o.name: o for o in map_objects}
        self._catalogue = catalogue
        self._teams: dict[str, tuple[str, int]] = {}
        self._areas = [o for o in self._objects.values() if o.kind == "suspected_area"]
        self.width, self.height = width, height

    @classmethod
    def of_scenario(cls, scenario) -> "Names":
        m = scenario.map
        return cls(m.objects, scenario.level.catalogue, m.width, m.height)

    # ------------------------------------------------------------ things

    def zone(self, name: str) -> str:
        """A zone or village as the player reads it: its ``title`` property, else its name made readable
        (translated: the level's own translation of the zone, else the catalogue's)."""
        obj = self._objects.get(name)
        return zone_title(name, obj.display_name if obj is not None else humanise(name))

    village = zone

    def team_type(self, team_type: str) -> str:
        """A kind of team, short: "Clearance team", "Dog team" (the catalogue's ``short_name``): the one name
        the player reads for it on every screen (the briefing, the hire list, the team rows, the answers)."""
        cat = self._catalogue.get("teams", {}).get(team_type, {})
        return _(str(cat.get("short_name") or cat.get("name") or humanise(team_type)))

    def team_count(self, team_type: str, n: int) -> str:
        """How many teams of a kind, with a real plural: "1 survey team", "3 clearance teams" (a kind the
        game does not know, from a level's own catalogue: "Mapping team: 3")."""
        words = _TEAM_COUNTS.get(team_type)
        if words is None:
            return _("{team}: {n}").format(team=self.team_type(team_type), n=number(n))
        return words(n).format(n=number(n))

    def learn_teams(self, teams: Iterable[Any]) -> None:
        """Remember the teams of a view (``name``, ``type``, ``number``) for :meth:`team`."""
        for t in teams:
            self._teams[t.name] = (t.type, int(t.number))

    def team(self, team_id: str) -> str:
        """A team as the player reads it: "Clearance team 2"."""
        known = self._teams.get(team_id)
        if known is None:
            return humanise(team_id)
        team_type, number = known
        return _("{team_type} {number}").format(team_type=self.team_type(team_type), number=number)

    def item(self, kind: str) -> str:
        """A kind of explosive ordnance: "anti-personnel blast mine" (catalogue name, as in a sentence)."""
        cat = self._catalogue.get("ordnance", {}).get(kind, {})
        name = _(str(cat.get("name") or humanise(kind)))
        return name[:1].lower() + name[1:] if name[:2] != name[:2].upper() else name

    def item_title(self, kind: str) -> str:
        """A kind of explosive ordnance as a heading: "Anti-personnel blast mine"."""
        cat = self._catalogue.get("ordnance", {}).get(kind, {})
        return _(str(cat.get("name") or humanise(kind)))

    def terrain(self, key: str) -> str:
        cat = self._catalogue.get("terrain", {}).get(key, {})
        return _(str(cat.get("name") or humanise(key)))

    # ------------------------------------------------------------- areas

    def area(self, area: Any) -> str:
        """An order's area: a zone's or village's name, or a rectangle by the suspected area it lies in."""
        if isinstance(area, str):
            return self.zone(area)
        if isinstance(area, (list, tuple)) and len(area) == 4:
            return self._rect(*(int(v) for v in area))
        return _("the area")

    def _rect(self, x: int, y: int, w: int, h: int) -> str:
        best, best_cells, whole = None, 0, False
        for obj in self._areas:
            mask = np.asarray(obj.mask, dtype=bool)
            inside = int(mask[max(0, y):max(0, y + h), max(0, x):max(0, x + w)].sum())
            if inside > best_cells:
                best, best_cells, whole = obj, inside, inside == int(mask.sum())
        if best is None:
            return _("the block at column {x}, row {y}").format(x=x, y=y)
        if whole:
            return self.zone(best.name)
        return _("part of {zone}").format(zone=self.zone(best.name))


#: "{n} teams of a kind" for the catalogue's team types, with the language's plural forms.
_TEAM_COUNTS = {
    "nts": lambda n: ngettext("{n} survey team", "{n} survey teams", n),
    "technical_survey": lambda n: ngettext("{n} technical survey team", "{n} technical survey teams", n),
    "manual": lambda n: ngettext("{n} clearance team", "{n} clearance teams", n),
    "dog": lambda n: ngettext("{n} dog team", "{n} dog teams", n),
    "machine": lambda n: ngettext("{n} machine", "{n} machines", n),
    "eore": lambda n: ngettext("{n} risk education team", "{n} risk education teams", n),
}
