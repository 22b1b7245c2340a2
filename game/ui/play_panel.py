"""The play screen's side panel: teams, the actions for them, the order being drafted, the news.

Everything here draws and lays out buttons; the actions call back into the
play scene, which is the only place orders are sent from.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.text import _
from game.ui import icons
from game.ui import theme as th
from game.ui.map_renderer import TEAM_COLOURS, TEAM_LETTER
from game.run.order_draft import AREA_ACTIONS, TEAM_ACTIONS
from game.text.formats import percent
from game.ui.actions import ACTION_INFO
from game.ui.widgets import Button, panel

LOG_COLOURS = {"accident": th.BAD, "incident": th.BAD, "find": th.ACCENT, "evidence": (240, 220, 90),
               "order": th.TEXT_DIM, "refused": th.BAD, "funding": th.GOOD, "weather": th.INFO,
               "level_end": th.SELECT}


def team_status(scene, t) -> str:
    if not t.available:
        return _("out of action until day {day}").format(day=t.out_until_day)
    if t.task_kind:
        tasks = {"survey": _("Survey"), "technical_survey": _("Technical survey"), "clearance": _("Clearance"),
                 "education": _("Risk education")}
        return _("{task}: {area}, {share} done").format(
            task=tasks.get(t.task_kind, t.task_kind), area=scene.link.area_name(t.task_area),
            share=percent(t.task_progress))
    return _("idle")


def draw_panel(scene, surface: pygame.Surface, rect: pygame.Rect) -> None:
    theme = scene.theme
    panel(surface, rect, theme, alpha=255)
    pad = theme.px(8)
    x, w = rect.x + pad, rect.w - 2 * pad
    y = rect.y + pad
    surface.blit(theme.text(_("Teams"), 15, th.TEXT, bold=True), (x, y))
    hint = theme.text(_("1-9 or click · Tab next"), 12, th.TEXT_DIM)
    surface.blit(hint, (rect.right - pad - hint.get_width(), y + theme.px(2)))
    y += theme.line + theme.px(2)
    y = _team_list(scene, surface, x, y, w, rect.h)
    y += theme.px(6)
    y = _action_buttons(scene, surface, x, y, w)
    y = _order_box(scene, surface, pygame.Rect(x, y, w, rect.bottom - y))
    _news(scene, surface, pygame.Rect(x, y, w, rect.bottom - y - pad))


def _team_list(scene, surface, x: int, y: int, w: int, panel_h: int) -> int:
    """The deployed teams, one row each (icon, number, name, task); scrolls with the mouse wheel."""
    theme, link = scene.theme, scene.link
    row_h = theme.px(24)
    teams = link.teams()
    rows = max(3, min(len(teams), (panel_h // 3) // row_h))
    names = [t.name for t in teams]
    if scene.selected != scene._list_selected and scene.selected in names:  # keep a new selection in sight
        scene._list_selected = scene.selected
        i = names.index(scene.selected)
        if i < scene.team_scroll:
            scene.team_scroll = i
        elif i >= scene.team_scroll + rows:
            scene.team_scroll = i - rows + 1
    scene.team_scroll = max(0, min(scene.team_scroll, len(teams) - rows))
    first = scene.team_scroll
    scene.team_list_rect = pygame.Rect(x, y, w, rows * row_h)
    size = row_h - theme.px(4)
    for i, t in enumerate(teams[first:first + rows], start=first):
        row = pygame.Rect(x, y, w, row_h - 2)
        b = scene.bar.add(Button("", lambda n=t.name: scene.select_team(n), None,
                                 str(i + 1) if i < 9 else "", link.team_type_name(t.type), hidden=True))
        b.rect = row
        if t.name == scene.selected:
            pygame.draw.rect(surface, (70, 64, 30), row, border_radius=theme.px(3))
            pygame.draw.rect(surface, th.SELECT, row, 1, border_radius=theme.px(3))
        chip = pygame.Rect(row.x + 2, row.y + (row.h - size) // 2, size, size)
        pygame.draw.rect(surface, TEAM_COLOURS.get(t.type, th.TEXT), chip, border_radius=theme.px(4))
        img = icons.icon(t.type, size - 2)
        if img is not None:
            surface.blit(img, img.get_rect(center=chip.center))
        else:
            letter = theme.text(TEAM_LETTER.get(t.type, "?"), 11, (0, 0, 0), bold=True)
            surface.blit(letter, letter.get_rect(center=chip.center))
        label = theme.text(f"{i + 1}. {scene.link.team_name(t.name)}" + (" »" if t.pace == "rushed" else ""), 13,
                           th.TEXT)
        name_w = min(label.get_width(), row.w * 3 // 5)
        ly = row.centery - label.get_height() // 2
        surface.blit(label, (chip.right + theme.px(6), ly), pygame.Rect(0, 0, name_w, row_h))
        status = theme.text(team_status(scene, t), 12, th.TEXT_DIM if t.task_kind is None else th.INFO)
        sx = max(chip.right + theme.px(14) + name_w, row.right - theme.px(4) - status.get_width())
        surface.blit(status, (sx, row.centery - status.get_height() // 2),
                     pygame.Rect(0, 0, row.right - theme.px(4) - sx, row_h))
        if not t.available:
            pygame.draw.line(surface, th.BAD, chip.topleft, chip.bottomright, max(2, theme.px(2)))
        y += row_h
    if len(teams) > rows:
        more = _("{a}-{b} of {n} · wheel or Tab for more").format(a=first + 1, b=first + rows, n=len(teams))
        surface.blit(theme.text(more, 12, th.TEXT_DIM), (x, y))
        y += theme.px(18)
    return y


def _action_buttons(scene, surface, x: int, y: int, w: int) -> int:
    theme = scene.theme
    bh = theme.px(26)
    gap = theme.px(4)
    cols = 4
    bw = (w - (cols - 1) * gap) // cols
    entries = [(k, ACTION_INFO[k]) for k in TEAM_ACTIONS + AREA_ACTIONS]
    team = scene.link.view.team(scene.selected) if scene.selected else None
    extra = [
        ("hire", (_("Hire"), "h", _("Bring another team into the programme"))),
        ("pace", (_("Rushed") if team and team.pace == "sop" else _("SOP pace"), "p",
                  _("Switch the selected team between the standard pace (SOP) and rushing (faster, riskier)"))),
        ("stop", (_("Stop"), "backspace", _("Take the selected team off its task"))),
        ("end", (_("End level"), "end", _("End the level now and see the debrief (press twice)"))),
    ]
    for i, (kind, (label, key, tip)) in enumerate(entries + extra):
        col, row = i % cols, i // cols
        active = scene.draft is not None and scene.draft.action == kind
        if kind in ACTION_INFO:
            action = lambda k=kind: scene.begin_order(k)  # noqa: E731
            label, tip = _(label), _(tip)
        else:
            action = {"hire": scene.toggle_hire, "pace": scene.toggle_pace, "stop": scene.stop_team,
                      "end": scene.end_level}[kind]
            active = active or (kind == "hire" and scene.hire_open)
        b = scene.bar.add(Button(label, action, pygame.key.key_code(key), key.capitalize(), tip, active=active))
        b.rect = pygame.Rect(x + col * (bw + gap), y + row * (bh + gap), bw, bh)
    rows = (len(entries) + len(extra) + cols - 1) // cols
    return y + rows * (bh + gap) + theme.px(4)


def draft_lines(scene) -> list[str]:
    """The order being drafted, in words: what, who, where, and its preview (game.text.estimate)."""
    from game.text.estimate import preview_lines

    draft, link = scene.draft, scene.link
    label = _(ACTION_INFO[draft.action][0])
    who = link.team_name(draft.team) if draft.team else (
        _("no team needed") if draft.works_on is None else _("no team can do this"))
    lines = [f"{label} · {who}"]
    if draft.area is None:
        lines.append(_("Click a village (or press Z to pick one).") if draft.action == "educate"
                     else _("Drag a rectangle on the map, click a zone, or press Z."))
        return lines
    lines.append(_("Area: {area}").format(area=link.names.area(draft.area)))
    return lines + preview_lines(draft.estimate, link.names, link.view.last_day)


def _order_box(scene, surface, rect: pygame.Rect) -> int:
    theme = scene.theme
    lines: list[tuple[str, tuple]] = []
    if scene.hire_open:
        lines.append((_("Hire which team? (number key)"), th.ACCENT))
        for i, kind in enumerate(scene.link.view.hireable):
            lines.append((f"{i + 1}. {_(scene.link.team_type_name(kind))}", th.TEXT))
    elif scene.draft is not None:
        for i, text in enumerate(draft_lines(scene)):
            lines.append((text, th.ACCENT if i == 0 else th.TEXT))
    if scene.message:
        lines.append(scene.message)
    if not lines:
        return rect.y
    font = theme.font(13)
    wrapped = [(line, colour) for text, colour in lines for line in th.wrap(font, text, rect.w - theme.px(12))]
    h = len(wrapped) * font.get_linesize() + theme.px(12)
    buttons_h = theme.px(30) if scene.draft is not None else 0
    box = pygame.Rect(rect.x, rect.y, rect.w, h + buttons_h)
    pygame.draw.rect(surface, (28, 32, 38), box, border_radius=theme.px(4))
    pygame.draw.rect(surface, th.ACCENT if scene.draft else th.BORDER, box, 1, border_radius=theme.px(4))
    y = box.y + theme.px(6)
    for text, colour in wrapped:
        surface.blit(theme.text(text, 13, colour), (box.x + theme.px(6), y))
        y += font.get_linesize()
    if scene.draft is not None:
        bw = (box.w - theme.px(18)) // 2
        ok = scene.bar.add(Button(_("Send order"), scene.confirm_order, pygame.K_RETURN, "Enter",
                                  _("Send this order"), enabled=scene.draft.ready()))
        ok.rect = pygame.Rect(box.x + theme.px(6), y + theme.px(2), bw, theme.px(24))
        no = scene.bar.add(Button(_("Cancel"), scene.cancel_order, None, "Esc", _("Drop this order")))
        no.rect = pygame.Rect(ok.rect.right + theme.px(6), ok.rect.y, bw, theme.px(24))
    return box.bottom + theme.px(6)


def _news(scene, surface, rect: pygame.Rect) -> None:
    theme = scene.theme
    if rect.h < theme.line * 2:
        return
    surface.blit(theme.text(_("News"), 15, th.TEXT, bold=True), (rect.x, rect.y))
    y = rect.y + theme.line + theme.px(2)
    font = theme.font(12)
    size = theme.px(16)
    indent = size + theme.px(4)
    for day, kind, text, icon_name in reversed(scene.news[-40:]):
        colour = LOG_COLOURS.get(kind, th.TEXT)
        lines = _wrapped(font, f"{_('Day')} {day}: {text}", rect.w - indent)
        if y + font.get_linesize() > rect.bottom:
            return
        img = icons.icon(icon_name, size) if icon_name else None
        if img is not None:
            surface.blit(img, (rect.x, y + (font.get_linesize() - size) // 2))
        for j, line in enumerate(lines):
            if y + font.get_linesize() > rect.bottom:
                return
            surface.blit(theme.text(line if j == 0 else "   " + line, 12, colour), (rect.x + indent, y))
            y += font.get_linesize()
        y += theme.px(2)


@lru_cache(maxsize=512)
def _wrap_cached(font, text: str, width: int) -> tuple[str, ...]:
    return tuple(th.wrap(font, text, width))


def _wrapped(font, text: str, width: int) -> tuple[str, ...]:
    """Wrapped news lines, cached (the news is drawn every frame)."""
    return _wrap_cached(font, text, width)

