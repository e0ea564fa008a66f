"""Monthly norms of an 8-hour Monday–Friday person against the published production calendars.

Figures: "Производственный календарь на 2024/2025/2026 год (Минтруд России / Консультант Плюс)",
the norm of working time at a 40-hour week, in hours, January to December. Each year's sum is the
calendar's annual norm (2024: 1979, 2025: 1972, 2026: 1972).
"""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date

import pytest

from services.calendar import Calendar, Holidays

EIGHT = (480, 480, 480, 480, 480, 0, 0)

PUBLISHED = {
    2024: (136, 159, 159, 168, 159, 151, 184, 176, 168, 184, 167, 168),
    2025: (136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176),
    2026: (120, 152, 168, 175, 151, 167, 184, 168, 176, 176, 159, 176),
}
ANNUAL = {2024: 1979, 2025: 1972, 2026: 1972}


def norm_hours(cal: Calendar, year: int, month: int) -> int:
    last = stdlib_calendar.monthrange(year, month)[1]
    minutes = cal.scheduled_minutes(1, date(year, month, 1), date(year, month, last))
    assert minutes % 60 == 0
    return minutes // 60


def eight_hours(holidays: Holidays | None = None) -> Calendar:
    cal = Calendar(holidays=holidays or Holidays(country="RU"))
    cal.add_schedule(1, date(2023, 1, 2), EIGHT)
    return cal


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_monthly_norms_equal_the_published_calendar(year: int) -> None:
    cal = eight_hours()
    norms = tuple(norm_hours(cal, year, month) for month in range(1, 13))
    assert norms == PUBLISHED[year]
    assert sum(norms) == ANNUAL[year]


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        (date(2026, 4, 30), 7),  # before 1 May
        (date(2026, 5, 8), 7),  # Friday before 9 May, a Saturday
        (date(2026, 3, 6), 8),  # Friday before a weekend that holds 8 March: not shortened
        (date(2025, 5, 7), 8),  # before 8 May 2025, a day off by transfer, not a holiday
        (date(2024, 11, 2), 7),  # working Saturday for Tuesday 30 April, itself before 1 May
        (date(2024, 4, 27), 8),  # working Saturday for Monday 29 April
        (date(2024, 12, 28), 8),  # working Saturday for Monday 30 December
        (date(2025, 11, 1), 7),  # working Saturday for Monday 3 November, before 4 November
        (date(2024, 4, 29), 0),  # the day off 27 April gave
        (date(2026, 12, 30), 8),  # 31 December 2026 is a day off by transfer, not a holiday
    ],
)
def test_short_days_and_transfers(day: date, hours: int) -> None:
    assert eight_hours().capacity(1, day) == hours * 60


def test_a_transfer_works_with_the_hours_of_the_weekday_it_replaces() -> None:
    cal = Calendar(holidays=Holidays(country="RU"))
    cal.add_schedule(1, date(2024, 1, 1), (600, 420, 480, 480, 300, 0, 0))
    assert cal.capacity(1, date(2024, 4, 27)) == 600  # a Monday's 10 h
    assert cal.capacity(1, date(2024, 11, 2)) == 420 - 60  # a Tuesday's 7 h, before a holiday


def test_admin_corrections() -> None:
    holidays = Holidays(
        country="RU",
        overrides={
            date(2026, 3, 13): "short",  # an ordinary Friday made an hour shorter
            date(2026, 3, 14): "workday",  # a Saturday made working, with a Monday's hours
            date(2026, 4, 30): "remove",  # the country's short day made a full one
            date(2024, 11, 2): "remove",  # the country's working Saturday a day off again
        },
    )
    cal = eight_hours(holidays)
    assert cal.capacity(1, date(2026, 3, 13)) == 420
    assert cal.capacity(1, date(2026, 3, 14)) == 480
    assert holidays.is_working_day(date(2026, 3, 14))
    assert cal.capacity(1, date(2026, 4, 30)) == 480
    assert cal.capacity(1, date(2024, 11, 2)) == 0
    assert not holidays.is_working_day(date(2024, 11, 2))
    assert norm_hours(cal, 2026, 3) == 168 - 1 + 8
    assert norm_hours(cal, 2026, 4) == 176


def test_removing_a_holiday_ends_the_short_day_before_it() -> None:
    cal = eight_hours(Holidays(country="RU", overrides={date(2026, 5, 1): "remove"}))
    assert cal.capacity(1, date(2026, 4, 30)) == 480
    assert cal.capacity(1, date(2026, 5, 1)) == 480


def test_no_country_no_short_days() -> None:
    cal = eight_hours(Holidays(country=""))
    assert norm_hours(cal, 2026, 4) == 176
    assert cal.capacity(1, date(2024, 11, 2)) == 0
