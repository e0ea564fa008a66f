"""The range sums of the calendar (O(weeks + special days)) equal the day-by-day sums."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar import Calendar, Holidays
from services.plan import PlanTask, plan

FIRST = date(2023, 10, 1)
LAST = date(2027, 3, 31)
KINDS = ("add", "remove", "short", "workday")

days = st.dates(min_value=FIRST, max_value=LAST)
weeks = st.tuples(*[st.sampled_from((0, 30, 240, 480, 600))] * 7)


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    overrides = draw(st.dictionaries(days, st.sampled_from(KINDS), max_size=6))
    cal = Calendar(
        holidays=Holidays(country=draw(st.sampled_from(("RU", ""))), overrides=overrides)
    )
    for start, week in draw(st.dictionaries(days, weeks, max_size=4)).items():
        cal.add_schedule(1, start, week)
    for first, length in draw(st.lists(st.tuples(days, st.integers(0, 40)), max_size=4)):
        cal.add_absence(1, first, first + timedelta(days=length), "vacation")
    return cal


def day_by_day(cal: Calendar, first: date, last: date) -> tuple[int, int, int]:
    minutes = working = unscheduled = 0
    day = first
    while day <= last:
        cap = cal.capacity(1, day)
        if cap is None:
            unscheduled += 1
        else:
            minutes += cap
            working += cap > 0
        day += timedelta(days=1)
    return minutes, working, unscheduled


@settings(max_examples=300, deadline=None)
@given(cal=calendars(), first=days, length=st.integers(0, 800))
def test_range_sum_equals_the_sum_of_days(cal: Calendar, first: date, length: int) -> None:
    last = first + timedelta(days=length)
    span = cal.span(1, first, last)
    assert (span.minutes, span.working, span.unscheduled) == day_by_day(cal, first, last)
    expected = None if span.unscheduled else span.minutes
    assert cal.capacity_sum(1, first, last) == expected
    assert cal.scheduled_minutes(1, first, last) == span.minutes
    expected_plan = None if span.unscheduled else (span.minutes, span.working)
    assert cal.plan_span(1, first, last) == expected_plan


@settings(max_examples=100, deadline=None)
@given(
    cal=calendars(),
    start=days,
    length=st.integers(0, 900),
    estimate=st.integers(60, 20000),
    logged=st.integers(0, 20000),
    today=days,
)
def test_plan_with_range_sums_equals_plan_by_days(
    cal: Calendar, start: date, length: int, estimate: int, logged: int, today: date
) -> None:
    task = PlanTask(
        1, "t", "g", 1, "in_progress", estimate, logged, start, start + timedelta(length)
    )
    fast = plan([task], cal.capacity, today, span=cal.plan_span)
    slow = plan([task], cal.capacity, today)
    assert fast == slow
