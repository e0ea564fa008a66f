"""`prune_updates`: processed-update records older than Telegram's redelivery window go; the
younger ones stay, so a redelivered update still acts once."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Bot
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.scheduling import create_jobs
from jobs.prune import JOB_ID, prune_updates
from models import ProcessedUpdate, TimeEntry
from services import clock
from services.config import AppConfig
from tests import factories
from tests.tg import BOT_TOKEN, BotClient, FakeSession

DEV = 101


async def age(session: AsyncSession, update_id: int, hours: float) -> None:
    moment = clock.utcnow_naive() - timedelta(hours=hours)
    await session.execute(
        update(ProcessedUpdate)
        .where(ProcessedUpdate.update_id == update_id)
        .values(processed_at=moment)
    )
    await session.commit()


async def entries(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(TimeEntry)) or 0)


async def test_records_past_the_window_go_and_a_redelivery_inside_it_still_acts_once(
    client: BotClient, session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await factories.employee(session, DEV, "programmer", "dev")
    old = client.message_update(DEV, "/log 1h old", update_id=500)
    recent = client.message_update(DEV, "/log 2h recent", update_id=501)
    for one in (old, recent):
        await client.feed(one)
    assert await entries(session) == 2
    await age(session, 500, 26)
    await age(session, 501, 23)

    assert await prune_updates(sessionmaker) == 1
    session.expire_all()
    left = await session.scalars(select(ProcessedUpdate.update_id))
    assert set(left) == {501}
    # Telegram may still send the recent one again: it is skipped as before.
    assert (await client.feed(recent)).requests == []
    assert await entries(session) == 2
    assert await prune_updates(sessionmaker) == 0


async def test_the_bot_prunes_every_hour_from_its_start(
    sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> None:
    bot = Bot(BOT_TOKEN, session=FakeSession())
    _, scheduler = create_jobs(bot, sessionmaker, config)
    job = scheduler.scheduler.get_job(JOB_ID)
    assert job is not None
    assert job.trigger.interval == timedelta(hours=1)
    assert job.next_run_time is not None
