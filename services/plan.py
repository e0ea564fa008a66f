"""Plan versus fact for open tasks (product spec §5): planned progress, lag, forecast, overload.

Pure functions over plain data. Time comes in as integer minutes; everything is computed exactly
(ratios of integers) and rounded only when a `Decimal` result is produced (hours to 0.01, days
to 0.1, both ROUND_HALF_UP).

Capacity of a day comes from a `CapacityFn`: minutes the employee can work that day, 0 on a
weekend, holiday or absence, None when no schedule covers the day. A result that needs a None day
is not guessed: the task is flagged "no_schedule" (or the overload is None).

Points the spec leaves open, decided here:

* The window of a task is start..deadline. When the start lies after the deadline the window
  shrinks to the deadline day alone, so the task counts as due in full by its deadline.
* Planned work only looks at window days: cap(start..t-1) is taken as cap(start..min(t-1,
  deadline)). That equals the spec's formula wherever the spec's formula is defined (its ratio is
  capped at the estimate anyway) and does not flag a task only because a day after its deadline
  lacks a schedule. So a start after today gives planned 0 and a passed deadline gives the estimate.
* A window with a day without schedule, or whose capacity is 0, flags the task "no_schedule".
* The forecast walks days from today on, today counted at full capacity. Queue: tasks with a
  deadline by (deadline, id), then tasks with an estimate but no deadline by id; tasks without an
  estimate take no time. Every queued task consumes its remaining hours, whatever its flag, since
  the assignee still has to do that work.
* A task with remaining 0 finishes today and uses no capacity; its late_days still counts the
  working days after its deadline up to today.
* A queued task that the walk cannot finish because a needed day has no schedule is
  "no_schedule"; one that would finish after today + horizon_days keeps its flag and gets
  forecast_finish None and late_days None (it is ranked as the latest of all).
* late_days counts days with capacity > 0 in (deadline, forecast_finish]. When one of those days
  has no schedule the count is unknown: late_days is None and the task is still lag-tracked.
* A task with an estimate but no deadline is "untracked" (no planned/lag/late_days) but is
  queued, so it gets a forecast_finish; a task without an estimate gets none.
* "no_schedule" and "untracked" tasks carry only logged_h and, with an estimate, remaining_h.
* Overload takes the deadlines of open tasks having both an estimate and a deadline, whatever
  their flag; cap(t..d) is 0 for a deadline before today. A day without schedule in
  today..latest such deadline makes the overload None. With no such task the overload is 0.
* Person totals add the rounded per-task values, so a total always matches the rows shown.
  People are ranked with an unknown overload counted as 0.

* A task in review accrues no lag (SPEC §3: its work is done, it waits): lag 0, late_days 0,
  nothing remaining, so it takes no place in the queue nor in the overload.

Inputs are assumed non-negative (minutes and capacities); statuses other than the open ones are
ignored like "done" and "cancelled".
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from services.units import hours_of

CapacityFn = Callable[[int, date], int | None]
# (employee, first, last) -> (minutes, days with capacity > 0) over first..last, or None when a
# day in it has no schedule: a range sum that need not visit every day.
SpanFn = Callable[[int, date, date], tuple[int, int] | None]
# (employee, first, last) -> the capacity of every day of first..last, as CapacityFn gives it:
# many days in one call.
BlockFn = Callable[[int, date, date], list[int | None]]

OPEN_STATUSES = frozenset({"new", "in_progress", "review"})

FLAG_OK = "ok"
FLAG_UNTRACKED = "untracked"
FLAG_NO_SCHEDULE = "no_schedule"

_DAY = timedelta(days=1)
# Days the forecast asks a BlockFn for at once.
_BLOCK = 28
_ZERO_H = Decimal("0.00")


@dataclass(frozen=True)
class PlanTask:
    id: int
    title: str
    group: str
    assignee_id: int | None
    status: str
    estimate_min: int | None
    logged_min: int
    start: date
    deadline: date | None


@dataclass(frozen=True)
class TaskPlan:
    task: PlanTask
    flag: str  # FLAG_OK, FLAG_UNTRACKED (no estimate, deadline or assignee), FLAG_NO_SCHEDULE
    planned_h: Decimal | None  # None unless flag == FLAG_OK
    logged_h: Decimal
    lag_h: Decimal | None
    lag_days: Decimal | None
    remaining_h: Decimal | None  # set whenever there is an estimate
    forecast_finish: date | None
    late_days: int | None


@dataclass(frozen=True)
class PersonPlan:
    employee_id: int
    tasks: tuple[TaskPlan, ...]
    open_tasks: int
    lag_h: Decimal
    overload_h: Decimal | None
    no_schedule: int
    planned_h: Decimal
    logged_h: Decimal


def cap_sum(capacity: CapacityFn, emp: int, first: date, last: date) -> int | None:
    """Sum over first..last inclusive; 0 for an empty range (first > last); None if any day is
    None."""
    total = 0
    day = first
    while day <= last:
        minutes = capacity(emp, day)
        if minutes is None:
            return None
        total += minutes
        day += _DAY
    return total


def plan(
    tasks: Iterable[PlanTask],
    capacity: CapacityFn,
    today: date,
    horizon_days: int = 730,
    span: SpanFn | None = None,
    only: Collection[int] | None = None,
    block: BlockFn | None = None,
) -> list[PersonPlan]:
    """One PersonPlan per assignee with at least one open task, worst person first (largest total
    lag, then overload, then employee id). Tasks without an assignee are ignored here (the caller
    lists them).

    `capacity` is called at most once per (employee, day). A forecast is searched up to and
    including today + horizon_days. With `span`, sums over ranges come from it instead of from
    the days one by one, and with `block` the forecast takes the days it walks four weeks at a
    time (the result is the same).

    With `only` (task ids), a person's rows and totals cover only those of their tasks, and
    people with none of them are left out; their forecast and overload still count every open
    task of theirs. A plan of 500 people's work that shows one group's tasks then computes the
    lag of the tasks shown, not of every task queued before them.
    """
    by_person: dict[int, list[PlanTask]] = defaultdict(list)
    for task in tasks:
        if task.assignee_id is not None and task.status in OPEN_STATUSES:
            by_person[task.assignee_id].append(task)
    people = [
        _person_plan(emp, own, capacity, today, horizon_days, span, only, block)
        for emp, own in by_person.items()
        if only is None or any(task.id in only for task in own)
    ]
    people.sort(key=lambda p: (-p.lag_h, -(p.overload_h or _ZERO_H), p.employee_id))
    return people


class _Days:
    """One employee's capacities from `first` on, fetched lazily and once, with prefix counts.

    The days form one contiguous run, so every range query is O(1) after the fetch.
    """

    __slots__ = ("_capacity", "_caps", "_emp", "_gaps", "_minutes", "_working", "first")

    def __init__(self, capacity: CapacityFn, emp: int, first: date) -> None:
        self._capacity = capacity
        self._emp = emp
        self.first = first
        self._caps: list[int | None] = []
        # Entry i covers first..first+i-1, hence the leading 0.
        self._minutes = [0]
        self._gaps = [0]
        self._working = [0]

    def _index(self, day: date) -> int:
        index = (day - self.first).days
        if index < 0:
            raise ValueError(f"{day} precedes the first fetched day {self.first}")
        return index

    def _extend_to(self, day: date) -> None:
        needed = self._index(day) + 1
        while len(self._caps) < needed:
            minutes = self._capacity(self._emp, self.first + timedelta(days=len(self._caps)))
            self._caps.append(minutes)
            self._minutes.append(self._minutes[-1] + (minutes or 0))
            self._gaps.append(self._gaps[-1] + (minutes is None))
            self._working.append(self._working[-1] + (minutes is not None and minutes > 0))

    def get(self, day: date) -> int | None:
        self._extend_to(day)
        return self._caps[self._index(day)]

    @property
    def step(self) -> int:
        """Days the forecast asks `fetch` for at once."""
        return 1

    def fetch(self, first: date, last: date) -> list[int | None]:
        """The capacity of every day of first..last, in order."""
        return [self.get(first + timedelta(days=i)) for i in range((last - first).days + 1)]

    def _bounds(self, first: date, last: date) -> tuple[int, int] | None:
        """Prefix indices of first..last, or None when a day in it has no schedule."""
        self._extend_to(last)
        lo, hi = self._index(first), self._index(last) + 1
        return None if self._gaps[hi] != self._gaps[lo] else (lo, hi)

    def total(self, first: date, last: date) -> int | None:
        """Minutes over first..last inclusive, 0 when empty, None when a day has no schedule."""
        if first > last:
            return 0
        bounds = self._bounds(first, last)
        return None if bounds is None else self._minutes[bounds[1]] - self._minutes[bounds[0]]

    def working(self, first: date, last: date) -> int | None:
        """Days with capacity > 0 in first..last, 0 when empty, None when a day has no schedule."""
        if first > last:
            return 0
        bounds = self._bounds(first, last)
        return None if bounds is None else self._working[bounds[1]] - self._working[bounds[0]]


class _Spans(_Days):
    """The same answers as _Days, range sums taken from a SpanFn: a window of years costs the
    same as a week."""

    __slots__ = ("_block", "_single", "_span", "_spans")

    def __init__(
        self, capacity: CapacityFn, span: SpanFn, emp: int, block: BlockFn | None = None
    ) -> None:
        super().__init__(capacity, emp, date.min)
        self._span = span
        self._block = block
        self._spans: dict[tuple[date, date], tuple[int, int] | None] = {}
        self._single: dict[date, int | None] = {}

    @property
    def step(self) -> int:
        return 1 if self._block is None else _BLOCK

    def get(self, day: date) -> int | None:
        if day not in self._single:
            self._single[day] = self._capacity(self._emp, day)
        return self._single[day]

    def fetch(self, first: date, last: date) -> list[int | None]:
        if self._block is None:
            return super().fetch(first, last)
        return self._block(self._emp, first, last)

    def _sum(self, first: date, last: date) -> tuple[int, int] | None:
        key = (first, last)
        if key not in self._spans:
            self._spans[key] = self._span(self._emp, first, last)
        return self._spans[key]

    def total(self, first: date, last: date) -> int | None:
        if first > last:
            return 0
        found = self._sum(first, last)
        return None if found is None else found[0]

    def working(self, first: date, last: date) -> int | None:
        if first > last:
            return 0
        found = self._sum(first, last)
        return None if found is None else found[1]


@dataclass(frozen=True)
class _Finish:
    day: date | None
    known: bool  # False when a day without schedule stopped the walk


_NOT_QUEUED = _Finish(None, True)


def _remaining_min(task: PlanTask) -> int | None:
    if task.estimate_min is None:
        return None
    if task.status == "review":  # its work is done, it waits: nothing left to plan
        return 0
    return max(0, task.estimate_min - task.logged_min)


def _queue_key(task: PlanTask) -> tuple[int, date, int]:
    if task.deadline is None:
        return (1, date.min, task.id)
    return (0, task.deadline, task.id)


@dataclass
class _Walk:
    """The forecast's walk: sums[j] is the capacity of today .. today + j - 1 over the days
    walked; `gap` tells whether a day without schedule (the day after them) stopped it."""

    sums: list[int]
    gap: bool


def _forecast(
    tasks: Sequence[PlanTask],
    days: _Days,
    today: date,
    horizon_days: int,
    only: Collection[int] | None = None,
) -> tuple[list[_Finish], _Walk]:
    """Finish day of every task (aligned with `tasks`), working the queue from today on, and
    the days walked.

    One forward walk serves the whole queue: each task ends on the first day the capacity summed
    from today covers its own remaining minutes plus those of every task queued before it. With
    `only` (task ids) the walk stops after the last of those tasks in the queue: the tasks after
    it cannot change their finish, and theirs is left unset.
    """
    result = [_NOT_QUEUED] * len(tasks)
    queue = sorted(
        (i for i, task in enumerate(tasks) if task.estimate_min is not None),
        key=lambda i: _queue_key(tasks[i]),
    )
    if only is not None:
        shown = [n for n, i in enumerate(queue) if tasks[i].id in only]
        del queue[shown[-1] + 1 if shown else 0 :]
    last_day = today + timedelta(days=horizon_days)
    # sums[j]: the capacity of today .. today + j - 1, over the days walked so far.
    sums = [0]
    needed = 0
    stopped_by_gap: bool | None = None
    for i in queue:
        remaining = _remaining_min(tasks[i]) or 0
        if remaining == 0:
            result[i] = _Finish(today, True)
            continue
        needed += remaining
        while stopped_by_gap is None and sums[-1] < needed:
            first = today + timedelta(days=len(sums) - 1)
            if first > last_day:
                stopped_by_gap = False
                break
            ahead = (last_day - first).days
            last = last_day if ahead < days.step else first + timedelta(days=days.step - 1)
            caps = days.fetch(first, last)
            if None in caps:
                stopped_by_gap = True
                caps = caps[: caps.index(None)]
            sums += accumulate(caps, initial=sums[-1])  # type: ignore[arg-type]
            del sums[-len(caps) - 1]  # the initial value, already the last sum
        if sums[-1] >= needed:
            # The first day on which the sum reaches what is needed.
            result[i] = _Finish(today + timedelta(days=bisect_left(sums, needed) - 1), True)
        else:
            result[i] = _Finish(None, not stopped_by_gap)
    return result, _Walk(sums, stopped_by_gap is True)


def _hours(minutes: int) -> Decimal:
    return hours_of(minutes)


def _hours_ratio(minutes: int, per: int) -> Decimal:
    """Hours of minutes/per (both >= 0, per > 0), rounded half up to 0.01: hundredths are
    minutes * 100 / (per * 60), and floor(x + 1/2) of that is (10 m + 3 per) // (6 per)."""
    return Decimal((minutes * 10 + per * 3) // (per * 6)).scaleb(-2)


def _tenths(numerator: int, denominator: int) -> Decimal:
    """numerator/denominator (>= 0, denominator > 0) rounded half up to 0.1."""
    return Decimal((numerator * 20 + denominator) // (denominator * 2)).scaleb(-1)


def _task_plan(task: PlanTask, days: _Days, today: date, finish: _Finish) -> TaskPlan:
    logged_h = _hours(task.logged_min)
    remaining = _remaining_min(task)
    remaining_h = None if remaining is None else _hours(remaining)

    def flagged(flag: str, forecast: date | None = None) -> TaskPlan:
        return TaskPlan(task, flag, None, logged_h, None, None, remaining_h, forecast, None)

    if task.estimate_min is None or task.deadline is None:
        return flagged(FLAG_UNTRACKED, finish.day)

    deadline = task.deadline
    start = min(task.start, deadline)
    window = days.total(start, deadline)
    if not window or not finish.known:
        return flagged(FLAG_NO_SCHEDULE)

    late_days: int | None = None
    if finish.day is not None:
        # None when a day after the deadline has no schedule: late by an unknown count,
        # like a forecast past the horizon, and still lag-tracked (its window is scheduled).
        late_days = 0 if finish.day <= deadline else days.working(deadline + _DAY, finish.day)

    # Both ranges below lie inside the window, which has a schedule on every day.
    elapsed = days.total(start, min(today - _DAY, deadline)) or 0
    working_days = days.working(start, deadline) or 1

    # Exact ratios of integers (numerator, denominator), rounded half up in integers: the same
    # results as Fraction arithmetic, without building Fractions for every task of a plan.
    estimate = task.estimate_min
    planned = (estimate, 1) if elapsed >= window else (estimate * elapsed, window)
    lag = (max(0, planned[0] - task.logged_min * planned[1]), planned[1])
    if task.status == "review":
        # SPEC §3: a task in review accrues no lag and is not late, whatever was logged.
        lag, late_days = (0, 1), 0
    lag_days = (lag[0] * working_days, lag[1] * window)
    return TaskPlan(
        task=task,
        flag=FLAG_OK,
        planned_h=_hours_ratio(*planned),
        logged_h=logged_h,
        lag_h=_hours_ratio(*lag),
        lag_days=_tenths(*lag_days),
        remaining_h=remaining_h,
        forecast_finish=finish.day,
        late_days=late_days,
    )


def _overload_min(
    tasks: Sequence[PlanTask], days: _Days, today: date, walk: _Walk | None = None
) -> int | None:
    """The largest shortfall of capacity from today to a deadline against the work due by it;
    sums over the days the forecast walked (`walk`) are taken from it."""
    due: dict[date, int] = defaultdict(int)
    for task in tasks:
        if task.deadline is not None and task.estimate_min is not None:
            due[task.deadline] += _remaining_min(task) or 0
    sums = [0] if walk is None else walk.sums
    gap = walk is not None and walk.gap
    worst = 0
    due_by = 0
    for deadline in sorted(due):
        due_by += due[deadline]
        index = (deadline - today).days + 1
        if index <= 0:
            available: int | None = 0
        elif index < len(sums):
            available = sums[index]
        elif gap:  # the day without schedule that stopped the walk lies in today..deadline
            available = None
        else:
            available = days.total(today, deadline)
        if available is None:
            return None
        worst = max(worst, due_by - available)
    return worst


def _severity(task_plan: TaskPlan) -> tuple[float, Decimal, int, int]:
    if task_plan.flag == FLAG_OK:
        # An ok task without forecast finishes beyond the horizon: later than any known one.
        late = math.inf if task_plan.late_days is None else task_plan.late_days
        return (-late, -(task_plan.lag_h or _ZERO_H), 0, task_plan.task.id)
    rank = 1 if task_plan.flag == FLAG_NO_SCHEDULE else 2
    return (0, _ZERO_H, rank, task_plan.task.id)


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), _ZERO_H)


def _person_plan(
    emp: int,
    tasks: Sequence[PlanTask],
    capacity: CapacityFn,
    today: date,
    horizon_days: int,
    span: SpanFn | None,
    only: Collection[int] | None = None,
    block: BlockFn | None = None,
) -> PersonPlan:
    days: _Days
    if span is None:
        # Fetching starts at the earliest day any window needs, so one contiguous run serves all.
        first = min(
            [
                today,
                *(
                    min(t.start, t.deadline)
                    for t in tasks
                    if t.deadline is not None and t.estimate_min is not None
                ),
            ]
        )
        days = _Days(capacity, emp, first)
    else:
        days = _Spans(capacity, span, emp, block)
    finishes, walk = _forecast(tasks, days, today, horizon_days, only)
    plans = sorted(
        (
            _task_plan(task, days, today, finish)
            for task, finish in zip(tasks, finishes, strict=True)
            if only is None or task.id in only
        ),
        key=_severity,
    )
    overload = _overload_min(tasks, days, today, walk)
    ok = [p for p in plans if p.flag == FLAG_OK]
    return PersonPlan(
        employee_id=emp,
        tasks=tuple(plans),
        open_tasks=len(plans),
        lag_h=_sum(p.lag_h for p in ok),
        overload_h=None if overload is None else _hours(overload),
        no_schedule=sum(p.flag == FLAG_NO_SCHEDULE for p in plans),
        planned_h=_sum(p.planned_h for p in ok),
        logged_h=_sum(p.logged_h for p in ok),
    )
