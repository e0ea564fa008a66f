"""The schedule: APScheduler fires the jobs, a database lease picks the one replica that runs them.

Every replica runs an AsyncIOScheduler with the same jobs (ids `lag_alerts`, `log_reminders`,
`payroll_summary`, `week_approval` when WEEK_APPROVAL is on, and `timer_watch` every few
minutes) and a `scheduler_lease` job that takes or renews the lease "scheduler" every
RENEW_EVERY seconds. Only the holder runs what fires; when it dies, another replica takes the
lease over once it expires, and makes up what was missed meanwhile.

APScheduler keeps no memory across restarts here: whether a run happened is read from the
job_runs table, so the catch-up on start (or on becoming the leader) does not depend on
misfire_grace_time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import schedule, timer_watch
from jobs.runner import JobRunner
from services import clock, jobruns, lease
from services.calendar import load_holidays
from services.config import AppConfig
from services.jobruns import RunReport

log = logging.getLogger(__name__)

LEASE = "scheduler"
LEASE_TTL = timedelta(seconds=60)
RENEW_EVERY = 15.0
STOP_GRACE = 5.0


def triggers(config: AppConfig) -> dict[str, CronTrigger]:
    """The cron triggers of the jobs; holidays are checked when a daily job fires."""
    tz = ZoneInfo(config.timezone)
    out = {}
    for name in schedule.JOB_NAMES:
        at = schedule.due_time(name, config)
        if not schedule.enabled(name, config):
            continue
        if name in schedule.DAILY or name in schedule.WEEKLY:
            out[name] = CronTrigger(
                day_of_week="mon-fri", hour=at.hour, minute=at.minute, timezone=tz
            )
        else:
            out[name] = CronTrigger(
                day=config.payroll_day, hour=at.hour, minute=at.minute, timezone=tz
            )
    return out


class JobScheduler:
    def __init__(
        self,
        runner: JobRunner,
        *,
        lease_ttl: timedelta = LEASE_TTL,
        renew_every: float = RENEW_EVERY,
    ) -> None:
        self.runner = runner
        self.sessionmaker: async_sessionmaker[AsyncSession] = runner.sessionmaker
        self.config = runner.config
        self.holder = runner.holder
        self.lease_ttl = lease_ttl
        self.renew_every = renew_every
        self.leader = False
        self.scheduler = AsyncIOScheduler(timezone=ZoneInfo(self.config.timezone))
        self._tasks: set[asyncio.Task[Any]] = set()

    async def start(self) -> None:
        for name, trigger in triggers(self.config).items():
            # Our own record makes up missed runs; APScheduler only needs to fire on time.
            self.scheduler.add_job(
                self.fire,
                trigger,
                args=[name],
                id=name,
                name=name,
                replace_existing=True,
                coalesce=True,
                max_instances=1,
                misfire_grace_time=60,
            )
        self.scheduler.add_job(
            self.watch_timers,
            IntervalTrigger(minutes=timer_watch.EVERY_MINUTES),
            id=timer_watch.JOB,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
        )
        self.scheduler.add_job(
            self.tick,
            IntervalTrigger(seconds=self.renew_every),
            id="scheduler_lease",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            next_run_time=datetime.now(ZoneInfo(self.config.timezone)),
        )
        self.scheduler.start()
        log.info("scheduler started as %s", self.holder)

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=STOP_GRACE)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self.leader:
            async with self.sessionmaker() as session:
                await lease.release(session, LEASE, self.holder)
            self.leader = False

    async def tick(self) -> bool:
        """Take or renew the leader lease; on becoming the leader, make up missed runs."""
        was_leader = self.leader
        try:
            async with self.sessionmaker() as session:
                self.leader = await lease.acquire(session, LEASE, self.holder, self.lease_ttl)
        except Exception:
            log.exception("the scheduler lease could not be renewed")
            self.leader = False
        if self.leader and not was_leader:
            log.info("this process now runs the scheduled jobs")
            self._spawn(self.catch_up())
        elif was_leader and not self.leader:
            log.warning("another process took over the scheduled jobs")
        return self.leader

    async def fire(self, name: str) -> None:
        """APScheduler's callback: start the due run in the background, on the leader only."""
        if not await self.tick():
            return
        self._spawn(self.run_due(name))

    async def watch_timers(self) -> int:
        """Ask about timers left running past the working day, on the leader only."""
        if not self.leader:
            return 0
        try:
            return await timer_watch.run(self.sessionmaker, self.runner.sender, self.config)
        except Exception:
            log.exception("timer_watch failed")
            return 0

    async def run_due(self, name: str) -> RunReport | None:
        today = clock.today(self.config.timezone)
        if name in schedule.DAILY or name in schedule.WEEKLY:
            async with self.sessionmaker() as session:
                holidays = await load_holidays(session, self.config.holidays_country)
            if not schedule.runs_today(name, today, holidays):
                log.info("%s: not due on %s", name, today)
                return None
        return await self._run(name, schedule.period_of(name, today), "schedule")

    async def catch_up(self) -> list[RunReport]:
        """Make up the runs missed while no process ran the schedule."""
        now = clock.now()
        async with self.sessionmaker() as session:
            holidays = await load_holidays(session, self.config.holidays_country)
            due = []
            for name in schedule.JOB_NAMES:
                miss = schedule.missed(name, now, self.config, holidays)
                if miss is not None and not await self._happened(session, miss):
                    due.append(miss)
        reports = []
        for miss in due:
            log.info("making up %s for %s (due %s)", miss.job, miss.period, miss.at)
            report = await self._run(miss.job, miss.period, "catchup")
            if report is not None:
                reports.append(report)
        return reports

    async def _happened(self, session: AsyncSession, miss: schedule.Due) -> bool:
        if miss.job in schedule.DAILY or miss.job in schedule.WEEKLY:
            since = miss.at.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
            return await jobruns.finished_since(session, miss.job, miss.period, since)
        return await jobruns.completed(session, miss.job, miss.period)

    async def _run(self, name: str, period: str, trigger: str) -> RunReport | None:
        try:
            report = await self.runner.run_period(name, period, trigger)
        except Exception:
            log.exception("%s %s could not run", name, period)
            return None
        log.info(
            "%s %s (%s): %s, sent %d, skipped %d, failed %d",
            name,
            report.period,
            trigger,
            report.status,
            report.sent,
            report.skipped,
            report.failed,
        )
        return report

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(self._logged(coro))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _logged(coro: Coroutine[Any, Any, Any]) -> None:
        # A background run has nobody to raise to: a database outage must reach the log.
        try:
            await coro
        except Exception:
            log.exception("a scheduled run failed")

    async def idle(self) -> None:
        """Wait for the runs in progress (tests and shutdown)."""
        while self._tasks:
            with contextlib.suppress(Exception):
                await asyncio.gather(*set(self._tasks), return_exceptions=True)
