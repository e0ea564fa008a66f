"""When each job is due, which period a run covers, and which missed run to make up.

Pure functions of the settings, a moment and the holidays; the company time zone throughout.

* `lag_alerts` and `log_reminders` run on working days (Monday to Friday, not a public
  holiday) at LAG_ALERT_TIME and REMINDER_TIME; a run covers that day ("2026-03-11").
* `payroll_summary` runs on day PAYROLL_DAY at PAYROLL_TIME and covers the month before
  ("2026-02").
* `week_approval` (only with WEEK_APPROVAL on) runs on the first working day of a week at
  WEEK_APPROVAL_TIME and covers the week before, named by its Monday ("2026-03-02").
* A daily run missed while the bot was down is made up on start when its time has passed
  today; a weekly one during the rest of its week; a payroll run within PAYROLL_CATCH_UP of its
  due time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.calendar import Holidays
from services.config import AppConfig
from services.errors import DomainError
from services.jobruns import (
    DAILY,
    JOB_NAMES,
    LAG_ALERTS,
    LOG_REMINDERS,
    PAYROLL_SUMMARY,
    WEEK_APPROVAL,
    WEEKLY,
)
from services.units import month_code, month_start, next_month, parse_month, previous_month

__all__ = [
    "DAILY",
    "JOB_NAMES",
    "LAG_ALERTS",
    "LOG_REMINDERS",
    "PAYROLL_SUMMARY",
    "WEEKLY",
    "WEEK_APPROVAL",
    "Due",
    "missed",
    "next_run",
    "period_of",
    "resolve_period",
]

PAYROLL_CATCH_UP = timedelta(days=5)
_SEARCH_DAYS = 400


@dataclass(frozen=True)
class Due:
    """A run that should have happened: its period and the moment it was due (aware)."""

    job: str
    period: str
    at: datetime


def due_time(job: str, config: AppConfig) -> time:
    if job == LAG_ALERTS:
        return config.lag_alert_time
    if job == LOG_REMINDERS:
        return config.reminder_time
    if job == WEEK_APPROVAL:
        return config.week_approval_time
    return config.payroll_time


def enabled(job: str, config: AppConfig) -> bool:
    """Whether the schedule runs the job at all (weekly approval is a setting)."""
    return job != WEEK_APPROVAL or config.week_approval


def first_working_day(day: date, holidays: Holidays) -> date | None:
    """The first working day of the week (Monday..Sunday) that holds `day`, if any."""
    monday = day - timedelta(days=day.weekday())
    for offset in range(7):
        if holidays.is_working_day(candidate := monday + timedelta(days=offset)):
            return candidate
    return None


def _at(day: date, moment: time, tz: str) -> datetime:
    return datetime.combine(day, moment.replace(tzinfo=None), tzinfo=ZoneInfo(tz))


def period_of(job: str, today: date) -> str:
    """The period a run started today covers."""
    if job in DAILY:
        return today.isoformat()
    if job in WEEKLY:
        return (today - timedelta(days=today.weekday() + 7)).isoformat()
    return month_code(previous_month(today))


def resolve_period(job: str, argument: str | None, today: date) -> str:
    """The period for a run by hand: today, or a month that is over (default the last one)."""
    if job not in JOB_NAMES:
        raise DomainError("jobs-unknown", name=job[:40], names=", ".join(JOB_NAMES))
    if argument is None:
        return period_of(job, today)
    if job in DAILY or job in WEEKLY:
        raise DomainError("jobs-period-daily", name=job)
    month = parse_month(argument)
    if month is None:
        raise DomainError("jobs-period-format", period=argument[:20])
    if month >= month_start(today):
        raise DomainError("jobs-period-open", period=argument)
    return month_code(month)


def payroll_due(month: date, config: AppConfig) -> datetime:
    """When the summary of `month` is due: PAYROLL_DAY of the next month at PAYROLL_TIME."""
    following = next_month(month)
    return _at(following.replace(day=config.payroll_day), config.payroll_time, config.timezone)


def next_run(job: str, now: datetime, config: AppConfig, holidays: Holidays) -> datetime:
    """The next moment after `now` the job is due (holidays skipped for the daily jobs)."""
    local = now.astimezone(ZoneInfo(config.timezone))
    if job in DAILY or job in WEEKLY:
        day = local.date()
        for _ in range(_SEARCH_DAYS):
            at = _at(day, due_time(job, config), config.timezone)
            if at > local and _runs_on(job, day, holidays):
                return at
            day += timedelta(days=1)
        raise ValueError("no working day within a year")
    month = previous_month(local.date())
    while (at := payroll_due(month, config)) <= local:
        month = next_month(month)
    return at


def _runs_on(job: str, day: date, holidays: Holidays) -> bool:
    if job in WEEKLY:
        return first_working_day(day, holidays) == day
    return holidays.is_working_day(day)


def runs_today(job: str, today: date, holidays: Holidays) -> bool:
    """Whether a daily or weekly job is due on `today` (a working day; the week's first)."""
    return _runs_on(job, today, holidays)


def missed(job: str, now: datetime, config: AppConfig, holidays: Holidays) -> Due | None:
    """The run to make up at `now`, if it has not happened: today's run of a daily job once
    its time has passed on a working day; the last payroll within PAYROLL_CATCH_UP."""
    local = now.astimezone(ZoneInfo(config.timezone))
    today = local.date()
    if not enabled(job, config):
        return None
    if job in DAILY:
        at = _at(today, due_time(job, config), config.timezone)
        if holidays.is_working_day(today) and at <= local:
            return Due(job, today.isoformat(), at)
        return None
    if job in WEEKLY:
        first = first_working_day(today, holidays)
        if first is None or (at := _at(first, due_time(job, config), config.timezone)) > local:
            return None
        return Due(job, period_of(job, today), at)
    month = previous_month(today)
    at = payroll_due(month, config)
    if at > local:
        month = previous_month(month)
        at = payroll_due(month, config)
    if local - at <= PAYROLL_CATCH_UP:
        return Due(job, month_code(month), at)
    return None
