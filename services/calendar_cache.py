"""The company calendar kept in memory between updates, reloaded when it changed.

The calendar's tables (holiday overrides, schedules, absences) change a few times a month and
are read by nearly every reply ("today 2 h of 8 h"). Database triggers give them a version
number (models.DataVersion "calendar", changed on every write) that callers read together with
something they read anyway (`services.tasks.scope_of`), so the cache costs no statement of its
own and every process, replicas included, sees a change on its next update. The capacity
formula stays in services.calendar: this module only decides when to call `load_calendar`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import ScalarSelect

from models import DataVersion
from services.calendar import Calendar, load_calendar

CALENDAR = "calendar"
# A cached calendar answers for days from this long before the day it was loaded on: the
# oldest day an entry may have, with room to spare.
REACH = timedelta(days=400)


@dataclass(frozen=True)
class _Loaded:
    first: date
    calendar: Calendar


# (database URL, country, version) -> the whole company's calendar
_cache: dict[tuple[str, str, int], _Loaded] = {}


def version_column() -> ScalarSelect[int]:
    """The calendar's version as a scalar subquery, to ride along another statement."""
    query = select(DataVersion.version).where(DataVersion.name == CALENDAR)
    return query.scalar_subquery()


async def company_calendar(
    session: AsyncSession, version: int | None, first: date, country: str
) -> Calendar:
    """Everyone's calendar for days from `first` on, as of `version` (None: the database has
    no version row, so nothing is cached)."""
    key = (str(session.get_bind().engine.url), country, version or 0)
    loaded = _cache.get(key) if version is not None else None
    if loaded is not None and loaded.first <= first:
        return loaded.calendar
    start = first - REACH
    calendar = await load_calendar(session, None, start, country)
    if version is not None:
        for stale in [k for k in _cache if k[:2] == key[:2]]:
            del _cache[stale]
        _cache[key] = _Loaded(start, calendar)
    return calendar
