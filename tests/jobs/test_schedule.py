"""When jobs are due and which missed run is made up: working days, holidays, payroll window."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from jobs import schedule
from jobs.scheduler import triggers
from services.calendar import Holidays
from services.config import AppConfig
from services.errors import DomainError

MSK = ZoneInfo("Europe/Moscow")
RU = Holidays("RU")
CONFIG = AppConfig()


def msk(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MSK)


WED = date(2026, 3, 11)
HOLIDAY = date(2026, 3, 9)  # Monday, moved from International Women's Day
SATURDAY = date(2026, 3, 14)


def test_daily_run_is_made_up_once_its_time_has_passed_today() -> None:
    due = schedule.missed("lag_alerts", msk(WED, 12), CONFIG, RU)
    assert due == schedule.Due("lag_alerts", "2026-03-11", msk(WED, 10))
    assert schedule.missed("lag_alerts", msk(WED, 9, 59), CONFIG, RU) is None
    assert schedule.missed("log_reminders", msk(WED, 12), CONFIG, RU) is None
    late = schedule.missed("log_reminders", msk(WED, 23), CONFIG, RU)
    assert late is not None and late.period == "2026-03-11"


@pytest.mark.parametrize("day", [HOLIDAY, SATURDAY])
def test_no_daily_run_on_a_holiday_or_weekend(day: date) -> None:
    assert schedule.missed("lag_alerts", msk(day, 12), CONFIG, RU) is None
    assert schedule.missed("log_reminders", msk(day, 23), CONFIG, RU) is None


def test_an_admin_holiday_and_a_removed_one_count() -> None:
    holidays = Holidays("RU", overrides={WED: "add", HOLIDAY: "remove"})
    assert schedule.missed("lag_alerts", msk(WED, 12), CONFIG, holidays) is None
    assert schedule.missed("lag_alerts", msk(HOLIDAY, 12), CONFIG, holidays) is not None


@pytest.mark.parametrize(("payroll_day", "made_up"), [(8, True), (6, True), (5, False), (1, False)])
def test_payroll_is_made_up_within_five_days(payroll_day: int, made_up: bool) -> None:
    # Now is 11 March 12:00; due at 15:00 on day 6 is 4 days 21 hours ago, on day 5 5 days 21.
    config = replace(CONFIG, payroll_day=payroll_day, payroll_time=time(15, 0))
    due = schedule.missed("payroll_summary", msk(WED, 12), config, RU)
    if made_up:
        assert due == schedule.Due(
            "payroll_summary", "2026-02", msk(date(2026, 3, payroll_day), 15)
        )
    else:
        assert due is None


def test_payroll_missed_three_days_ago_but_not_six() -> None:
    config = replace(CONFIG, payroll_day=8)
    assert schedule.missed("payroll_summary", msk(WED, 12), config, RU) is not None
    assert schedule.missed("payroll_summary", msk(date(2026, 3, 14), 12), config, RU) is None
    # before this month's due time, the run due is last month's, long gone
    assert schedule.missed("payroll_summary", msk(date(2026, 3, 8), 8), config, RU) is None


def test_next_runs_skip_weekends_and_holidays() -> None:
    friday = date(2026, 3, 6)
    assert schedule.next_run("lag_alerts", msk(WED, 12), CONFIG, RU) == msk(date(2026, 3, 12), 10)
    assert schedule.next_run("log_reminders", msk(WED, 12), CONFIG, RU) == msk(WED, 18, 30)
    # Saturday, Sunday, then the Monday holiday: Tuesday 10 March
    assert schedule.next_run("lag_alerts", msk(friday, 12), CONFIG, RU) == msk(
        date(2026, 3, 10), 10
    )
    assert schedule.next_run("payroll_summary", msk(WED, 12), CONFIG, RU) == msk(
        date(2026, 4, 1), 9
    )
    assert schedule.next_run("payroll_summary", msk(date(2026, 12, 31), 12), CONFIG, RU) == msk(
        date(2027, 1, 1), 9
    )


def test_periods_asked_for_by_hand() -> None:
    assert schedule.resolve_period("payroll_summary", None, WED) == "2026-02"
    assert schedule.resolve_period("payroll_summary", "2025-12", WED) == "2025-12"
    assert schedule.resolve_period("lag_alerts", None, WED) == "2026-03-11"
    for job, arg, code in [
        ("nope", None, "jobs-unknown"),
        ("lag_alerts", "2026-02", "jobs-period-daily"),
        ("payroll_summary", "2026-3", "jobs-period-format"),
        ("payroll_summary", "2026-03", "jobs-period-open"),
        ("payroll_summary", "2026-05", "jobs-period-open"),
    ]:
        with pytest.raises(DomainError) as error:
            schedule.resolve_period(job, arg, WED)
        assert error.value.code == code


def test_cron_triggers_fire_at_the_configured_times() -> None:
    fired = triggers(CONFIG)
    assert set(fired) == {"lag_alerts", "log_reminders", "payroll_summary"}
    now = datetime(2026, 3, 13, 12, 0, tzinfo=UTC)  # Friday 15:00 in Moscow
    assert fired["lag_alerts"].get_next_fire_time(None, now) == msk(date(2026, 3, 16), 10)
    assert fired["log_reminders"].get_next_fire_time(None, now) == msk(date(2026, 3, 13), 18, 30)
    assert fired["payroll_summary"].get_next_fire_time(None, now) == msk(date(2026, 4, 1), 9)
