"""What the business rules need to know of the settings, as one plain value.

The composition root (bot/) builds it from the environment; services, handlers and jobs
receive it and never read the environment themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal


@dataclass(frozen=True)
class AppConfig:
    timezone: str = "Europe/Moscow"
    default_language: str = "ru"
    currency: str = "RUB"
    holidays_country: str = "RU"
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    lag_alert_hours: Decimal = Decimal(4)
    lag_alert_time: time = time(10, 0)
    reminder_time: time = time(18, 30)
    payroll_day: int = 1
    payroll_time: time = time(9, 0)
    external_days: int = 7
    week_approval: bool = False
    week_approval_time: time = time(10, 0)
    balance_from: date | None = None
    bot_username: str = "bot"
    webapp_url: str | None = None  # the Mini App's public address; None: no Mini App
