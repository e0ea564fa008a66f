"""Working calendar: capacity(employee, day) from weekly schedules, absences and holidays.

One place computes capacity. `load_calendar` reads everything it needs for any number of
people in a fixed number of queries; the returned Calendar answers for any day on or after
the `first` day it was loaded for.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays as holidays_pkg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, HolidayOverride, Schedule

Week = tuple[int, int, int, int, int, int, int]


@cache
def country_holidays(country: str, year: int) -> frozenset[date]:
    if not country:
        return frozenset()
    return frozenset(holidays_pkg.country_holidays(country, years=year).keys())


@dataclass
class Holidays:
    """The country's public holidays with the admin's additions and removals applied."""

    country: str
    added: set[date] = field(default_factory=set)
    removed: set[date] = field(default_factory=set)

    def is_holiday(self, day: date) -> bool:
        if day in self.added:
            return True
        if day in self.removed:
            return False
        return day in country_holidays(self.country, day.year)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a public holiday (when the jobs run)."""
        return day.weekday() < 5 and not self.is_holiday(day)


@dataclass
class Calendar:
    holidays: Holidays
    # per employee: effective_from dates ascending, and the week of each
    _starts: dict[int, list[date]] = field(default_factory=dict)
    _weeks: dict[int, list[Week]] = field(default_factory=dict)
    _absent: dict[int, list[tuple[date, date, str]]] = field(default_factory=dict)
    # (first, last) -> how many days of each weekday in that range are not holidays
    _counts: dict[tuple[date, date], tuple[int, ...]] = field(default_factory=dict)

    def add_schedule(self, emp_id: int, effective_from: date, week: Week) -> None:
        starts = self._starts.setdefault(emp_id, [])
        weeks = self._weeks.setdefault(emp_id, [])
        i = bisect.bisect_left(starts, effective_from)
        starts.insert(i, effective_from)
        weeks.insert(i, week)

    def add_absence(self, emp_id: int, first: date, last: date, kind: str) -> None:
        self._absent.setdefault(emp_id, []).append((first, last, kind))

    def week_on(self, emp_id: int, day: date) -> Week | None:
        """The schedule in force on `day`: the latest starting on or before it."""
        starts = self._starts.get(emp_id)
        if not starts:
            return None
        i = bisect.bisect_right(starts, day) - 1
        return self._weeks[emp_id][i] if i >= 0 else None

    def absence_on(self, emp_id: int, day: date) -> str | None:
        for first, last, kind in self._absent.get(emp_id, ()):
            if first <= day <= last:
                return kind
        return None

    def capacity(self, emp_id: int, day: date) -> int | None:
        """Minutes the person can work that day; None when no schedule covers the day."""
        week = self.week_on(emp_id, day)
        if week is None:
            return None
        if self.holidays.is_holiday(day) or self.absence_on(emp_id, day) is not None:
            return 0
        return week[day.weekday()]

    def scheduled_minutes(self, emp_id: int, first: date, last: date) -> int:
        """Capacity summed over first..last, days without a schedule counting 0 (a pay norm)."""
        week = self._one_week_over(emp_id, first, last)
        if week is not None:
            # The common case, in a payroll of thousands: one week and no absence all along,
            # so only the number of non-holiday days of each weekday matters.
            counts = self._weekday_counts(first, last)
            return sum(minutes * count for minutes, count in zip(week, counts, strict=True))
        total, day = 0, first
        while day <= last:
            total += self.capacity(emp_id, day) or 0
            day += timedelta(days=1)
        return total

    def _one_week_over(self, emp_id: int, first: date, last: date) -> Week | None:
        """The person's only schedule over first..last when no absence falls in it, else None."""
        starts = self._starts.get(emp_id)
        if not starts:
            return None
        i = bisect.bisect_right(starts, first) - 1
        if i < 0 or (i + 1 < len(starts) and starts[i + 1] <= last):
            return None
        if any(a <= last and b >= first for a, b, _ in self._absent.get(emp_id, ())):
            return None
        return self._weeks[emp_id][i]

    def _weekday_counts(self, first: date, last: date) -> tuple[int, ...]:
        counts = self._counts.get((first, last))
        if counts is None:
            tally = [0] * 7
            day = first
            while day <= last:
                if not self.holidays.is_holiday(day):
                    tally[day.weekday()] += 1
                day += timedelta(days=1)
            counts = self._counts[(first, last)] = tuple(tally)
        return counts


_WEEK_COLUMNS = (
    Schedule.mon,
    Schedule.tue,
    Schedule.wed,
    Schedule.thu,
    Schedule.fri,
    Schedule.sat,
    Schedule.sun,
)


async def load_holidays(session: AsyncSession, country: str) -> Holidays:
    result = Holidays(country=country)
    for override in await session.scalars(select(HolidayOverride)):
        (result.added if override.kind == "add" else result.removed).add(override.day)
    return result


async def load_calendar(
    session: AsyncSession, employee_ids: Iterable[int] | None, first: date, country: str
) -> Calendar:
    """Schedules, absences (ending on or after `first`) and holidays in three queries.
    `employee_ids=None` loads everyone."""
    ids = None if employee_ids is None else sorted(set(employee_ids))
    cal = Calendar(holidays=await load_holidays(session, country))
    if ids == []:
        return cal
    # Plain columns, not ORM objects: a payroll loads thousands of schedules.
    schedules = select(Schedule.employee_id, Schedule.effective_from, *_WEEK_COLUMNS)
    absences = select(Absence.employee_id, Absence.date_from, Absence.date_to, Absence.kind)
    absences = absences.where(Absence.date_to >= first)
    if ids is not None:
        schedules = schedules.where(Schedule.employee_id.in_(ids))
        absences = absences.where(Absence.employee_id.in_(ids))
    for emp_id, effective_from, *week in await session.execute(schedules):
        cal.add_schedule(emp_id, effective_from, tuple(week))  # type: ignore[arg-type]
    for emp_id, date_from, date_to, kind in await session.execute(absences):
        cal.add_absence(emp_id, date_from, date_to, kind)
    return cal
