"""Small line and area charts for the debrief (released area, money per day)."""

from __future__ import annotations

import pygame

from game.ui import theme as th
from game.ui.layout import blit, mirror


def line_chart(surface: pygame.Surface, theme: th.Theme, rect: pygame.Rect, title: str,
               series: list[tuple[str, list[float], tuple]], stacked: bool = False, unit=th.area,
               last_day: int | None = None) -> None:
    """Draw ``series`` (label, values per day, colour) in ``rect``; stacked draws filled bands. The top value
    sits in its own band above the plot (never across a line); the time line ends at ``last_day`` (the day the
    series' last value is of; by default the number of values). Right to left the chart mirrors: days run
    from the right, the title and the legend start on the right."""
    pygame.draw.rect(surface, (22, 26, 31), rect, border_radius=theme.px(4))
    pygame.draw.rect(surface, th.BORDER, rect, 1, border_radius=theme.px(4))
    pad = theme.px(8)
    blit(surface, theme.fit_text(title, rect.w - 2 * pad, 14, th.TEXT, bold=True), (rect.x + pad, rect.y + pad // 2),
         rect)
    value_h = theme.font(11).get_linesize()  # the band of the top value
    top = rect.y + theme.px(24) + value_h
    plot = pygame.Rect(rect.x + pad, top, rect.w - 2 * pad, rect.bottom - theme.px(22) - top)
    days = max((len(v) for _, v, _ in series), default=0)
    if days < 1 or plot.w < 10 or plot.h < 10:
        return
    tops = []
    acc = [0.0] * days
    for _, values, _ in series:
        if stacked:
            acc = [a + (values[i] if i < len(values) else 0.0) for i, a in enumerate(acc)]
            tops.append(list(acc))
        else:
            tops.append(list(values) + [values[-1] if values else 0.0] * (days - len(values)))
    peak = max((max(t) for t in tops if t), default=0.0)
    empty = peak <= 0
    if empty:
        img = theme.text("—", 14, th.TEXT_DIM)
        surface.blit(img, img.get_rect(center=plot.center))
        peak = 1.0

    def point(i: int, v: float) -> tuple[int, int]:
        x = plot.x + (plot.w * i // max(1, days - 1) if days > 1 else plot.w // 2)
        return mirror((x, 0, 0, 0), plot).x, plot.bottom - int(plot.h * v / peak)

    pygame.draw.line(surface, th.BORDER, plot.bottomleft, plot.bottomright)
    below = [0.0] * days
    for (label, _, colour), top in zip(series, tops):
        pts = [point(i, v) for i, v in enumerate(top)]
        if stacked and len(pts) > 1:
            base = [point(i, v) for i, v in enumerate(below)]
            pygame.draw.polygon(surface, colour, pts + base[::-1])
            below = top
        elif len(pts) > 1:
            pygame.draw.lines(surface, colour, False, pts, theme.px(2))
    if not empty:
        pygame.draw.line(surface, th.BORDER, plot.topleft, (plot.x + theme.px(6), plot.y))  # the tick it names
        blit(surface, theme.text(unit(peak), 11, th.TEXT_DIM), (plot.x + 2, plot.y - value_h), rect)
    x = rect.x + pad
    for label, _, colour in series:
        img = theme.text(label, 11, th.TEXT_DIM)
        if x + theme.px(14) + img.get_width() > rect.right - theme.px(30):
            break
        pygame.draw.rect(surface, colour, mirror((x, rect.bottom - theme.px(16), theme.px(10), theme.px(10)), rect))
        blit(surface, img, (x + theme.px(14), rect.bottom - theme.px(18)), rect)
        x += img.get_width() + theme.px(26)
    days_img = theme.text(f"{last_day or days}", 11, th.TEXT_DIM)  # the last day, at the end of the time line
    blit(surface, days_img, (plot.right - days_img.get_width(), plot.bottom + 1), plot)
