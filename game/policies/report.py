"""Tournament results as markdown: one table per level, and the shortcuts that pay.

Used by ``tools/redteam.py``; any command that runs
:func:`~game.policies.runner.run_tournament` can print the same table.
"""

from __future__ import annotations

from .runner import PolicyStats

REFERENCE = "land_release"


def grade_counts(stats: PolicyStats) -> str:
    """``A4 B3 C3`` (grades never earned left out)."""
    return " ".join(f"{g}{n}" for g, n in stats.grades.items())


def markdown_table(stats: dict[str, PolicyStats], reference: str = REFERENCE) -> str:
    """One row per policy: mean and spread of the score, grades, what was left in the ground, the cost.

    With ``reference`` among the policies, two more columns compare each
    policy with it: the difference of the means, and on how many seeds the
    policy scored higher.
    """
    ref = stats.get(reference)
    head = ["policy", "mean score", "stdev", "grades", "items left in released land", "live items at end",
            "casualties (civ/dem)", "released m2", "spent US$"]
    if ref is not None:
        head += [f"vs {reference}", "seeds above"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in stats.items():
        cells = [name, f"{s.mean_total:,.0f}", f"{s.stdev_total:,.0f}", grade_counts(s),
                 f"{s.mean(lambda r: r.items_left_in_released_land):.1f}",
                 f"{s.mean(lambda r: r.items_left['total']):.1f}",
                 f"{s.mean(lambda r: sum(r.civilians.values())):.1f}/{s.mean(lambda r: sum(r.deminers.values())):.1f}",
                 f"{s.mean(lambda r: r.released_m2['total']):,.0f}", f"{s.mean(lambda r: r.spent_usd):,.0f}"]
        if ref is not None:
            above = sum(a.total > b.total for a, b in zip(s.runs, ref.runs))
            cells += ["" if name == reference else f"{s.mean_total - ref.mean_total:+,.0f}",
                      "" if name == reference else f"{above}/{len(s.runs)}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def shortcuts_that_pay(stats: dict[str, PolicyStats], shortcuts, reference: str = REFERENCE) -> list[str]:
    """Plain sentences, one per shortcut that matches or beats the reference's mean or earns A or B."""
    from . import cut_something

    ref = stats[reference]
    out = []
    for name in shortcuts:
        s = stats.get(name)
        if s is None:
            continue
        # seeds where it cut something: another result than the reference's, and (for a player that can tell)
        # its shortcut taken
        taken = [r for r, r0 in zip(s.runs, ref.runs) if cut_something(name, r, r0)]
        why = []
        if s.mean_total >= ref.mean_total:
            why.append(f"mean {s.mean_total:,.0f} vs {ref.mean_total:,.0f} ({s.mean_total - ref.mean_total:+,.0f})")
        good = [r for r in taken if r.grade in ("A", "B")]
        if good:
            why.append(f"A or B on {len(good)}/{len(taken)} seeds where it cut something ({grade_counts(s)} "
                       f"over all {len(s.runs)})")
        if why and not taken:
            why.append("but it cut nothing on any seed: it played as the reference does")
        if why:
            out.append(f"{name}: " + "; ".join(why))
    return out
