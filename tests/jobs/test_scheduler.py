"""The scheduler: one leader among replicas, missed runs made up on start from our own record."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs.context import JobContext
from jobs.runner import JobRunner
from jobs.scheduler import JobScheduler
from models import HolidayOverride, JobRun
from services import clock
from services.config import AppConfig


class Recorder:
    """Job bodies that only note which (job, period) ran."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, str]] = []

    def bodies(self) -> dict:
        def body(name: str):
            async def run(ctx: JobContext) -> None:
                self.runs.append((name, ctx.period))

            return run

        return {n: body(n) for n in ("lag_alerts", "log_reminders", "payroll_summary")}


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def replica(
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    recorder: Recorder,
    name: str,
) -> JobScheduler:
    runner = JobRunner(sessionmaker, None, config, holder=name, bodies=recorder.bodies())  # type: ignore[arg-type]
    return JobScheduler(runner)


def moscow(day: int, hour: int, minute: int = 0) -> None:
    clock.set_now(datetime(2026, 3, day, hour - 3, minute, tzinfo=UTC))


async def start(scheduler: JobScheduler) -> None:
    """What the dispatcher's start-up does, minus APScheduler's timer: the first lease tick."""
    await scheduler.tick()
    await scheduler.idle()


async def test_a_run_missed_while_down_is_made_up_on_start(
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    recorder: Recorder,
    session: AsyncSession,
) -> None:
    # Wednesday 12:00: the 10:00 lag alerts were missed; reminders (18:30) are not due yet.
    scheduler = replica(sessionmaker, config, recorder, "a")
    await start(scheduler)
    assert recorder.runs == [("lag_alerts", "2026-03-11")]
    run = await session.scalar(select(JobRun))
    assert run is not None and (run.trigger, run.status) == ("catchup", "done")
    # renewing the lease does not make anything up again
    await scheduler.tick()
    await scheduler.idle()
    assert len(recorder.runs) == 1
    await scheduler.stop()
    # the bot restarts later the same day: the morning run happened, the evening one is due
    moscow(11, 19)
    await start(replica(sessionmaker, config, recorder, "b"))
    assert recorder.runs[1:] == [("log_reminders", "2026-03-11")]


async def test_only_one_of_several_replicas_runs_jobs(
    sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig, recorder: Recorder
) -> None:
    replicas = [replica(sessionmaker, config, recorder, f"r{n}") for n in range(3)]
    leaders = await asyncio.gather(*(r.tick() for r in replicas))
    for r in replicas:
        await r.idle()
    assert sorted(leaders) == [False, False, True]
    assert recorder.runs == [("lag_alerts", "2026-03-11")]
    # a scheduled fire reaches every replica; only the leader runs it
    for r in replicas:
        await r.fire("lag_alerts")
        await r.idle()
    assert recorder.runs == [("lag_alerts", "2026-03-11")] * 2
    # the leader dies; once its lease expires another takes over
    leader = replicas[leaders.index(True)]
    others = [r for r in replicas if r is not leader]
    clock.set_now(clock.now() + timedelta(seconds=61))
    taken = [await r.tick() for r in others]
    assert taken == [True, False]
    await others[0].idle()
    assert not await leader.tick()


@pytest.mark.parametrize(("payroll_day", "made_up"), [(8, True), (5, False)])
async def test_payroll_missed_days_ago(
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    recorder: Recorder,
    payroll_day: int,
    made_up: bool,
) -> None:
    # Due on the 8th: 3 days ago, made up. Due on the 5th: 6 days ago, too late.
    config = replace(config, payroll_day=payroll_day)
    moscow(11, 9, 30)  # before the lag alerts' time, so only payroll can be due
    await start(replica(sessionmaker, config, recorder, "a"))
    assert recorder.runs == ([("payroll_summary", "2026-02")] if made_up else [])


async def test_a_completed_payroll_is_not_made_up_again(
    sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig, recorder: Recorder
) -> None:
    config = replace(config, payroll_day=8)
    moscow(11, 9, 30)
    first = replica(sessionmaker, config, recorder, "a")
    await start(first)
    await first.stop()
    await start(replica(sessionmaker, config, recorder, "b"))
    assert recorder.runs == [("payroll_summary", "2026-02")]


async def test_no_run_on_a_public_holiday(
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    recorder: Recorder,
    session: AsyncSession,
) -> None:
    moscow(9, 20)  # Monday 9 March 2026, a public holiday in Russia
    scheduler = replica(sessionmaker, config, recorder, "a")
    await start(scheduler)
    assert await scheduler.run_due("lag_alerts") is None
    assert recorder.runs == []
    # a day the admin made a holiday counts too
    session.add(HolidayOverride(day=datetime(2026, 3, 11).date(), kind="add", name="Party"))
    await session.commit()
    moscow(11, 20)
    assert await scheduler.run_due("log_reminders") is None
    assert recorder.runs == []
    assert await scheduler.run_due("payroll_summary") is not None  # monthly, not by day
    assert recorder.runs == [("payroll_summary", "2026-02")]


async def test_started_with_the_dispatcher_it_fires_and_stops(
    sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig, recorder: Recorder
) -> None:
    scheduler = replica(sessionmaker, config, recorder, "a")
    await scheduler.start()
    try:
        ids = {job.id for job in scheduler.scheduler.get_jobs()}
        assert ids == {
            "lag_alerts",
            "log_reminders",
            "payroll_summary",
            "scheduler_lease",
            "timer_watch",
        }
        for _ in range(200):  # the lease tick runs at once, then the catch-up
            if recorder.runs:
                break
            await asyncio.sleep(0.02)
        await scheduler.idle()
        assert recorder.runs == [("lag_alerts", "2026-03-11")]
        assert scheduler.leader
    finally:
        await scheduler.stop()
    assert not scheduler.scheduler.running and not scheduler.leader
