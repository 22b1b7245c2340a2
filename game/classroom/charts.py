"""Small inline SVG charts for the class report: no scripts, no fonts, no files, any browser, prints well.

Every chart is a string holding one ``<svg>`` element with a ``viewBox`` (it
scales to the width of its box), a ``<title>`` and ``role="img"`` for screen
readers, and its numbers written on it (colour is never the only cue).
"""

from __future__ import annotations

from html import escape
from typing import Callable

AXIS = "#666"
TEXT = "#222"


def _svg(width: float, height: float, title: str, body: list[str], css_class: str = "chart") -> str:
    return (f'<svg class="{css_class}" viewBox="0 0 {width:g} {height:g}" role="img" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, size: float = 11, anchor: str = "middle", weight: str = "normal",
          fill: str = TEXT) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{escape(text)}</text>')


def _plain(value: float) -> str:
    return f"{value:.0f}"


def column_chart(bars: list[tuple[str, float, str]], title: str, width: float = 260, height: float = 150,
                 maximum: float | None = None, unit: str = "", number: Callable[[float], str] = _plain) -> str:
    """Vertical bars: ``(label, value, colour)`` each, the value written above its bar (``number`` writes it,
    e.g. with the language's digits and grouping)."""
    top, bottom, side = 16.0, 20.0, 6.0
    top_value = maximum if maximum is not None else max([v for _, v, _ in bars] + [1])
    top_value = top_value or 1
    slot = (width - 2 * side) / max(1, len(bars))
    bar_w = slot * 0.66
    plot_h = height - top - bottom
    body = [f'<line x1="{side}" y1="{height - bottom:.1f}" x2="{width - side}" y2="{height - bottom:.1f}" '
            f'stroke="{AXIS}" stroke-width="1"/>']
    for i, (label, value, colour) in enumerate(bars):
        x = side + i * slot + (slot - bar_w) / 2
        h = plot_h * max(0.0, value) / top_value
        y = height - bottom - h
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}"/>')
        body.append(_text(x + bar_w / 2, y - 4, f"{number(value)}{unit}", 11))
        body.append(_text(x + bar_w / 2, height - 6, label, 11, weight="bold"))
    return _svg(width, height, title, body)


def paired_columns(groups: list[tuple[str, float | None, float | None]], title: str, labels: tuple[str, str],
                   colours: tuple[str, str] = ("#9aa4ad", "#2c6fbb"), width: float = 420, height: float = 180,
                   maximum: float = 100, unit: str = "", number: Callable[[float], str] = _plain) -> str:
    """Two bars per group (e.g. before and after), values written on them; ``None`` draws no bar."""
    top, bottom, side, legend = 30.0, 20.0, 6.0, 14.0
    slot = (width - 2 * side) / max(1, len(groups))
    bar_w = slot * 0.36
    plot_h = height - top - bottom
    body = [f'<line x1="{side}" y1="{height - bottom:.1f}" x2="{width - side}" y2="{height - bottom:.1f}" '
            f'stroke="{AXIS}" stroke-width="1"/>']
    for k, (name, colour) in enumerate(zip(labels, colours)):
        x = side + k * 130
        body.append(f'<rect x="{x:.1f}" y="4" width="10" height="10" fill="{colour}"/>')
        body.append(_text(x + 14, legend, name, 11, anchor="start"))
    for i, (label, a, b) in enumerate(groups):
        x0 = side + i * slot + (slot - 2 * bar_w) / 2
        for k, value in enumerate((a, b)):
            if value is None:
                continue
            h = plot_h * max(0.0, value) / (maximum or 1)
            x, y = x0 + k * bar_w, height - bottom - h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                        f'fill="{colours[k]}"/>')
            body.append(_text(x + bar_w / 2, y - 3, f"{number(round(value))}{unit}", 8))
        body.append(_text(side + i * slot + slot / 2, height - 6, label, 11, weight="bold"))
    return _svg(width, height, title, body)


def meter(value: float, maximum: float, title: str, colour: str = "#c0392b", width: float = 160,
          height: float = 14) -> str:
    """One horizontal bar for a table cell: ``value`` of ``maximum``."""
    share = max(0.0, min(1.0, value / maximum)) if maximum else 0.0
    body = [f'<rect x="0" y="2" width="{width}" height="{height - 4}" fill="#eee"/>',
            f'<rect x="0" y="2" width="{width * share:.1f}" height="{height - 4}" fill="{colour}"/>']
    return _svg(width, height, title, body, "meter")


def before_after(before: float | None, after: float | None, maximum: float, title: str, width: float = 160,
                 height: float = 18) -> str:
    """A dumbbell for a table cell: a grey dot before, a blue dot after, a line between."""
    def x(v: float) -> float:
        return 6 + (width - 12) * max(0.0, min(1.0, v / maximum)) if maximum else 6

    body = [f'<line x1="6" y1="{height / 2}" x2="{width - 6}" y2="{height / 2}" stroke="#ddd" stroke-width="2"/>']
    if before is not None and after is not None:
        body.append(f'<line x1="{x(before):.1f}" y1="{height / 2}" x2="{x(after):.1f}" y2="{height / 2}" '
                    f'stroke="#2c6fbb" stroke-width="3"/>')
    if before is not None:
        body.append(f'<circle cx="{x(before):.1f}" cy="{height / 2}" r="5" fill="#9aa4ad"/>')
    if after is not None:
        body.append(f'<circle cx="{x(after):.1f}" cy="{height / 2}" r="5" fill="#2c6fbb"/>')
    return _svg(width, height, title, body, "dumbbell")
