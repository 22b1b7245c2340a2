"""The play screen's side panel: teams, the actions for them, the order being drafted with its preview,
and the news.

Everything here draws and lays out buttons; the actions call back into the
play scene, which is the only place orders are sent from. The panel scrolls
(mouse wheel over it) when its content is taller than the window allows;
a control is clickable only while it is in full view.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.run.order_draft import AREA_ACTIONS, TEAM_ACTIONS
from game.text import _
from game.text.formats import money, number, percent
from game.ui import icons
from game.ui import theme as th
from game.ui.actions import ACTION_INFO
from game.ui.layout import mirror, mirror_all
from game.ui.map_markers import TEAM_COLOURS, TEAM_LETTER
from game.ui.widgets import Button, draw_text, panel, progress_bar, text_block

LOG_COLOURS = {"accident": th.BAD, "incident": th.BAD, "find": th.ACCENT, "evidence": (240, 220, 90),
               "order": th.TEXT_DIM, "refused": th.BAD, "funding": th.GOOD, "weather": th.INFO,
               "level_end": th.SELECT}
TASK_NAMES = {"survey": "Survey", "technical_survey": "Technical survey", "clearance": "Clearance",
              "education": "Risk education", "quality_assurance": "Quality assurance"}
#: The extra team orders after the order kinds: (key of ACTION_INFO-like entry, key name).
TEAM_ORDERS = ("hire", "pace", "stop", "stand_down", "end")


def team_status(scene, t) -> str:
    """A team's state in a few words: "Survey, 40% done", "idle", "out of action until day 12"."""
    if not t.available:
        return _("out of action until day {day}").format(day=t.out_until_day)
    if t.task_kind:
        return _("{task}, {share} done").format(task=_(TASK_NAMES.get(t.task_kind, t.task_kind)),
                                                share=percent(t.task_progress))
    return _("idle: waiting for orders")


def team_detail(scene, t) -> str:
    """A team in one sentence: what it does where, what it costs (the selected team's line, its tooltip)."""
    link = scene.link
    cost = _("{cost} a day").format(cost=money(t.cost_per_day_usd))
    if not t.available:
        return _("{team}: out of action until day {day} ({cost}).").format(team=link.team_name(t.name),
                                                                           day=t.out_until_day, cost=cost)
    if t.task_kind:
        return _("{team}: {task} of {area}, {share} done ({cost}{pace}).").format(
            team=link.team_name(t.name), task=_(TASK_NAMES.get(t.task_kind, t.task_kind)).lower(),
            area=link.area_name(t.task_area), share=percent(t.task_progress), cost=cost,
            pace=_(", rushed") if t.pace == "rushed" else "")
    return _("{team}: idle, waiting for orders, paid all the same ({cost}).").format(
        team=link.team_name(t.name), cost=cost)


def draw_panel(scene, surface: pygame.Surface, rect: pygame.Rect) -> None:
    theme = scene.theme
    panel(surface, rect, theme, alpha=255)
    pad = theme.px(8)
    inner = rect.inflate(-2 * pad, -2 * pad)
    scroller = scene.panel_scroll
    y = scroller.begin(surface, inner)
    content = scroller.content(theme.px(8))  # (the scroll bar on the left right to left)
    x, w = content.x, content.w
    draw_text(surface, theme, _("Teams"), (x, y), 15, th.TEXT, bold=True, within=content)
    hint = _("1-9 or click · Tab next")
    hint_w = theme.font(12).size(hint)[0]
    if hint_w + theme.font(15, True).size(_("Teams"))[0] + theme.px(10) <= w:
        draw_text(surface, theme, hint, (x + w, y + theme.px(2)), 12, th.TEXT_DIM, anchor="topright",
                  within=content)
    y += theme.font(15, True).get_linesize() + theme.px(2)
    y = _team_list(scene, surface, x, y, w, rect.h)
    y = _selected_team(scene, surface, x, y, w)
    y += theme.px(4)
    y = _action_buttons(scene, surface, x, y, w)
    box_top = y
    y = _order_box(scene, surface, pygame.Rect(x, y, w, 0))
    shown = (id(scene.draft), getattr(scene.draft, "area", None), scene.hire_open, rect.size, theme.scale)
    if (scene.draft is not None or scene.hire_open) and getattr(scene, "_panel_shown", None) != shown:
        scene._panel_shown = shown  # a new order or area: bring its preview and Send into view (next frame)
        scroller.reveal(box_top, min(y, box_top + inner.h))
    # the news fills what is left of the panel (measured as if not scrolled, so the panel scrolls only when
    # the teams, actions and order need it), and at least a few lines
    news_h = max(theme.px(90), inner.bottom - (y + scroller.offset))
    y = _news(scene, surface, pygame.Rect(x, y, w, news_h))
    scroller.end(surface, theme, y)


def _visible(scene, b: Button) -> None:
    """Add a button to the scene's bar while it is in full view in the panel; scrolled out of view, it keeps
    only its key (every action has a key, wherever the panel is scrolled: a tutorial prompt says "press F")."""
    if scene.panel_scroll.shows(b.rect):
        scene.bar.add(b)
    elif b.key is not None:
        scene.bar.add(Button(b.label, b.action, b.key, b.key_name, b.tooltip, pygame.Rect(0, 0, 0, 0),
                             b.enabled, b.active, hidden=True))


def _team_list(scene, surface, x: int, y: int, w: int, panel_h: int) -> int:
    """The deployed teams, two lines each (icon, number and name; what it is doing); scrolls with the wheel."""
    theme, link = scene.theme, scene.link
    bar_h = max(2, theme.px(3))  # a task's progress under its words
    row_h = theme.font(13).get_linesize() + theme.font(12).get_linesize() + theme.px(6) + bar_h + theme.px(1)
    teams = link.teams()
    rows = max(2, min(len(teams), (panel_h // 3) // row_h))
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
    scene.team_list_rect = pygame.Rect(x, y, w, min(rows, len(teams)) * row_h)
    size = row_h - theme.px(8)
    scene.team_tips = []
    for i, t in enumerate(teams[first:first + rows], start=first):
        row = pygame.Rect(x, y, w, row_h - theme.px(2))
        b = Button("", lambda n=t.name: scene.select_team(n), None, str(i + 1) if i < 9 else "",
                   link.team_name(t.name), hidden=True)
        b.rect = row
        _visible(scene, b)
        scene.team_tips.append((row, t.name))
        if t.name == scene.selected:
            pygame.draw.rect(surface, (70, 64, 30), row, border_radius=theme.px(3))
            pygame.draw.rect(surface, th.SELECT, row, 1, border_radius=theme.px(3))
        chip = mirror((row.x + theme.px(2), row.y + (row.h - size) // 2, size, size), row)
        pygame.draw.rect(surface, TEAM_COLOURS.get(t.type, th.TEXT), chip, border_radius=theme.px(4))
        img = icons.icon(t.type, size - 2)
        if img is not None:
            surface.blit(img, img.get_rect(center=chip.center))
        else:
            draw_text(surface, theme, TEAM_LETTER.get(t.type, "?"), chip, 11, (0, 0, 0), True, anchor="center")
        if not t.available:
            pygame.draw.line(surface, th.BAD, chip.topleft, chip.bottomright, max(2, theme.px(2)))
        tx = row.x + theme.px(2) + size + theme.px(6)
        box = mirror((tx, row.y + theme.px(2), row.right - theme.px(4) - tx, theme.font(13).get_linesize()), row)
        name = f"{i + 1}. {link.team_name(t.name)}" + (" »" if t.pace == "rushed" else "")
        draw_text(surface, theme, name, box, 13, th.TEXT, min_shrink=0.7)  # long team names in long languages
        box = pygame.Rect(box.x, box.bottom, box.w, theme.font(12).get_linesize())
        colour = th.INFO if t.task_kind else (th.ACCENT if t.available else th.BAD)
        draw_text(surface, theme, team_status(scene, t), box, 12, colour)
        if t.task_kind and t.available:
            progress_bar(surface, theme, pygame.Rect(box.x, box.bottom + theme.px(1), box.w, bar_h),
                         float(t.task_progress or 0.0), th.INFO)
        y += row_h
    if len(teams) > rows:
        more = _("{a}-{b} of {n} · wheel or Tab for more").format(a=first + 1, b=min(first + rows, len(teams)),
                                                                   n=len(teams))
        draw_text(surface, theme, more, pygame.Rect(x, y, w, theme.font(12).get_linesize()), 12, th.TEXT_DIM)
        y += theme.font(12).get_linesize() + theme.px(2)
    return y


def _selected_team(scene, surface, x: int, y: int, w: int) -> int:
    """The selected team in a sentence (its task, its area, its cost)."""
    team = scene.link.view.team(scene.selected) if scene.selected else None
    if team is None or not team.deployed:
        return y
    return text_block(surface, scene.theme, team_detail(scene, team), pygame.Rect(x, y, w, 10 ** 4), 12,
                      th.TEXT_DIM) + scene.theme.px(2)


def action_entries(scene) -> list[tuple[str, str, str, str, object, bool]]:
    """The action buttons: (kind, label, key name, tooltip, action, active)."""
    team = scene.link.view.team(scene.selected) if scene.selected else None
    out = []
    for kind in TEAM_ACTIONS + AREA_ACTIONS:
        label, key, tip = ACTION_INFO[kind]
        active = scene.draft is not None and scene.draft.action == kind
        out.append((kind, _(label), key, _(tip), lambda k=kind: scene.begin_order(k), active))
    out += [
        ("hire", _("Hire"), "h", _("Bring another team into the programme"), scene.toggle_hire, scene.hire_open),
        ("pace", _("Pace: SOP") if team is None or team.pace == "sop" else _("Pace: rushed"), "p",
         _("The selected team's pace: the standard operating procedure (SOP), or rushed (faster, riskier); "
           "press to switch"),
         scene.toggle_pace, False),
        ("stop", _("Stop"), "backspace", _("Take the selected team off its task; it stays, idle and paid"),
         scene.stop_team, False),
        ("stand_down", _("Stand down"), "delete",
         _("Send the selected team home: it is no longer paid; see the preview first"),
         lambda: scene.begin_order("stand_down"), scene.draft is not None and scene.draft.action == "stand_down"),
        ("end", _("End level"), "end", _("End the level now and see the debrief (press twice)"), scene.end_level,
         scene._end_armed),
    ]
    return out


def _columns(scene, entries, w: int) -> int:
    """The most columns (4, 3 or 2) at which every label fits its button at full size."""
    t = scene.theme
    gap = t.px(4)
    longest = max(t.font(13).size(label)[0] for _k, label, *_rest in entries) + t.px(10)
    for cols in (4, 3, 2):
        if (w - (cols - 1) * gap) // cols >= longest:
            return cols
    return 2


def _action_buttons(scene, surface, x: int, y: int, w: int) -> int:
    theme = scene.theme
    bh = max(theme.px(26), theme.font(13).get_linesize() + theme.px(8))
    gap = theme.px(4)
    entries = action_entries(scene)
    cols = _columns(scene, entries, w)
    bw = (w - (cols - 1) * gap) // cols
    for i, (kind, label, key, tip, action, active) in enumerate(entries):
        col, row = i % cols, i // cols
        key_name = {"backspace": "Backspace", "delete": "Delete", "end": "End"}.get(key, key.upper())
        b = Button(label, action, pygame.key.key_code(key), key_name, tip, active=active)
        b.rect = mirror((x + col * (bw + gap), y + row * (bh + gap), bw, bh), (x, y, w, bh))
        _visible(scene, b)
    rows = (len(entries) + cols - 1) // cols
    return y + rows * (bh + gap) + theme.px(4)


def draft_lines(scene) -> list[tuple[str, tuple]]:
    """The order being drafted, in words: what, who, where, and its preview (game.text.estimate), each line
    with its colour (advice in orange)."""
    from game.text.estimate import ADVICE, advice_text, preview_lines

    draft, link = scene.draft, scene.link
    label = _(ACTION_INFO[draft.action][0]) if draft.action in ACTION_INFO else _("Stand down")
    who = link.team_name(draft.team) if draft.team else (
        _("no team needed") if draft.works_on is None else _("no team can do this"))
    lines = [(f"{label} · {who}", th.ACCENT)]
    if draft.team is None and draft.works_on not in (None, "any"):
        lines.append((how_to_get_team(link, draft.works_on), th.ACCENT))
    if draft.needs_area and draft.area is None:
        lines.append((_("Click a village (or press Z to pick one).") if draft.action == "educate"
                      else _("Click a zone, drag a rectangle on the map, or press Z."), th.TEXT))
        return lines
    if draft.needs_area:
        lines.append((_("Area: {area}").format(area=link.area_name(draft.area)), th.TEXT))
    advice = {advice_text(code) for code in (draft.estimate.advice if draft.estimate else ()) if code in ADVICE}
    for text in preview_lines(draft.estimate, link.names, link.view.last_day):
        lines.append((text, th.ACCENT if text in advice else th.TEXT))
    return lines


def how_to_get_team(link, works_on: str) -> str:
    """What to do when no deployed team can do an order: hire one (H) when the level lets you hire such a
    team, else say that this level has none."""
    kinds = link.session.level.catalogue["teams"]
    able = [k for k in link.view.hireable if kinds.get(k, {}).get("works_on") == works_on]
    if able:
        return _("Press H to hire a {team_type}, then give the order again.").format(
            team_type=link.names.team_type(able[0]).lower())
    return _("This level has no team for this order, and none can be hired.")


def hire_lines(scene) -> list[tuple[str, tuple]]:
    """The hire list: each kind of team with what it costs at once and a day, and how long the money lasts."""
    from game.sim import Hire
    from game.text.formats import days

    link = scene.link
    lines = [(_("Hire which team? Press its number."), th.ACCENT)]
    for i, kind in enumerate(link.view.hireable):
        est = link.session.estimate(Hire(day=link.day, team_type=kind))
        text = f"{i + 1}. {link.names.team_type(kind)}"  # one name per kind of team on every screen
        if est is not None:
            text += " · " + _("{once} at once, then {per_day} a day for the programme; money for {days}").format(
                once=money(est.one_off_usd), per_day=money(est.programme_per_day_usd),
                days=days(est.days_of_money))
        lines.append((text, th.TEXT))
    if not link.view.hireable:
        lines.append((_("This level lets you hire no team."), th.TEXT_DIM))
    return lines


def _order_box(scene, surface, rect: pygame.Rect) -> int:
    """The order being drafted with its preview and Send / Don't send, the hire list, or the last answer."""
    theme = scene.theme
    lines: list[tuple[str, tuple]] = []
    if scene.hire_open:
        lines += hire_lines(scene)
    elif scene.draft is not None:
        lines += draft_lines(scene)
    if scene.message:
        lines.append((str(scene.message[0]), scene.message[1]))
    if not lines:
        return rect.y
    font = theme.font(13)
    inner_w = rect.w - theme.px(12)
    height = sum(len(th.wrap(font, text, inner_w)) for text, _c in lines) * font.get_linesize() + theme.px(12)
    bh = max(theme.px(26), font.get_linesize() + theme.px(8))
    buttons_h = bh + theme.px(6) if scene.draft is not None else 0
    box = pygame.Rect(rect.x, rect.y, rect.w, height + buttons_h)
    pygame.draw.rect(surface, (28, 32, 38), box, border_radius=theme.px(4))
    pygame.draw.rect(surface, th.ACCENT if scene.draft or scene.hire_open else th.BORDER, box, 1,
                     border_radius=theme.px(4))
    y = box.y + theme.px(6)
    for text, colour in lines:
        y = text_block(surface, theme, text, mirror((box.x + theme.px(6), y, inner_w, 10 ** 4), box), 13, colour)
    if scene.draft is not None:
        bw = (box.w - theme.px(18)) // 2
        label = _("Stand down") if scene.draft.action == "stand_down" else _("Send order")
        ok = Button(label, scene.confirm_order, pygame.K_RETURN, "Enter", _("Send this order"),
                    enabled=scene.draft.ready())
        ok.rect = pygame.Rect(box.x + theme.px(6), y + theme.px(2), bw, bh)
        # never "Cancel": that is also an order (cancel land), so the word would say the opposite of this button
        no = Button(_("Don't send"), scene.cancel_order, None, "Esc", _("Drop this order"))
        no.rect = pygame.Rect(ok.rect.right + theme.px(6), ok.rect.y, bw, bh)
        mirror_all((ok, no), box)  # Send first in reading order
        _visible(scene, ok)
        _visible(scene, no)
        scene.order_box_rect = box
    return box.bottom + theme.px(6)


def _news(scene, surface, rect: pygame.Rect) -> int:
    """The latest news, newest first, filling ``rect``; returns the y below it."""
    theme = scene.theme
    title_h = theme.font(15, True).get_linesize()
    draw_text(surface, theme, _("News"), (rect.x, rect.y), 15, th.TEXT, bold=True, within=rect)
    y = rect.y + title_h + theme.px(2)
    font = theme.font(12)
    size = theme.px(16)
    indent = size + theme.px(4)
    for day, kind, text, icon_name in reversed(scene.news[-40:]):
        colour = LOG_COLOURS.get(kind, th.TEXT)
        lines = _wrapped(font, _("Day {day}: {text}").format(day=number(day), text=str(text)), rect.w - indent)
        if y + len(lines) * font.get_linesize() > rect.bottom:
            break
        img = icons.icon(icon_name, size) if icon_name else None
        if img is not None:
            surface.blit(img, mirror((rect.x, y + (font.get_linesize() - size) // 2, size, size), rect))
        for line in lines:
            draw_text(surface, theme, line, (rect.x + indent, y), 12, colour, within=rect)
            y += font.get_linesize()
        y += theme.px(2)
    return rect.bottom


@lru_cache(maxsize=512)
def _wrap_cached(font, text: str, width: int) -> tuple[str, ...]:
    return tuple(th.wrap(font, text, width))


def _wrapped(font, text: str, width: int) -> tuple[str, ...]:
    """Wrapped news lines, cached (the news is drawn every frame)."""
    return _wrap_cached(font, text, width)
