"""`prune_updates`: the processed-update records past Telegram's redelivery window are deleted.

The records make a redelivered update act once (bot.middlewares); Telegram redelivers only
within a day of an update, so a record older than that (plus a margin for clocks of replicas
that disagree a little) is dead weight. It runs every hour in every process: the delete is the
same whoever runs it, so it needs no lease, and it sends nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import clock, processed_updates

log = logging.getLogger(__name__)

JOB_ID = "prune_updates"
REDELIVERY_WINDOW = timedelta(days=1)
MARGIN = timedelta(hours=1)
EVERY = timedelta(hours=1)


async def prune_updates(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    cutoff = clock.utcnow_naive() - REDELIVERY_WINDOW - MARGIN
    try:
        async with sessionmaker() as session:
            deleted = await processed_updates.prune(session, cutoff)
    except Exception as error:  # the next hour tries again; nothing depends on this run
        log.warning("processed updates not pruned: %s: %s", type(error).__name__, error)
        return 0
    if deleted:
        log.info("pruned %d processed updates older than %s UTC", deleted, cutoff)
    return deleted


def schedule_pruning(
    scheduler: BaseScheduler, sessionmaker: async_sessionmaker[AsyncSession], timezone: str
) -> None:
    """Every EVERY, the first time right at start."""
    scheduler.add_job(
        prune_updates,
        IntervalTrigger(seconds=EVERY.total_seconds()),
        args=[sessionmaker],
        id=JOB_ID,
        name=JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=datetime.now(ZoneInfo(timezone)),
    )
