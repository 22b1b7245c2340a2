"""The play screen's top bar (day, budget, released area, finds, casualties, speed),
the overlay switches with the land-status legend, and the tooltip of a map cell."""

from __future__ import annotations

import numpy as np
import pygame

from game.text import _
from game.level.model import LAND_STATUSES
from game.ui import icons
from game.ui import theme as th
from game.ui.overlays import swatch
from game.ui.widgets import Button

SPEEDS = (1, 2, 4, 8)
OVERLAY_KEYS = (("status", pygame.K_F1, "F1", "Land status"), ("evidence", pygame.K_F2, "F2", "Evidence and finds"),
                ("teams", pygame.K_F3, "F3", "Teams and tasks"), ("villages", pygame.K_F4, "F4", "Villages and land use"),
                ("marked", pygame.K_F5, "F5", "Marked perimeters"))


def released(view) -> tuple[float, float, float]:
    s = view.series
    last = lambda k: float(s[k][-1]) if s.get(k) else 0.0  # noqa: E731
    return last("cancelled_m2"), last("reduced_m2"), last("cleared_m2")


def draw_top_bar(scene, surface: pygame.Surface, rect: pygame.Rect) -> None:
    theme, link = scene.theme, scene.link
    v = link.view
    surface.fill((16, 19, 23), rect)
    pygame.draw.line(surface, th.BORDER, rect.bottomleft, rect.bottomright)
    c, r, cl = released(v)
    casualties = sum(int(v.series[k][-1]) for k in ("deminer_casualties", "civilian_casualties")
                     if v.series.get(k))
    finds = len(v.finds)
    weather = icons.WEATHER_ICONS.get(v.weather)
    parts = [
        (_("Day {day}/{last}").format(day=v.day, last=v.last_day), th.TEXT, weather),
        (_("{n} days left").format(n=max(0, v.last_day - v.day + 1)), th.TEXT_DIM, None),
        (_("Budget {money}").format(money=th.money(v.budget_usd)), th.GOOD if v.budget_usd > 0 else th.BAD,
         "funding"),
        (_("Released {total}").format(total=th.area(c + r + cl)), th.TEXT, "cancel"),
        (_("Finds {n}").format(n=finds), th.ACCENT, "find"),
        (_("Casualties {n}").format(n=casualties), th.BAD if casualties else th.TEXT_DIM, "accident"),
        (_("(cancelled {c} · reduced {r} · cleared {cl})").format(c=th.area(c), r=th.area(r), cl=th.area(cl)),
         th.TEXT_DIM, None),  # last: the first to go when the bar is narrow
    ]
    x = rect.x + theme.px(8)
    y = rect.centery
    size = theme.px(22)
    for text, colour, icon_name in parts:
        img = theme.text(text, 14, colour, bold=colour is th.TEXT)
        ic = icons.icon(icon_name, size) if icon_name else None
        extra = size + theme.px(3) if ic is not None else 0
        if x + extra + img.get_width() > scene.speed_left - theme.px(8):
            break
        if ic is not None:
            surface.blit(ic, (x, y - size // 2))
        surface.blit(img, (x + extra, y - img.get_height() // 2))
        x += extra + img.get_width() + theme.px(12)


def speed_buttons(scene, rect: pygame.Rect) -> None:
    """Pause and the speeds, right-aligned in the top bar; sets ``scene.speed_left``."""
    theme = scene.theme
    h = rect.h - theme.px(8)
    w = theme.px(40)
    gap = theme.px(4)
    labels = [("II", _("Pause or resume"), pygame.K_SPACE, "Space", None)]
    labels += [(f"{s}x", _("Speed {n} days a second").format(n=s), None, "", s) for s in SPEEDS]
    labels += [("≡", _("Menu"), None, "Esc", "menu")]
    x = rect.right - len(labels) * (w + gap)
    scene.speed_left = x
    for text, tip, key, key_name, speed in labels:
        if speed is None:
            action, active = scene.toggle_pause, scene.paused
        elif speed == "menu":
            action, active = scene.open_pause_menu, False
        else:
            action, active = (lambda s=speed: scene.set_speed(s)), (not scene.paused and scene.speed == speed)
        if speed not in (None, "menu"):
            tip += " " + _("([,] slower, [.] faster)")
        b = scene.bar.add(Button(text, action, key, key_name, tip, active=active))
        b.rect = pygame.Rect(x, rect.y + theme.px(4), w, h)
        x += w + gap


def overlay_strip(scene, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """Overlay switches (F1-F5) and the status legend along the bottom of the map."""
    theme = scene.theme
    surface.fill((16, 19, 23), rect)
    x = rect.x + theme.px(6)
    h = rect.h - theme.px(6)
    o = scene.renderer.overlays
    for name, key, key_name, tip in OVERLAY_KEYS:
        label = {"status": _("Status"), "evidence": _("Evidence"), "teams": _("Teams"),
                 "villages": _("Villages"), "marked": _("Marks")}[name]
        w = theme.font(13).size(label)[0] + theme.px(14)
        b = scene.bar.add(Button(label, lambda n=name: scene.toggle_overlay(n), key, key_name, _(tip),
                                 active=getattr(o, name)))
        b.rect = pygame.Rect(x, rect.y + theme.px(3), w, h)
        x += w + theme.px(4)
    x += theme.px(10)
    z = max(12, h)
    for name in LAND_STATUSES[1:]:
        box = pygame.Rect(x, rect.y + theme.px(3), z, h)
        surface.blit(swatch(z, name), box)
        pygame.draw.rect(surface, th.BORDER, box, 1)
        img = theme.text(_(name.capitalize()), 13, th.TEXT)
        if x + z + img.get_width() + theme.px(10) > rect.right:
            break
        surface.blit(img, (x + z + theme.px(4), rect.centery - img.get_height() // 2))
        x += z + img.get_width() + theme.px(12)


def cell_tooltip(scene, cell: tuple[int, int]) -> list[str]:
    """What is known about one cell: terrain, status, marks, zones, evidence and finds there."""
    link = scene.link
    v = link.view
    x, y = cell
    lines = [_("Cell {x},{y} · {terrain}").format(x=x, y=y, terrain=_(link.terrain_name(int(v.terrain[y, x]))))]
    status = _(LAND_STATUSES[int(v.status[y, x])])
    extra = []
    if v.marked[y, x]:
        extra.append(_("marked"))
    if v.surveyed[y, x]:
        extra.append(_("surveyed"))
    if v.prepared[y, x]:
        extra.append(_("machine-prepared, needs follow-up"))
    if v.indication[y, x]:
        extra.append(_("dog indication to check"))
    lines.append(_("Status: {status}").format(status=status) + (f" ({', '.join(extra)})" if extra else ""))
    zones = [o.name.replace("_", " ") for o in scene.zone_objects if o.mask[y, x]]
    if zones:
        lines.append(_("Zone: {names}").format(names=", ".join(zones)))
    ev = [e for e in v.evidence if e.x == x and e.y == y]
    for e in ev[:3]:
        lines.append(_("Evidence: {kind} (day {day}, {source})").format(kind=_(e.kind.replace("_", " ")),
                                                                         day=e.day, source=e.source))
    for f in [f for f in v.finds if f.x == x and f.y == y][:3]:
        lines.append(_("Found: {item} (day {day}, {by})").format(item=_(link.item_name(f.kind)), day=f.day, by=f.by))
    if scene.truth is not None and scene.renderer.overlays.truth:
        live = int(scene.truth.live_items[y, x])
        if live:
            lines.append(_("Truth: {n} item(s) still here").format(n=live))
    return lines


def zone_under(scene, cell: tuple[int, int], villages_only: bool = False):
    """The smallest zone under a cell (suspected areas first), or a village near it."""
    x, y = cell
    kinds = ("village",) if villages_only else ("suspected_area", "village", "feature")
    for kind in kinds:
        hits = [o for o in scene.zone_objects if o.kind == kind and o.mask[y, x]]
        if hits:
            return min(hits, key=lambda o: o.area_cells).name
    if villages_only:
        near = [(abs(v.cell[0] - x) + abs(v.cell[1] - y), v.name) for v in scene.link.view.villages]
        near.sort()
        if near and near[0][0] <= 6:
            return near[0][1]
    return None


def status_counts(view) -> np.ndarray:
    return np.bincount(np.asarray(view.status).ravel(), minlength=len(LAND_STATUSES))
