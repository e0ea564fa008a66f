from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.timeparse import (
    MAX_COMMENT,
    MAX_MINUTES,
    LogError,
    LogRequest,
    looks_like_log,
    parse_day,
    parse_duration,
    parse_log,
)
from views.formats import duration
from views.i18n import Translator

TODAY = date(2026, 3, 1)
FAST = settings(max_examples=250, deadline=None)


# --- parse_duration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # English units
        ("2h", 120),
        ("2H", 120),
        ("2h30m", 150),
        ("2H30M", 150),
        ("2.5h", 150),
        ("2,5h", 150),
        ("90m", 90),
        ("90M", 90),
        ("90min", 90),
        ("90MIN", 90),
        ("90 minutes", 90),
        ("1 minute", 1),
        ("2hr", 120),
        ("2hrs", 120),
        ("1 hour", 60),
        ("3 hours", 180),
        ("2h 30m", 150),
        ("1h 90m", 150),
        ("1.5h 30m", 120),
        ("0h 30m", 30),
        # Russian units
        ("2ч", 120),
        ("2Ч", 120),
        ("2ч30м", 150),
        ("2Ч30М", 150),
        ("2,5ч", 150),
        ("2.5ч", 150),
        ("90мин", 90),
        ("90МИН", 90),
        ("90м", 90),
        ("1 час", 60),
        ("2 часа", 120),
        ("5 часов", 300),
        ("2ч 30м", 150),
        ("2 ч 30 мин", 150),
        ("45 мин", 45),
        ("3 ч", 180),
        # bare numbers are hours
        ("2", 120),
        ("2.5", 150),
        ("2,5", 150),
        ("0.5", 30),
        ("24", 1440),
        ("007", 420),
        # clock
        ("1:30", 90),
        ("0:30", 30),
        ("00:01", 1),
        ("24:00", 1440),
        # rounding of fractional hours, half up
        ("0.01h", 1),  # 0.6 min
        ("0.025h", 2),  # 1.5 min exactly
        ("0.0249h", 1),  # 1.494 min
        ("1.99999999999999999999h", 120),
        ("1." + "9" * 10_000 + "h", 120),
        # limits and surrounding whitespace
        ("24h", 1440),
        ("1440m", 1440),
        ("23h 60m", 1440),
        ("  2h  ", 120),
        ("2\u00a0ч", 120),
    ],
)
def test_parse_duration_valid(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t",
        "0",
        "0h",
        "0m",
        "0:00",
        "0.001h",  # rounds to 0 minutes
        "0h 0m",
        "-2h",
        "-1",
        "+2h",
        "25h",
        "24h1m",
        "24h 1m",
        "1441m",
        "24:01",
        "25:00",
        "1:60",
        "1:5",
        "1:300",
        ":30",
        "1:30h",
        "nan",
        "inf",
        "1e3",
        "1e3h",
        "١٢h",  # Arabic-Indic digits
        "２h",  # fullwidth digit
        "2..5h",
        "2,5,5h",
        "2.5.h",
        ".5h",
        "2.h",
        "2.",
        "1.5m",
        "30m 2h",
        "2h30",
        "2h 30",
        "h",
        "ч",
        "2x",
        "2hh",
        "2 h m",
        "2h\x00",
        "\x00",
        "⏱",
        "2h⏱",
        "9" * 10_000 + "h",
        "1" + "0" * 10_000 + "h",
        "2 " * 5_000,
        "9" * 10_000,
    ],
)
def test_parse_duration_invalid(text: str) -> None:
    assert parse_duration(text) is None


# --- parse_day --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("today", TODAY, TODAY),
        ("Today", TODAY, TODAY),
        ("сегодня", TODAY, TODAY),
        ("Сегодня", TODAY, TODAY),
        ("yesterday", TODAY, date(2026, 2, 28)),
        ("YESTERDAY", TODAY, date(2026, 2, 28)),
        ("вчера", TODAY, date(2026, 2, 28)),
        ("Вчера", TODAY, date(2026, 2, 28)),
        ("вчера", date(2026, 1, 1), date(2025, 12, 31)),
        ("2026-02-14", TODAY, date(2026, 2, 14)),
        ("14.02.2026", TODAY, date(2026, 2, 14)),
        ("4.02.2026", TODAY, date(2026, 2, 4)),
        # full forms may be in the future; the caller rejects them
        ("2027-01-01", TODAY, date(2027, 1, 1)),
        ("01.01.2030", TODAY, date(2030, 1, 1)),
        # DD.MM: latest not in the future, crossing the year boundary when needed
        ("15.12", TODAY, date(2025, 12, 15)),
        ("01.03", TODAY, date(2026, 3, 1)),
        ("02.03", TODAY, date(2025, 3, 2)),
        ("28.02", TODAY, date(2026, 2, 28)),
        ("1.01", TODAY, date(2026, 1, 1)),
        ("31.12", date(2026, 1, 1), date(2025, 12, 31)),
        ("01.01", date(2026, 1, 1), date(2026, 1, 1)),
        ("02.01", date(2026, 1, 1), date(2025, 1, 2)),
        # 29.02: latest existing Feb 29 not after today
        ("29.02", TODAY, date(2024, 2, 29)),
        ("29.02", date(2024, 2, 29), date(2024, 2, 29)),
        ("29.02", date(2024, 2, 28), date(2020, 2, 29)),
        ("29.02", date(2104, 2, 28), date(2096, 2, 29)),  # 2100 is not a leap year
        ("29.02.2024", TODAY, date(2024, 2, 29)),
        (" 2026-02-14 ", TODAY, date(2026, 2, 14)),
    ],
)
def test_parse_day_valid(text: str, today: date, expected: date) -> None:
    assert parse_day(text, today) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "31.02",
        "30.02",
        "32.01",
        "00.01",
        "15.13",
        "15.00",
        "31.04",
        "29.02.2025",
        "31.02.2024",
        "2026-02-30",
        "2026-13-01",
        "0000-01-01",
        "2026-2-14",
        "26-02-14",
        "14.02.26",
        "14.2.2026",
        "5.3",
        "15/12",
        "15.12.",
        "tomorrow",
        "завтра",
        "вчерa",  # Latin "a"
        "١٥.١٢",
        "today!",
        "2026-02-14T00:00",
        "\x00",
        "📅",
        "1" * 10_000,
    ],
)
def test_parse_day_invalid(text: str) -> None:
    assert parse_day(text, TODAY) is None


def test_parse_day_at_calendar_edges() -> None:
    assert parse_day("yesterday", date.min) is None
    assert parse_day("today", date.min) == date.min
    assert parse_day("01.01", date.min) == date.min
    assert parse_day("02.01", date.min) is None
    assert parse_day("29.02", date(3, 12, 31)) is None
    assert parse_day("31.12", date.max) == date.max


# --- parse_log --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2ч 30м #12 вчера починил вход",
            LogRequest(150, 12, date(2026, 2, 28), "починил вход"),
        ),
        ("1.5h #7 review", LogRequest(90, 7, TODAY, "review")),
        ("2h", LogRequest(120, None, TODAY, "")),
        ("2", LogRequest(120, None, TODAY, "")),
        ("2h fixed login", LogRequest(120, None, TODAY, "fixed login")),
        ("2h 30m", LogRequest(150, None, TODAY, "")),
        ("2 ч 30 мин #3", LogRequest(150, 3, TODAY, "")),
        ("3 часа вчера созвон", LogRequest(180, None, date(2026, 2, 28), "созвон")),
        ("1:30 #5 2026-02-10", LogRequest(90, 5, date(2026, 2, 10), "")),
        ("90мин 15.12 #9 ревью", LogRequest(90, 9, date(2025, 12, 15), "ревью")),
        ("45m today #1", LogRequest(45, 1, TODAY, "")),
        ("2h yesterday", LogRequest(120, None, date(2026, 2, 28), "")),
        ("2h #7", LogRequest(120, 7, TODAY, "")),
        ("2h #000000007", LogRequest(120, 7, TODAY, "")),
        ("2h #999999999", LogRequest(120, 999_999_999, TODAY, "")),
        # task and date in either order
        ("2h #7 вчера x", LogRequest(120, 7, date(2026, 2, 28), "x")),
        ("2h вчера #7 x", LogRequest(120, 7, date(2026, 2, 28), "x")),
        ("2h 14.02.2026 #7", LogRequest(120, 7, date(2026, 2, 14), "")),
        ("2h #7 14.02.2026", LogRequest(120, 7, date(2026, 2, 14), "")),
        # a bare number after the duration is comment, not task nor minutes
        ("2 7 tests", LogRequest(120, None, TODAY, "7 tests")),
        ("2h 30", LogRequest(120, None, TODAY, "30")),
        # after the comment began, #N and dates are plain text
        ("2h fixed #7 вчера", LogRequest(120, None, TODAY, "fixed #7 вчера")),
        ("2h #7 fixed #8", LogRequest(120, 7, TODAY, "fixed #8")),
        ("2h fixed #bug", LogRequest(120, None, TODAY, "fixed #bug")),
        ("2h 3.5 version", LogRequest(120, None, TODAY, "3.5 version")),
        # comment kept verbatim: inner spacing, newlines, case, emoji
        (
            "  2h   #7   Fixed   THE\n\tlogin 🚀  ",
            LogRequest(120, 7, TODAY, "Fixed   THE\n\tlogin 🚀"),
        ),
        ("2h\n#7\nline one\nline two", LogRequest(120, 7, TODAY, "line one\nline two")),
        # full-form future dates are returned; the caller decides
        ("2h 2027-01-01", LogRequest(120, None, date(2027, 1, 1), "")),
        ("24h", LogRequest(1440, None, TODAY, "")),
        ("2h " + "x" * MAX_COMMENT, LogRequest(120, None, TODAY, "x" * MAX_COMMENT)),
    ],
)
def test_parse_log_valid(text: str, expected: LogRequest) -> None:
    assert parse_log(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", LogError("empty", "")),
        ("   \n\t ", LogError("empty", "")),
        ("fixed login", LogError("duration", "fixed")),
        ("-2h x", LogError("duration", "-2h")),
        ("2..5h", LogError("duration", "2..5h")),
        ("2,5,5h", LogError("duration", "2,5,5h")),
        ("1:60 x", LogError("duration", "1:60")),
        ("nan", LogError("duration", "nan")),
        ("١٢h", LogError("duration", "١٢h")),
        ("#7 2h", LogError("duration", "#7")),
        ("вчера 2h", LogError("duration", "вчера")),
        ("🚀 2h", LogError("duration", "🚀")),
        ("\x00", LogError("duration", "\x00")),
        ("25h", LogError("too_long", "25h")),
        ("24h1m", LogError("too_long", "24h1m")),
        ("24h 30m #7", LogError("too_long", "24h 30m")),
        ("2024 #7", LogError("too_long", "2024")),
        ("0", LogError("zero", "0")),
        ("0h #7", LogError("zero", "0h")),
        ("0ч 0м", LogError("zero", "0ч 0м")),
        ("0:00", LogError("zero", "0:00")),
        ("2h 31.02", LogError("date", "31.02")),
        ("2h #7 31.02 x", LogError("date", "31.02")),
        ("2h 2026-13-01", LogError("date", "2026-13-01")),
        ("2h 29.02.2025", LogError("date", "29.02.2025")),
        ("2h вчера сегодня", LogError("date", "сегодня")),
        ("2h #0", LogError("task", "#0")),
        ("2h #1234567890", LogError("task", "#1234567890")),
        ("2h #7 #8", LogError("task", "#8")),
        ("2h #7 вчера #8", LogError("task", "#8")),
        # a broken task reference is refused, never logged as a comment
        ("2h #-1", LogError("task_ref", "#-1")),
        ("2h #1' OR '1'='1", LogError("task_ref", "#1'")),
        ("2h #bug fixed", LogError("task_ref", "#bug")),
        ("2h #7 #", LogError("task_ref", "#")),
        ("2h вчера #12a", LogError("task_ref", "#12a")),
        ("2h " + "x" * (MAX_COMMENT + 1), LogError("comment", "x" * 50)),
        ("2h ok\x00bad", LogError("comment", "ok\x00bad")),
        ("2h a\x1bb", LogError("comment", "a\x1bb")),
    ],
)
def test_parse_log_errors(text: str, expected: LogError) -> None:
    assert parse_log(text, TODAY) == expected


def test_parse_log_handles_huge_input() -> None:
    assert parse_log("9" * 10_000, TODAY) == LogError("too_long", "9" * 10_000)
    long_comment = parse_log("2h " + "слово " * 2_000, TODAY)
    assert isinstance(long_comment, LogError)
    assert long_comment.code == "comment"
    assert parse_log("x" * 10_000, TODAY) == LogError("duration", "x" * 10_000)


# --- looks_like_log ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "5h",
        "1:30",
        "90м",
        "2 #7",
        "2.5 #7 review",
        "2ч 30м #12 вчера починил вход",
        "1.5h #7 review",
        "2h fixed login",
        "2 ч 30 мин",
        "3 часа созвон",
        "  2H  ",
        "2 #0",  # shaped like a task: parse_log will explain the problem
    ],
)
def test_looks_like_log_true(text: str) -> None:
    assert looks_like_log(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "5",
        "2024",
        "2.5",
        "2 apples",
        "2 7",
        "2 #bug",
        "hello 2h",
        "#7 2h",
        "25h",
        "0h",
        "0 #7",
        "2024 #7",
        "1:60",
        "١٢h",
        "🚀",
        "9" * 10_000,
    ],
)
def test_looks_like_log_false(text: str) -> None:
    assert looks_like_log(text) is False


# --- properties -------------------------------------------------------------------------------

_duration_texts = st.one_of(
    st.integers(1, MAX_MINUTES).flatmap(
        lambda m: st.sampled_from([duration(m, Translator("ru")), duration(m, Translator("en"))])
    ),
    st.sampled_from(["2h", "1:30", "2,5ч", "90мин", "2.5", "0.5", "24h", "2ч 30м", "7"]),
)
_relative_dates = st.one_of(
    st.sampled_from(["today", "сегодня", "yesterday", "вчера", "Вчера", "TODAY"]),
    st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: f"{d.day}.{d.month:02d}"),
)
_words = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=10,
)


@FAST
@given(st.text())
def test_parse_duration_never_raises(text: str) -> None:
    result = parse_duration(text)
    assert result is None or 0 < result <= MAX_MINUTES


@FAST
@given(st.text(), st.dates())
def test_parse_day_never_raises(text: str, today: date) -> None:
    result = parse_day(text, today)
    assert result is None or isinstance(result, date)


@FAST
@given(st.text(), st.dates())
def test_parse_log_never_raises(text: str, today: date) -> None:
    result = parse_log(text, today)
    assert isinstance(result, LogRequest | LogError)
    if isinstance(result, LogRequest):
        assert 0 < result.minutes <= MAX_MINUTES
        assert len(result.comment) <= MAX_COMMENT
        assert result.comment == result.comment.strip()


@FAST
@given(st.text())
def test_looks_like_log_never_raises(text: str) -> None:
    assert isinstance(looks_like_log(text), bool)


@FAST
@given(
    st.text(alphabet="0123456789.,:hmчмин #-ч", max_size=12)
    | st.from_regex(r"[0-9]{1,3}([.,][0-9]{1,4})?(h|ч|m|м|мин)?", fullmatch=True)
)
def test_parse_duration_on_near_misses(text: str) -> None:
    result = parse_duration(text)
    assert result is None or 0 < result <= MAX_MINUTES


@FAST
@given(
    duration=_duration_texts,
    task=st.none() | st.integers(1, 999_999_999),
    day=st.none() | _relative_dates,
    task_first=st.booleans(),
    # A fixed first word keeps the random words from being read as a task, date or unit.
    comment=st.none() | st.lists(_words, max_size=5).map(lambda ws: " ".join(["note:", *ws])),
    today=st.dates(date(1990, 1, 1), date(2100, 12, 31)),
)
def test_parse_log_with_relative_forms(
    duration: str,
    task: int | None,
    day: str | None,
    task_first: bool,
    comment: str | None,
    today: date,
) -> None:
    middle = [f"#{task}" if task is not None else "", day or ""]
    if not task_first:
        middle.reverse()
    text = " ".join(part for part in [duration, *middle, comment] if part)
    result = parse_log(text, today)
    assert isinstance(result, LogRequest), (text, result)
    assert result.minutes == parse_duration(duration)
    assert 0 < result.minutes <= MAX_MINUTES
    assert result.task_id == task
    assert today - timedelta(days=366 * 8) <= result.day <= today
    if day is None:
        assert result.day == today
    assert result.comment == (comment or "")
