"""What is drawn over the cached map picture each frame: teams, evidence, finds, villages and
features, zone names and (at the debrief) the truth, with the game's icons.

Icon sizes follow the UI scale (teams, villages) or the zoom (evidence, finds,
ordnance); icons are cached per size in :mod:`game.ui.icons`, text per size
in the theme, and zone labels per name, so a frame only blits. Where an icon
is missing the old plain shapes are drawn.
"""

from __future__ import annotations

import pygame

from game.text import language
from game.ui import icons
from game.ui import theme as th

TEAM_COLOURS = {"nts": (80, 160, 255), "technical_survey": (60, 210, 210), "manual": (250, 210, 60),
                "dog": (230, 140, 60), "machine": (190, 120, 240), "eore": (120, 230, 120)}
TEAM_LETTER = {"nts": "N", "technical_survey": "T", "manual": "M", "dog": "D", "machine": "X", "eore": "E"}
#: Evidence and finds are icons from this zoom up (small diamonds and discs below).
ICON_ZOOM = 8
#: Ordnance icons on the debrief's truth map from this zoom up.
TRUTH_ICON_ZOOM = 12
LIVE, LIVE_RELEASED, GONE = (220, 30, 30), (255, 0, 255), (40, 40, 40)

_labels: dict[tuple, pygame.Surface] = {}


def team_radius(theme) -> int:
    return theme.px(12)


def team_positions(renderer, link, theme) -> list[tuple[object, int, tuple[int, int]]]:
    """(team, list number, screen centre) of each deployed team; teams on one cell sit side by side (four to a
    row, the group centred on the cell), and a group that would cover a zone's name moves just below it
    (markers never hide labels); a team on a cell in view is nudged inside the view's frame (never cut)."""
    r = team_radius(theme)
    step = 2 * r + 3
    view = renderer.camera.viewport
    teams = link.teams()
    cells = [link.team_cell(t) for t in teams]
    count: dict[tuple[int, int], int] = {}
    for cell in cells:
        count[cell] = count.get(cell, 0) + 1
    seen: dict[tuple[int, int], int] = {}
    out = []
    for i, (t, cell) in enumerate(zip(teams, cells)):
        n = seen.get(cell, 0)
        seen[cell] = n + 1
        c = renderer.centre(cell)
        across = min(4, count[cell])
        group = pygame.Rect(0, 0, across * step, ((count[cell] + 3) // 4) * step)
        group.center = c
        y0 = c[1]
        for rect, _name in renderer.label_rects:
            if rect.colliderect(group):
                y0 = rect.bottom + group.h // 2 + theme.px(2)
                break
        x = c[0] - (across - 1) * step // 2 + (n % 4) * step
        y = y0 - (group.h - step) // 2 + (n // 4) * step
        if view.collidepoint(c):  # a team in view is drawn whole (with its selection ring): nudged inside the frame
            m = r + theme.px(4) + 1
            x, y = min(max(x, view.x + m), view.right - m - 1), min(max(y, view.y + m), view.bottom - m - 1)
        out.append((t, i + 1, (x, y)))
    return out


def draw_teams(renderer, surface, theme, link, selected: str | None) -> None:
    """Each team: its icon on a disc of its colour, its list number in a badge."""
    r = team_radius(theme)
    badge = theme.px(7)
    for t, number, c in team_positions(renderer, link, theme):
        colour = TEAM_COLOURS.get(t.type, th.TEXT)
        if t.name == selected:
            pygame.draw.circle(surface, th.SELECT, c, r + theme.px(4), theme.px(3))
        pygame.draw.circle(surface, colour, c, r)
        img = icons.icon(t.type, 2 * r - theme.px(4))
        if img is not None:
            surface.blit(img, img.get_rect(center=c))
        else:
            letter = theme.text(TEAM_LETTER.get(t.type, "?"), 11, (0, 0, 0), bold=True)
            surface.blit(letter, letter.get_rect(center=c))
        pygame.draw.circle(surface, (0, 0, 0), c, r, max(1, theme.px(1.5)))
        bc = (c[0] + r - badge // 2, c[1] + r - badge // 2)
        pygame.draw.circle(surface, (15, 15, 15), bc, badge)
        num = theme.text(str(number), 10, (255, 255, 255), bold=True)
        surface.blit(num, num.get_rect(center=bc))
        if not t.available:
            pygame.draw.line(surface, th.BAD, (c[0] - r, c[1] - r), (c[0] + r, c[1] + r), 3)


def team_at(renderer, link, pos, theme) -> str | None:
    """The team whose marker is under a screen point."""
    r = team_radius(theme)
    for t, _n, c in team_positions(renderer, link, theme):
        if (pos[0] - c[0]) ** 2 + (pos[1] - c[1]) ** 2 <= (r + 2) ** 2:
            return t.name
    return None


def draw_places(renderer, surface, theme, link) -> None:
    """Villages (icon and name), features (school, well, clinic...) and team bases."""
    for name, cell in renderer.places:
        if not renderer.in_view(*cell, margin=3):
            continue
        c = renderer.centre(cell)
        img = icons.icon(name, theme.px(22))
        if img is not None:
            surface.blit(img, img.get_rect(center=c))
    for v in link.view.villages:
        c = renderer.centre(v.cell)
        size = theme.px(30)
        img = icons.icon("village", size)
        if img is not None:
            surface.blit(img, img.get_rect(center=c))
        else:
            r = theme.px(7)
            pts = [(c[0] - r, c[1]), (c[0], c[1] - r), (c[0] + r, c[1]), (c[0] + r, c[1] + r), (c[0] - r, c[1] + r)]
            pygame.draw.polygon(surface, (250, 245, 230), pts)


def village_size(theme) -> int:
    return theme.px(30)


#: Zone states: the colour of the bar beside a zone's name (the words say the same).
STATE_COLOURS = {"not_surveyed": (170, 170, 180), "surveyed_no_evidence": (245, 245, 245),
                 "evidence": (255, 210, 40), "confirmed": (240, 60, 80), "released": (80, 220, 255)}


def layout_zone_labels(renderer, theme, link, first: str | None = None, covered: tuple = ()) -> None:
    """Where each suspected area's name (and state) goes this frame, at every zoom: at the zone's centre,
    larger zones first (``first``, the zone being ordered, before all); a label that would cover one
    already placed, or lie under what is drawn over the map (``covered``: banner, badge, hint, minimap), is
    left out (its name is still in the tooltip, the zone list and the Z key). Every label lies wholly inside
    the map's view: one at its edge is moved in (when its zone's centre is in view), never cut by the side
    panel or the strip under the map. Sets ``renderer.label_rects`` [(rect, zone name)]."""
    from game.text.zones import zone_label

    placed: list[tuple[pygame.Rect, str]] = []
    renderer.label_surfaces = []
    vp = renderer.camera.viewport
    if renderer.overlays.villages:  # village names first: they are never left out
        for v in link.view.villages:
            if not renderer.in_view(*v.cell, margin=12):
                continue
            text = link.names.village(v.name) + (" ✓" if v.educated else "")
            img = _label(theme, text, 13, th.TEXT, True)
            c = renderer.centre(v.cell)
            if not vp.collidepoint(c):
                continue
            below = img.get_rect(midtop=(c[0], c[1] + village_size(theme) // 2)).clamp(vp)  # whole, in view
            above = img.get_rect(midbottom=(c[0], c[1] - village_size(theme) // 2)).clamp(vp)
            rect = next((r for r in (below, above) if r.collidelist(covered) < 0), None)
            if rect is None:  # under the banner or the hint either way: its icon and tooltip still show it
                continue
            placed.append((rect, v.name))
            renderer.label_surfaces.append((img, rect))
    if not renderer.overlays.status:
        renderer.label_rects = placed
        return
    zones = sorted(renderer.zone_labels, key=lambda z: (z[0] != first, -z[2]))
    small = renderer.camera.cell_px <= 4
    for name, (cx, cy), _cells in zones:
        if not renderer.in_view(cx, cy, margin=12):
            continue
        state = renderer.zone_states.get(name)
        text = link.names.zone(name)
        sub = "" if small and name != first else zone_label(state)
        img = _zone_label(theme, text, sub, STATE_COLOURS.get(state.code if state else "", th.TEXT_DIM))
        c = renderer.centre((cx, cy))
        h = img.get_height()
        centre_in_view = vp.collidepoint(c)
        for dx, dy in ((0, 0), (0, h), (0, -h), (0, 2 * h), (0, -2 * h)):  # the centre, else just above or below
            rect = img.get_rect(center=(c[0] + dx, c[1] + dy))
            if not vp.contains(rect):
                if not centre_in_view or rect.w > vp.w or rect.h > vp.h:
                    continue
                rect = rect.clamp(vp)
            if not any(rect.colliderect(r) for r, _n in placed) and rect.collidelist(covered) < 0:
                placed.append((rect, name))
                renderer.label_surfaces.append((img, rect))
                break
    renderer.label_rects = placed


def draw_zone_labels(renderer, surface, theme) -> None:
    """The labels placed by :func:`layout_zone_labels` (drawn last: nothing covers them)."""
    surface.fblits(renderer.label_surfaces)


def _zone_label(theme, name: str, state: str, colour) -> pygame.Surface:
    """A zone's name over its state, on a dark box with a bar of the state's colour; cached."""
    key = ("zone", name, state, colour, theme.px(10))
    img = _labels.get(key)
    if img is None:
        top = theme.text(name, 12, (255, 245, 215), True)
        bottom = theme.text(state, 11, colour) if state else None
        pad, bar = theme.px(3), max(2, theme.px(3))
        w = max(top.get_width(), bottom.get_width() if bottom else 0) + 2 * pad + bar + theme.px(2)
        h = top.get_height() + (bottom.get_height() if bottom else 0) + 2
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        img.fill((12, 14, 18, 215))
        img.fill(colour, (0, 0, bar, h))
        img.blit(top, (bar + pad, 1))
        if bottom:
            img.blit(bottom, (bar + pad, 1 + top.get_height()))
        _labels[key] = img
        if len(_labels) > 1024:
            _labels.pop(next(iter(_labels)))
    return img


def _label(theme, text: str, size: int, colour, bold: bool) -> pygame.Surface:
    """Text on a dark translucent box, cached."""
    key = (text, theme.px(size), colour, bold, language())
    img = _labels.get(key)
    if img is None:
        t = theme.text(text, size, colour, bold)
        pad = theme.px(3)
        img = pygame.Surface((t.get_width() + 2 * pad, t.get_height() + 2), pygame.SRCALPHA)
        img.fill((15, 17, 20, 190))
        img.blit(t, (pad, 1))
        _labels[key] = img
        if len(_labels) > 1024:
            _labels.pop(next(iter(_labels)))
    return img


def draw_evidence(renderer, surface, theme, view) -> None:
    """Evidence (magnifier, or a speech bubble for reports) and finds, as icons when zoomed in enough."""
    z = renderer.camera.cell_px
    if z >= ICON_ZOOM:
        size = max(12, min(theme.px(22), z * 5 // 4))  # follows the zoom: evidence can be dense
        blits = []
        for e in view.evidence:
            if renderer.in_view(e.x, e.y):
                name = "community_report" if e.kind in ("community_report", "report") else "evidence"
                img = icons.icon(name, size)
                if img is not None:
                    c = renderer.centre((e.x, e.y))
                    blits.append((img, (c[0] - size // 2, c[1] - size // 2)))
        for f in view.finds:
            if renderer.in_view(f.x, f.y):
                img = icons.icon("find", size)
                if img is not None:
                    c = renderer.centre((f.x, f.y))
                    blits.append((img, (c[0] - size // 2, c[1] - size // 2)))
        surface.fblits(blits)
        return
    r = max(3, min(z // 2, theme.px(6)))
    for e in view.evidence:
        if not renderer.in_view(e.x, e.y):
            continue
        c = renderer.centre((e.x, e.y))
        pts = [(c[0], c[1] - r), (c[0] + r, c[1]), (c[0], c[1] + r), (c[0] - r, c[1])]
        pygame.draw.polygon(surface, (255, 230, 0), pts)
        pygame.draw.polygon(surface, (0, 0, 0), pts, 1)
    for f in view.finds:
        if not renderer.in_view(f.x, f.y):
            continue
        c = renderer.centre((f.x, f.y))
        pygame.draw.circle(surface, (0, 0, 0), c, r + 1)
        pygame.draw.circle(surface, (255, 255, 255), c, r - 1)
        pygame.draw.line(surface, (0, 0, 0), (c[0] - r + 2, c[1]), (c[0] + r - 2, c[1]), 2)


def draw_truth(renderer, surface, theme, truth, view) -> None:
    """Where the items really were: red live, magenta live in released land, grey found or destroyed;
    with the item's icon at zooms where it fits."""
    z = renderer.camera.cell_px
    r = max(3, min(z // 2, theme.px(6)))
    big = z >= TRUTH_ICON_ZOOM
    if big:
        r = max(r, min(z // 2 + 2, theme.px(12)))
    released = view.status >= 3
    kinds = truth.item_kinds
    for row, state in zip(truth.items, truth.item_states):
        x, y = int(row["x"]), int(row["y"])
        if not renderer.in_view(x, y):
            continue
        c = renderer.centre((x, y))
        if state == "live":
            danger = bool(released[y, x])
            colour, rr = (LIVE_RELEASED, r + 2) if danger else (LIVE, r)
        else:
            colour, rr = GONE, (r if big else max(2, r - 2))
        pygame.draw.circle(surface, colour, c, rr)
        pygame.draw.circle(surface, (0, 0, 0), c, rr, 1)
        if big:
            kind = kinds[int(row["kind"])] if int(row["kind"]) < len(kinds) else ""
            img = icons.icon(kind, 2 * rr - 4)
            if img is not None:
                surface.blit(img, img.get_rect(center=c))
