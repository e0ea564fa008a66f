"""The admin's changes to the public holidays, and the year's list `/holiday` shows.

One holiday_overrides row per day at most: "add" makes a day a holiday, "remove" makes a country
holiday a normal working day. Rows are only kept where they change something, so the table
always reads as "how this company differs from the country calendar":

* add on a country holiday that was removed deletes the removal (the day is a holiday again);
  add on a country holiday that stands changes nothing; add on any other day stores "add"
  (a later add on that day replaces its name).
* remove on an added day deletes the addition; remove on a country holiday stores "remove";
  remove on a day that is no holiday changes nothing and says so.
* short makes a day one hour shorter (stores "short", whatever the day was); workday makes a day
  off a working day with the hours of the person's Monday (stores "workday"). Either says so and
  stores nothing when the day already is one.
* remove on a "short" or "workday" correction deletes it; on the country's short day or working
  Saturday it stores "remove": the day becomes an ordinary day of its weekday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays as holidays_pkg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import HolidayOverride
from services import locks
from services.calendar import SHORT, WORKDAY, Holidays, country_holidays
from services.calendar_input import date_bounds
from services.errors import DomainError

MAX_NAME = 100

# outcomes
ADDED = "added"  # a new company holiday (or its new name)
RESTORED = "restored"  # a removed country holiday is a holiday again
ALREADY_HOLIDAY = "already-holiday"
REMOVED = "removed"  # the day is now a working day
ALREADY_WORKING = "already-working"  # a country holiday the admin had already removed
SHORTENED = "shortened"
ALREADY_SHORT = "already-short"
WORKDAY_SET = "workday"
ALREADY_WORKDAY = "already-workday"
CLEARED = "cleared"  # a short/workday correction undone: the day is as the country has it
ORDINARY = "ordinary"  # the country's short day or working Saturday made an ordinary day


@dataclass(frozen=True)
class HolidayLine:
    day: date
    name: str
    # None: the country's holiday; "add": added; "remove": removed, a working day;
    # "short": a day an hour shorter; "workday": a day off made a working day
    mark: str | None


def clean_name(text: str) -> str:
    name = " ".join("".join(ch for ch in text if ch.isprintable()).split())
    if len(name) > MAX_NAME:
        raise DomainError("holiday-name", length=len(name), max=MAX_NAME)
    return name


@cache
def _country_names(country: str, year: int, lang: str) -> dict[date, str]:
    if not country:
        return {}
    supported = holidays_pkg.country_holidays(country).supported_languages
    wanted = next((code for code in (lang, f"{lang}_US") if code in supported), None)
    return dict(holidays_pkg.country_holidays(country, years=year, language=wanted).items())


async def add_holiday(session: AsyncSession, day: date, name: str, country: str) -> str:
    override = await session.get(HolidayOverride, day)
    if day in country_holidays(country, day.year):
        if override is None:
            return ALREADY_HOLIDAY
        await session.delete(override)  # whatever it said, the country's holiday stands
        await session.commit()
        return RESTORED if override.kind == "remove" else ALREADY_HOLIDAY
    if override is None:
        override = HolidayOverride(day=day)
        session.add(override)
    override.kind, override.name = "add", name
    await session.commit()
    return ADDED


def _special(holidays: Holidays, day: date) -> bool:
    """The country makes the day an hour shorter or a working weekend day."""
    return holidays.is_short(day) or (day.weekday() >= 5 and holidays.is_working_day(day))


async def _store(
    session: AsyncSession, day: date, override: HolidayOverride | None, kind: str
) -> None:
    if override is None:
        override = HolidayOverride(day=day)
        session.add(override)
    override.kind, override.name = kind, ""
    await session.commit()


async def short_day(session: AsyncSession, day: date, country: str) -> str:
    override = await session.get(HolidayOverride, day)
    current = Holidays(country, {} if override is None else {day: override.kind})
    if current.is_short(day) and not current.is_holiday(day):
        return ALREADY_SHORT
    await _store(session, day, override, SHORT)
    return SHORTENED


async def working_day(session: AsyncSession, day: date, country: str) -> str:
    override = await session.get(HolidayOverride, day)
    current = Holidays(country, {} if override is None else {day: override.kind})
    if current.is_working_day(day):
        return ALREADY_WORKDAY
    await _store(session, day, override, WORKDAY)
    return WORKDAY_SET


async def remove_holiday(session: AsyncSession, day: date, country: str) -> str:
    override = await session.get(HolidayOverride, day)
    in_country = day in country_holidays(country, day.year)
    if override is not None and override.kind in (SHORT, WORKDAY):
        await session.delete(override)
        await session.commit()
        return CLEARED
    if not in_country:
        if override is None and _special(Holidays(country), day):
            await _store(session, day, None, "remove")
            return ORDINARY
        if override is None or override.kind != "add":
            raise DomainError("holiday-not-holiday", day=day)
        await session.delete(override)
    elif override is None:
        session.add(HolidayOverride(day=day, kind="remove", name=""))
    elif override.kind == "remove":
        return ALREADY_WORKING
    else:
        override.kind, override.name = "remove", ""
    await session.commit()
    return REMOVED


async def change_day(session: AsyncSession, action: str, day: date, name: str, country: str) -> str:
    """`/holiday add|remove|short|workday DAY [NAME]` (the action as services.keywords.HOLIDAY
    reads it): the outcome's name. A day of a locked
    month is refused, and so is the first of a month after a locked one (it decides whether
    the day before is short)."""
    await locks.refuse_locked(session, day - timedelta(days=1), day)
    if action == "add":
        return await add_holiday(session, day, name, country)
    if action == "short":
        return await short_day(session, day, country)
    if action == "workday":
        return await working_day(session, day, country)
    return await remove_holiday(session, day, country)


async def year_holidays(
    session: AsyncSession, year: int, country: str, lang: str
) -> list[HolidayLine]:
    """The country's holidays of the year with the company's additions and removals marked."""
    names = _country_names(country, year, lang)
    lines = {day: HolidayLine(day, name, None) for day, name in names.items()}
    overrides = await session.scalars(
        select(HolidayOverride).where(
            HolidayOverride.day >= date(year, 1, 1), HolidayOverride.day <= date(year, 12, 31)
        )
    )
    kinds: dict[date, str] = {}
    for override in overrides:
        kinds[override.day] = override.kind
        if override.kind == "add":
            lines[override.day] = HolidayLine(override.day, override.name, "add")
        elif override.kind == "remove" and override.day in lines:
            lines[override.day] = HolidayLine(override.day, names[override.day], "remove")
    # Short days and working weekend days, the country's and the admin's.
    holidays = Holidays(country, kinds)
    for day in holidays.special_days(date(year, 1, 1), date(year, 12, 31)):
        if holidays.is_holiday(day):
            continue
        if day.weekday() >= 5 and holidays.is_working_day(day):
            lines[day] = HolidayLine(day, "", WORKDAY)
        elif holidays.is_short(day) and (day.weekday() < 5 or kinds.get(day) == SHORT):
            lines[day] = HolidayLine(day, "", SHORT)
    return [lines[day] for day in sorted(lines)]


def check_year(year: int, today: date) -> int:
    first, last = date_bounds(today)
    if not first.year <= year <= last.year:
        raise DomainError("holiday-year", first=first.year, last=last.year)
    return year
