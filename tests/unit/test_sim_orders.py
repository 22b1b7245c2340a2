"""Orders are accepted or rejected with a reason code (words: game.text.orders); nothing raises."""

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

from game.sim.orders import OUTCOME_CODES
from game.sim import (COMMAND_TYPES, Cancel, Clear, Confirm, Educate, EndLevel, Hire, LandStatus, Mark,
                      QualityAssurance, SetPace, Simulation, StandDown, Stop, Survey, TechnicalSurvey, from_dict,
                      to_dict)
from tests.unit.sim_fixtures import small_minefield


def _sim(**kw):
    return Simulation(small_minefield(2, **kw))


def test_machine_onto_water_is_rejected():
    with _sim() as sim:
        out = sim.apply(Clear(1, "machine-1", "pond"))
        assert not out.accepted and out.code == "terrain_unworkable"


def test_busy_team_unknown_zone_wrong_day_unknown_team():
    with _sim() as sim:
        assert sim.apply(Clear(1, "manual-1", "mined")).accepted
        assert sim.apply(Clear(1, "manual-1", "empty")).code == "team_busy"
        assert sim.apply(Clear(1, "dog-1", "nowhere")).code == "no_such_zone"
        assert sim.apply(Clear(5, "dog-1", "empty")).code == "wrong_day"
        assert sim.apply(Clear(1, "manual-7", "empty")).code == "no_such_team"
        assert sim.apply(Survey(1, "dog-1", "empty")).code == "team_cannot"


def test_no_money_and_not_hireable():
    with _sim(budget_usd=1000) as sim:
        assert sim.apply(Hire(1, "manual")).code == "hire_unaffordable"
        assert sim.apply(Hire(1, "machine")).code == "not_hireable"
        assert sim.apply(Hire(1, "wizard")).code == "unknown_team_type"


def test_cancel_and_confirm_change_status_and_cancelling_confirmed_land_is_refused():
    with _sim() as sim:
        assert sim.apply(Confirm(1, "mined")).accepted
        assert sim.apply(Cancel(1, "mined")).code == "confirmed_cannot_be_cancelled"
        refused = sim.apply(Cancel(1, "empty"))
        assert refused.code == "cancel_before_survey" and refused.params["unsurveyed_m2"] == 96 * 100
        assert sim.apply(Survey(1, "nts-1", "empty")).accepted
        sim.step()
        assert sim.apply(Cancel(2, "empty")).accepted
        status = sim.view().status
        assert (status[10:18, 14:26] == LandStatus.CANCELLED).all()
        assert (status[2:10, 2:12] == LandStatus.CONFIRMED).all()
        assert sim.apply(Cancel(2, "empty")).code == "no_suspected_land"


def test_rectangles_are_checked():
    with _sim() as sim:
        assert sim.apply(Cancel(1, (100, 100, 5, 5))).code == "rectangle_outside_map"
        assert sim.apply(Cancel(1, (1, 1, 0, 5))).code == "bad_rectangle"
        assert sim.apply(Cancel(1, (14, 10, 2, 2))).code == "cancel_before_survey"


def test_other_orders_work_through_the_day():
    with _sim() as sim:
        assert sim.apply(Survey(1, "nts-1", "Ava")).accepted
        assert sim.apply(Educate(1, "eore-1", "Nowhere")).code == "no_such_village"
        assert sim.apply(Educate(1, "eore-1", "Ava")).accepted
        assert sim.apply(Mark(1, "mined")).accepted
        assert sim.apply(TechnicalSurvey(1, "technical_survey-1", "mined")).accepted
        assert sim.apply(SetPace(1, "manual-1", "rushed")).accepted
        assert sim.apply(SetPace(1, "manual-1", "fast")).code == "bad_pace"
        assert sim.apply(Stop(1, "manual-1")).code == "no_task"
        assert sim.apply(QualityAssurance(1, "empty")).code == "nothing_to_check"
        for _ in range(5):
            sim.step()
        v = sim.view()
        still = np.isin(v.status[2:10, 2:12], [LandStatus.SUSPECTED, LandStatus.CONFIRMED])
        assert v.marked[2:10, 2:12][still].all() and not v.marked[2:10, 2:12][~still].any()
        assert v.villages[0].educated
        assert sim.apply(StandDown(6, "dog-1")).accepted
        assert sim.apply(Clear(6, "dog-1", "mined")).code == "team_stood_down"
        assert sim.apply(EndLevel(6)).accepted
        assert sim.ended and sim.apply(Cancel(6, "empty")).code == "level_ended"


def test_truth_is_hidden_until_the_level_ends():
    with _sim() as sim:
        v = sim.view()
        assert not hasattr(v, "items")
        assert not v.status.flags.writeable
        try:
            sim.truth()
        except RuntimeError:
            pass
        else:
            raise AssertionError("truth() must refuse before the debrief")
        sim.apply(EndLevel(1))
        assert len(sim.truth().items) == 10


def test_commands_round_trip_as_data():
    cmds = [Clear(3, "manual-1", (1, 2, 3, 4)), Survey(1, "nts-1", "mined"), Hire(2, "dog"), EndLevel(9)]
    for cmd in cmds:
        assert from_dict(to_dict(cmd)) == cmd
    for bad in [{"type": "Fly"}, {"type": "Clear", "day": 1}, {"type": "Clear", "day": "x", "team": "a", "area": "b"},
                {"type": "Cancel", "day": 1, "area": [1, 2]}, [], {"type": "Hire", "day": 1, "type2": 3}]:
        try:
            from_dict(bad)
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(bad)


_names = st.sampled_from(["manual-1", "dog-1", "machine-1", "nts-1", "technical_survey-1", "eore-1", "x", ""])
_areas = st.one_of(st.sampled_from(["mined", "empty", "pond", "Ava", "nope"]),
                   st.tuples(*[st.integers(-5, 40)] * 4), st.integers(), st.none(), st.text(max_size=5))
_values = st.one_of(_names, _areas, st.integers(-3, 40), st.sampled_from(["sop", "rushed", "manual", "dog"]))


@st.composite
def _command(draw):
    cls = draw(st.sampled_from(sorted(COMMAND_TYPES.values(), key=lambda c: c.__name__)))
    fields = cls.__dataclass_fields__
    kwargs = {}
    for name in fields:
        if name == "day":
            kwargs[name] = draw(st.one_of(st.integers(0, 4), st.sampled_from([True, 1.5, "1"])))
        elif name == "area":
            kwargs[name] = draw(_areas)
        elif name == "team":
            kwargs[name] = draw(st.one_of(_names, _values))
        else:
            kwargs[name] = draw(_values)
    return cls(**kwargs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_command(), st.booleans()), max_size=25))
def test_random_orders_never_raise(commands):
    with Simulation(small_minefield(1, days=6)) as sim:
        for cmd, step in commands:
            out = sim.apply(cmd)
            assert isinstance(out.accepted, bool) and out.code in OUTCOME_CODES
            assert out.code != "invalid_order", out.params
            if step:
                sim.step()
        while not sim.ended:
            sim.step()
        assert sim.truth() is not None
        assert np.isfinite(sim.view().budget_usd)
