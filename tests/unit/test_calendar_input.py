"""Hours of a day and dates as the calendar commands accept them."""

from __future__ import annotations

from datetime import date

import pytest

from services.calendar_input import parse_date, parse_hours, require_date
from services.errors import DomainError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("0", 0),
        ("8", 480),
        ("7.5", 450),
        ("7,5", 450),
        ("07,25", 435),
        ("0.01", 1),  # 0.6 min rounds half up to 1
        ("0.0083", 0),  # 0.498 min
        ("0.0084", 1),  # 0.504 min
        ("23.9999", 1440),
        ("24", 1440),
        ("24.0", 1440),
    ],
)
def test_hours_become_minutes(text: str, minutes: int) -> None:
    assert parse_hours(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "25", "24.01", "-1", "+8", "8h", "eight", "8.", ".5", "1e1", "8,5,5", "٨", "100"]
)
def test_not_hours(text: str) -> None:
    with pytest.raises(DomainError) as error:
        parse_hours(text)
    assert error.value.code == "schedule-hours"


def test_dates_in_both_forms() -> None:
    assert parse_date("2026-04-01") == date(2026, 4, 1)
    assert parse_date("1.04.2026") == date(2026, 4, 1)
    assert parse_date("01.4.2026") == date(2026, 4, 1)
    for bad in ("2026-4-1", "01.04.26", "2026-02-29", "31.04.2026", "today", "01/04/2026", ""):
        assert parse_date(bad) is None, bad


def test_dates_far_from_today_are_refused() -> None:
    today = date(2026, 3, 11)
    assert require_date("2028-03-01", today) == date(2028, 3, 1)
    with pytest.raises(DomainError) as error:
        require_date("2029-03-01", today)
    assert error.value.code == "calendar-date-range"
    with pytest.raises(DomainError) as error:
        require_date("2026-02-30", today)
    assert error.value.code == "calendar-date"
