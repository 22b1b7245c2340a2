"""The tutorial prompt on the play screen: a band between the top bar and the map.

The band has its own strip of the screen (the map viewport starts below it),
so it never covers the map or the side panel where the student acts. Its
height is that of the longest prompt of the level at the current width (the
text gets smaller rather than the band taller than a third of the screen),
so the map does not jump from step to step. A ``continue`` step has a Next
button (Enter); the other steps say what they wait for, and the zone a step
names is outlined on the map.
"""

from __future__ import annotations

import pygame

from game.text import _
from game.ui import icons
from game.ui import theme as th
from game.ui.layout import blit, mirror
from game.ui.widgets import Button, draw_text

PROMPT_BG = (30, 44, 58)
PROMPT_EDGE = (110, 190, 240)
TARGET_COLOUR = (110, 220, 255)


TEXT_SIZES = (15, 14, 13, 12, 11, 10)  # 10: long languages at 2x in short windows
#: The band takes at most this share of the height below the top bar.
MAX_SHARE = 0.3


def _indent(theme, short: bool) -> int:
    """Where the text column starts: after the icon, or at the edge on a short window (no icon)."""
    return theme.px(10) if short else theme.px(50)


def _text_width(theme, width: int, short: bool = False) -> int:
    return width - _indent(theme, short) - theme.px(10)


def _lines(theme, tut, width: int, size: int, short: bool = False) -> int:
    font = theme.font(size)
    tw = _text_width(theme, width, short)
    return max([len(th.wrap(font, _(s.say), tw)) for s in tut.steps] or [1])


def _next_height(theme) -> int:
    return max(theme.font(12).get_linesize(), theme.px(26))


def _fixed_height(theme, short: bool = False) -> int:
    """Everything but the text lines: padding, the step line and the bottom row (what it waits for, Next).
    On a short window Next goes up on the step line and the bottom row is one line of text."""
    line = theme.font(12).get_linesize()
    if short:
        return theme.px(3) + _next_height(theme) + line + theme.px(3)
    return theme.px(8) + line + _next_height(theme) + theme.px(10)


def layout(scene, width: int, height: int, short: bool = False) -> tuple[int, int]:
    """(band height, text size) for the scene's tutorial in a ``width`` x ``height`` area: the largest
    text size at which the longest prompt fits in MAX_SHARE of the height (0, 0 without a tutorial)."""
    tut = scene.tutorial
    if tut is None:
        return 0, 0
    t = scene.theme
    limit = max(t.px(80), int(height * MAX_SHARE))
    for size in TEXT_SIZES:
        h = _fixed_height(t, short) + _lines(t, tut, width, size, short) * t.font(size).get_linesize()
        if h <= limit:
            return h, size
    size = TEXT_SIZES[-1]
    return _fixed_height(t, short) + _lines(t, tut, width, size, short) * t.font(size).get_linesize(), size


def draw_prompt(scene, surface: pygame.Surface, rect: pygame.Rect, size: int, short: bool = False) -> None:
    """The current step's text, its number, what it waits for, and Next for ``continue`` steps (on a short
    window: no icon, Next on the step line)."""
    tut, t = scene.tutorial, scene.theme
    surface.fill(PROMPT_BG, rect)
    pygame.draw.line(surface, PROMPT_EDGE, rect.bottomleft, (rect.right, rect.bottom), max(1, t.px(2)))
    pad = t.px(10)
    ic = icons.icon("eore", t.px(32)) if not short else None
    if ic is not None:
        blit(surface, ic, (rect.x + pad, rect.y + pad), rect)
    x = rect.x + _indent(t, short)
    text_w = _text_width(t, rect.w, short)
    y = rect.y + t.px(3 if short else 8)
    step = tut.step
    has_next = step is not None and step.wait_for == "continue"
    n = min(tut.index + 1, len(tut.steps))
    head = (_("Tutorial · step {n} of {total}").format(n=n, total=len(tut.steps)) if step is not None
            else _("Tutorial · done"))
    if short:  # the step line is as tall as Next, which sits at its end
        row_h = _next_height(t)
        head_w = text_w - (t.px(100) + pad if has_next else 0)
        draw_text(surface, t, head, (x, y, max(0, head_w), row_h), 12, PROMPT_EDGE, bold=True, anchor="midleft",
                  within=rect)
        if has_next:
            b = scene.bar.add(Button(_("Next"), scene.tutorial_next, None, "Enter", _("Go on to the next step")))
            b.rect = mirror((rect.right - pad - t.px(100), y, t.px(100), row_h), rect)
        y += row_h
    else:
        draw_text(surface, t, head, (x, y), 12, PROMPT_EDGE, bold=True, within=rect)
        y += t.font(12).get_linesize()
    font = t.font(size)
    text = _(step.say) if step is not None else _("You have done every step. Keep playing, or end the level "
                                                 "(End, twice).")
    for line in th.wrap(font, text, text_w):  # each line from the start of the text column (right to left too)
        draw_text(surface, t, line, (x, y), size, th.TEXT, within=rect)
        y += font.get_linesize()
    if short:  # what it waits for: one line at the bottom
        row_h = t.font(12).get_linesize()
        row_y = rect.bottom - t.px(3) - row_h
        draw_text(surface, t, tut.waiting_text(scene.link.names), (x, row_y, text_w, row_h), 12, th.ACCENT,
                  anchor="midleft", within=rect)
        return
    row_h = _next_height(t)
    row_y = rect.bottom - t.px(8) - row_h
    end = rect.right - pad - (t.px(100) + pad if has_next else 0)  # what it waits for stops before Next
    draw_text(surface, t, tut.waiting_text(scene.link.names), (x, row_y, max(0, end - x), row_h), 12, th.ACCENT,
              anchor="midleft", within=rect)
    if has_next:
        b = scene.bar.add(Button(_("Next"), scene.tutorial_next, None, "Enter", _("Go on to the next step")))
        b.rect = mirror((rect.right - pad - t.px(100), row_y, t.px(100), row_h), rect)


def draw_target(scene, surface: pygame.Surface) -> None:
    """Outline the zone the current step asks for on the map (clipped to the map)."""
    tut = scene.tutorial
    step = tut.step if tut is not None else None
    if step is None or not step.zone:
        return
    cam = scene.renderer.camera
    clip = surface.get_clip()
    surface.set_clip(cam.viewport)
    scene.renderer.draw_area(surface, scene.link, step.zone, TARGET_COLOUR, key=("tutorial", step.zone))
    surface.set_clip(clip)
