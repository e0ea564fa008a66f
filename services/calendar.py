"""Working calendar: capacity(employee, day) from weekly schedules, absences and holidays.

One place computes capacity (`Calendar.capacity`, through `Calendar._day_minutes`), with the
rules of the official production calendar (SPEC §2):

* a public holiday, or a day off given by a transfer, has no capacity;
* a working day immediately before a public holiday is one hour shorter (Labour Code art. 95);
  "public holiday" here is a holiday proper of the country, not a day off gained by a transfer or
  a holiday moved off a weekend ("observed");
* a weekend day made a working day by a transfer is worked with the hours of the weekday whose
  day off it gave (and one hour shorter when that weekday was itself before a public holiday);
* the admin's corrections (`/holiday add|remove|short|workday`) override the country's: "add"
  makes a day a holiday, "remove" makes a day an ordinary day of its weekday again, "short" one
  hour shorter, "workday" a working day with the hours of the person's Monday.

Sums over a range (`capacity_sum`, `scheduled_minutes`, `working_days`) are O(weeks + special
days): a weekly pattern times whole weeks, then a correction for each exception (holidays, short
days, transfers, absences, schedule changes), never a walk over every day.

`load_calendar` reads everything it needs for any number of people in a fixed number of queries;
the returned Calendar answers for any day on or after the `first` day it was loaded for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays as holidays_pkg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, HolidayOverride, Schedule

Week = tuple[int, int, int, int, int, int, int]

SHORTER_BY = 60  # minutes: art. 95, one hour
# Range sums a calendar keeps (Calendar._week_span); the cached company calendar lives on.
_WEEK_SPANS_KEPT = 50_000
_DAY = timedelta(days=1)

# override kinds (holiday_overrides.kind)
ADD, REMOVE, SHORT, WORKDAY = "add", "remove", "short", "workday"


@dataclass(frozen=True)
class CountryYear:
    """One year of a country's official calendar."""

    holidays: frozenset[date]  # every day off: holidays proper, observed and transferred ones
    feasts: frozenset[date]  # holidays proper: the days that shorten the day before
    workdays: dict[date, date | None]  # a weekend day made working -> the day off it gave


def _label_re(label: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in label.split("%s")))


@cache
def country_year(country: str, year: int) -> CountryYear:
    if not country:
        return CountryYear(frozenset(), frozenset(), {})
    found = holidays_pkg.country_holidays(country, years=year)
    # A transferred day off is named after the weekend day it came from; an observed one after
    # the holiday it replaces. Neither is a holiday proper.
    substituted = getattr(found, "substituted_label", None)
    observed = getattr(found, "observed_label", None)
    patterns = [_label_re(found.tr(label)) for label in (substituted, observed) if label]
    feasts = frozenset(
        day
        for day, names in found.items()
        if not any(p.fullmatch(name) for p in patterns for name in names.split("; "))
    )
    return CountryYear(frozenset(found.keys()), feasts, _transfers(found, country, year))


def _transfers(found: holidays_pkg.HolidayBase, country: str, year: int) -> dict[date, date | None]:
    workdays = {day for day in getattr(found, "weekend_workdays", ()) if day.year == year}
    if not workdays:
        return {}
    label = found.tr(found.substituted_label)
    date_format = found.tr(found.substituted_date_format)
    # The day off may fall in the next or the previous year.
    nearby = holidays_pkg.country_holidays(country, years=(year - 1, year, year + 1))
    by_name = {name: day for day, names in nearby.items() for name in names.split("; ")}
    return {day: by_name.get(label % day.strftime(date_format)) for day in workdays}


def country_holidays(country: str, year: int) -> frozenset[date]:
    return country_year(country, year).holidays


@cache
def _country_specials(country: str, year: int) -> tuple[date, ...]:
    """The days of `year` whose capacity may differ from their weekday's, sorted."""
    this, after = country_year(country, year), country_year(country, year + 1)
    days = set(this.holidays) | set(this.workdays)
    days |= {feast - _DAY for feast in this.feasts | after.feasts}
    return tuple(sorted(day for day in days if day.year == year))


@dataclass
class Holidays:
    """The country's calendar with the admin's corrections applied."""

    country: str
    overrides: dict[date, str] = field(default_factory=dict)  # day -> ADD/REMOVE/SHORT/WORKDAY

    @property
    def added(self) -> set[date]:
        return {day for day, kind in self.overrides.items() if kind == ADD}

    def is_holiday(self, day: date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == ADD
        return day in country_year(self.country, day.year).holidays

    def _is_feast(self, day: date) -> bool:
        return day not in self.overrides and day in country_year(self.country, day.year).feasts

    def is_short(self, day: date) -> bool:
        """One hour shorter: the admin said so, or the next day is a public holiday."""
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == SHORT
        return day < date.max and self._is_feast(day + _DAY)

    def _transfer(self, day: date) -> tuple[bool, date | None]:
        """(True, the day off it gave) for a weekend day the country made a working day."""
        if day in self.overrides:
            return False, None
        workdays = country_year(self.country, day.year).workdays
        return (True, workdays[day]) if day in workdays else (False, None)

    def is_working_day(self, day: date) -> bool:
        """A working day of the official calendar (when the daily jobs run): Monday to Friday
        that is not a holiday, or a weekend day made a working day."""
        if self.is_holiday(day):
            return False
        return day.weekday() < 5 or self.overrides.get(day) == WORKDAY or self._transfer(day)[0]

    def day_minutes(self, week: Week, day: date) -> int:
        """Capacity of `day` under the weekly schedule `week`, absences aside."""
        if self.is_holiday(day):
            return 0
        minutes, short = week[day.weekday()], self.is_short(day)
        transfer, source = self._transfer(day)
        if self.overrides.get(day) == WORKDAY or (transfer and source is None):
            minutes = week[0]  # a working day with no known counterpart: a Monday's hours
        elif source is not None:
            # The hours of the day off it gave, shortened as that day would have been.
            minutes, short = week[source.weekday()], self.is_short(source)
        return max(0, minutes - SHORTER_BY) if short else minutes

    def special_days(self, first: date, last: date) -> list[date]:
        """Every day in first..last whose capacity may differ from its weekday's, sorted."""
        days: set[date] = set()
        for year in range(first.year, last.year + 1):
            specials = _country_specials(self.country, year)
            lo = bisect.bisect_left(specials, first)
            hi = bisect.bisect_right(specials, last)
            days.update(specials[lo:hi])
        for day in self.overrides:
            # An override also changes whether the day before is short.
            days.update(d for d in (day, day - _DAY) if first <= d <= last)
        return sorted(days)


def _pattern_sum(week: Week, first: date, last: date) -> tuple[int, int]:
    """Minutes and days with minutes > 0 over first..last by the weekly pattern alone."""
    count = (last - first).days + 1
    whole, rest = divmod(count, 7)
    start = first.weekday()
    tail = [week[(start + i) % 7] for i in range(rest)]
    minutes = whole * sum(week) + sum(tail)
    working = whole * sum(m > 0 for m in week) + sum(m > 0 for m in tail)
    return minutes, working


@dataclass(frozen=True)
class Span:
    minutes: int  # capacity summed, days without a schedule counting 0
    working: int  # days with capacity > 0
    unscheduled: int  # days no schedule covers


@dataclass
class Calendar:
    holidays: Holidays
    # per employee: effective_from dates ascending, and the week of each
    _starts: dict[int, list[date]] = field(default_factory=dict)
    _weeks: dict[int, list[Week]] = field(default_factory=dict)
    _absent: dict[int, list[tuple[date, date, str]]] = field(default_factory=dict)
    # _week_span's and _week_days' answers; the holidays must not change once the calendar is
    # in use.
    _week_spans: dict[tuple[Week, date, date], tuple[int, int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _week_runs: dict[tuple[Week, date, date], tuple[int, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add_schedule(self, emp_id: int, effective_from: date, week: Week) -> None:
        starts = self._starts.setdefault(emp_id, [])
        weeks = self._weeks.setdefault(emp_id, [])
        i = bisect.bisect_left(starts, effective_from)
        starts.insert(i, effective_from)
        weeks.insert(i, week)

    def add_absence(self, emp_id: int, first: date, last: date, kind: str) -> None:
        absences = self._absent.setdefault(emp_id, [])
        bisect.insort(absences, (first, last, kind))

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
        if self.absence_on(emp_id, day) is not None:
            return 0
        return self.holidays.day_minutes(week, day)

    def span(self, emp_id: int, first: date, last: date, extend: bool = False) -> Span:
        """Capacity over first..last inclusive in O(weeks + special days). With `extend`, days
        before the person's first schedule count with that schedule (a whole month's norm)."""
        minutes = working = unscheduled = 0
        for a, b, week in self._segments(emp_id, first, last, extend):
            if week is None:
                unscheduled += (b - a).days + 1
                continue
            for c, d in self._present(emp_id, a, b):
                m, w = self._week_span(week, c, d)
                minutes, working = minutes + m, working + w
        return Span(minutes, working, unscheduled)

    def _week_span(self, week: Week, first: date, last: date) -> tuple[int, int]:
        """Minutes and working days over first..last under `week`, holidays applied, nobody
        absent. Kept per (week, first, last): most people share a week, and a plan of many
        people asks each the same ranges (their forecast from today, a group's task windows)."""
        key = (week, first, last)
        found = self._week_spans.get(key)
        if found is None:
            minutes, working = _pattern_sum(week, first, last)
            for day in self.holidays.special_days(first, last):
                usual = week[day.weekday()]
                actual = self.holidays.day_minutes(week, day)
                minutes += actual - usual
                working += (actual > 0) - (usual > 0)
            if len(self._week_spans) >= _WEEK_SPANS_KEPT:
                self._week_spans.clear()
            found = self._week_spans[key] = (minutes, working)
        return found

    def capacities(self, emp_id: int, first: date, last: date) -> list[int | None]:
        """`capacity` of every day of first..last, in order: the weekly pattern repeated, then
        the special days and absences put in (O(days) list work, no call per day)."""
        out: list[int | None] = []
        for a, b, week in self._segments(emp_id, first, last):
            count = (b - a).days + 1
            if week is None:
                out.extend([None] * count)
                continue
            caps: list[int | None] = list(self._week_days(week, a, b, count))
            for x, y, _ in self._absent.get(emp_id, ()):
                lo, hi = max(x, a), min(y, b)
                if lo <= hi:
                    caps[(lo - a).days : (hi - a).days + 1] = [0] * ((hi - lo).days + 1)
            out.extend(caps)
        return out

    def _week_days(self, week: Week, first: date, last: date, count: int) -> tuple[int, ...]:
        """The capacity of each day of first..last under `week`, holidays applied, nobody
        absent; kept like _week_span's sums (a plan's forecasts ask everyone the same weeks)."""
        key = (week, first, last)
        found = self._week_runs.get(key)
        if found is None:
            start = first.weekday()
            caps = [week[(start + i) % 7] for i in range(count)]
            for day in self.holidays.special_days(first, last):
                caps[(day - first).days] = self.holidays.day_minutes(week, day)
            if len(self._week_runs) >= _WEEK_SPANS_KEPT:
                self._week_runs.clear()
            found = self._week_runs[key] = tuple(caps)
        return found

    def capacity_sum(self, emp_id: int, first: date, last: date) -> int | None:
        """Capacity summed over first..last; 0 when empty; None when a day has no schedule."""
        if first > last:
            return 0
        span = self.span(emp_id, first, last)
        return None if span.unscheduled else span.minutes

    def working_days(self, emp_id: int, first: date, last: date) -> int | None:
        """Days with capacity > 0 in first..last; 0 when empty; None when a day has no schedule."""
        if first > last:
            return 0
        span = self.span(emp_id, first, last)
        return None if span.unscheduled else span.working

    def plan_span(self, emp_id: int, first: date, last: date) -> tuple[int, int] | None:
        """(minutes, working days) over first..last, None when a day has no schedule."""
        starts = self._starts.get(emp_id)
        if (
            starts is not None
            and len(starts) == 1
            and starts[0] <= first <= last
            and not self._absent.get(emp_id)
        ):
            # One schedule over the whole range and no absence: the sums kept for its week.
            return self._week_span(self._weeks[emp_id][0], first, last)
        span = self.span(emp_id, first, last)
        return None if span.unscheduled else (span.minutes, span.working)

    def hired_on(self, emp_id: int) -> date | None:
        """The start of the person's first schedule: when they began to work (SPEC §6)."""
        starts = self._starts.get(emp_id)
        return starts[0] if starts else None

    def absence_days(self, emp_id: int, first: date, last: date) -> dict[str, int]:
        """Calendar days of each absence kind within first..last."""
        days: dict[str, int] = {}
        for a, b, kind in self._absent.get(emp_id, ()):
            lo, hi = max(a, first), min(b, last)
            if lo <= hi:
                days[kind] = days.get(kind, 0) + (hi - lo).days + 1
        return days

    def scheduled_minutes(self, emp_id: int, first: date, last: date) -> int:
        """Capacity summed over first..last, days without a schedule counting 0 (a pay norm)."""
        return 0 if first > last else self.span(emp_id, first, last).minutes

    def _segments(
        self, emp_id: int, first: date, last: date, extend: bool = False
    ) -> Iterator[tuple[date, date, Week | None]]:
        """first..last cut where the schedule changes, with the week of each piece."""
        starts = self._starts.get(emp_id, [])
        weeks = self._weeks.get(emp_id, [])
        i = bisect.bisect_right(starts, first) - 1
        day = first
        while day <= last:
            nxt = starts[i + 1] if i + 1 < len(starts) else None
            end = last if nxt is None or nxt > last else nxt - _DAY
            week = weeks[i] if i >= 0 else (weeks[0] if extend and weeks else None)
            yield day, end, week
            if end == date.max:
                return
            day, i = end + _DAY, i + 1

    def _present(self, emp_id: int, first: date, last: date) -> Iterator[tuple[date, date]]:
        """The parts of first..last that no absence covers."""
        day = first
        for a, b, _ in self._absent.get(emp_id, ()):
            if b < day:
                continue
            if a > last:
                break
            if a > day:
                yield day, a - _DAY
            if b >= last:
                return
            day = max(day, b + _DAY)
        if day <= last:
            yield day, last


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
    rows = await session.execute(select(HolidayOverride.day, HolidayOverride.kind))
    return Holidays(country=country, overrides={day: kind for day, kind in rows})


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
