"""The play screen's top bar (day, money and what it lasts, released area, finds, casualties, speed),
the strip under the map (overlay switches and the land-status legend), and the tooltip of a map cell.

Both bars flow: what does not fit on a row goes to the next one, so nothing is
dropped at a narrow window or a large UI scale; the play screen asks for
their heights (:func:`top_bar_height`, :func:`strip_height`) when it lays out.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.level.model import LAND_STATUSES
from game.run.money import money_outlook
from game.text import N_, _, ngettext
from game.text.formats import area, days, money, number
from game.text.labels import join
from game.ui import icons
from game.ui import theme as th
from game.ui.layout import after, mirror, start
from game.ui.overlays import swatch
from game.ui.widgets import Button, draw_text, tooltip

SPEEDS = (1, 2, 4, 8)
OVERLAY_KEYS = (("status", pygame.K_F1, "F1", N_("Land status")),
                ("evidence", pygame.K_F2, "F2", N_("Evidence and finds")),
                ("teams", pygame.K_F3, "F3", N_("Teams and tasks")),
                ("villages", pygame.K_F4, "F4", N_("Villages and land use")),
                ("marked", pygame.K_F5, "F5", N_("Marked perimeters")),
                ("minimap", pygame.K_F6, "F6", N_("Overview map")))
BAR_BG = (16, 19, 23)


_released_of: list = [None, (0.0, 0.0, 0.0)]  # the last view counted and its answer (a view is rebuilt on change)


def released(view) -> tuple[float, float, float]:
    """Cancelled, reduced and cleared m² as the land stands now: counted on the view's land status, so the
    top bar says a cancellation the moment it is accepted (the daily series only changes at the day's end)."""
    if _released_of[0] is not view:
        status = np.asarray(view.status).ravel()
        cell = float(view.cell_size_m) ** 2
        _released_of[:] = [view, tuple(float(np.count_nonzero(status == LAND_STATUSES.index(k))) * cell
                                       for k in ("cancelled", "reduced", "cleared"))]
    return _released_of[1]


# ------------------------------------------------------------------ top bar


def _items(scene) -> list[tuple[str, tuple, str | None, str, bool]]:
    """The top bar's items: (text, colour, icon, tooltip, bold)."""
    v = scene.link.view
    per_day, lasts = money_outlook(v, scene.link.level.catalogue)
    days_left = max(0, v.last_day - v.day + 1)
    c, r, cl = released(v)
    casualties = sum(int(v.series[k][-1]) for k in ("deminer_casualties", "civilian_casualties")
                     if v.series.get(k))
    if lasts < days_left:
        money_colour = th.BAD if lasts < 10 else th.ACCENT
    else:
        money_colour = th.GOOD
    lasts_text = (_("money for the rest of the level") if lasts >= days_left
                  else ngettext("money for {n} day", "money for {n} days", int(lasts)).format(n=number(int(lasts))))
    return [
        (_("Day {day} of {last}").format(day=v.day, last=v.last_day), th.TEXT, icons.WEATHER_ICONS.get(v.weather),
         ngettext("{n} day left, today included", "{n} days left, today included", days_left).format(n=days_left),
         True),
        (money(v.budget_usd), money_colour, "funding", _("Money left in the budget"), True),
        (_("{cost} a day").format(cost=money(per_day)), th.TEXT, None,
         _("What the programme costs each day: every deployed team is paid, busy or idle"), False),
        (lasts_text, money_colour, None,
         _("How long the money lasts at today's cost, against the {n} left in the level").format(n=days(days_left)),
         False),
        (_("Released {total}").format(total=area(c + r + cl)), th.TEXT, "cancel",
         _("Cancelled {c} · reduced {r} · cleared {cl}").format(c=area(c), r=area(r), cl=area(cl)), False),
        (_("Finds {n}").format(n=number(len(v.finds))), th.ACCENT, "find", _("Items found and destroyed"), False),
        (_("Casualties {n}").format(n=number(casualties)), th.BAD if casualties else th.TEXT_DIM, "accident",
         _("People hurt: deminers and people from the villages"), False),
    ]


def _speed_labels(scene) -> list[tuple[str, str, int | None, str, object]]:
    labels = [("II", _("Pause or run"), pygame.K_SPACE, "Space", None)]
    labels += [(f"{s}x", _("{n} days a second ([,] slower, [.] faster)").format(n=s), None, "", s) for s in SPEEDS]
    labels += [("≡", _("Menu: save, settings, glossary"), None, "Esc", "menu")]
    return labels


def _speed_width(theme) -> int:
    return 6 * theme.px(38) + 5 * theme.px(4)


def _flow(scene, width: int, first_row_width: int) -> list[list[tuple]]:
    """The items placed on rows: [(x offset, width, item)] per row. When they take more than one row they are
    spread evenly over the fewest rows (no lone item on a row of its own): each row is filled up to the
    narrowest length that still needs no extra row."""
    t = scene.theme
    size = t.px(20)
    gap = t.px(14)
    items = []
    for item in _items(scene):
        text, colour, icon_name, tip, bold = item
        items.append((t.font(14, bold).size(text)[0] + (size + t.px(4) if icon_name else 0), item))

    def place(limit: int) -> list[list[tuple]]:
        rows: list[list[tuple]] = [[]]
        x, room = 0, min(limit, first_row_width)
        for w, item in items:
            if rows[-1] and x + w > room:
                rows.append([])
                x, room = 0, min(limit, width)
            rows[-1].append((x, w, item))
            x += w + gap
        return rows

    rows = place(width)
    if len(rows) > 1:
        low, high = max(w for w, _item in items), width  # the narrowest row length that keeps as few rows
        while low < high:
            mid = (low + high) // 2
            if len(place(mid)) <= len(rows):
                high = mid
            else:
                low = mid + 1
        rows = place(high)
    return rows


def _row_height(scene) -> int:
    """A row of the top bar: a little lower on a short window (the play screen's ``short``)."""
    return scene.theme.px(26 if getattr(scene, "short", False) else 30)


def top_bar_height(scene, width: int) -> int:
    t = scene.theme
    pad = t.px(8)
    rows = _flow(scene, width - 2 * pad, width - 2 * pad - _speed_width(t) - t.px(8))
    return len(rows) * _row_height(scene) + t.px(2 if getattr(scene, "short", False) else 4)


def draw_top_bar(scene, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """The day, the money (what a day costs, how long it lasts), released land, finds and casualties, the speed
    buttons at the end of the first row; items that do not fit go to a second row (all mirrored right to
    left: game/ui/layout.py)."""
    t = scene.theme
    surface.fill(BAR_BG, rect)
    pygame.draw.line(surface, th.BORDER, rect.bottomleft, rect.bottomright)
    pad = t.px(8)
    row_h = _row_height(scene)
    sw = _speed_width(t)
    speed_buttons(scene, pygame.Rect(rect.right - pad - sw, rect.y + t.px(2), sw, row_h), rect)
    rows = _flow(scene, rect.w - 2 * pad, rect.w - 2 * pad - sw - t.px(8))
    size = t.px(20)
    scene.hud_tips = []
    for r, row in enumerate(rows):
        cy = rect.y + t.px(2) + r * row_h + row_h // 2
        for x0, w, (text, colour, icon_name, tip, bold) in row:
            item = mirror((rect.x + pad + x0, cy - row_h // 2, w, row_h), rect)
            box = item
            if icon_name:
                spot = start(item, size)
                ic = icons.icon(icon_name, size)
                if ic is not None:
                    surface.blit(ic, (spot.x, cy - size // 2))
                box = after(spot, item, t.px(4))
            draw_text(surface, t, text, box, 14, colour, bold, anchor="midleft")
            scene.hud_tips.append((item, tip))


def speed_buttons(scene, rect: pygame.Rect, within: pygame.Rect | None = None) -> None:
    """Pause, the four speeds and the menu, in ``rect`` (mirrored inside ``within`` right to left)."""
    theme = scene.theme
    gap = theme.px(4)
    labels = _speed_labels(scene)
    w = (rect.w - gap * (len(labels) - 1)) // len(labels)
    x = rect.x
    for text, tip, key, key_name, speed in labels:
        if speed is None:
            action, active = scene.toggle_pause, scene.paused
        elif speed == "menu":
            action, active = scene.open_pause_menu, False
        else:
            action, active = (lambda s=speed: scene.set_speed(s)), (not scene.paused and scene.speed == speed)
        b = scene.bar.add(Button(text, action, key, key_name, tip, active=active))
        b.rect = mirror((x, rect.y + theme.px(2), w, rect.h - theme.px(4)), within or rect)
        x += w + gap


# -------------------------------------------------------------------- strip


def _strip_items(scene, legend: bool = True, switch: bool = False) -> list[tuple[str, int, object]]:
    """(kind, width, data) of the strip: overlay buttons, the legend's switch (``switch``: on a short window),
    then the legend entries (``legend``)."""
    t = scene.theme
    out = []
    labels = {"status": _("Status"), "evidence": _("Evidence"), "teams": _("Teams"), "villages": _("Villages"),
              "marked": _("Marks"), "minimap": _("Overview")}
    for name, key, key_name, tip in OVERLAY_KEYS:
        out.append(("button", t.font(13).size(labels[name])[0] + t.px(14), (name, key, key_name, tip, labels[name])))
    if switch:
        label = _("Legend")
        out.append(("switch", t.font(13).size(label)[0] + t.px(14), label))
    if legend:
        sw = t.px(18)
        for name in LAND_STATUSES[1:]:
            label = status_name(name)
            out.append(("legend", sw + t.px(4) + t.font(13).size(label)[0], (name, label)))
    return out


def status_name(name: str) -> str:
    return {"suspected": _("Suspected"), "confirmed": _("Confirmed"), "cancelled": _("Cancelled"),
            "reduced": _("Reduced"), "cleared": _("Cleared"), "unknown": _("Not suspected")}[name]


def _strip_rows(scene, width: int, legend: bool = True, switch: bool = False) -> list[list[tuple]]:
    t = scene.theme
    rows: list[list[tuple]] = [[]]
    x = 0
    for kind, w, data in _strip_items(scene, legend, switch):
        gap = t.px(4) if kind != "legend" else t.px(10)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0
        rows[-1].append((x, w, kind, data))
        x += w + gap
    return rows


def strip_height(scene, width: int, legend: bool = True, switch: bool = False) -> int:
    t = scene.theme
    return len(_strip_rows(scene, width - 2 * t.px(6), legend, switch)) * t.px(26) + t.px(2)


def overlay_strip(scene, surface: pygame.Surface, rect: pygame.Rect, legend: bool = True,
                  switch: bool = False) -> None:
    """Overlay switches (F1-F6) and the status legend along the bottom of the map; on a short window the
    legend folds behind its own switch (F7)."""
    t = scene.theme
    surface.fill(BAR_BG, rect)
    o = scene.renderer.overlays
    row_h = t.px(26)
    for r, row in enumerate(_strip_rows(scene, rect.w - 2 * t.px(6), legend, switch)):
        y = rect.y + t.px(1) + r * row_h
        for x0, w, kind, data in row:
            item = mirror((rect.x + t.px(6) + x0, y, w, row_h), rect)  # the row reads from the right right to left
            if kind == "button":
                name, key, key_name, tip, label = data
                b = scene.bar.add(Button(label, lambda n=name: scene.toggle_overlay(n), key, key_name, _(tip),
                                         active=getattr(o, name)))
                b.rect = item.inflate(0, -t.px(4))
            elif kind == "switch":
                b = scene.bar.add(Button(data, scene.toggle_legend, pygame.K_F7, "F7",
                                         _("What the colours and patterns of the land mean"), active=legend))
                b.rect = item.inflate(0, -t.px(4))
            else:
                name, label = data
                sw = t.px(18)
                box = start(item, sw).inflate(0, sw - row_h)
                surface.blit(swatch(sw, name), box)
                pygame.draw.rect(surface, th.BORDER, box, 1)
                draw_text(surface, t, label, after(box, item, t.px(4)), 13, th.TEXT, anchor="midleft")


# ------------------------------------------------------------------ tooltips


def hud_tooltip(scene, surface: pygame.Surface, pos) -> bool:
    """The tooltip of a top-bar item under the mouse; True if one was shown."""
    for rect, tip in getattr(scene, "hud_tips", ()):
        if rect.collidepoint(pos):
            tooltip(surface, scene.theme, [tip], pos)
            return True
    return False


def cell_tooltip(scene, cell: tuple[int, int]) -> list[str]:
    """What is known about a place on the map: its zone and that zone's state, the land's status, the
    ground, evidence and finds there; the team under the pointer comes first (see play_draw)."""
    link = scene.link
    v = link.view
    x, y = cell
    lines = []
    zone = zone_under(scene, cell)
    if zone is not None:
        state = scene.zone_state(zone)
        lines.append(link.names.zone(zone) + (f" · {state}" if state else ""))
    status = status_name(LAND_STATUSES[int(v.status[y, x])])
    extra = []
    if v.marked[y, x]:
        extra.append(_("marked"))
    if v.surveyed[y, x]:
        extra.append(_("surveyed"))
    if v.prepared[y, x]:
        extra.append(_("machine-prepared, needs follow-up"))
    if v.indication[y, x]:
        extra.append(_("dog indication to check"))
    terrain = link.terrain_name(int(v.terrain[y, x]))
    lines.append(_("Here: {status} ({details}) · {terrain}").format(status=status, details=join(extra, False),
                                                                     terrain=terrain) if extra
                 else _("Here: {status} · {terrain}").format(status=status, terrain=terrain))
    near = [_("Evidence, day {day}: {kind} ({source})").format(day=e.day, kind=evidence_kind(e.kind),
                                                                source=evidence_source(link, e.source))
            for e in v.evidence if abs(e.x - x) <= 1 and abs(e.y - y) <= 1]
    lines += list(dict.fromkeys(near))[:3]  # pieces of one report read the same: said once
    for f in [f for f in v.finds if abs(f.x - x) <= 1 and abs(f.y - y) <= 1][:3]:
        lines.append(_("Found on day {day}: {item} ({by})").format(item=link.item_name(f.kind), day=f.day,
                                                                    by=evidence_source(link, f.by)))
    if scene.truth is not None and scene.renderer.overlays.truth:
        live = int(scene.truth.live_items[y, x])
        if live:
            lines.append(ngettext("Truth: {n} item still here", "Truth: {n} items still here", live).format(n=live))
    return lines


def evidence_kind(kind: str) -> str:
    """A kind of evidence in words."""
    return {"community_report": _("a report from the community"), "report": _("a report from the community"),
            "past_accident": _("a past accident"), "visible_sign": _("a visible sign of ordnance")}.get(
        kind, kind.replace("_", " "))


def evidence_source(link, source: str) -> str:
    """Who recorded evidence: a team, a zone a report named, or a village."""
    if any(t.name == source for t in link.view.teams):
        return link.team_name(source)
    return link.names.zone(source)


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
