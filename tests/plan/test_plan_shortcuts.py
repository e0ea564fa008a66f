"""The plan's shortcuts give the plan of the day-by-day walk: range sums (`span`), the forecast's
days taken in blocks (`block`), and rows only for some tasks (`only`)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar import ADD, WORKDAY, Calendar, Holidays
from services.plan import (
    OPEN_STATUSES,
    BlockFn,
    PersonPlan,
    PlanTask,
    SpanFn,
    _hours_ratio,
    _tenths,
    plan,
)
from services.planning import _plan_task
from services.task_create import window_too_long
from services.units import round_half_up
from tests.unit.test_plan import RandomCalendar, calendars, horizons, task_lists, todays

FAST = settings(max_examples=200, deadline=None)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _span(calendar: RandomCalendar) -> SpanFn:
    def span(emp: int, first: date, last: date) -> tuple[int, int] | None:
        caps = [calendar(emp, day) for day in _days(first, last)]
        if None in caps:
            return None
        return sum(c or 0 for c in caps), sum(1 for c in caps if c)

    return span


def _block(calendar: RandomCalendar) -> BlockFn:
    def block(emp: int, first: date, last: date) -> list[int | None]:
        return [calendar(emp, day) for day in _days(first, last)]

    return block


def _by_task(people: list[PersonPlan]) -> dict[int, object]:
    return {p.task.id: p for person in people for p in person.tasks}


@FAST
@given(task_lists(), calendars(), todays, horizons)
def test_range_sums_and_blocks_change_nothing(
    tasks: list[PlanTask], calendar: RandomCalendar, today: date, horizon: int
) -> None:
    walked = plan(tasks, calendar, today, horizon)
    summed = plan(tasks, calendar, today, horizon, span=_span(calendar))
    blocked = plan(tasks, calendar, today, horizon, span=_span(calendar), block=_block(calendar))
    assert summed == walked
    assert blocked == walked


@FAST
@given(task_lists(), calendars(), todays, horizons, st.data())
def test_rows_for_some_tasks_are_those_of_the_whole_plan(
    tasks: list[PlanTask],
    calendar: RandomCalendar,
    today: date,
    horizon: int,
    data: st.DataObject,
) -> None:
    ids = [t.id for t in tasks]
    only = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
    whole = _by_task(plan(tasks, calendar, today, horizon))
    some = plan(tasks, calendar, today, horizon, only=only)
    # Forecasts still queue every open task of the person, shown or not.
    assert _by_task(some) == {i: p for i, p in whole.items() if i in only}
    for person in some:
        assert person.tasks and all(p.task.id in only for p in person.tasks)
        assert person.open_tasks == len(person.tasks)
    # Overload counts every open task of the person, whatever the walk took and the rows shown.
    for shortcuts in ({}, {"span": _span(calendar), "block": _block(calendar)}):
        for rows in (None, only):
            for person in plan(tasks, calendar, today, horizon, only=rows, **shortcuts):  # type: ignore[arg-type]
                expected = _overload_h(tasks, calendar, person.employee_id, today)
                assert person.overload_h == expected


def _overload_h(
    tasks: list[PlanTask], calendar: RandomCalendar, emp: int, today: date
) -> Decimal | None:
    """The spec's overload, day by day: the worst of work due by a deadline (remaining minutes
    of open tasks with estimate and deadline) less the capacity from today to that deadline."""
    own = [
        t
        for t in tasks
        if t.assignee_id == emp
        and t.status in OPEN_STATUSES
        and t.estimate_min is not None
        and t.deadline is not None
    ]
    worst = 0
    for deadline in {t.deadline for t in own if t.deadline is not None}:
        due = sum(
            0 if t.status == "review" else max(0, (t.estimate_min or 0) - t.logged_min)
            for t in own
            if t.deadline is not None and t.deadline <= deadline
        )
        caps = [calendar(emp, day) for day in _days(today, deadline)]
        if None in caps:
            return None
        worst = max(worst, due - sum(c or 0 for c in caps))
    return round_half_up(Fraction(worst, 60), 2)


def test_a_calendars_days_in_a_block_are_its_days_one_by_one() -> None:
    holidays = Holidays("RU", {date(2026, 3, 10): ADD, date(2026, 5, 4): WORKDAY})
    calendar = Calendar(holidays)
    calendar.add_schedule(1, date(2026, 2, 16), (480, 480, 480, 480, 420, 0, 0))
    calendar.add_schedule(1, date(2026, 4, 1), (240, 240, 0, 240, 240, 120, 0))
    calendar.add_absence(1, date(2026, 3, 30), date(2026, 4, 3), "vacation")
    calendar.add_absence(1, date(2026, 12, 30), date(2027, 1, 12), "vacation")
    first, last = date(2026, 1, 1), date(2027, 3, 1)
    assert calendar.capacities(1, first, last) == [
        calendar.capacity(1, d) for d in _days(first, last)
    ]
    assert calendar.capacities(2, first, first) == [None]
    # The range sums kept per week give the same totals as summing the days.
    for a, b in ((date(2026, 2, 20), date(2026, 5, 20)), (date(2026, 12, 1), date(2027, 2, 1))):
        caps = calendar.capacities(1, a, b)
        assert calendar.plan_span(1, a, b) == (sum(c or 0 for c in caps), sum(1 for c in caps if c))


@given(st.integers(0, 10**7), st.integers(1, 10**5))
def test_integer_rounding_is_the_exact_half_up(minutes: int, per: int) -> None:
    assert _hours_ratio(minutes, per) == round_half_up(Fraction(minutes, per) / 60, 2)
    assert str(_hours_ratio(minutes, per)) == str(round_half_up(Fraction(minutes, per) / 60, 2))
    assert str(_tenths(minutes, per)) == str(round_half_up(Fraction(minutes, per), 1))


def _three_years_after(day: date) -> date:
    """The rule of services.task_create, written out: the same day three years on (28 February
    for 29 February)."""
    try:
        return day.replace(year=day.year + 3)
    except ValueError:
        return day.replace(year=day.year + 3, day=28)


@given(st.dates(max_value=date(9990, 1, 1)), st.integers(-10, 4 * 366))
def test_a_window_is_too_long_as_task_create_decides(start: date, length: int) -> None:
    deadline = start + timedelta(days=length)
    task = _plan_task(1, "t", "g", None, "new", None, 0, start, deadline)
    too_long = deadline > _three_years_after(start)
    assert window_too_long(start, deadline) == too_long
    assert (task.deadline is None) == too_long


def test_a_window_from_29_february_is_too_long_a_day_after_three_years() -> None:
    start = date(2024, 2, 29)
    assert _plan_task(1, "t", "g", None, "new", None, 0, start, date(2027, 2, 28)).deadline
    assert _plan_task(1, "t", "g", None, "new", None, 0, start, date(2027, 3, 1)).deadline is None
