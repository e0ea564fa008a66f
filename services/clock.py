"""The one clock of the application: every "now" and "today" comes from here.

Tests move time with `set_now`; production code never calls datetime.now() directly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

_frozen: datetime | None = None


def set_now(value: datetime | None) -> None:
    """Freeze the clock at an aware datetime (None unfreezes it)."""
    global _frozen
    if value is not None and value.tzinfo is None:
        raise ValueError("set_now needs an aware datetime")
    _frozen = value


def now() -> datetime:
    """The current moment, aware, in UTC."""
    return _frozen.astimezone(UTC) if _frozen is not None else datetime.now(UTC)


def utcnow_naive() -> datetime:
    """The current moment as naive UTC, the form stored in the database."""
    return now().replace(tzinfo=None)


def local_now(tz: str) -> datetime:
    return now().astimezone(ZoneInfo(tz))


def today(tz: str) -> date:
    """Today's date in the company time zone."""
    return local_now(tz).date()
