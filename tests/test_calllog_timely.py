"""Timely-service figures and lost profit, each checked against hand computation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qcdesk.domain.calllog.profit import ProfitInputs, lost_profit
from qcdesk.domain.calllog.timely import CallFact, p90, service_figures
from qcdesk.domain.production_calendar import production_calendar
from qcdesk.domain.working_hours import WorkingHours

HOURS = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "19:00"}
L1, L2 = "+74951234567", "+74957654321"


def _hours(calendar: bool = True) -> WorkingHours:
    wh = WorkingHours.from_json(HOURS, "Europe/Moscow")
    if not calendar:
        return wh
    return WorkingHours(
        wh.days, wh.start, wh.end, wh.tz, calendar=production_calendar("RU", [2025, 2026])
    )


def _c(i, when, direction, customer, disposition, wait=None, who=None, line=None):  # type: ignore[no-untyped-def]
    return CallFact(
        i, datetime.fromisoformat(when), direction, customer, disposition, wait, who, line
    )


# November 2026: Mon 2, Tue 3, Wed 4 (Unity Day, a public holiday), Thu 5, Fri 6.
CALLS = [
    _c(1, "2026-11-02 10:00", "incoming", "+79161234567", "answered", 14, "Анна", L1),
    _c(2, "2026-11-02 12:00", "incoming", "+79035550011", "no_answer", 45, None, L1),
    _c(3, "2026-11-02 12:10", "outgoing", "+79035550011", "answered", 8, "Пётр"),
    # Missed at 18:59 on Tuesday, returned 9:05 on Thursday: 1 + 5 working minutes.
    _c(4, "2026-11-03 18:59", "incoming", "+74957770033", "no_answer", 30, None, L1),
    _c(5, "2026-11-05 09:05", "outgoing", "+74957770033", "answered", 10, "Анна"),
    # Busy, but the customer got through half an hour later: not lost, no callback.
    _c(6, "2026-11-02 15:00", "incoming", "+79264440022", "busy", 2, None, L2),
    _c(7, "2026-11-02 15:30", "incoming", "+79264440022", "answered", 20, "Анна", L2),
    # Called back after an hour (an unanswered attempt still is the callback).
    _c(8, "2026-11-06 17:00", "incoming", "+79990001122", "no_answer", 40, None, L2),
    _c(9, "2026-11-06 18:00", "outgoing", "+79990001122", "no_answer", 30, "Пётр"),
    # Nobody ever called back and the customer never got through: lost for good.
    _c(10, "2026-11-06 18:30", "incoming", "+79888000111", "failed", 5, None, L1),
    _c(11, "2026-11-06 11:00", "internal", "202", "answered", 3, "Анна"),
]
START, END = datetime(2026, 11, 2), datetime(2026, 11, 9)


def test_totals_by_hand() -> None:
    f = service_figures(CALLS, START, END, _hours()).total
    assert (f.calls, f.incoming, f.outgoing, f.answered_incoming) == (10, 7, 3, 2)
    assert f.missed_calls == 5  # calls 2, 4, 6, 8, 10
    assert (f.called_back, f.called_back_in_time) == (3, 2)  # 10, 6 and 60 minutes
    assert f.callback_rate == pytest.approx(2 / 5)
    assert f.callback_delay_median_min == pytest.approx(10)
    assert f.callback_delay_p90_min == pytest.approx(60)  # ceil(0.9 * 3) = the 3rd
    assert f.lost_for_good == 1  # call 10
    assert f.answer_time_median_s == pytest.approx(17)  # (14 + 20) / 2
    assert f.answer_time_p90_s == pytest.approx(20)


def test_missed_at_1859_returned_at_905_next_working_day() -> None:
    outcome = next(
        o for o in service_figures(CALLS, START, END, _hours()).outcomes if o.call.id == 4
    )
    assert outcome.callback is not None and outcome.callback.id == 5
    assert outcome.delay_minutes == pytest.approx(6) and outcome.in_time
    # Without the production calendar Wednesday 4 November counts: 1 + 600 + 5 minutes.
    plain = service_figures(CALLS, START, END, _hours(calendar=False))
    assert next(o for o in plain.outcomes if o.call.id == 4).delay_minutes == pytest.approx(606)
    # Without working hours at all: the wall clock, 38 h 6 min.
    wall = service_figures(CALLS, START, END, None)
    assert next(o for o in wall.outcomes if o.call.id == 4).delay_minutes == pytest.approx(2286)


def test_moved_working_saturday_and_moved_day_off() -> None:
    """2025: Saturday 1 November was worked, Monday 3 November was the day off it bought."""
    hours = _hours()
    tz = hours.tz
    a = datetime(2025, 10, 31, 18, 59, tzinfo=tz)  # Friday
    b = datetime(2025, 11, 5, 9, 5, tzinfo=tz)  # Wednesday; 4 November is Unity Day
    assert hours.working_seconds(a, b) / 60 == pytest.approx(1 + 600 + 5)
    assert _hours(calendar=False).working_seconds(a, b) / 60 == pytest.approx(1 + 600 * 2 + 5)
    assert hours.working_seconds(a.astimezone(UTC), b) == hours.working_seconds(a, b)


def test_per_consultant_line_hour_and_heat_map() -> None:
    s = service_figures(CALLS, START, END, _hours())
    anna, petr = s.by_consultant["Анна"], s.by_consultant["Пётр"]
    assert (anna.calls, anna.answered_incoming, anna.outgoing) == (3, 2, 1)
    assert (anna.missed_calls, anna.called_back_in_time, anna.callback_delay_median_min) == (
        1,
        1,
        6,
    )
    assert (petr.calls, petr.missed_calls, petr.called_back_in_time) == (2, 2, 1)
    assert petr.callback_delay_median_min == pytest.approx(35)  # (10 + 60) / 2
    assert s.by_line[L1].missed_calls == 3 and s.by_line[L1].callback_rate == pytest.approx(2 / 3)
    assert s.by_line[L2].missed_calls == 2 and s.by_line[L2].callback_rate == 0
    assert s.by_hour[18].missed_calls == 2 and s.by_hour[10].missed_calls == 0
    grid = s.missed_heatmap
    assert (grid[0][12], grid[1][18], grid[0][15], grid[4][17], grid[4][18]) == (1, 1, 1, 1, 1)
    assert sum(map(sum, grid)) == 5


def test_the_period_bounds_missed_calls_but_callbacks_may_follow_it() -> None:
    s = service_figures(CALLS, datetime(2026, 11, 3), datetime(2026, 11, 4), _hours())
    assert s.total.missed_calls == 1 and s.total.called_back_in_time == 1


def test_lost_profit_three_scenarios_by_hand() -> None:
    outcomes = service_figures(CALLS, START, END, _hours()).outcomes
    inputs = ProfitInputs.from_json(None)
    lost = lost_profit(outcomes, inputs)
    assert lost.leads == 3  # calls 6, 8 and 10: not called back in time
    assert lost.scenarios["conservative"] == pytest.approx(3 * 0.5 * 0.3 * 0.1 * 20_000)
    assert lost.scenarios["expected"] == pytest.approx(3 * 0.7 * 0.5 * 0.2 * 40_000)
    assert lost.scenarios["optimistic"] == pytest.approx(3 * 0.9 * 0.7 * 0.3 * 60_000)
    assert lost.as_json()["inputs"]["confirmed"] is False  # type: ignore[index]


def test_repeat_callers_and_non_sales_numbers_are_not_leads() -> None:
    again = _c(12, "2026-11-06 18:40", "incoming", "+79888000111", "no_answer", 5, None, L1)
    outcomes = service_figures([*CALLS, again], START, END, _hours()).outcomes
    inputs = ProfitInputs.from_json(
        {"non_sales": ["+79990001122"], "average_deal": [1000, 2000, 3000], "confirmed": True}
    )
    lost = lost_profit(outcomes, inputs)
    assert lost.leads == 2  # +79264440022 and +79888000111 (twice on one day: once)
    assert lost.scenarios["expected"] == pytest.approx(2 * 0.7 * 0.5 * 0.2 * 2000)


def test_bad_profit_inputs_fall_back_to_defaults() -> None:
    inputs = ProfitInputs.from_json({"conversion": [0.3, 0.2, 0.1], "lead_share": "x"})
    assert inputs.ranges["conversion"] == (0.1, 0.2, 0.3)
    assert inputs.ranges["lead_share"] == (0.5, 0.7, 0.9)


def test_p90_nearest_rank() -> None:
    assert p90(list(range(1, 11))) == 9
    assert p90([5.0]) == 5 and p90([]) is None


def test_no_next_step_line_by_hand() -> None:
    from qcdesk.domain.calllog.profit import next_step_loss

    inputs = ProfitInputs.from_json(None)
    loss = next_step_loss(8, (25, 15), (20, 5), inputs)
    assert loss is not None
    gap = 15 / 25 - 5 / 20  # 0.35
    assert loss.scenarios["expected"] == pytest.approx(8 * gap * 40_000)
    assert loss.scenarios["conservative"] == pytest.approx(8 * gap * 20_000)
    assert loss.scenarios["optimistic"] == pytest.approx(8 * gap * 60_000)
    assert next_step_loss(8, (25, 15), (19, 5), inputs) is None  # too few to measure
    assert next_step_loss(8, (25, 5), (20, 5), inputs) is None  # a next step does not help
