"""`timer_watch`: every few minutes (on the replica that runs the schedule), each timer that ran
past its person's working day (services.timer_watch) gets one message with "stop now" and "stop
at the end of the working day". Ledger: job timer_watch, period = the timer's start (seconds),
recipient e5, so a timer is asked about once across runs, restarts and replicas.

Not a job of /jobs: it has no period of its own to run by hand and leaves no run record.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.timer_watch import watch_keyboard, watch_text
from jobs.context import person
from jobs.delivery import Delivery, OutboundSender
from services import clock, timers
from services.config import AppConfig
from services.timer_watch import long_timers
from views.i18n import Translator

JOB = "timer_watch"
EVERY_MINUTES = 5


async def run(
    sessionmaker: async_sessionmaker[AsyncSession], sender: OutboundSender, config: AppConfig
) -> int:
    """Ask about every long timer not asked about yet; returns how many were sent."""
    async with sessionmaker() as session:
        found = await long_timers(
            session, clock.utcnow_naive(), config.timezone, config.holidays_country
        )
    sent = 0
    for item in found:
        period = str(timers.started_key(item.timer))
        delivery = Delivery(sessionmaker, sender, JOB, period)
        to = person(item.emp, config)
        tr = Translator(to.lang)
        await delivery.text(to, watch_text(item, tr), watch_keyboard(item, tr))
        sent += delivery.sent
    return sent
