"""What the calendar commands accept: hours of a day, dates, and whose calendar may change.

Bad input raises DomainError with a locale code whose text shows an example.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from models import Employee
from services.errors import DomainError

DAY_MINUTES = 24 * 60
ECHO = 40  # characters of the user's text repeated back in an error

_HOURS = re.compile(r"([0-9]{1,2})(?:[.,]([0-9]{1,4}))?")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
# DD.MM without a year, as /log takes it (the month always in two digits).
_DM = re.compile(r"([0-9]{1,2})\.([0-9]{2})")
NEAREST_YEARS = 4  # a year without 29 February is at most four years from one with it

# Dates far from today are typos (2062 for 2026), not plans: every calendar command refuses them.
PAST_LIMIT = timedelta(days=10 * 366)
FUTURE_LIMIT = timedelta(days=2 * 366)


def echo(text: str) -> str:
    return text if len(text) <= ECHO else text[: ECHO - 1] + "…"


def parse_hours(text: str) -> int:
    """Hours of one day, 0..24, with an optional fraction after a dot or comma, as minutes
    rounded half up ("7,5" -> 450, "0.01" -> 1)."""
    match = _HOURS.fullmatch(text.strip())
    if match is None:
        raise DomainError("schedule-hours", value=echo(text))
    whole, fraction = match.group(1), match.group(2) or ""
    minutes = int(whole) * 60
    if fraction:
        scale = 10 ** len(fraction)
        minutes += (2 * int(fraction) * 60 + scale) // (2 * scale)
    if minutes > DAY_MINUTES:
        raise DomainError("schedule-hours", value=echo(text))
    return minutes


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD or DD.MM.YYYY, or None when it is neither or no such day exists."""
    text = text.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_day_month(text: str, today: date) -> date | None:
    """DD.MM as the date nearest today: an absence or a holiday may lie shortly before or
    after it ("16.03" in December is next March's only if that is closer than last March)."""
    match = _DM.fullmatch(text.strip())
    if match is None:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    found = []
    for year in range(today.year - NEAREST_YEARS, today.year + NEAREST_YEARS + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: (abs((d - today).days), -d.toordinal()), default=None)


def require_date(text: str, today: date) -> date:
    """A date (YYYY-MM-DD, DD.MM.YYYY or DD.MM) within the accepted range around today, or
    DomainError("calendar-date")."""
    day = parse_date(text) or nearest_day_month(text, today)
    if day is None:
        raise DomainError("calendar-date", value=echo(text))
    first, last = date_bounds(today)
    if not first <= day <= last:
        raise DomainError("calendar-date-range", value=day, first=first, last=last)
    return day


def date_bounds(today: date) -> tuple[date, date]:
    return today - PAST_LIMIT, today + FUTURE_LIMIT


def require_staff(emp: Employee) -> None:
    """Only active staff have a working calendar; externals log no hours."""
    if emp.role == "external" or not emp.active:
        raise DomainError("calendar-not-staff", person=emp.display)
