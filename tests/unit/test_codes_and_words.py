"""The simulation speaks in codes; game.text words them. A translation never changes a run."""

from __future__ import annotations

import gettext
import json
import inspect
import re
from pathlib import Path

import numpy as np
import pytest

import game.text as text
from game.run.players import play_level, play_scenario
from game.run.session import Session
from game.sim.events import EVENT_CODES
from game.sim.orders import OUTCOME_CODES
from game.text.events import event_text
from game.text.names import Names
from game.text.orders import outcome_text
from tests.unit.sim_fixtures import valley_scenario

ROOT = Path(__file__).resolve().parents[2]


class Pseudo(gettext.NullTranslations):
    """A test language: every text wrapped in ⟦...⟧, so a sentence that bypassed the catalogue shows."""

    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"


@pytest.fixture
def pseudo(monkeypatch):
    monkeypatch.setattr(text, "_translation", Pseudo())
    yield
    text.set_language("en")


def test_no_english_leaves_the_simulation():
    """Events and outcomes carry codes and parameters (ids, numbers, flags), never sentences."""
    import game.sim as sim_package

    for path in Path(sim_package.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for call in re.finditer(r"log\.add\(([^)]*)\)", source):
            args = call.group(1).replace('f"{task.kind}_done"', "CODE")  # the one built code: <task kind>_done
            assert not re.search(r"f\"|f'", args), f"{path.name}: a sentence in an event: {call.group(0)}"
        assert "Rejected(f" not in source and 'Outcome(False, f"' not in source, path.name


def test_every_code_emitted_has_words_and_a_declared_shape(pseudo):
    with play_scenario(valley_scenario(3), "land_release") as session:
        events = session.all_events()
        names = session.names
        for e in events:
            assert e.code in EVENT_CODES, e.code
            assert set(e.params) <= set(EVENT_CODES[e.code]), (e.code, e.params)
            words = event_text(e, names, lambda i: "⟦level text⟧")
            assert words.startswith("⟦") and "{" not in words, (e.code, words)
        codes = {c.outcome.code for c in session.record().commands}
    for code in OUTCOME_CODES:
        words = outcome_text(code, {}, names)
        assert "{" not in words and (words == "" or "⟦" in words), code
    assert codes <= set(OUTCOME_CODES)


def test_the_digest_is_the_same_in_every_language(pseudo):
    level = ROOT / "levels" / "02_cancel_or_clear.yaml"
    with play_level(level, "land_release", seed=5) as session:
        pseudo_digest, pseudo_commands = session.event_digest, json.loads(session.record().to_json())["commands"]
    for code in text.LANGUAGES:
        text.set_language(code)
        with play_level(level, "land_release", seed=5) as session:
            assert session.event_digest == pseudo_digest, code
            assert json.loads(session.record().to_json())["commands"] == pseudo_commands, code


def test_every_language_words_every_event_outcome_and_score_card():
    """Each event, order answer and the score card of a run, in every language: words with no placeholder
    left, no error (a translation that breaks a format would raise here)."""
    from game.text.score import format_card

    with play_scenario(valley_scenario(3), "land_release") as session:
        events, names, card = session.all_events(), session.names, session.score()
        level = session.scenario.level
        samples = {code: {"team": "manual-1", "area": "north_field", "zone": "north_field", "cells": 3,
                          "villages": ["a", "b"], "hireable": ["dog", "eore"], "cost_usd": 1234.0, "m2": 50000.0}
                   for code in OUTCOME_CODES}
        try:
            for code in [*text.LANGUAGES, text.PSEUDO]:
                text.set_language(code)
                for e in events:
                    words = event_text(e, names, lambda i: "level text")
                    assert words and "{" not in words, (code, e.code, words)
                for outcome, params in samples.items():
                    assert "{" not in outcome_text(outcome, params, names), (code, outcome)
                assert "{" not in format_card(card, level, names), code
        finally:
            text.set_language("en")


def test_display_names_never_show_internal_ids():
    with Session.start(ROOT / "levels" / "01_first_steps.yaml") as session:
        n = session.names
        assert n.team("manual-1") == "Clearance team 1" and n.team("nts-1") == "Survey team 1"
        assert n.zone("north_pasture") == "North pasture"
        assert n.item("ap_blast") == "anti-personnel blast mine" and n.item("at").startswith("anti-vehicle")
        zone = session.scenario.map.object_named("north_pasture")
        ys, xs = np.nonzero(zone.mask)
        assert n.area((int(xs.min()), int(ys.min()), 2, 2)) == "part of North pasture"
        assert "column" in n.area((0, 0, 1, 1)) or "part of" in n.area((0, 0, 1, 1))


def test_a_scripted_player_is_told_the_briefing_only():
    from game.policies import POLICIES, make_policy
    from game.sim.briefing import Briefing

    with Session.start(ROOT / "levels" / "03_technical_survey.yaml") as session:
        briefing = session.briefing
        assert not briefing.level.item_fields and not briefing.level.placed_items and not briefing.level.events
        assert briefing.level.seed == 0 and not briefing.level.path.is_absolute()
        for name in POLICIES:
            player = make_policy(name, briefing)
            reachable = _reachable(player)
            hidden = (session.scenario, session.scenario.items, session.scenario.clutter, session.scenario.level)
            assert not any(obj is h for obj in reachable for h in hidden), name
        with pytest.raises(TypeError):
            POLICIES["idle"](session.scenario)
        assert isinstance(briefing, Briefing)


def _reachable(root, limit: int = 20000) -> list:
    """Every object reachable from ``root`` through attributes, containers and slots."""
    seen, out, stack = set(), [], [root]
    while stack and len(out) < limit:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float, bool, type(None))) or inspect.ismodule(obj):
            continue
        seen.add(id(obj))
        out.append(obj)
        if isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        elif isinstance(obj, np.ndarray):
            continue
        else:
            for name in list(getattr(obj, "__dict__", {})) + list(getattr(type(obj), "__slots__", ())):
                try:
                    stack.append(getattr(obj, name))
                except AttributeError:
                    pass
    return out


def test_changes_give_exactly_what_changed(tmp_path):
    """A client that keeps its own copy of the public layers and patches only the changed cells stays
    equal to the simulation, day after day."""
    from game.policies import make_policy

    with Session.of_scenario(valley_scenario(2)) as session:
        cursor = session.cursor()
        first = session.changes(cursor)
        assert first.full and first.events
        layers = ("status", "marked", "surveyed", "prepared", "indication", "verified")
        copy = {k: np.array(getattr(session.view(), k)) for k in layers}
        player = make_policy("land_release", session.briefing)
        events = list(first.events)
        while not session.ended:
            for command in player.decide(session.view()):
                session.apply(command)
            session.step()
            changes = session.changes(cursor)
            events += changes.events
            view = session.view()
            for k in layers:
                flat = copy[k].reshape(-1)
                flat[changes.cells] = np.asarray(getattr(view, k)).reshape(-1)[changes.cells]
                assert (copy[k] == getattr(view, k)).all(), (k, session.day)
        assert events == list(session.view().events)


def test_teams_are_counted_with_real_plurals():
    from game.catalogue import load_defaults
    from game.text.names import Names

    names = Names([], load_defaults())
    assert names.team_count("manual", 1) == "1 clearance team"
    assert names.team_count("manual", 3) == "3 clearance teams"
    assert names.team_count("nts", 2) == "2 survey teams"
    assert names.team_count("mapping", 2) == "Mapping: 2"  # a level's own kind of team, not known to the game


def test_no_sentence_about_an_item_nests_brackets():
    """Item names carry their short form in brackets ("anti-vehicle (AT) mine"): a sentence must not put
    the name inside brackets of its own (the finds alert read "found an item (anti-vehicle (AT) mine)")."""
    from types import SimpleNamespace

    from game.sim.events import Event
    from game.text.alerts import alert_text

    with play_scenario(valley_scenario(3), "idle") as session:
        names = session.names
    kinds = ("ap_blast", "ap_frag", "at", "uxo")
    try:
        for lang in ("en", "fr", "es", "uk", "az", "ar", "km"):
            text.set_language(lang)
            for kind in kinds:
                said = [alert_text(SimpleNamespace(code="find", params={"team": "manual-1", "item_kind": kind}), names)]
                for method in ("manual", "technical_survey", "machine", "quality_assurance"):
                    said.append(event_text(Event(3, "find", {"team": "manual-1", "item_kind": kind,
                                                             "method": method}), names))
                said.append(event_text(Event(3, "missed", {"team": "manual-1", "item_kind": kind}), names))
                for words in said:
                    depth = 0
                    for ch in words:
                        depth += {"(": 1, ")": -1}.get(ch, 0)
                        assert depth <= 1, (lang, words)
    finally:
        text.set_language("en")
