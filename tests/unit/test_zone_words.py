"""What the map and the news say about a zone agree with each other and with the land (found by a playtest)."""

from __future__ import annotations

from game.paths import levels_dir
from game.run.session import Session
from game.run.zones import zone_states
from game.sim import Confirm, Mark
from game.text import set_language
from game.text.events import event_text
from game.text.zones import zone_label, zone_sentence, zone_tooltip


def _zones(session):
    return [o for o in session.scenario.map.objects if o.kind == "suspected_area"]


def test_a_marked_confirmed_zone_is_not_told_to_be_marked_and_the_label_adds_up_the_news():
    set_language("en")
    with Session.start(levels_dir() / "01_first_steps.yaml") as s:
        s.step()  # day 2: the farmer's report on the orchard edge
        reported = sum(int(e.params.get("pieces", 0)) for e in s.view().events
                       if e.code == "evidence" and e.params.get("zone") == "orchard_edge")
        orchard = zone_states(s.view(), _zones(s))["orchard_edge"]
        assert reported and orchard.evidence == reported
        news = [event_text(e, s.names) for e in s.view().events
                if e.code == "evidence" and e.params.get("zone") == "orchard_edge"]
        assert any(f"{reported} pieces of evidence" in t for t in news), news  # the news says how many
        assert zone_label(orchard) == f"{reported} pieces of evidence"  # the label says what it counts
        tip = zone_tooltip(orchard)  # the tooltip says the count once (it read "3 pieces of evidence. 3 pieces...")
        assert tip.count("pieces of evidence") == 1 and tip.startswith(f"{reported} pieces of evidence in or near it")
        assert s.apply(Confirm(day=s.day, area="orchard_edge")).accepted
        before = zone_states(s.view(), _zones(s))["orchard_edge"]
        assert not before.marked and "mark it" in zone_sentence(before)
        assert s.apply(Mark(day=s.day, area="orchard_edge")).accepted
        s.step()
        after = zone_states(s.view(), _zones(s))["orchard_edge"]
        assert after.code == "confirmed" and after.marked
        assert "mark it" not in zone_sentence(after) and "warning signs" in zone_sentence(after)
