"""The one units module: rounding, minutes and hours, months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from services.units import (
    add_months,
    hours_of,
    hours_to_minutes,
    month_bounds,
    month_code,
    month_end,
    next_month,
    parse_month,
    previous_month,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(5, 1000), 2, "0.01"),
        (Fraction(-5, 1000), 2, "-0.01"),
        (Fraction(-4, 1000), 2, "0.00"),
        (Fraction(25, 100), 1, "0.3"),
        (Decimal("2.345"), 2, "2.35"),
        (7, 2, "7.00"),
    ],
)
def test_round_half_up(value: Fraction | Decimal | int, places: int, expected: str) -> None:
    assert str(round_half_up(value, places)) == expected


def test_round_half_up_refuses_nan() -> None:
    with pytest.raises(ValueError):
        round_half_up(Decimal("NaN"))


def test_minutes_and_hours() -> None:
    assert hours_of(90) == Decimal("1.50")
    assert hours_of(1) == Decimal("0.02")
    assert hours_to_minutes(Decimal("0.01")) == 1
    assert hours_to_minutes(Fraction(1, 120)) == 1  # half a minute rounds up


def test_months() -> None:
    assert month_bounds(date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_end(date(2026, 12, 5)) == date(2026, 12, 31)
    assert next_month(date(2026, 12, 31)) == date(2027, 1, 1)
    assert previous_month(date(2026, 1, 15)) == date(2025, 12, 1)
    assert add_months(date(2026, 3, 1), -14) == date(2025, 1, 1)
    assert month_code(date(2026, 3, 1)) == "2026-03"
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert parse_month("2026-13") is None
    assert parse_month("2026-3") is None
