"""The ledger of sent messages: claim before sending, one winner, retry what failed."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import SentMessage
from services import ledger

JOB, DAY = "lag_alerts", "2026-03-11"


async def test_a_key_is_claimed_once(session: AsyncSession) -> None:
    assert await ledger.claim(session, JOB, DAY, "e5")
    assert not await ledger.claim(session, JOB, DAY, "e5")
    # other recipients, periods and jobs are other keys
    assert await ledger.claim(session, JOB, DAY, "e6")
    assert await ledger.claim(session, JOB, "2026-03-12", "e5")
    assert await ledger.claim(session, "log_reminders", DAY, "e5")


async def test_sent_is_final(session: AsyncSession) -> None:
    assert await ledger.claim(session, JOB, DAY, "chat:-100123")
    await ledger.mark(session, JOB, DAY, "chat:-100123", ledger.SENT)
    assert not await ledger.claim(session, JOB, DAY, "chat:-100123")
    row = await session.scalar(select(SentMessage).where(SentMessage.recipient == "chat:-100123"))
    assert row is not None and row.status == "sent" and row.sent_at is not None


async def test_failed_and_blocked_claims_can_be_taken_again(session: AsyncSession) -> None:
    for key, status in (("e5", ledger.FAILED), ("e6", ledger.BLOCKED)):
        assert await ledger.claim(session, JOB, DAY, key)
        await ledger.mark(session, JOB, DAY, key, status)
        assert await ledger.status_of(session, JOB, DAY, key) == status
        assert await ledger.claim(session, JOB, DAY, key)
        assert await ledger.status_of(session, JOB, DAY, key) == ledger.CLAIMED
        assert not await ledger.claim(session, JOB, DAY, key)


async def test_claims_of_a_dead_run_are_released_by_the_next_run(session: AsyncSession) -> None:
    assert await ledger.claim(session, JOB, DAY, "e5")  # the process died while sending
    assert await ledger.claim(session, JOB, DAY, "e6")
    await ledger.mark(session, JOB, DAY, "e6", ledger.SENT)
    assert not await ledger.claim(session, JOB, DAY, "e5")
    assert await ledger.interrupt_orphans(session, JOB, DAY) == 1
    assert await ledger.claim(session, JOB, DAY, "e5")
    assert not await ledger.claim(session, JOB, DAY, "e6")
    assert await ledger.counts(session, JOB, DAY) == {"claimed": 1, "sent": 1}


async def test_two_replicas_racing_for_the_same_keys_win_each_once(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    keys = [f"e{n}" for n in range(1, 21)]

    async def replica() -> list[str]:
        won = []
        for key in keys:
            async with sessionmaker() as session:
                if await ledger.claim(session, JOB, DAY, key):
                    won.append(key)
        return won

    first, second = await asyncio.gather(replica(), replica())
    assert sorted(first + second) == sorted(keys)
    assert not set(first) & set(second)
