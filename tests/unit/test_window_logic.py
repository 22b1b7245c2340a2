"""The run core's logic the window shows (no pygame): money outlook, alerts, zone states, the stand-down
preview and the run's diary (idle team-days, what was known at each release), also after a resume."""

from __future__ import annotations

from game.run.alerts import AlertWatch
from game.run.levels import resolve_level
from game.run.money import money_outlook
from game.run.session import Session
from game.run.zones import zone_states
from game.sim import Cancel, StandDown, Survey
from game.text.alerts import alert_text
from game.text.estimate import preview_lines
from game.text.zones import zone_label


def tutorial() -> Session:
    return Session.start(resolve_level("first_steps"))


def test_money_outlook_counts_every_deployed_team_busy_or_idle():
    with tutorial() as s:
        per_day, lasts = money_outlook(s.view(), s.level.catalogue)
        assert per_day == sum(t.cost_per_day_usd for t in s.view().teams if t.deployed) > 0
        assert lasts == s.view().budget_usd / per_day


def test_alerts_come_once_when_things_happen():
    with tutorial() as s:
        watch = AlertWatch(s.view(), s.level.catalogue)
        cursor = s.cursor()
        s.changes(cursor)  # day 1's events are not news to the watch
        assert s.apply(Survey(day=1, team="nts-1", area="north_pasture")).accepted
        codes = []
        for _ in range(20):
            s.step()
            codes += [a.code for a in watch.check(s.view(), s.changes(cursor).events)]
            if "survey_done" in codes:
                break
        assert codes.count("survey_done") == 1 and codes.count("team_idle") == 1  # the survey team is free again
        assert watch.check(s.view(), ()) == []  # nothing new: nothing said again


def test_alert_words_are_plain():
    from game.run.alerts import Alert

    with tutorial() as s:
        text = alert_text(Alert("team_idle", 3, {"team": "nts-1"}), s.names)
        assert text.startswith("Survey team 1 has no task")
        text = alert_text(Alert("money_low", 3, {"days": 12.4, "per_day_usd": 1300, "budget_usd": 16120}),
                          s.names)
        assert "US$16,120 left lasts 12 days at US$1,300 a day" in text


def test_zone_states_follow_what_the_player_knows():
    with tutorial() as s:
        zones = s.scenario.map.objects_of("suspected_area")
        states = zone_states(s.view(), zones)
        assert states["well_path"].code == "evidence"  # the children's report on day 1
        assert states["north_pasture"].code == "not_surveyed"
        assert zone_label(states["north_pasture"]) == "Not surveyed"
        s.apply(Survey(day=1, team="nts-1", area="north_pasture"))
        s.step()
        assert zone_states(s.view(), zones)["north_pasture"].code == "surveyed_no_evidence"
        assert s.apply(Cancel(day=2, area="north_pasture")).accepted
        assert zone_states(s.view(), zones)["north_pasture"].code == "released"


def test_stand_down_preview_says_what_it_saves_and_how_a_team_comes_back():
    with tutorial() as s:
        est = s.estimate(StandDown(day=1, team="manual-1"))
        assert est.programme_per_day_usd < est.per_day_now_usd
        assert "stand_down_final" in est.advice  # the tutorial hires risk education only
        lines = preview_lines(est, s.names, s.view().last_day)
        assert any(line.startswith("Saves US$") for line in lines)
        assert any("cannot come back" in line for line in lines)


def test_the_diary_notes_idle_days_and_what_was_known_and_survives_a_resume(tmp_path):
    with tutorial() as s:
        assert not s.apply(Cancel(day=1, area="north_pasture")).accepted  # before any survey: refused
        for _ in range(3):
            s.step()
        diary = s.diary
        assert diary.idle_team_days == 6 and diary.team_days == 6  # two teams, three idle days
        note = diary.refused_early[0]
        assert note.order == "Cancel" and note.surveyed_share == 0.0 and note.area == "north_pasture"
        assert s.apply(Survey(day=4, team="nts-1", area="north_pasture")).accepted
        s.step()
        assert s.apply(Cancel(day=5, area="north_pasture")).accepted
        assert diary.orders[-1].order == "Cancel" and diary.orders[-1].surveyed_share == 1.0
        record = s.record()
        with Session.resume(record, resolve_level("first_steps")) as again:
            assert again.diary.idle_team_days == diary.idle_team_days
            assert again.diary.orders == diary.orders and again.diary.refused_early == diary.refused_early
