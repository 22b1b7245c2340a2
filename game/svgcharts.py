"""Small charts as inline SVG text, for reports that open in any browser offline.

Pure Python, no drawing library, no fonts or scripts to fetch: each function
returns an ``<svg>`` element as a string, sized in CSS pixels, with a
``<title>`` and ``aria-label`` for screen readers and a ``<title>`` on every
mark (a tooltip). Colours are never the only channel: segments carry their
label when they are wide enough, and every chart has a text table beside it
in the reports that use them (``minerisk calibrate --html``, the class
report).

- :func:`stacked_bars`: one horizontal bar per row, split into segments
  (grade distributions);
- :func:`dot_strips`: one row of dots per row of values on a shared axis,
  with the mean and vertical marks (score distributions against grade
  thresholds).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif"
#: Grade colours, green to red, light enough for black text (ColorBrewer RdYlGn, colour-blind checked with labels).
GRADE_COLOURS = {"A": "#1a9850", "B": "#91cf60", "C": "#fee08b", "D": "#fc8d59", "F": "#d73027"}
INK, GRID, MUTED = "#222222", "#cccccc", "#666666"


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def svg(width: float, height: float, body: str, title: str) -> str:
    """An ``<svg>`` root holding ``body``, labelled ``title`` for screen readers."""
    t = escape(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" height="{_fmt(height)}" '
            f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" role="img" aria-label="{t}" style="{FONT}">'
            f"<title>{t}</title>{body}</svg>")


def text(x: float, y: float, content: str, *, size: float = 12, anchor: str = "start", colour: str = INK,
         weight: str = "normal") -> str:
    return (f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-size="{_fmt(size)}" text-anchor="{anchor}" '
            f'fill="{colour}" font-weight="{weight}">{escape(content)}</text>')


def stacked_bars(rows: Sequence[tuple[str, Sequence[tuple[float, str, str]]]], *, title: str,
                 width: float = 960, label_width: float = 230, bar_height: float = 20, gap: float = 8,
                 total: float | None = None) -> str:
    """One horizontal bar per ``(label, segments)``; a segment is ``(value, colour, label)``.

    Bars share one scale: ``total`` (default: the largest row's sum), so
    rows of equal sums line up. A segment shows its label inside when it is
    wide enough; its tooltip always does.
    """
    scale_total = total or max((sum(v for v, _, _ in segs) for _, segs in rows), default=1) or 1
    plot = width - label_width - 10
    body = []
    for i, (label, segments) in enumerate(rows):
        y = i * (bar_height + gap) + 4
        body.append(text(label_width - 8, y + bar_height * 0.72, label, anchor="end"))
        x = label_width
        for value, colour, seg_label in segments:
            if value <= 0:
                continue
            w = plot * value / scale_total
            body.append(f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(bar_height)}" '
                        f'fill="{colour}" stroke="#ffffff" stroke-width="1"><title>{escape(label)}: '
                        f'{escape(seg_label)}</title></rect>')
            if w >= 7.5 * len(seg_label) + 6:
                body.append(text(x + w / 2, y + bar_height * 0.72, seg_label, anchor="middle", size=11))
            x += w
    height = len(rows) * (bar_height + gap) + 8
    return svg(width, height, "".join(body), title)


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About ``count`` round values from ``lo`` to ``hi`` (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    span = hi - lo
    if span <= 0:
        return [lo]
    magnitude = 10 ** math.floor(math.log10(span / count))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10)), key=lambda s: abs(span / s - count))
    start = math.ceil(lo / step - 1e-9) * step
    n = int(math.floor((hi - start) / step + 1e-9)) + 1
    return [round(start + k * step, 10) for k in range(n)]


def dot_strips(rows: Sequence[tuple[str, Sequence[float]]], *, title: str, lo: float, hi: float,
               marks: Sequence[tuple[float, str]] = (), axis_label: str = "", value_format: str = "{:.0f}",
               width: float = 960, label_width: float = 230, row_height: float = 26,
               colours: Sequence[Sequence[str]] | None = None) -> str:
    """One row of dots per ``(label, values)`` on an axis from ``lo`` to ``hi``, the mean drawn as a bar.

    ``marks`` are vertical reference lines ``(x, label)`` (grade thresholds);
    ``colours[i][j]`` colours dot j of row i (default: dark grey). Dots of one
    row are spread up and down in a fixed pattern so equal values stay visible.
    """
    plot = width - label_width - 20
    top = 18 if marks else 6

    def px(v: float) -> float:
        v = min(max(v, lo), hi)
        return label_width + plot * (v - lo) / (hi - lo if hi > lo else 1)

    body = []
    bottom = top + len(rows) * row_height
    for x, label in marks:
        if lo <= x <= hi:
            body.append(f'<line x1="{_fmt(px(x))}" y1="{top - 4}" x2="{_fmt(px(x))}" y2="{_fmt(bottom)}" '
                        f'stroke="{MUTED}" stroke-dasharray="3,3"/>')
            body.append(text(px(x), top - 7, label, anchor="middle", size=11, colour=MUTED))
    for i, (label, values) in enumerate(rows):
        y = top + i * row_height + row_height / 2
        body.append(f'<line x1="{label_width}" y1="{_fmt(y)}" x2="{_fmt(label_width + plot)}" y2="{_fmt(y)}" '
                    f'stroke="{GRID}"/>')
        body.append(text(label_width - 8, y + 4, label, anchor="end"))
        for j, v in enumerate(values):
            dy = ((j * 7) % 11 - 5) * row_height / 30
            fill = colours[i][j] if colours is not None else "#444444"
            body.append(f'<circle cx="{_fmt(px(v))}" cy="{_fmt(y + dy)}" r="3.5" fill="{fill}" fill-opacity="0.85" '
                        f'stroke="{INK}" stroke-width="0.5"><title>{escape(label)}: '
                        f'{escape(value_format.format(v))}</title></circle>')
        if values:
            mean = sum(values) / len(values)
            body.append(f'<rect x="{_fmt(px(mean) - 1.5)}" y="{_fmt(y - row_height * 0.4)}" width="3" '
                        f'height="{_fmt(row_height * 0.8)}" fill="{INK}"><title>{escape(label)}: mean '
                        f'{escape(value_format.format(mean))}</title></rect>')
    for t in _ticks(lo, hi):
        body.append(f'<line x1="{_fmt(px(t))}" y1="{_fmt(bottom)}" x2="{_fmt(px(t))}" y2="{_fmt(bottom + 4)}" '
                    f'stroke="{INK}"/>')
        body.append(text(px(t), bottom + 16, value_format.format(t), anchor="middle", size=11))
    if axis_label:
        body.append(text(label_width + plot / 2, bottom + 32, axis_label, anchor="middle", size=12, colour=MUTED))
    return svg(width, bottom + (40 if axis_label else 22), "".join(body), title)
