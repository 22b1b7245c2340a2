"""What is drawn over the cached map picture each frame: teams, evidence, finds, villages and
features, zone names and (at the debrief) the truth, with the game's icons.

Icon sizes follow the UI scale (teams, villages) or the zoom (evidence, finds,
ordnance); icons are cached per size in :mod:`game.ui.icons`, text per size
in the theme, and zone labels per name, so a frame only blits. Where an icon
is missing the old plain shapes are drawn.
"""

from __future__ import annotations

import pygame

from game.ui import icons
from game.ui import theme as th

TEAM_COLOURS = {"nts": (80, 160, 255), "technical_survey": (60, 210, 210), "manual": (250, 210, 60),
                "dog": (230, 140, 60), "machine": (190, 120, 240), "eore": (120, 230, 120)}
TEAM_LETTER = {"nts": "N", "technical_survey": "T", "manual": "M", "dog": "D", "machine": "X", "eore": "E"}
#: Zone labels show from this zoom (pixels a cell) up.
LABEL_ZOOM = 8
#: Evidence and finds are icons from this zoom up (small diamonds and discs below).
ICON_ZOOM = 8
#: Ordnance icons on the debrief's truth map from this zoom up.
TRUTH_ICON_ZOOM = 12
LIVE, LIVE_RELEASED, GONE = (220, 30, 30), (255, 0, 255), (40, 40, 40)

_labels: dict[tuple, pygame.Surface] = {}


def team_radius(theme) -> int:
    return theme.px(12)


def team_positions(renderer, link, theme) -> list[tuple[object, int, tuple[int, int]]]:
    """(team, list number, screen centre) of each deployed team; teams on one cell sit side by side."""
    stacked: dict[tuple[int, int], int] = {}
    r = team_radius(theme)
    out = []
    for i, t in enumerate(link.teams()):
        cell = link.team_cell(t)
        n = stacked.get(cell, 0)
        stacked[cell] = n + 1
        c = renderer.centre(cell)
        out.append((t, i + 1, (c[0] + (n % 4) * (2 * r + 3) - r, c[1] + (n // 4) * (2 * r + 3))))
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
        label = _label(theme, v.name.capitalize() + (" ✓" if v.educated else ""), 13, th.TEXT, True)
        surface.blit(label, label.get_rect(midtop=(c[0], c[1] + size // 2)))


def draw_zone_labels(renderer, surface, theme) -> None:
    """The names of suspected areas at their centres, at zooms where they are readable."""
    if renderer.camera.cell_px < LABEL_ZOOM:
        return
    for name, (cx, cy) in renderer.zone_labels:
        if not renderer.in_view(cx, cy, margin=6):
            continue
        label = _label(theme, name, 11, (255, 240, 200), False)
        c = renderer.centre((cx, cy))
        surface.blit(label, label.get_rect(center=c))


def _label(theme, text: str, size: int, colour, bold: bool) -> pygame.Surface:
    """Text on a dark translucent box, cached."""
    key = (text, theme.px(size), colour, bold)
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
