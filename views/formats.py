"""Numbers, money, dates and durations as each language writes them in chat (SPEC §10).

ru: `2,5 ч`, `30.11.2026`, `6 ч 25 мин`; en: `2.5 h`, `30 Nov 2026`, `6 h 25 min`. No padded
zeros (`8 ч`, not `8.00 ч`). Moments are shown in the company time zone, never in UTC. Files keep
SPEC §6's machine format and do not come here (views.csvfile).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from services.units import hours_of, round_half_up

if TYPE_CHECKING:
    from views.i18n import Translator

_DAY = {"ru": "dd.MM.yyyy", "en": "d MMM yyyy"}
_DAY_SHORT = {"ru": "dd.MM", "en": "d MMM"}

Number = Decimal | Fraction | int | float

# number, money and the dates of day and day_short are pure functions of their arguments,
# called thousands of times for a large plan with values that repeat (hours, days, dates): each
# distinct value is formatted by Babel once per process. `typed`: 1, 1.0, Decimal(1) kept apart.


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plain(value: Number, places: int = 2) -> Decimal:
    """The value rounded half up to at most `places` decimals, trailing zeros dropped.

    The result is also what a plural selector sees: 1.00 is "1" (one), 1.5 is "1.5" (other).
    """
    if isinstance(value, float):
        value = Decimal(repr(value))
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        return rounded.quantize(Decimal(1))
    return rounded.normalize()


@lru_cache(maxsize=8192, typed=True)
def number(value: Number, lang: str, places: int = 2) -> str:
    """`1 234,5` / `1,234.5`: grouped, at most `places` decimals, no padded zeros."""
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(plain(value, places), pattern, locale=_locale(lang))


@lru_cache(maxsize=8192, typed=True)
def money(value: Decimal, currency: str, lang: str) -> str:
    """`120 000 ₽` / `RUB 120,000.50`: kopecks only when there are some."""
    locale = _locale(lang)
    pattern = locale.currency_formats["standard"].pattern
    if locale.currency_symbols.get(currency, currency) == currency and pattern.startswith("¤#"):
        pattern = "¤\u00a0" + pattern[1:]  # "RUB 120,000" rather than "RUB120,000"
    amount = round_half_up(value, 2)
    if amount == amount.to_integral_value():
        pattern = pattern.replace("0.00", "0")
    return format_currency(amount, currency, pattern, locale=locale, currency_digits=False)


def day(value: date, lang: str) -> str:
    """`30.11.2026` / `30 Nov 2026`."""
    return _date(_calendar_day(value), _DAY.get(lang, _DAY["en"]), lang)


def day_short(value: date, lang: str) -> str:
    """`30.11` / `30 Nov`: a day of the current weeks, where the year goes without saying."""
    return _date(_calendar_day(value), _DAY_SHORT.get(lang, _DAY_SHORT["en"]), lang)


def _calendar_day(value: date) -> date:
    # Babel writes a moment's own date; two aware moments in different zones are equal (and
    # would share a kept text) while their dates differ, so only the date is kept.
    return value.date() if isinstance(value, datetime) else value


@lru_cache(maxsize=8192)
def _date(value: date, pattern: str, lang: str) -> str:
    return format_date(value, pattern, locale=_locale(lang))


def clock(value: time | datetime) -> str:
    """`09:00` in both languages."""
    return f"{value.hour:02d}:{value.minute:02d}"


def local(value: datetime, tz: str) -> datetime:
    """A stored moment (naive means UTC) in the company time zone."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(tz))


def moment(value: datetime, tz: str, lang: str) -> str:
    """`17.03.2026 09:00` / `17 Mar 2026 09:00`, in the company time zone."""
    at = local(value, tz)
    return f"{day(at.date(), lang)} {clock(at)}"


def hours(value: Number, tr: Translator) -> str:
    """`2,5 ч` / `2.5 h`: an amount of hours (plan, pay, schedules)."""
    return tr("unit-hours", value=number(value, tr.lang))


def hours_of_minutes(minutes: int, tr: Translator) -> str:
    """`8 ч` / `8 h` from stored minutes."""
    return hours(hours_of(minutes), tr)


def duration(minutes: int, tr: Translator) -> str:
    """`6 ч 25 мин` / `6 h 25 min`: time worked or running, to the minute."""
    sign = "-" if minutes < 0 else ""
    whole, rest = divmod(abs(minutes), 60)
    if whole and rest:
        text = tr("unit-hours-minutes", hours=whole, minutes=rest)
    elif whole:
        text = tr("unit-hours", value=whole)
    else:
        text = tr("unit-minutes", value=rest)
    return sign + text


def days(value: Number, tr: Translator) -> str:
    """`1 день`, `2,5 дня`, `5 дней` / `1 day`, `2.5 days`."""
    count = plain(value, 1)
    return tr("unit-days", count=count, value=number(count, tr.lang, 1))
