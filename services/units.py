"""Units and their arithmetic, once for the whole project.

Rounding is half up (half away from zero) computed on exact values, so neither a decimal context
nor float noise can move a result; minutes are the stored unit of time and hours come from them;
months are identified by their first day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

_MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")


# --------------------------------------------------------------------------- rounding


def round_half_up(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals, with exactly that scale.

    Raises ``ValueError`` for NaN and infinities. Zero never comes out negative.
    """
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"cannot round {value}")
    scaled = Fraction(value) * 10**places
    # floor(|x| + 1/2) is half-up on the magnitude, which is half away from zero overall.
    units = int(abs(scaled) + Fraction(1, 2))
    sign = "-" if scaled < 0 and units else ""
    # Building from a string with an explicit exponent is exact and fixes the scale.
    return Decimal(f"{sign}{units}E-{places}")


def round_money(value: Fraction | Decimal | int) -> Decimal:
    """Money rounded half up to 0.01 (-0.005 becomes -0.01)."""
    return round_half_up(value, 2)


# --------------------------------------------------------------------------- time


def minutes_to_hours(minutes: Fraction | int) -> Fraction:
    """Exact hours of a number of minutes."""
    return Fraction(minutes) / 60


def hours_of(minutes: Fraction | int, places: int = 2) -> Decimal:
    """Hours of a number of minutes, rounded half up: 90 -> 1.50, 1 -> 0.02."""
    if isinstance(minutes, int) and places == 2:
        # The same half-up rounding in integers: |m| / 60 * 100 + 1/2 = (10 |m| + 3) / 6.
        # A plan of 500 people rounds tens of thousands of these; Fraction made it slow.
        units = (abs(minutes) * 10 + 3) // 6
        return Decimal(units if minutes >= 0 else -units).scaleb(-2)
    return round_half_up(minutes_to_hours(minutes), places)


def hours_to_minutes(hours: Fraction | Decimal | int) -> int:
    """Whole minutes of a number of hours, rounded half up (0.01 h is 0.6 min, so 1)."""
    return int(round_half_up(Fraction(hours) * 60, 0))


# --------------------------------------------------------------------------- months


def month_start(day: date) -> date:
    """The first day of the month that contains ``day`` (a month's identity)."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the month that contains ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month_bounds(day: date) -> tuple[date, date]:
    """First and last day of the month that contains ``day``."""
    return month_start(day), month_end(day)


def add_months(day: date, count: int) -> date:
    """The first day of the month ``count`` months after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def next_month(day: date) -> date:
    return add_months(day, 1)


def previous_month(day: date) -> date:
    return add_months(day, -1)


def month_code(month: date) -> str:
    """``YYYY-MM``: how a month is written in commands, files and job periods."""
    return f"{month.year:04d}-{month.month:02d}"


def parse_month(text: str) -> date | None:
    """``"YYYY-MM"`` to the first day of that month; ``None`` for anything else.

    Strict on purpose: "2026-3", "202603", "2026-13" and surrounding spaces are rejected rather
    than guessed, because a pay setting applied to the wrong month changes someone's money.
    """
    match = _MONTH_RE.fullmatch(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or year < 1:
        return None
    return date(year, month, 1)
