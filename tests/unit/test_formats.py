"""Numbers, money, dates and durations as each language writes them in chat (SPEC §10)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from services.timeparse import MAX_MINUTES, LogRequest, looks_like_log, parse_duration, parse_log
from views import formats
from views.i18n import Translator

RU, EN = Translator("ru"), Translator("en")
TODAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("minutes", "lang", "expected"),
    [
        (150, "ru", "2 ч 30 мин"),
        (45, "ru", "45 мин"),
        (385, "ru", "6 ч 25 мин"),
        (1440, "ru", "24 ч"),
        (0, "ru", "0 мин"),
        (150, "en", "2 h 30 min"),
        (180, "en", "3 h"),
        (0, "en", "0 min"),
        (-90, "en", "-1 h 30 min"),
    ],
)
def test_duration(minutes: int, lang: str, expected: str) -> None:
    assert formats.duration(minutes, Translator(lang)) == expected


@pytest.mark.parametrize("tr", [RU, EN])
def test_a_duration_in_a_reply_logs_back_as_the_same_minutes(tr: Translator) -> None:
    for minutes in range(1, MAX_MINUTES + 1):
        text = formats.duration(minutes, tr)
        assert parse_duration(text) == minutes, text
        assert looks_like_log(text)
        request = parse_log(text, TODAY)
        assert isinstance(request, LogRequest), text
        assert (request.minutes, request.comment) == (minutes, "")


def test_hours_have_no_padded_zeros_and_the_language_decimal_mark() -> None:
    assert formats.hours(Decimal("8.00"), RU) == "8 ч"
    assert formats.hours(Decimal("2.50"), RU) == "2,5 ч"
    assert formats.hours(Decimal("10.29"), EN) == "10.29 h"
    assert formats.hours_of_minutes(2400, EN) == "40 h"
    assert formats.number(Decimal("1234.5"), "ru") == "1\u00a0234,5"
    assert formats.number(Decimal("1234.5"), "en") == "1,234.5"


def test_days_take_the_plural_form_of_the_number() -> None:
    assert [formats.days(n, RU) for n in (1, 2, 5, 21, Decimal("1.3"))] == [
        "1 день",
        "2 дня",
        "5 дней",
        "21 день",
        "1,3 дня",
    ]
    assert [formats.days(n, EN) for n in (1, 2, Decimal("1.0"))] == ["1 day", "2 days", "1 day"]


def test_dates_and_moments() -> None:
    assert formats.day(date(2026, 11, 30), "ru") == "30.11.2026"
    assert formats.day(date(2026, 11, 30), "en") == "30 Nov 2026"
    # Stored moments are naive UTC; chat shows the company's time zone.
    stored = datetime(2026, 3, 17, 6, 0)
    assert formats.moment(stored, "Europe/Moscow", "ru") == "17.03.2026 09:00"
    assert formats.moment(stored, "Europe/Moscow", "en") == "17 Mar 2026 09:00"


def test_money_carries_the_currency_and_drops_zero_kopecks() -> None:
    assert formats.money(Decimal("120000"), "RUB", "ru") == "120\u00a0000\u00a0₽"
    assert formats.money(Decimal("1234.5"), "RUB", "ru") == "1\u00a0234,50\u00a0₽"
    assert formats.money(Decimal("120000.5"), "RUB", "en") == "RUB\u00a0120,000.50"
    assert formats.money(Decimal("99"), "USD", "en") == "$99"


def test_translator_writes_numbers_and_dates_of_its_language() -> None:
    text = RU("log-day-of", day=date(2026, 3, 1), logged=Decimal("1234.50"), capacity=8)
    assert text == "За 01.03.2026: 1\u00a0234,5 из 8 по графику."
    assert EN("task-line-deadline", date=date(2026, 3, 1)).endswith("1 Mar 2026")
