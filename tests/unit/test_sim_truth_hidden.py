"""The hidden truth stays hidden: public events and evidence never give away a live item or whether
evidence is real (EvidenceTruth.real is for the debrief only)."""

from __future__ import annotations

import numpy as np
import pytest

from game.catalogue import load_defaults
from game.level.model import ItemField
from game.sim import Simulation
from game.sim import commands as c
from game.sim.grid import RELEASED, LandStatus
from tests.unit.sim_fixtures import EventSpec, open_grass, small_minefield

SEEDS = range(1, 13)
FAST = 1_000_000  # m2 a day: a team works the whole area on its first day

BLIND = {"detection": {k: 0.0 for k in ("ap_blast", "ap_frag", "at", "uxo")},
         "detection_low_metal_magnetic_soil": 0.0, "rate_m2_per_day": FAST}


def _catalogue(accident: float) -> dict:
    """Teams that miss every item; a miss while searching causes an accident with chance ``accident``."""
    return {"teams": {"manual": BLIND, "technical_survey": BLIND},
            "safety": {"casualties_per_item_removed": accident, "share_while_excavating": 0.0}}


def _minefield(seed: int, accident: float):
    """small_minefield with no village, so no civilian sets an item off."""
    return small_minefield(seed, villages=[], catalogue_overrides=_catalogue(accident))


def _play(sc, order, days: int = 3):
    """Give one order on day 1, play a few days, end the level; (view, truth)."""
    sim = Simulation(sc)
    try:
        assert sim.apply(order).accepted
        for _ in range(days):
            sim.step()
        view = sim.view()
        sim.apply(c.EndLevel(sim.day))
        if not sim.ended:
            sim.step()
        return view, sim.truth()
    finally:
        sim.close()


def _named_cells(events) -> list[tuple[str, int, int]]:
    return [(e.code, int(e.params["x"]), int(e.params["y"])) for e in events if "x" in e.params and "y" in e.params]


def _item_cells(truth, state: str | None = None) -> set[tuple[int, int]]:
    return {(int(r["x"]), int(r["y"])) for r, s in zip(truth.items, truth.item_states) if state in (None, s)}


ORDERS = {"clearance": lambda: c.Clear(1, "manual-1", "mined"),
          "technical_survey": lambda: c.TechnicalSurvey(1, "technical_survey-1", "mined")}


@pytest.mark.parametrize("work", sorted(ORDERS))
def test_an_accident_while_searching_sets_the_missed_item_off_and_keeps_its_cell_unreleased(work):
    accidents = 0
    for seed in SEEDS:
        view, truth = _play(_minefield(seed, 1.0), ORDERS[work]())
        public = _named_cells(view.events)
        for kind, x, y in public:  # the accident may name its place: the item there no longer exists
            assert truth.live_items[y, x] == 0, (seed, kind, x, y)
        triggered = _item_cells(truth, "triggered")
        accidents += sum(1 for kind, _, _ in public if kind == "accident")
        assert {(x, y) for kind, x, y in public if kind == "accident"} == triggered
        for x, y in triggered:
            assert view.status[y, x] == LandStatus.CONFIRMED, (seed, x, y)
        if work == "technical_survey" and triggered:  # an item went off: the task's land is not reduced
            assert not (view.status == LandStatus.REDUCED).any()
    assert accidents > 0


@pytest.mark.parametrize("work", sorted(ORDERS))
def test_a_missed_item_with_no_accident_stays_secret(work):
    missed = 0
    for seed in SEEDS[:6]:
        view, truth = _play(_minefield(seed, 0.0), ORDERS[work]())
        assert not _named_cells(view.events), seed  # nothing public points at a place
        assert "triggered" not in truth.item_states
        missed += sum(1 for e in truth.events if e.code == "missed" and e.secret)
        if work == "clearance":  # the silent miss: live items in land the player sees as cleared
            assert all(view.status[y, x] == LandStatus.CLEARED for x, y in _item_cells(truth))
    assert missed > 0


def test_with_some_accidents_no_public_event_points_to_a_live_item_in_released_land():
    for seed in SEEDS:
        view, truth = _play(_minefield(seed, 0.5), ORDERS["clearance"]())
        released = np.isin(view.status, RELEASED)
        for kind, x, y in _named_cells(view.events):
            assert not (truth.live_items[y, x] and released[y, x]), (seed, kind, x, y)
        for x, y in _item_cells(truth, "triggered"):
            assert not released[y, x], (seed, x, y)


def _survey_evidence(seed: int):
    sc = open_grass("nts", seed, days=5, item_fields=[ItemField("field", {"ap_blast": 20, "uxo": 10}, "scatter")],
                    catalogue_overrides={"survey": {"false_reports_per_km2": 100.0}})
    view, truth = _play(sc, c.Survey(1, "nts-1", "field"))
    assert len(truth.evidence_real) == len(view.evidence)
    return list(zip(view.evidence, truth.evidence_real))


def test_false_survey_evidence_comes_in_the_same_kinds_as_real_evidence():
    kinds = set(load_defaults()["survey"]["evidence_kinds"])
    real, false = set(), set()
    for seed in SEEDS[:6]:
        for ev, is_real in _survey_evidence(seed):
            (real if is_real else false).add(ev.kind)
    assert false - {"community_report"}, "false evidence is always a community report"
    assert real == false == kinds


def _reports(seed: int):
    events = [EventSpec(day=1, kind="report", zone="mined"), EventSpec(day=1, kind="report", zone="empty")]
    sc = small_minefield(seed, events=events)
    sim = Simulation(sc)  # day-1 events fire when the simulation starts
    try:
        view = sim.view()
        sim.apply(c.EndLevel(sim.day))
        if not sim.ended:
            sim.step()
        truth = sim.truth()
    finally:
        sim.close()
    pairs = [(ev, real) for ev, real in zip(view.evidence, truth.evidence_real) if ev.kind == "report"]
    return sc, pairs


def test_report_evidence_lies_near_its_item_not_on_it_and_false_reports_anywhere_in_the_zone():
    offset = int(load_defaults()["survey"]["evidence_offset_m"] // 10)  # small_minefield: 10 m cells
    on_item = near_item = 0
    false_places: set[tuple[int, int]] = set()
    centres: set[tuple[int, int]] = set()
    for seed in SEEDS:
        sc, pairs = _reports(seed)
        items = {(int(r["x"]), int(r["y"])) for r in sc.items}
        empty = sc.map.object_named("empty")
        centres.add(tuple(empty.centre_cell))
        for ev, real in pairs:
            if real:
                near = min(max(abs(ev.x - x), abs(ev.y - y)) for x, y in items)
                assert near <= offset, (seed, ev)
                on_item += (ev.x, ev.y) in items
                near_item += (ev.x, ev.y) not in items
            else:
                assert empty.mask[ev.y, ev.x], (seed, ev)  # a false report lies in its zone
                false_places.add((ev.x, ev.y))
    assert near_item > 0, "report evidence always sits on an item's cell"
    assert len(false_places) > 1 and not false_places <= centres, "false reports sit on the zone's centre"
