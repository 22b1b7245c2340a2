"""The calibration of a level as one self-contained HTML page (``minerisk calibrate --html FILE``).

Inline SVG charts (game/svgcharts.py) and inline CSS only: no network, no
fonts or scripts to fetch, so the page opens on a classroom laptop offline.
It shows the verdicts first, then the grades of every player, their scores
against the grade thresholds, how often each objective was met, and a table
of the numbers behind the charts.
"""

from __future__ import annotations

from html import escape
from statistics import mean

from game.calibrate import IMAS_WAY, Calibration, _civilian_harm, describe, role
from game.policies.runner import GRADES
from game.svgcharts import GRADE_COLOURS, dot_strips, stacked_bars

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#222;
 margin:0 auto;max-width:1080px;padding:24px;line-height:1.45;background:#fff}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #ddd}
.muted{color:#666}.verdicts{border-left:6px solid #d73027;background:#fdf0ee;padding:10px 16px}
.ok{border-left:6px solid #1a9850;background:#eef8f0;padding:10px 16px}
.verdicts li{margin:6px 0}.hint{color:#555}
table{border-collapse:collapse;font-size:.92em;margin:8px 0}th,td{padding:4px 8px;border-bottom:1px solid #e4e4e4}
th{text-align:left;background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.legend span{display:inline-block;padding:1px 8px;margin-right:4px;border-radius:3px}
figure{margin:8px 0}figcaption{color:#555;font-size:.9em}
"""


def html_page(cal: Calibration) -> str:
    """The whole page as text."""
    n_obj = len(cal.objectives)
    players = list(cal.players)
    imas = cal.player(IMAS_WAY)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
             f"<title>Calibration: {escape(cal.level_title)}</title><style>{CSS}</style></head><body>",
             f"<h1>Calibration: {escape(cal.level_title)}</h1>",
             f"<p class=\"muted\">Level <code>{escape(cal.level_id)}</code> ({escape(cal.level_path)}). "
             f"{len(players)} scripted players, {len(cal.seeds)} seeds each ({cal.seeds[0]} to {cal.seeds[-1]}): "
             f"{sum(p.n for p in players)} runs in {cal.seconds:.0f} s.</p>"]
    if cal.verdicts:
        items = "".join(f"<li>{escape(v.message)}. <span class=\"hint\">{escape(v.hint[:1].upper() + v.hint[1:])}.</span></li>"
                        for v in cal.verdicts)
        parts.append(f"<div class=\"verdicts\"><strong>The level does not teach as it should.</strong><ul>{items}"
                     "</ul></div>")
    else:
        parts.append("<div class=\"ok\"><strong>The level teaches.</strong> land_release (the IMAS way) is clearly "
                     "best, no shortcut earns an A or a B, its grades stay within two letters, and every objective "
                     "is met by some players and missed by others.</div>")
    order = sorted(players, key=lambda p: (p.policy != IMAS_WAY, -p.mean_total))
    legend = "".join(f"<span style=\"background:{GRADE_COLOURS[g]}\">{g}</span>" for g in GRADES)
    def label(p) -> str:
        return f"{p.policy} (= land_release)" if cal.same_as_imas(p) else p.policy

    grade_rows = [(label(p), [(p.grades[g], GRADE_COLOURS[g], f"{g} {p.grades[g]}") for g in GRADES]) for p in order]
    parts += ["<h2>Grades</h2>", f"<p class=\"legend\">How many runs earned each grade: {legend}</p>",
              f"<figure>{stacked_bars(grade_rows, title='Grades of each player over the seeds')}"
              "<figcaption>One bar per player: land_release (the IMAS way) on top, then by mean score. "
              "“= land_release”: the player's shortcut never applied on this level, so it played exactly as "
              "land_release.</figcaption></figure>"]
    shares = [s for p in players for s in p.shares]
    lo = min([0.0] + shares)
    hi = max([1.0] + shares)
    strips = dot_strips([(label(p), [s * 100 for s in p.shares]) for p in order],
                        title="Score of every run as a share of the best possible", lo=lo * 100, hi=hi * 100,
                        marks=[(v * 100, f"{g} {v:.0%}") for g, v in cal.grade_thresholds.items()],
                        axis_label="score, % of the best possible", value_format="{:.0f}%",
                        colours=[[GRADE_COLOURS[r.grade] for r in p.runs] for p in order])
    parts += ["<h2>Scores</h2>", f"<figure>{strips}<figcaption>Each dot is one run, coloured by the grade it earned; "
              "the black bar is the player's mean. Dashed lines: the share of the best possible score each grade "
              "needs. A dot past a line with a lower grade's colour was capped for safety (a decision error, "
              "people hurt, hazards left unmarked, ...).</figcaption></figure>"]
    if n_obj:
        head = "".join(f"<th>{i + 1}</th>" for i in range(n_obj))
        rows = []
        for p in order:
            rates = p.objective_rates(n_obj)
            cells = "".join(f"<td class=\"n\" style=\"background:{_rate_colour(r)}\">{r:.0%}</td>" for r in rates)
            rows.append(f"<tr><td>{escape(p.policy)}</td>{cells}</tr>")
        listed = "".join(f"<li>{escape(t)}</li>" for t in cal.objectives)
        parts += ["<h2>Objectives</h2>", f"<ol>{listed}</ol>",
                  f"<table><tr><th>player</th>{head}</tr>{''.join(rows)}</table>",
                  "<p class=\"muted\">Share of runs that met each objective.</p>"]
    rows = []
    same = " On this level it played exactly as land_release: its shortcut never applied."
    for p in order:
        g = p.grades
        rows.append(
            "<tr>" + f"<td><strong>{escape(p.policy)}</strong><br><span class=\"muted\">{escape(role(p.policy))}: "
            f"{escape(describe(p.policy))}.{same if cal.same_as_imas(p) else ''}</span></td>"
            + "".join(f"<td class=\"n\">{g[x]}</td>" for x in GRADES)
            + f"<td class=\"n\">{p.mean_total:,.0f}</td><td class=\"n\">{p.stdev_total:,.0f}</td>"
            f"<td class=\"n\">{mean(p.shares):.0%}</td>"
            f"<td class=\"n\">{p.avg(lambda r: r.objectives_met):.1f} of {n_obj}</td>"
            f"<td class=\"n\">{p.avg(lambda r: r.days_played):.0f}</td>"
            f"<td class=\"n\">US${p.avg(lambda r: r.spent_usd):,.0f}</td>"
            f"<td class=\"n\">{p.avg(lambda r: r.casualties):.2f}</td>"
            f"<td class=\"n\">{p.avg(_civilian_harm):.3f}</td></tr>")
    parts += ["<h2>The numbers</h2>",
              "<table><tr><th>player</th>" + "".join(f"<th>{g}</th>" for g in GRADES)
              + "<th>mean score</th><th>spread</th><th>% of best</th><th>objectives met</th><th>days</th>"
              "<th>money spent</th><th>people hurt</th><th>expected harm</th></tr>" + "".join(rows) + "</table>",
              "<p class=\"muted\">Means over the seeds. Spread: standard deviation of the score. People hurt: "
              "civilians and deminers, what happened. Expected harm: civilian casualties the run is expected to "
              "cause, during the level and after it (the score's yardstick, not luck).</p>"]
    if imas is None:
        parts.append("<p class=\"muted\">land_release was not among the players run.</p>")
    parts.append("<p class=\"muted\">Made by <code>minerisk calibrate</code>.</p></body></html>\n")
    return "".join(parts)


def _rate_colour(rate: float) -> str:
    """A pale blue, darker the more often an objective was met."""
    shade = int(255 - 120 * rate)
    return f"rgb({shade},{min(255, shade + 30)},255)"
