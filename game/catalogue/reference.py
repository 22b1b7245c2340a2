"""The trainer's numbers: a Markdown reference of the catalogue (``docs/catalogue.md``).

:func:`markdown` turns a catalogue (the defaults, or a level's merged one)
into the page a trainer reads to set a budget and days: what each team works
on, its rate, cost a day and mobilisation, which terrain it can work and how
fast, detection, what land can be released and how, what typical programmes
cost a day, and at the end every number with the note written beside it in
``defaults.yaml`` (where estimates say they are estimates).

    python -m game.catalogue.reference > docs/catalogue.md     # or: minerisk catalogue
    python -m game.catalogue.reference --check docs/catalogue.md

A test keeps docs/catalogue.md equal to this output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from . import DEFAULTS_FILE, load_defaults

_WORK = {
    "survey": "non-technical survey of a suspected area or a village: interviews, records, visits from safe "
              "ground; never enters hazardous ground. Land it finds no evidence in can be **cancelled**",
    "technical_survey": "searches lanes over {share} of a suspected area; land whose lanes find nothing can be "
                        "**reduced**; a find confirms a hazardous area (CHA) within {radius} m around it",
    "clearance": "searches every cell of suspected or confirmed land; land it searched is **cleared**",
    "village": "risk-education sessions in a village ({days} days); afterwards risky entries of its people are "
               "multiplied by {factor} for {effect} days",
}
_DASH = "–"


def _n(value: Any) -> str:
    """A number as a trainer reads it: thousands separated, no needless decimals."""
    if isinstance(value, bool) or value is None:
        return _DASH if value is None else ("yes" if value else "no")
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:g}"
    return str(value)


def _usd(value: Any) -> str:
    return _DASH if value is None else f"US${_n(value)}"


def _pct(value: Any) -> str:
    return _DASH if value is None else f"{float(value) * 100:g}%"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines + [""]


def notes(path: Path = DEFAULTS_FILE) -> dict[tuple, str]:
    """The comment written beside (or just above) each value of a catalogue file, by key path."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: dict[tuple, str] = {}

    def comment(line_no: int) -> str:
        line = lines[line_no]
        if "#" in line and not line.lstrip().startswith("#"):
            return line.split("#", 1)[1].strip()
        above, i = [], line_no - 1
        while i >= 0 and lines[i].lstrip().startswith("#") and lines[i].startswith(" "):
            above.insert(0, lines[i].lstrip()[1:].strip())
            i -= 1
        return " ".join(above)

    def walk(node: yaml.Node, key_path: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = key_path + (key.value,)
                note = comment(key.start_mark.line)
                if note:
                    found[here] = note
                walk(value, here)

    walk(yaml.compose(text), ())
    return found


def _team_rows(cat: dict) -> list[list[str]]:
    rows = []
    for kind, t in cat.get("teams", {}).items():
        work = t.get("works_on", "")
        if t.get("needs_follow_up"):
            what = (f"prepares ground fast; leaves {_pct(t.get('left_dangerous'))} of items live, so manual or dog "
                    f"teams must follow up (on prepared ground {_n(t.get('follow_up_speed_factor'))} times faster) "
                    "before land counts as cleared")
        else:
            what = _WORK.get(work, work).format(share=_pct(t.get("sample_share")), radius=_n(t.get("cha_radius_m")),
                                                days=_n(t.get("days_per_village")),
                                                factor=_n(t.get("risky_behaviour_factor")),
                                                effect=_n(t.get("effect_days")))
        if t.get("needs_check"):
            what += "; its indications must be checked by a manual team"
        if "max_temperature_c" in t:
            what += f"; stops above {_n(t['max_temperature_c'])} °C"
        rate = f"{_n(t['rate_m2_per_day'])} m2" if "rate_m2_per_day" in t else (
            f"{_n(t.get('days_per_village'))} days a village" if "days_per_village" in t else _DASH)
        rows.append([f"`{kind}`", t.get("name", kind), what, rate, _usd(t.get("cost_per_day_usd")),
                     _usd(t.get("mobilisation_usd")), _n(t.get("people")), _n(t.get("has_medic", False))])
    return rows


def _terrain_section(cat: dict) -> list[str]:
    teams, terrain = cat.get("teams", {}), cat.get("terrain", {})
    columns = list(dict.fromkeys(t["terrain_speed"] for t in teams.values() if t.get("terrain_speed")))
    users = {c: ", ".join(f"`{k}`" for k, t in teams.items() if t.get("terrain_speed") == c) for c in columns}
    free = ", ".join(f"`{k}`" for k, t in teams.items() if not t.get("terrain_speed"))
    lines = ["## Terrain: who can work where, and how fast", "",
             "Each team's rate is for open ground; terrain multiplies it. **0 means the team cannot work "
             "there at all.** Columns are the terrain rules a team follows: "
             + "; ".join(f"`{c}` for {users[c]}" for c in columns)
             + (f". {free} are not slowed by terrain." if free else "."), ""]
    head = ["terrain"] + [f"`{c}`" for c in columns] + ["land use weight", "magnetic soil"]
    rows = []
    for name, t in terrain.items():
        cells = []
        for c in columns:
            value = t.get(c, 1.0)
            cells.append("cannot" if float(value) == 0 else f"x{_n(value)}")
        rows.append([f"`{name}` ({t.get('name', name)})"] + cells
                    + [_n(t.get("land_use_weight")), "yes" if t.get("magnetic_soil") else ""])
    lines += _table(head, rows)
    lines += ["The land use weight says how much released land of that terrain is worth in the score "
              "(and how much people use it); map features weigh more: "
              + ", ".join(f"{k} x{_n(v)}" for k, v in cat.get("civilians", {}).get("feature_land_use_weight",
                                                                                   {}).items()) + ".", ""]
    return lines


def _release_section(cat: dict) -> list[str]:
    teams, terrain = cat.get("teams", {}), cat.get("terrain", {})
    lines = ["## What land can be released, and how", "",
             "- **Cancelled**: suspected land a non-technical survey covered and found no evidence in "
             "(IMAS 08.10). Cancelling land with evidence is a decision error: an item left there caps the "
             "grade.",
             "- **Reduced**: suspected land a technical survey searched in lanes without a find (IMAS 08.20).",
             "- **Cleared**: land a clearance team searched cell by cell (IMAS 09.10); machine-prepared land "
             "only after a manual or dog follow-up.",
             "- Confirmed land (a CHA) can only be cleared. Quality assurance samples released land; a find "
             "sends it back.", ""]
    rows = []
    for name, t in terrain.items():
        def able(kind: str) -> bool:
            column = teams[kind].get("terrain_speed")
            return not column or float(t.get(column, 1.0)) > 0

        searchers = [k for k, tm in teams.items() if tm.get("works_on") == "technical_survey" and able(k)]
        clearers = [k for k, tm in teams.items() if tm.get("works_on") == "clearance" and able(k)
                    and not tm.get("needs_follow_up")]
        prepare = [k for k, tm in teams.items() if tm.get("needs_follow_up") and able(k)]
        rows.append([f"`{name}`", "yes, without evidence",
                     ("yes: " + ", ".join(f"`{k}`" for k in searchers)) if searchers else "**never**",
                     ("yes: " + ", ".join(f"`{k}`" for k in clearers)
                      + (f" (prepared by {', '.join(f'`{k}`' for k in prepare)})" if prepare else ""))
                     if clearers else "**never**"])
    lines += _table(["terrain", "cancelled", "reduced", "cleared"], rows)
    never = [n for n, t in terrain.items() if all(float(t.get(c, 1.0)) == 0 for c in
                                                  {tm.get("terrain_speed") for tm in teams.values()} - {None})]
    if never:
        names = ", ".join(never)
        lines += [f"No team can search {names}: such land is never reduced or cleared. Inside a suspected area "
                  "that holds items, it can be released only by cancelling land with evidence, which the game "
                  f"counts as a decision error. Draw suspected areas around {names}, not over it; `minerisk "
                  "validate` warns when an objective names such an area.", ""]
    return lines


def _detection_section(cat: dict) -> list[str]:
    teams, kinds = cat.get("teams", {}), cat.get("ordnance", {})
    lines = ["## Detection", "",
             "The chance that a team finds an item in land it searches (detection is never 1.0: an item a "
             "clearance team missed is residual risk and costs points).", ""]
    rows = []
    for k, t in teams.items():
        if "detection" in t:
            rows.append([f"`{k}`"] + [_pct(t["detection"].get(o)) for o in kinds]
                        + [_pct(t.get("detection_low_metal_magnetic_soil"))])
    low = [o for o, v in kinds.items() if v.get("metal") == "low"]
    magnetic = [n for n, v in cat.get("terrain", {}).items() if v.get("magnetic_soil")]
    lines += _table(["team"] + [f"`{o}`" for o in kinds]
                    + [f"low-metal items ({', '.join(low)}) on magnetic soil ({', '.join(magnetic)})"], rows)
    for k, t in teams.items():
        if "sensitivity" in t:
            lines.append(f"- `{k}`: finds {_pct(t['sensitivity'])} of items; {_pct(t.get('indication_precision'))} "
                         "of its indications are real.")
        if "left_dangerous" in t:
            lines.append(f"- `{k}`: leaves {_pct(t['left_dangerous'])} of items live; after an AT mine it is out "
                         f"for {_n(t.get('at_damage_days'))} days.")
    qa = cat.get("tasks", {}).get("quality_assurance", {})
    if qa:
        lines.append(f"- Quality assurance samples {_pct(qa.get('sample_share'))} of released land at "
                     f"{_usd(qa.get('cost_per_day_usd'))} a day, {_n(qa.get('rate_m2_per_day'))} m2 a day, "
                     f"detecting as `{qa.get('detection_as', 'manual')}` teams do.")
    lines += ["", "Ordnance kinds: " + "; ".join(f"`{o}` {v.get('name', o)} ({v.get('metal', '?')} metal, set off "
                                                 f"by {', '.join(v.get('triggered_by', []))})"
                                                 for o, v in kinds.items()) + ".", ""]
    return lines


#: Programmes a trainer can start a level with: (label, {team: count}).
PROGRAMMES = (
    ("a survey team and a clearance team (a first level)", {"nts": 1, "manual": 1}),
    ("survey, technical survey, two clearance teams", {"nts": 1, "technical_survey": 1, "manual": 2}),
    ("survey, two technical survey, two clearance, a dog team, a machine", {
        "nts": 1, "technical_survey": 2, "manual": 2, "dog": 1, "machine": 1}),
    ("a sector: two survey, two technical survey, five clearance, dog, machine, risk education", {
        "nts": 2, "technical_survey": 2, "manual": 5, "dog": 1, "machine": 1, "eore": 1}),
)


def _cost_section(cat: dict) -> list[str]:
    teams = cat.get("teams", {})
    lines = ["## What a programme costs", "",
             "Starting teams pay no mobilisation; every deployed team costs its daily cost every day, and the "
             "level ends on the first day the budget cannot pay them (stand teams down to save money). A hired "
             "team pays its mobilisation once. A budget for a level is about *daily cost x days*, plus hires, "
             "marking and quality assurance.", ""]
    rows = []
    for label, programme in PROGRAMMES:
        if not all(t in teams for t in programme):
            continue
        daily = sum(n * float(teams[t].get("cost_per_day_usd", 0)) for t, n in programme.items())
        rows.append([label, _usd(daily), _usd(daily * 30), _usd(daily * 120), _usd(daily * 365)])
    lines += _table(["starting teams", "a day", "30 days", "120 days", "365 days"], rows)
    per_m2 = []
    for k, t in teams.items():
        if t.get("works_on") in ("clearance", "technical_survey") and t.get("rate_m2_per_day"):
            per_m2.append(f"`{k}` {_usd(round(float(t['cost_per_day_usd']) / float(t['rate_m2_per_day']), 2))}")
    typical = cat.get("economics", {}).get("typical_cost_per_m2_cleared_usd")
    lines += ["Cost of one m2 on open ground, team cost only: " + ", ".join(per_m2)
              + (f" (typical real clearance: US${typical[0]}-{typical[1]} a m2, World Bank, Ukraine 2024)"
                 if isinstance(typical, list) and len(typical) == 2 else "") + ".", ""]
    marking = cat.get("tasks", {}).get("marking", {})
    if marking:
        lines += [f"Marking costs {_usd(marking.get('cost_per_100m_perimeter_usd'))} per 100 m of perimeter "
                  f"and cuts civilian entries to {_pct(marking.get('entry_factor'))}.", ""]
    return lines


def _score_section(cat: dict) -> list[str]:
    w = cat.get("score_weights", {})
    grades = w.get("grade_thresholds", {})
    if not grades:
        return []
    return ["## Grades", "",
            "A run's grade is its total as a share of the level's best possible total (all suspected land "
            "released, every objective met): " + ", ".join(f"{g} from {_pct(v)}" for g, v in grades.items())
            + f". No grade above {w.get('grade_cap_if_unsafe', 'C')} with a death or an item left in land "
            f"released without clearance; no grade above D when less than {_pct(w.get('grade_min_release_share'))}"
            " of the suspected land (weighted) is released. `minerisk calibrate LEVEL` shows the grades the "
            "scripted players earn on a level.", ""]


def _every_value(cat: dict, found: dict[tuple, str], changed: set[tuple]) -> list[str]:
    rows = []

    def walk(value: Any, path: tuple) -> None:
        note = found.get(path, "").replace("|", "/")
        if isinstance(value, dict):
            if note and len(path) > 1:
                rows.append([f"`{'.'.join(map(str, path))}`", _DASH, note])
            for k, v in value.items():
                walk(v, path + (k,))
        elif path and path[-1] not in ("name", "short_name", "source"):
            shown = ", ".join(_n(v) for v in value) if isinstance(value, list) else _n(value)
            if path in changed:
                shown = f"**{shown}** (this level's own)"
            rows.append([f"`{'.'.join(map(str, path))}`", shown, note])

    for section, value in cat.items():
        if section != "policies":
            walk(value, (section,))
    sources = [f"- `{'.'.join(p)}`: {cat_get(cat, p)}" for p in _source_paths(cat)]
    return (["## Every value", "",
             "Every number of the catalogue with the note beside it in `game/catalogue/defaults.yaml`; "
             "*estimate* marks a design choice with no published figure behind it. A level overrides any of "
             "them under `catalogue:` (see [level-authoring.md](level-authoring.md)).", ""]
            + _table(["key", "value", "note"], rows) + ["Sources:", ""] + sources + [""])


def _source_paths(cat: dict) -> list[tuple]:
    return [(s, k, "source") for s in ("teams", "tasks") for k, v in cat.get(s, {}).items()
            if isinstance(v, dict) and "source" in v]


def cat_get(cat: dict, path: tuple) -> Any:
    for key in path:
        cat = cat[key]
    return cat


def _changed(base: Any, other: Any, path: tuple = ()) -> set[tuple]:
    """Paths where ``other`` differs from ``base``."""
    if isinstance(base, dict) and isinstance(other, dict):
        out: set[tuple] = set()
        for k in other:
            out |= _changed(base.get(k), other[k], path + (k,))
        return out
    return set() if base == other else {path}


def markdown(cat: dict | None = None, level_title: str = "") -> str:
    """The reference page of a catalogue: the game's defaults, or (``level_title``) a level's merged
    catalogue, its own values in bold. Notes come from defaults.yaml."""
    defaults = load_defaults()
    cat = defaults if cat is None else cat
    found = notes()
    teams = cat.get("teams", {})
    if level_title:
        head = [f"# The numbers of the level “{level_title}”", "",
                "The game's catalogue with this level's overrides (in bold in the last table).", ""]
    else:
        head = ["# The catalogue: the numbers behind every level", "",
                "<!-- Generated from game/catalogue/defaults.yaml by `python -m game.catalogue.reference` "
                "(or `minerisk catalogue`); do not edit by hand. -->", "",
                "Rates, costs and probabilities the game uses unless a level overrides them (sources and "
                "reasoning: [game-model.md](game-model.md)). Areas in m2, money in US dollars, time in days. "
                "Read it to set a level's budget and days; `minerisk validate` warns when a level's numbers "
                "cannot work, and `minerisk catalogue --level LEVEL` shows a level's own numbers.", ""]
    lines = head + ["## Teams", ""]
    lines += _table(["type", "team", "works on", "rate a day (open ground)", "cost a day", "mobilisation",
                     "people", "medic"], _team_rows(cat))
    names = ", ".join(f"`{k}-1`" for k in teams)
    lines += [f"Teams are named by type and number ({names}, ...), numbered in the order of the level's "
              "`teams.start`; hired teams go on counting.", ""]
    lines += _terrain_section(cat) + _release_section(cat) + _detection_section(cat) + _cost_section(cat)
    lines += _score_section(cat) + _every_value(cat, found, _changed(defaults, cat))
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.catalogue.reference",
                                     description="Print the catalogue reference (docs/catalogue.md).")
    parser.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE differs from the reference")
    args = parser.parse_args(argv)
    text = markdown()
    if args.check is not None:
        current = args.check.read_text(encoding="utf-8") if args.check.is_file() else ""
        if current != text:
            print(f"{args.check} is out of date: python -m game.catalogue.reference > {args.check}",
                  file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
