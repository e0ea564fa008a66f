"""The bot process killed (SIGKILL: no clean-up at all) or stopped (SIGTERM, as on a deploy)
in the middle of a burst of /log messages from several people, then started again: every
message is logged exactly once.

Telegram keeps an update until a later getUpdates confirms it by offset, and the bot records
each update's id in the transaction of its effects. Together they give exactly-once only if
the bot confirms nothing it has not finished (bot/polling.py): what it finished is skipped
when it comes again, the rest is handled after the restart."""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Employee, EntryAudit, TimeEntry
from tests import factories
from tests.e2e.conftest import ADMIN, StartBot
from tests.fake_api import FakeBotAPI

PEOPLE = [ADMIN, 101, 102, 103, 104]
PER_PERSON = 40  # 1..40 minutes each: 820 minutes in a day, under the 24-hour limit
KILL_AFTER = 20  # entries committed when the process is killed
TIMEOUT = 60.0


async def entry_count(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(TimeEntry)) or 0)


async def wait_until(check: Callable[[], Awaitable[bool]], timeout: float) -> bool:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill", "term"])
async def test_stopped_during_a_burst_of_logs_then_restarted_logs_each_once(
    sig: signal.Signals,
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await factories.employee(session, ADMIN, "admin", "boss", language="en")
    for tg in PEOPLE[1:]:
        await factories.employee(session, tg, "programmer", f"dev{tg}", language="en")
    users = {tg: fake.user(tg, f"User{tg}", f"u{tg}", "en") for tg in PEOPLE}

    # update id -> (person, minutes, comment); people take turns, as in a busy chat
    sent: dict[int, tuple[int, int, str]] = {}
    for minutes in range(1, PER_PERSON + 1):
        for tg in PEOPLE:
            comment = f"burst {tg}-{minutes}"
            sent[fake.send_text(users[tg], f"/log {minutes}m {comment}")] = (tg, minutes, comment)
    total = len(sent)

    first = await start_bot()

    async def some_logged() -> bool:
        return await entry_count(sessionmaker) >= KILL_AFTER

    assert await wait_until(some_logged, TIMEOUT), "the bot logged nothing"
    first.proc.send_signal(sig)
    await asyncio.wait_for(first.proc.wait(), TIMEOUT)
    at_kill = await entry_count(sessionmaker)
    assert at_kill < total, "the burst was over before the kill: nothing was tested"

    second = await start_bot()

    async def all_done() -> bool:
        # every update confirmed to Telegram and at least one entry per message; a message
        # logged twice shows up below
        return not fake.pending_updates() and await entry_count(sessionmaker) >= total

    await wait_until(all_done, TIMEOUT)
    assert await second.stop() == 0

    async with sessionmaker() as check:
        created = Counter(
            await check.scalars(select(EntryAudit.update_id).where(EntryAudit.action == "create"))
        )
        telegram_id = dict((await check.execute(select(Employee.id, Employee.telegram_id))).all())
        entries = Counter(
            (telegram_id[e.employee_id], e.minutes, e.comment)
            for e in await check.scalars(select(TimeEntry))
        )
    missing = sorted(set(sent) - set(created))
    assert not missing, f"{len(missing)} of {total} never logged ({at_kill} were at the kill)"
    assert not [u for u, n in created.items() if n > 1], "an update was logged twice"
    assert set(created) == set(sent)
    assert entries == Counter(sent.values())
    if sig == signal.SIGKILL:
        # the restarted process got the killed one's unconfirmed batch again and skipped
        # what had been committed
        assert "already processed or in progress, skipped" in second.log()
    else:
        assert first.proc.returncode == 0, "SIGTERM is a clean stop"
