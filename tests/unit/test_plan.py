"""Plan versus fact (spec §5): worked examples by hand, edge decisions, properties."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from services.plan import (
    FLAG_NO_SCHEDULE,
    FLAG_OK,
    FLAG_UNTRACKED,
    OPEN_STATUSES,
    PersonPlan,
    PlanTask,
    TaskPlan,
    cap_sum,
    plan,
)

H = 60  # minutes in an hour, so examples read as "16 * H"
WORKWEEK = (8 * H,) * 5 + (0, 0)


def d(day: int) -> date:
    """A day of March 2026; 2026-03-02 is a Monday."""
    return date(2026, 3, day)


class Calendar:
    """Weekly hours; holidays and absences give 0; no schedule outside `covered` or on `gaps`."""

    def __init__(
        self,
        weekly: tuple[int, ...] = WORKWEEK,
        holidays: Iterable[date] = (),
        absences: Iterable[tuple[int, date]] = (),
        covered: tuple[date, date] = (date.min, date.max),
        gaps: Iterable[date] = (),
    ) -> None:
        self.weekly = weekly
        self.holidays = set(holidays)
        self.absences = set(absences)
        self.covered = covered
        self.gaps = set(gaps)
        self.calls: Counter[tuple[int, date]] = Counter()

    def __call__(self, emp: int, day: date) -> int | None:
        self.calls[(emp, day)] += 1
        if not self.covered[0] <= day <= self.covered[1] or day in self.gaps:
            return None
        if day in self.holidays or (emp, day) in self.absences:
            return 0
        return self.weekly[day.weekday()]


def task(
    id: int,
    estimate_h: float | None,
    logged_h: float,
    start: date,
    deadline: date | None,
    assignee: int | None = 1,
    status: str = "in_progress",
) -> PlanTask:
    return PlanTask(
        id=id,
        title=f"Task {id}",
        group="backend",
        assignee_id=assignee,
        status=status,
        estimate_min=None if estimate_h is None else round(estimate_h * H),
        logged_min=round(logged_h * H),
        start=start,
        deadline=deadline,
    )


def only_person(people: list[PersonPlan]) -> PersonPlan:
    assert len(people) == 1
    return people[0]


def by_id(person: PersonPlan) -> dict[int, TaskPlan]:
    return {p.task.id: p for p in person.tasks}


def text(value: Decimal | None) -> str | None:
    """Compare by text so both the value and its scale are checked."""
    return None if value is None else str(value)


# --- cap_sum ------------------------------------------------------------------------------


def test_cap_sum_counts_weekdays_and_skips_the_weekend() -> None:
    # Mon 03-02 .. Sun 03-08: five days of 8 h
    assert cap_sum(Calendar(), 1, d(2), d(8)) == 40 * H


def test_cap_sum_of_an_empty_range_is_zero_even_without_schedule() -> None:
    assert cap_sum(Calendar(covered=(d(20), d(20))), 1, d(6), d(5)) == 0


def test_cap_sum_is_none_when_a_day_has_no_schedule() -> None:
    assert cap_sum(Calendar(covered=(d(3), date.max)), 1, d(2), d(6)) is None
    assert cap_sum(Calendar(covered=(d(3), date.max)), 1, d(3), d(6)) == 32 * H


# --- worked examples ----------------------------------------------------------------------


def test_spec_example_with_a_second_task_due_earlier() -> None:
    # 8 h Mon-Fri, today Wed 03-04.
    # Task 1: 16 h, Mon 03-02 .. Fri 03-06, 4 h logged.
    #   cap(window) = 40 h over 5 days; cap(Mon..Tue) = 16 h
    #   planned = 16 * 16 / 40 = 6.40; lag = 6.40 - 4 = 2.40; lag_days = 2.4 / (40 / 5) = 0.3
    #   remaining = 12
    # Task 2: 8 h, Mon 03-02 .. Thu 03-05, nothing logged.
    #   cap(window) = 32 h over 4 days; planned = 8 * 16 / 32 = 4.00; lag 4.00; 4 / 8 = 0.5 days
    # Forecast from Wed: task 2 first (earlier deadline): 8 h -> Wed (8 >= 8).
    #   task 1: 8 + 12 = 20 h -> Wed 8, Thu 16, Fri 24 -> Fri 03-06, on time.
    # Overload: Thu: 8 - cap(Wed..Thu) 16 < 0; Fri: 20 - 24 < 0 -> 0.
    tasks = [task(1, 16, 4, d(2), d(6)), task(2, 8, 0, d(2), d(5))]
    person = only_person(plan(tasks, Calendar(), today=d(4)))
    first, second = by_id(person)[1], by_id(person)[2]

    assert first.flag == FLAG_OK
    assert text(first.planned_h) == "6.40"
    assert text(first.logged_h) == "4.00"
    assert text(first.lag_h) == "2.40"
    assert text(first.lag_days) == "0.3"
    assert text(first.remaining_h) == "12.00"
    assert first.forecast_finish == d(6)
    assert first.late_days == 0

    assert text(second.planned_h) == "4.00"
    assert text(second.lag_h) == "4.00"
    assert text(second.lag_days) == "0.5"
    assert second.forecast_finish == d(4)
    assert second.late_days == 0

    assert [p.task.id for p in person.tasks] == [2, 1]  # both on time, larger lag first
    assert person.open_tasks == 2
    assert text(person.lag_h) == "6.40"
    assert text(person.overload_h) == "0.00"
    assert person.no_schedule == 0
    assert text(person.planned_h) == "10.40"
    assert text(person.logged_h) == "4.00"


def test_spec_example_alone_finishes_thursday() -> None:
    # 12 h remaining from Wed: Wed 8, Thu 16 >= 12 -> Thu 03-05.
    result = only_person(plan([task(1, 16, 4, d(2), d(6))], Calendar(), today=d(4))).tasks[0]
    assert result.forecast_finish == d(5)
    assert result.late_days == 0


def test_public_holiday_in_the_window_has_no_capacity() -> None:
    # 8 h, Mon 03-09 .. Fri 03-13, holiday Wed 03-11, today Thu 03-12, 2 h logged.
    # cap(window) = 32 h over 4 working days; cap(Mon..Wed) = 16 h
    # planned = 8 * 16 / 32 = 4.00; lag = 2.00; lag_days = 2 / (32 / 4) = 0.25 -> 0.3 (half up)
    # remaining 6 h -> Thu 03-12.
    tasks = [task(1, 8, 2, d(9), d(13))]
    result = only_person(plan(tasks, Calendar(holidays=[d(11)]), today=d(12))).tasks[0]
    assert text(result.planned_h) == "4.00"
    assert text(result.lag_h) == "2.00"
    assert text(result.lag_days) == "0.3"
    assert text(result.remaining_h) == "6.00"
    assert result.forecast_finish == d(12)
    assert result.late_days == 0


def test_absence_in_the_window_lowers_its_capacity() -> None:
    # 16 h, Mon 03-02 .. Fri 03-06, absent Mon, today Wed 03-04, nothing logged.
    # cap(window) = 32 h over 4 days; cap(Mon..Tue) = 8 h
    # planned = 16 * 8 / 32 = 4.00; lag 4.00; lag_days = 4 / 8 = 0.5
    # remaining 16 h -> Wed 8, Thu 16 -> Thu 03-05.
    tasks = [task(1, 16, 0, d(2), d(6))]
    result = only_person(plan(tasks, Calendar(absences=[(1, d(2))]), today=d(4))).tasks[0]
    assert text(result.planned_h) == "4.00"
    assert text(result.lag_days) == "0.5"
    assert result.forecast_finish == d(5)


def test_absence_of_someone_else_changes_nothing() -> None:
    tasks = [task(1, 16, 0, d(2), d(6))]
    result = only_person(plan(tasks, Calendar(absences=[(2, d(2))]), today=d(4))).tasks[0]
    assert text(result.planned_h) == "6.40"  # 16 * 16 / 40


def test_late_days_skip_the_weekend_and_an_absence() -> None:
    # 48 h, Mon 03-02 .. Fri 03-06, 8 h logged, today Thu 03-05.
    # cap(window) = 40 h over 5 days; cap(Mon..Wed) = 24 h
    # planned = 48 * 24 / 40 = 28.80; lag = 20.80; lag_days = 20.8 / 8 = 2.6
    # remaining 40 h: Thu 8, Fri 16, Sat/Sun 0, Mon 24, Tue 32, Wed 40 -> Wed 03-11
    # late_days over (Fri 03-06, Wed 03-11]: Mon, Tue, Wed = 3 (the weekend does not count)
    tasks = [task(1, 48, 8, d(2), d(6))]
    result = only_person(plan(tasks, Calendar(), today=d(5))).tasks[0]
    assert text(result.planned_h) == "28.80"
    assert text(result.lag_h) == "20.80"
    assert text(result.lag_days) == "2.6"
    assert text(result.remaining_h) == "40.00"
    assert result.forecast_finish == d(11)
    assert result.late_days == 3

    # Absent Tue 03-10: Mon 24, Tue 24, Wed 32, Thu 40 -> Thu 03-12; late: Mon, Wed, Thu = 3.
    absent = only_person(plan(tasks, Calendar(absences=[(1, d(10))]), today=d(5))).tasks[0]
    assert absent.forecast_finish == d(12)
    assert absent.late_days == 3
    # Overload: Fri 03-06: 40 - cap(Thu..Fri) 16 = 24 h.
    person = only_person(plan(tasks, Calendar(), today=d(5)))
    assert text(person.overload_h) == "24.00"


def test_day_without_schedule_in_the_window_flags_the_task() -> None:
    # The schedule starts Wed 03-04, the window starts Mon 03-02.
    calendar = Calendar(covered=(d(4), date.max))
    person = only_person(plan([task(1, 16, 4, d(2), d(6))], calendar, today=d(4)))
    result = person.tasks[0]
    assert result.flag == FLAG_NO_SCHEDULE
    assert result.planned_h is None
    assert result.lag_h is None
    assert result.lag_days is None
    assert result.forecast_finish is None
    assert result.late_days is None
    assert text(result.logged_h) == "4.00"
    assert text(result.remaining_h) == "12.00"
    assert person.no_schedule == 1
    assert text(person.lag_h) == "0.00"
    assert text(person.planned_h) == "0.00"
    assert text(person.logged_h) == "0.00"  # sums over ok tasks only
    # Overload needs Wed..Fri only, which is covered: 12 - 24 < 0.
    assert text(person.overload_h) == "0.00"


def test_forecast_running_into_a_day_without_schedule_flags_the_task() -> None:
    # Schedule ends Thu 03-05; today Wed 03-04; both windows Wed..Thu (16 h).
    # Task 1 (8 h) -> Wed. Task 2 queued behind: 8 + 16 = 24 h > Wed..Thu 16 h -> needs Fri.
    calendar = Calendar(covered=(date.min, d(5)))
    tasks = [task(1, 8, 0, d(4), d(5)), task(2, 16, 0, d(4), d(5))]
    person = only_person(plan(tasks, calendar, today=d(4)))
    plans = by_id(person)
    assert plans[1].flag == FLAG_OK
    assert plans[1].forecast_finish == d(4)
    assert plans[2].flag == FLAG_NO_SCHEDULE
    assert plans[2].forecast_finish is None
    # Overload: Thu 03-05: 24 - 16 = 8 h.
    assert text(person.overload_h) == "8.00"
    assert [p.task.id for p in person.tasks] == [1, 2]


def test_overload_is_none_when_a_needed_day_has_no_schedule() -> None:
    calendar = Calendar(covered=(date.min, d(5)))
    tasks = [task(1, 8, 0, d(4), d(5)), task(2, 1, 0, d(4), d(9))]
    person = only_person(plan(tasks, calendar, today=d(4)))
    assert person.overload_h is None
    assert by_id(person)[2].flag == FLAG_NO_SCHEDULE  # its window has Fri..Sun uncovered


def test_window_without_capacity_is_flagged() -> None:
    # Sat 03-07 .. Sun 03-08: a schedule exists but grants no hours.
    person = only_person(plan([task(1, 4, 0, d(7), d(8))], Calendar(), today=d(2)))
    assert person.tasks[0].flag == FLAG_NO_SCHEDULE
    assert person.no_schedule == 1


def test_start_in_the_future_plans_nothing_yet() -> None:
    # 8 h, Wed 03-04 .. Fri 03-06, today Mon 03-02: cap(start..t-1) is empty -> planned 0.
    # remaining 8 h -> Mon 03-02.
    result = only_person(plan([task(1, 8, 0, d(4), d(6))], Calendar(), today=d(2))).tasks[0]
    assert result.flag == FLAG_OK
    assert text(result.planned_h) == "0.00"
    assert text(result.lag_h) == "0.00"
    assert text(result.lag_days) == "0.0"
    assert result.forecast_finish == d(2)
    assert result.late_days == 0


def test_passed_deadline_plans_the_whole_estimate() -> None:
    # 16 h, Mon 03-02 .. Fri 03-06, 10 h logged, today Wed 03-11.
    # planned = 16 (capped); lag = 6.00; lag_days = 6 / 8 = 0.8 (rounded from 0.75)
    # remaining 6 h -> Wed 03-11; late over (Fri 03-06, Wed 03-11]: Mon, Tue, Wed = 3
    # Overload: Fri 03-06 is past, cap = 0 -> 6 h.
    person = only_person(plan([task(1, 16, 10, d(2), d(6))], Calendar(), today=d(11)))
    result = person.tasks[0]
    assert text(result.planned_h) == "16.00"
    assert text(result.lag_h) == "6.00"
    assert text(result.lag_days) == "0.8"
    assert result.forecast_finish == d(11)
    assert result.late_days == 3
    assert text(person.overload_h) == "6.00"


def test_passed_deadline_needs_no_schedule_after_it() -> None:
    # 16 h, Mon 03-02 .. Fri 03-06, today Mon 03-09, Sat 03-07 has no schedule.
    # planned = 16 uses the window only; the forecast (16 h from Mon with 8 h a day) passes the
    # 0-day horizon, so no late_days need the gap either: the task stays ok.
    calendar = Calendar(gaps=[d(7)])
    tasks = [task(1, 16, 0, d(2), d(6))]
    result = only_person(plan(tasks, calendar, today=d(9), horizon_days=0)).tasks[0]
    assert result.flag == FLAG_OK
    assert text(result.planned_h) == "16.00"
    assert text(result.lag_h) == "16.00"
    assert result.forecast_finish is None
    # With a horizon the forecast ends Tue 03-10; late_days would cross the gap, so the count
    # is unknown (None) while the task stays ok and lag-tracked.
    later = only_person(plan(tasks, calendar, today=d(9))).tasks[0]
    assert later.flag == FLAG_OK
    assert later.forecast_finish == d(10)
    assert later.late_days is None
    assert text(later.lag_h) == "16.00"


def test_fully_logged_task_finishes_today_and_counts_late_days() -> None:
    # 8 h of 8 logged, deadline Mon 03-02, today Wed 03-04: finish today, late Tue + Wed = 2.
    result = only_person(plan([task(1, 8, 8, d(2), d(2))], Calendar(), today=d(4))).tasks[0]
    assert text(result.remaining_h) == "0.00"
    assert result.forecast_finish == d(4)
    assert result.late_days == 2


def test_overload_across_two_tasks() -> None:
    # Today Mon 03-02. Task 1: 20 h due Tue 03-03. Task 2: 10 h due Wed 03-04.
    # Tue: 20 - cap(Mon..Tue) 16 = 4; Wed: 30 - cap(Mon..Wed) 24 = 6 -> overload 6 h.
    # Forecast: task 1: Mon 8, Tue 16, Wed 24 -> Wed 03-04, late 1 (Wed)
    #           task 2: 30 h -> Thu 32 -> Thu 03-05, late 1 (Thu)
    tasks = [task(1, 20, 0, d(2), d(3)), task(2, 10, 0, d(2), d(4))]
    person = only_person(plan(tasks, Calendar(), today=d(2)))
    assert text(person.overload_h) == "6.00"
    plans = by_id(person)
    assert (plans[1].forecast_finish, plans[1].late_days) == (d(4), 1)
    assert (plans[2].forecast_finish, plans[2].late_days) == (d(5), 1)
    assert text(plans[1].planned_h) == "0.00"  # today is the start day


def test_forecast_orders_by_deadline_then_id_and_queues_undated_tasks_last() -> None:
    # Today Mon 03-02, 8 h a day, every task 8 h remaining unless said otherwise.
    # Queue: 9 (Thu) -> Mon; 3 (Fri) -> Tue; 5 (Fri) -> Wed; then undated 1 -> Thu.
    # 7 is fully logged -> today; 8 has no estimate -> no forecast.
    tasks = [
        task(5, 8, 0, d(2), d(6)),
        task(3, 8, 0, d(2), d(6)),
        task(9, 8, 0, d(2), d(5)),
        task(1, 8, 0, d(2), None),
        task(7, 8, 8, d(2), d(4)),
        task(8, None, 2, d(2), d(3)),
    ]
    person = only_person(plan(tasks, Calendar(), today=d(2)))
    plans = by_id(person)
    assert plans[9].forecast_finish == d(2)
    assert plans[3].forecast_finish == d(3)
    assert plans[5].forecast_finish == d(4)
    assert plans[1].forecast_finish == d(5)
    assert plans[7].forecast_finish == d(2)
    assert plans[8].forecast_finish is None

    assert plans[1].flag == FLAG_UNTRACKED
    assert plans[1].late_days is None
    assert plans[1].planned_h is None
    assert text(plans[1].remaining_h) == "8.00"
    assert plans[8].flag == FLAG_UNTRACKED
    assert plans[8].remaining_h is None
    assert text(plans[8].logged_h) == "2.00"

    # All ok tasks are on time without lag, so they go by id; untracked ones last.
    assert [p.task.id for p in person.tasks] == [3, 5, 7, 9, 1, 8]
    assert person.open_tasks == 6
    assert text(person.overload_h) == "0.00"


def test_start_after_deadline_uses_the_deadline_day_as_window() -> None:
    # Start Fri 03-06, deadline Wed 03-04, 8 h: window = Wed only (8 h, 1 day).
    tasks = [task(1, 8, 0, d(6), d(4))]
    before = only_person(plan(tasks, Calendar(), today=d(2))).tasks[0]
    assert text(before.planned_h) == "0.00"
    # Today Thu 03-05: planned 8, lag 8, lag_days = 8 / 8 = 1.0; finish Thu, late 1 (Thu).
    after = only_person(plan(tasks, Calendar(), today=d(5))).tasks[0]
    assert text(after.planned_h) == "8.00"
    assert text(after.lag_days) == "1.0"
    assert after.forecast_finish == d(5)
    assert after.late_days == 1


def test_forecast_beyond_the_horizon_is_none_and_ranked_worst() -> None:
    # Today Mon 03-02. Task 1: 16 h due Mon 03-02 -> Tue 03-03, late 1.
    # Task 2: 100 h due Tue 03-03, queued behind: 116 h total.
    #   horizon 7 days (Mon 03-02 .. Mon 03-09) gives 6 working days = 48 h -> no forecast.
    #   horizon 730: 116 h = 14.5 days -> 15th working day Fri 03-20;
    #   late over (Tue 03-03, Fri 03-20]: 3 + 5 + 5 = 13.
    tasks = [task(1, 16, 0, d(2), d(2)), task(2, 100, 0, d(2), d(3))]
    short = only_person(plan(tasks, Calendar(), today=d(2), horizon_days=7))
    assert [p.task.id for p in short.tasks] == [2, 1]
    assert short.tasks[0].flag == FLAG_OK
    assert short.tasks[0].forecast_finish is None
    assert short.tasks[0].late_days is None
    assert (short.tasks[1].forecast_finish, short.tasks[1].late_days) == (d(3), 1)

    full = by_id(only_person(plan(tasks, Calendar(), today=d(2))))
    assert full[2].forecast_finish == d(20)
    assert full[2].late_days == 13


def test_horizon_end_day_itself_is_usable() -> None:
    # 48 h from Mon 03-02 ends on Mon 03-09, exactly today + 7.
    tasks = [task(1, 48, 0, d(2), d(9))]
    result = only_person(plan(tasks, Calendar(), today=d(2), horizon_days=7)).tasks[0]
    assert result.forecast_finish == d(9)


def test_people_ranked_by_lag_then_overload_then_id_and_closed_tasks_ignored() -> None:
    tasks = [
        task(1, 16, 4, d(2), d(6), assignee=10),  # lag 2.40 (the spec example)
        task(2, 16, 10, d(2), d(3), assignee=20),  # passed deadline: lag 6.00
        task(3, 40, 0, d(4), d(5), assignee=30),  # starts today: lag 0, overload 40 - 16 = 24
        task(4, 1, 0, d(4), d(5), assignee=50),  # nothing wrong
        task(5, 1, 0, d(4), d(5), assignee=40),  # nothing wrong
        task(6, 99, 0, d(2), d(3), assignee=10, status="done"),
        task(7, 99, 0, d(2), d(3), assignee=60, status="cancelled"),
        task(8, 99, 0, d(2), d(3), assignee=None),
    ]
    people = plan(tasks, Calendar(), today=d(4))
    assert [p.employee_id for p in people] == [20, 10, 30, 40, 50]
    assert text(people[0].lag_h) == "6.00"
    assert text(people[1].lag_h) == "2.40"
    assert people[1].open_tasks == 1
    assert text(people[2].overload_h) == "24.00"


def test_tasks_ranked_late_then_lag_then_no_schedule_then_untracked() -> None:
    # Today Wed 03-04, schedule from Mon 03-02 on, 8 h Mon-Fri.
    # Task 4: 8 h, Mon..Tue: planned 8 (window over), lag 8.00.
    # Task 5: 4 h, Mon..Thu: planned 4 * 16 / 32 = 2.00, lag 2.00.
    # Task 3: 16 h, Mon..Fri: planned 16 * 16 / 40 = 6.40, lag 6.40.
    # Task 2: 12 h, Sun 03-01..Fri: Sunday has no schedule -> flagged, but its hours still queue.
    # Task 6: 16 h of 16 logged, Mon..Fri: lag 0, finishes today.
    # Queue from Wed: 4 (8) -> Wed, late 1; 5 (12) -> Thu; 2 (24) -> Fri;
    #   3 (40) -> Mon 32, Tue 40 -> Tue 03-10, late 2 (Mon, Tue).
    # Overload: Tue: 8 - 0 = 8; Thu: 12 - 16; Fri: 40 - 24 = 16 -> 16 h.
    tasks = [
        task(1, None, 0, d(2), d(6)),
        task(2, 12, 0, d(1), d(6)),
        task(3, 16, 0, d(2), d(6)),
        task(4, 8, 0, d(2), d(3)),
        task(5, 4, 0, d(2), d(5)),
        task(6, 16, 16, d(2), d(6)),
    ]
    calendar = Calendar(covered=(d(2), date.max))
    person = only_person(plan(tasks, calendar, today=d(4)))
    plans = by_id(person)
    assert (plans[3].forecast_finish, plans[3].late_days, text(plans[3].lag_h)) == (
        d(10),
        2,
        "6.40",
    )
    assert (plans[4].forecast_finish, plans[4].late_days, text(plans[4].lag_h)) == (
        d(4),
        1,
        "8.00",
    )
    assert (plans[5].forecast_finish, plans[5].late_days, text(plans[5].lag_h)) == (
        d(5),
        0,
        "2.00",
    )
    assert (plans[6].forecast_finish, plans[6].late_days, text(plans[6].lag_h)) == (
        d(4),
        0,
        "0.00",
    )
    assert plans[2].flag == FLAG_NO_SCHEDULE
    assert [p.task.id for p in person.tasks] == [3, 4, 5, 6, 2, 1]
    assert person.no_schedule == 1
    assert text(person.lag_h) == "16.40"
    assert text(person.overload_h) == "16.00"


def test_capacity_called_once_per_person_and_day() -> None:
    calendar = Calendar(holidays=[d(11)])
    tasks = [
        task(1, 48, 8, d(2), d(6)),
        task(2, 16, 0, d(2), d(13)),
        task(3, 8, 0, d(9), None),
        task(4, 8, 0, d(2), d(6), assignee=2),
    ]
    plan(tasks, calendar, today=d(5))
    assert calendar.calls
    assert max(calendar.calls.values()) == 1


def test_no_open_tasks_no_people() -> None:
    tasks = [task(1, 8, 0, d(2), d(6), status="done")]
    assert plan(tasks, Calendar(), today=d(4)) == []


# --- properties ---------------------------------------------------------------------------

BASE = d(2)
STATUSES = [*sorted(OPEN_STATUSES), "done", "cancelled"]
EMPLOYEES = (1, 2, 3)
FAST = settings(max_examples=150, deadline=None)


class RandomCalendar:
    """Weekly hours per employee with per-day overrides (0 or no schedule); counts calls."""

    def __init__(
        self,
        weekly: dict[int, tuple[int, ...]],
        overrides: dict[int, dict[int, int | None]],
        extra: Callable[[int, date], int] | None = None,
    ) -> None:
        self.weekly = weekly
        self.overrides = overrides
        self.extra = extra
        self.calls: Counter[tuple[int, date]] = Counter()

    def __call__(self, emp: int, day: date) -> int | None:
        self.calls[(emp, day)] += 1
        offset = (day - BASE).days
        minutes = self.overrides[emp].get(offset, self.weekly[emp][day.weekday()])
        if minutes is None or self.extra is None:
            return minutes
        return minutes + self.extra(emp, day)


minutes_st = st.sampled_from([0, 0, 4 * H, 8 * H, 10 * H])


@st.composite
def calendars(draw: st.DrawFn) -> RandomCalendar:
    weekly = {e: draw(st.tuples(*[minutes_st] * 7)) for e in EMPLOYEES}
    overrides = {
        e: draw(
            st.dictionaries(st.integers(-40, 80), st.one_of(st.none(), minutes_st), max_size=10)
        )
        for e in EMPLOYEES
    }
    return RandomCalendar(weekly, overrides)


@st.composite
def task_lists(draw: st.DrawFn) -> list[PlanTask]:
    tasks = []
    for i in range(draw(st.integers(0, 10))):
        deadline = draw(st.one_of(st.none(), st.integers(-20, 40)))
        tasks.append(
            PlanTask(
                id=i + 1,
                title=f"t{i}",
                group="g",
                assignee_id=draw(st.sampled_from([None, *EMPLOYEES])),
                status=draw(st.sampled_from(STATUSES)),
                estimate_min=draw(st.one_of(st.none(), st.integers(0, 60 * H))),
                logged_min=draw(st.integers(0, 60 * H)),
                start=BASE + timedelta(days=draw(st.integers(-20, 20))),
                deadline=None if deadline is None else BASE + timedelta(days=deadline),
            )
        )
    return tasks


todays = st.integers(-5, 30).map(lambda n: BASE + timedelta(days=n))
horizons = st.sampled_from([0, 5, 30, 730])


def all_plans(people: list[PersonPlan]) -> dict[int, TaskPlan]:
    return {p.task.id: p for person in people for p in person.tasks}


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP)


@FAST
@given(task_lists(), calendars(), todays, horizons)
def test_planned_never_exceeds_the_estimate(
    tasks: list[PlanTask], calendar: RandomCalendar, today: date, horizon: int
) -> None:
    for p in all_plans(plan(tasks, calendar, today, horizon)).values():
        if p.planned_h is not None:
            assert p.task.estimate_min is not None
            assert Decimal(0) <= p.planned_h <= hours(p.task.estimate_min)


@FAST
@given(task_lists(), calendars(), todays, horizons, st.data())
def test_logging_more_never_raises_lag(
    tasks: list[PlanTask],
    calendar: RandomCalendar,
    today: date,
    horizon: int,
    data: st.DataObject,
) -> None:
    if not tasks:
        return
    index = data.draw(st.integers(0, len(tasks) - 1))
    more = data.draw(st.integers(0, 30 * H))
    changed = list(tasks)
    changed[index] = replace(tasks[index], logged_min=tasks[index].logged_min + more)
    before = all_plans(plan(tasks, calendar, today, horizon))
    after = all_plans(plan(changed, calendar, today, horizon))
    task_id = tasks[index].id
    if task_id in before and before[task_id].flag == FLAG_OK:
        assert after[task_id].flag == FLAG_OK
        lag_before, lag_after = before[task_id].lag_h, after[task_id].lag_h
        assert lag_before is not None and lag_after is not None
        assert lag_after <= lag_before


@FAST
@given(task_lists(), calendars(), todays, horizons, st.data())
def test_more_capacity_never_makes_a_forecast_later(
    tasks: list[PlanTask],
    calendar: RandomCalendar,
    today: date,
    horizon: int,
    data: st.DataObject,
) -> None:
    extra_by_day = data.draw(
        st.dictionaries(st.integers(-40, 80), st.sampled_from([H, 4 * H, 8 * H]), max_size=20)
    )
    extra_weekly = data.draw(st.tuples(*[st.sampled_from([0, 0, 2 * H])] * 7))

    def extra(emp: int, day: date) -> int:
        return extra_by_day.get((day - BASE).days, 0) + extra_weekly[day.weekday()]

    richer = RandomCalendar(calendar.weekly, calendar.overrides, extra)
    before = all_plans(plan(tasks, calendar, today, horizon))
    after = all_plans(plan(tasks, richer, today, horizon))
    assert before.keys() == after.keys()
    for task_id, p in before.items():
        if p.forecast_finish is not None:
            finish = after[task_id].forecast_finish
            assert finish is not None
            assert finish <= p.forecast_finish
            if p.flag == FLAG_OK:
                assert after[task_id].flag == FLAG_OK


@FAST
@given(task_lists(), calendars(), todays, horizons)
def test_random_inputs_keep_the_invariants(
    tasks: list[PlanTask], calendar: RandomCalendar, today: date, horizon: int
) -> None:
    people = plan(tasks, calendar, today, horizon)

    assert not calendar.calls or max(calendar.calls.values()) == 1
    expected = {t.assignee_id for t in tasks if t.assignee_id and t.status in OPEN_STATUSES}
    assert {p.employee_id for p in people} == expected
    keys = [(-p.lag_h, -(p.overload_h or 0), p.employee_id) for p in people]
    assert keys == sorted(keys)

    for person in people:
        own = [t for t in tasks if t.assignee_id == person.employee_id]
        assert person.open_tasks == sum(t.status in OPEN_STATUSES for t in own)
        assert len(person.tasks) == person.open_tasks
        assert person.no_schedule == sum(p.flag == FLAG_NO_SCHEDULE for p in person.tasks)
        ok = [p for p in person.tasks if p.flag == FLAG_OK]
        assert person.lag_h == sum((p.lag_h or 0 for p in ok), Decimal(0))
        assert person.overload_h is None or person.overload_h >= 0
        for p in person.tasks:
            assert p.flag in {FLAG_OK, FLAG_NO_SCHEDULE, FLAG_UNTRACKED}
            assert (p.remaining_h is None) == (p.task.estimate_min is None)
            if p.flag == FLAG_OK:
                assert p.planned_h is not None and p.lag_h is not None
                assert p.lag_h >= 0 and p.lag_days is not None and p.lag_days >= 0
                # Rounded separately, the parts may be a cent off their rounded difference.
                # A task in review has no lag whatever was logged.
                behind = max(Decimal(0), p.planned_h - p.logged_h)
                if p.task.status == "review":
                    behind = Decimal(0)
                assert abs(p.lag_h - behind) <= Decimal("0.01")
                # late_days is unknown past the horizon or across a day without a schedule.
                assert p.forecast_finish is not None or p.late_days is None
            else:
                assert p.planned_h is None and p.lag_h is None and p.late_days is None
            if p.forecast_finish is not None:
                assert today <= p.forecast_finish <= today + timedelta(days=horizon)
                if p.task.status == "review":
                    assert p.late_days in (0, None) and (p.remaining_h or 0) == 0
                elif p.late_days is not None and p.task.deadline is not None:
                    assert (p.late_days == 0) == (
                        p.forecast_finish <= p.task.deadline
                        or calendar_has_no_work(calendar, person.employee_id, p)
                    )


def calendar_has_no_work(calendar: RandomCalendar, emp: int, p: TaskPlan) -> bool:
    """True when no day in (deadline, finish] has capacity, so a late finish still counts 0."""
    assert p.task.deadline is not None and p.forecast_finish is not None
    day = p.task.deadline + timedelta(days=1)
    while day <= p.forecast_finish:
        offset = (day - BASE).days
        if (calendar.overrides[emp].get(offset, calendar.weekly[emp][day.weekday()]) or 0) > 0:
            return False
        day += timedelta(days=1)
    return True


def test_a_task_in_review_accrues_no_lag() -> None:
    """SPEC §3: its work is done, it waits. The same task in progress lags and runs late."""
    working = task(1, 40, 4, d(2), d(6))
    waiting = replace(working, status="review")
    [late] = only_person(plan([working], Calendar(), d(6))).tasks
    assert late.lag_h and late.lag_h > 0 and late.late_days and late.late_days > 0
    person = only_person(plan([waiting], Calendar(), d(6)))
    [shown] = person.tasks
    assert (shown.flag, text(shown.lag_h), shown.late_days) == (FLAG_OK, "0.00", 0)
    assert text(shown.remaining_h) == "0.00" and text(person.lag_h) == "0.00"
