"""The runner's own guarantees: one run of a period at a time, and a run that loses its lease
stops sending."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.sender import Sender
from jobs.context import JobContext
from jobs.delivery import Recipient
from jobs.runner import JobRunner
from models import JobRun, Lease
from services import clock
from services.config import AppConfig
from tests.fake_api import FakeBotAPI
from tests.jobs.data import delivered

PERIOD = "2026-02"


def recipient(chat_id: int) -> Recipient:
    return Recipient(key=f"e{chat_id}", chat_id=chat_id, lang="ru", label=f"e{chat_id}")


async def test_a_run_that_loses_its_lease_stops_before_the_next_message(
    api: FakeBotAPI,
    sender: Sender,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    session: AsyncSession,
) -> None:
    async def body(ctx: JobContext) -> None:
        await ctx.delivery.text(recipient(501), "one")
        async with sessionmaker() as other:  # another process takes the lease over
            await other.execute(
                update(Lease).values(
                    holder="thief", expires_at=clock.utcnow_naive() + timedelta(hours=1)
                )
            )
            await other.commit()
        for _ in range(200):
            if ctx.delivery.should_stop():
                break
            await asyncio.sleep(0.01)
        await ctx.delivery.text(recipient(502), "two")

    runner = JobRunner(
        sessionmaker,
        sender,
        config,
        holder="me",
        run_ttl=timedelta(seconds=0.2),
        bodies={"payroll_summary": body},
    )
    report = await runner.run("payroll_summary", PERIOD)
    assert (report.status, report.sent) == ("interrupted", 1)
    assert delivered(api) == 1 and api.messages_to(502) == []
    run = await session.scalar(select(JobRun))
    assert run is not None and run.status == "interrupted"
    held = await session.scalar(select(Lease.holder))
    assert held == "thief"  # not released by the run that lost it


async def test_two_runs_of_one_period_do_not_overlap(
    api: FakeBotAPI,
    sender: Sender,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    started = asyncio.Event()
    release = asyncio.Event()

    async def slow(ctx: JobContext) -> None:
        await ctx.delivery.text(recipient(501), ctx.period)
        if ctx.period == PERIOD:
            started.set()
            await release.wait()

    bodies = {"payroll_summary": slow}
    first = JobRunner(sessionmaker, sender, config, holder="a", bodies=bodies)
    second = JobRunner(sessionmaker, sender, config, holder="b", bodies=bodies)
    running = asyncio.create_task(first.run("payroll_summary", PERIOD))
    await started.wait()
    busy = await second.run("payroll_summary", PERIOD)
    assert busy.status == "busy" and busy.busy_until is not None
    other_month = await second.run("payroll_summary", "2026-01")  # another period is free
    assert other_month.status == "done"
    release.set()
    assert (await running).status == "done"
    assert delivered(api) == 2


class GatedSender:
    """Holds the first message to `chat` until `release` is set: a send in flight."""

    def __init__(self, sender: Sender, chat: int) -> None:
        self.sender, self.chat = sender, chat
        self.in_flight, self.release = asyncio.Event(), asyncio.Event()

    async def send_text(self, chat_id: int, text: str, *args: object, **kwargs: object) -> object:
        if chat_id == self.chat and not self.in_flight.is_set():
            self.in_flight.set()
            await self.release.wait()
        return await self.sender.send_text(chat_id, text, *args, **kwargs)  # type: ignore[arg-type]

    async def send_document(self, *args: object, **kwargs: object) -> object:
        return await self.sender.send_document(*args, **kwargs)  # type: ignore[arg-type]


async def test_a_second_run_in_the_same_process_is_busy_too(
    api: FakeBotAPI,
    sender: Sender,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    """A run by hand (/jobs run) while the scheduler's run of the same period is sending, in
    the same process: it must not take the run over, or the message in flight goes twice."""

    async def body(ctx: JobContext) -> None:
        for chat in (501, 502):
            await ctx.delivery.text(recipient(chat), ctx.period)

    gated = GatedSender(sender, 501)
    runner = JobRunner(sessionmaker, gated, config, bodies={"payroll_summary": body})  # type: ignore[arg-type]
    scheduled = asyncio.create_task(runner.run("payroll_summary", PERIOD, "schedule"))
    await gated.in_flight.wait()
    by_hand = await runner.run("payroll_summary", PERIOD)
    gated.release.set()
    assert (await scheduled).status == "done"
    assert by_hand.status == "busy"
    assert [len(api.messages_to(chat)) for chat in (501, 502)] == [1, 1]
