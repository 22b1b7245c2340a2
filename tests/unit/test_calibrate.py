"""``minerisk calibrate``: the scripted players over many seeds, the verdicts when a level does not
teach, the page with the distributions, and the small SVG charts it draws with."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.calibrate import PlayerResult, calibrate, format_text, verdicts
from game.calibrate_report import html_page
from game.cli import main
from game.level.scaffold import new_level
from game.policies.runner import RunSummary
from game.svgcharts import _ticks, dot_strips, stacked_bars


def run(policy: str, seed: int, total: float, grade: str, objectives=(True, False), best: float = 10_000) -> RunSummary:
    return RunSummary(policy=policy, seed=seed, total=total, best_possible=best, grade=grade,
                      released_m2={"total": 1.0}, items_left={"total": 0}, items_left_in_released_land=0,
                      items_found=0, civilians={"injured": 0, "killed": 0}, deminers={"injured": 0, "killed": 0},
                      spent_usd=1000.0, days_played=30, end_reason="last_day",
                      objectives=tuple(("release_zone", m) for m in objectives), orders=1, rejected_orders=0)


def player(policy: str, totals: list[float], grades: str, objectives=(True, False)) -> PlayerResult:
    return PlayerResult(policy, tuple(run(policy, s, t, g, objectives) for s, (t, g) in enumerate(zip(totals, grades), 1)))


OBJECTIVES = ("Return the field by day 50.", "Keep people safe.")


def codes(found) -> list[str]:
    return [v.code for v in found]


def test_a_level_that_teaches_has_no_verdict():
    players = [player("land_release", [7000, 7100, 6900], "AAA", (True, True)),
               player("idle", [0, 0, 0], "FFF", (False, False)),
               player("reckless", [-8000, -8100, -7900], "FFF", (False, True))]
    assert verdicts(players, OBJECTIVES) == []


def test_a_shortcut_that_pays_and_scores_as_well():
    players = [player("land_release", [7000, 7100, 6900], "AAA", (True, True)),
               player("last_day_cancel", [7300, 7200, 7400], "AAB"), player("idle", [0, 0, 0], "FFF", (False, False))]
    found = verdicts(players, OBJECTIVES)
    assert codes(found) == ["not_clearly_best", "shortcut_pays"]
    assert "last_day_cancel (7,300) scores as much or more" in found[0].message
    assert found[1].message.startswith("last_day_cancel earns an A or a B in 3 of 3 runs (Land release, then on")


def test_a_shortcut_that_pays_says_what_in_the_level_to_change():
    # the auditor's skip_survey A said only "the rule or the level ... is wrong": nothing a trainer can change
    imas = player("land_release", [7000, 7100, 6900], "AAA", (True, True))
    skip = player("skip_survey", [6000, 6100, 5900], "ABB", (True, True))
    found = [v for v in verdicts([imas, skip], OBJECTIVES, days=60, budget_usd=150_000) if v.code == "shortcut_pays"]
    assert "hide items (an `ordnance.fields` entry) in a suspected area that no `report` event names" in found[0].hint
    assert "`release_zone` objective" in found[0].hint and "the rule or the level" not in found[0].hint
    # a player that clears everything in time: the days and money it used, and what to tighten
    clear = player("clear_all", [6000, 6100, 5900], "ABB")
    hint = next(v.hint for v in verdicts([imas, clear], OBJECTIVES, days=60, budget_usd=150_000)
                if v.code == "shortcut_pays")
    assert hint == ("clearing everything fitted in the level; it used 30 of the 60 days and US$1,000 of the "
                    "US$150,000 budget: fewer `days` or a smaller `budget_usd` make the way of working matter")
    # live items left in land it released and still an A: the score rule, not the level
    leaky = PlayerResult("dogs_only", tuple(r.__class__(**{**{f: getattr(r, f) for f in r.__slots__},
                                                           "items_left_in_released_land": 2}) for r in skip.runs))
    hint = next(v.hint for v in verdicts([imas, leaky], OBJECTIVES) if v.code == "shortcut_pays")
    assert hint.startswith("it released land still holding 2.0 live items on average and kept the grade: that "
                           "is the score rule, not your level")


def test_a_player_too_close_to_tell_apart_over_few_seeds():
    players = [player("land_release", [9000, 5000], "AC"), player("clear_all", [6000, 5500], "CC"),
               player("idle", [0, 0], "FF")]
    found = verdicts(players, OBJECTIVES)
    assert "clear_all (5,750) cannot be told apart from it over 2 seeds" in found[0].message
    assert "more --runs" in found[0].hint


def test_a_player_that_played_exactly_as_land_release_is_not_judged():
    imas = player("land_release", [7000, 7100], "AA", (True, True))
    twin = PlayerResult("ts_until_clean", tuple(RunSummary(**{**{f: getattr(r, f) for f in RunSummary.__slots__},
                                                              "policy": "ts_until_clean"}) for r in imas.runs))
    assert verdicts([imas, twin, player("idle", [0, 0], "FF", (False, False))], OBJECTIVES) == []


def test_probes_and_the_file_reader_are_judged_by_what_they_are():
    """A probe plays the IMAS way or more (an A is no finding, a mean clearly above is); file_reader skips
    nothing (an A is no finding, a mean that reaches land_release's says the file tells too much)."""
    imas = player("land_release", [7000, 7100, 6900, 7000], "AAAA", (True, True))
    idle = player("idle", [0, 0, 0, 0], "FFFF", (False, False))
    close_probe = player("qa_spam", [6900, 7150, 6800, 7000], "AAAA", (True, True))
    weaker_reader = player("file_reader", [6000, 6200, 6100, 6000], "ABBA", (True, True))
    assert verdicts([imas, idle, close_probe, weaker_reader], OBJECTIVES) == []
    better_probe = player("lane_dodge", [7600, 7700, 7650, 7600], "AAAA", (True, True))
    found = verdicts([imas, idle, better_probe], OBJECTIVES)
    assert codes(found) == ["not_clearly_best"] and "lane_dodge (7,638)" in found[0].message
    reader = player("file_reader", [7100, 7200, 7000, 7050], "AAAA", (True, True))
    found = verdicts([imas, idle, reader], OBJECTIVES)
    assert codes(found) == ["file_tells"]
    assert "zone: [a, b, c]" in found[0].hint


def test_a_shortcut_counts_its_a_only_where_it_cut_something():
    """On a seed where a shortcut player came to land_release's very result, its shortcut never applied."""
    imas = player("land_release", [7000, 7100, 6900], "AAA", (True, True))
    same = RunSummary(**{**{f: getattr(imas.runs[0], f) for f in RunSummary.__slots__}, "policy": "thin_buffer"})
    thin = PlayerResult("thin_buffer", (same, run("thin_buffer", 2, 5000, "C", (True, True)),
                                        run("thin_buffer", 3, 4800, "C", (True, True))))
    assert "shortcut_pays" not in codes(verdicts([imas, thin, player("idle", [0] * 3, "FFF", (False, False))],
                                                 OBJECTIVES))
    cheat = PlayerResult("thin_buffer", (run("thin_buffer", 1, 6000, "B", (True, True)),) + thin.runs[1:])
    found = verdicts([imas, cheat, player("idle", [0] * 3, "FFF", (False, False))], OBJECTIVES)
    assert [v.message for v in found if v.code == "shortcut_pays"][0].startswith("thin_buffer earns an A or a B in 1 of 3")


def test_a_shortcut_is_compared_on_the_seeds_where_it_cut_something():
    """As piecemeal_cancel on technical_survey: the same result as land_release on most seeds and a C where it
    cut; its mean over all seeds came within 5% of land_release's, and calibrate said the level did not teach."""
    imas = player("land_release", [8400, 8300, 8500, 8350, 8450, 8400, 8300, 8500], "AAAAAAAA", (True, True))
    twin = [RunSummary(**{**{f: getattr(r, f) for f in RunSummary.__slots__}, "policy": "thin_buffer"})
            for r in imas.runs[:6]]
    idle = player("idle", [0] * 8, "FFFFFFFF", (False, False))
    losing = PlayerResult("thin_buffer", tuple(twin) + (run("thin_buffer", 7, 5000, "C", (True, True)),
                                                             run("thin_buffer", 8, 5200, "C", (True, True))))
    assert verdicts([imas, losing, idle], OBJECTIVES) == []
    close = PlayerResult("thin_buffer", tuple(twin) + (run("thin_buffer", 7, 8250, "C", (True, True)),
                                                            run("thin_buffer", 8, 8450, "C", (True, True))))
    found = verdicts([imas, close, idle], OBJECTIVES)
    assert codes(found)[0] == "not_clearly_best"
    assert "thin_buffer (8,350 on the 2 seeds where it cut something)" in found[0].message


def test_the_file_reader_is_not_judged_where_the_file_tells_no_more_than_the_news():
    imas = player("land_release", [9889, 9889, 9889], "AAA", (True, True))
    reader = player("file_reader", [9890, 9890, 9890], "AAA", (True, True))
    idle = player("idle", [0] * 3, "FFF", (False, False))
    assert codes(verdicts([imas, reader, idle], OBJECTIVES)) == ["file_tells"]
    assert verdicts([imas, reader, idle], OBJECTIVES, file_tells_more=False) == []


def test_grades_spread_and_objectives_never_or_always_met():
    players = [player("land_release", [8000, 2000, 7000], "ADA", (False, True)),
               player("idle", [0, 0, 0], "FFF", (False, True))]
    found = verdicts(players, OBJECTIVES)
    assert codes(found) == ["grades_spread", "objective_never_met", "objective_always_met"]
    assert "range from A to D" in found[0].message
    assert "“Return the field by day 50.”" in found[1].message
    assert "even the one that does nothing" in found[2].message


@pytest.fixture(scope="module")
def tiny_level(tmp_path_factory) -> Path:
    return new_level("tiny", tmp_path_factory.mktemp("levels"))


def test_calibrate_a_level_and_draw_it(tiny_level):
    cal = calibrate(tiny_level, ["land_release", "idle", "reckless"], runs=2, jobs=1)
    assert [p.policy for p in cal.players] == ["land_release", "idle", "reckless"] and cal.seeds == (1, 2)
    imas = cal.player("land_release")
    assert imas.n == 2 and imas.mean_total > cal.player("idle").mean_total > cal.player("reckless").mean_total
    data = json.loads(json.dumps(cal.to_dict()))
    assert data["runs"] == 6 and data["players"][0]["grades"]["A"] + data["players"][0]["grades"]["B"] == 2
    assert set(data["players"][0]) >= {"mean_total", "stdev_total", "objectives_met", "mean_days", "mean_spent_usd",
                                       "mean_casualties", "mean_expected_harm"}
    text = format_text(cal)
    assert "land_release" in text and "exp. harm" in text and "The level teaches" in text
    page = html_page(cal)
    # self-contained: no scripts, styles or fonts fetched from anywhere
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"] * page.count("<svg")
    assert page.count("<svg") == 2 and "Calibration: Tiny" in page
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        ET.fromstring(svg)  # well-formed


def test_the_command(tiny_level, tmp_path, capsys):
    html = tmp_path / "cal.html"
    code = main(["calibrate", str(tiny_level), "--runs", "2", "--jobs", "1", "--policies", "land_release,idle",
                 "--json", "--html", str(html)])
    out, err = capsys.readouterr()
    assert out.startswith("{"), (code, out, err)
    data = json.loads(out)
    assert code == (3 if data["verdicts"] else 0)
    assert [p["policy"] for p in data["players"]] == ["land_release", "idle"]
    assert "calibrate tiny: 4/4 runs" in err and html.read_text().startswith("<!DOCTYPE html>")
    assert main(["calibrate", str(tiny_level), "--policies", "cheat"]) == 2
    assert "unknown player cheat" in capsys.readouterr().err
    assert main(["calibrate", str(tmp_path / "none.yaml")]) == 1


def test_svg_charts_are_well_formed_and_labelled():
    bars = stacked_bars([("land_release", [(3, "#1a9850", "A 3"), (1, "#91cf60", "B 1")]),
                         ("idle <&>", [(4, "#d73027", "F 4")])], title="Grades")
    root = ET.fromstring(bars)
    assert root.get("aria-label") == "Grades" and "idle &lt;&amp;&gt;" in bars
    strips = dot_strips([("a", [10, 20, 30]), ("b", [])], title="Scores", lo=0, hi=100, marks=[(60, "A 60%")],
                        axis_label="score", colours=[["#000"] * 3, []])
    ET.fromstring(strips)
    assert strips.count("<circle") == 3 and "mean 20" in strips and "A 60%" in strips
    assert _ticks(0, 100) == [0, 20, 40, 60, 80, 100] and _ticks(-10836, 7547) == [-10000, -5000, 0, 5000]


def test_every_shortcut_has_a_level_fix():
    from game.calibrate import _FAMILY
    from game.policies import SHORTCUTS, TEACHING

    assert sorted(p for p in (*SHORTCUTS, *TEACHING) if p not in _FAMILY) == []
