"""The admin's changes to the public holidays, and the year's list `/holiday` shows.

One holiday_overrides row per day at most: "add" makes a day a holiday, "remove" makes a country
holiday a normal working day. Rows are only kept where they change something, so the table
always reads as "how this company differs from the country calendar":

* add on a country holiday that was removed deletes the removal (the day is a holiday again);
  add on a country holiday that stands changes nothing; add on any other day stores "add"
  (a later add on that day replaces its name).
* remove on an added day deletes the addition; remove on a country holiday stores "remove";
  remove on a day that is no holiday changes nothing and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import holidays as holidays_pkg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import HolidayOverride
from services.calendar import country_holidays
from services.calendar_input import date_bounds
from services.errors import DomainError

MAX_NAME = 100

# outcomes
ADDED = "added"  # a new company holiday (or its new name)
RESTORED = "restored"  # a removed country holiday is a holiday again
ALREADY_HOLIDAY = "already-holiday"
REMOVED = "removed"  # the day is now a working day
ALREADY_WORKING = "already-working"  # a country holiday the admin had already removed


@dataclass(frozen=True)
class HolidayLine:
    day: date
    name: str
    mark: str | None  # None: the country's; "add": added; "remove": removed, a working day


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


async def remove_holiday(session: AsyncSession, day: date, country: str) -> str:
    override = await session.get(HolidayOverride, day)
    in_country = day in country_holidays(country, day.year)
    if not in_country:
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
    for override in overrides:
        if override.kind == "add":
            lines[override.day] = HolidayLine(override.day, override.name, "add")
        elif override.day in lines:
            lines[override.day] = HolidayLine(override.day, names[override.day], "remove")
    return [lines[day] for day in sorted(lines)]


def check_year(year: int, today: date) -> int:
    first, last = date_bounds(today)
    if not first.year <= year <= last.year:
        raise DomainError("holiday-year", first=first.year, last=last.year)
    return year
