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


def _text_width(theme, width: int) -> int:
    return width - theme.px(50) - theme.px(10)


def _lines(theme, tut, width: int, size: int) -> int:
    font = theme.font(size)
    tw = _text_width(theme, width)
    return max([len(th.wrap(font, _(s.say), tw)) for s in tut.steps] or [1])


def _fixed_height(theme) -> int:
    """Everything but the text lines: padding, the step line and the bottom row (what it waits for, Next)."""
    return theme.px(8) + theme.font(12).get_linesize() + max(theme.font(12).get_linesize(), theme.px(26)) \
        + theme.px(10)


def layout(scene, width: int, height: int) -> tuple[int, int]:
    """(band height, text size) for the scene's tutorial in a ``width`` x ``height`` area: the largest
    text size at which the longest prompt fits in MAX_SHARE of the height (0, 0 without a tutorial)."""
    tut = scene.tutorial
    if tut is None:
        return 0, 0
    t = scene.theme
    limit = max(t.px(80), int(height * MAX_SHARE))
    for size in TEXT_SIZES:
        h = _fixed_height(t) + _lines(t, tut, width, size) * t.font(size).get_linesize()
        if h <= limit:
            return h, size
    size = TEXT_SIZES[-1]
    return _fixed_height(t) + _lines(t, tut, width, size) * t.font(size).get_linesize(), size


def draw_prompt(scene, surface: pygame.Surface, rect: pygame.Rect, size: int) -> None:
    """The current step's text, its number, what it waits for, and Next for ``continue`` steps."""
    tut, t = scene.tutorial, scene.theme
    surface.fill(PROMPT_BG, rect)
    pygame.draw.line(surface, PROMPT_EDGE, rect.bottomleft, (rect.right, rect.bottom), max(1, t.px(2)))
    pad = t.px(10)
    ic = icons.icon("eore", t.px(32))
    x = rect.x + pad
    if ic is not None:
        blit(surface, ic, (x, rect.y + pad), rect)
    x = rect.x + t.px(50)
    text_w = _text_width(t, rect.w)
    y = rect.y + t.px(8)
    step = tut.step
    n = min(tut.index + 1, len(tut.steps))
    head = (_("Tutorial · step {n} of {total}").format(n=n, total=len(tut.steps)) if step is not None
            else _("Tutorial · done"))
    draw_text(surface, t, head, (x, y), 12, PROMPT_EDGE, bold=True, within=rect)
    y += t.font(12).get_linesize()
    font = t.font(size)
    text = _(step.say) if step is not None else _("You have done every step. Keep playing, or end the level "
                                                 "(End, twice).")
    for line in th.wrap(font, text, text_w):  # each line from the start of the text column (right to left too)
        draw_text(surface, t, line, (x, y), size, th.TEXT, within=rect)
        y += font.get_linesize()
    row_h = max(t.font(12).get_linesize(), t.px(26))
    row_y = rect.bottom - t.px(8) - row_h
    has_next = step is not None and step.wait_for == "continue"
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
