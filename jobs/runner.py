"""Running one job for one period: the run lease, the record of the run, the report.

The same path serves the scheduler, the catch-up on start, `/jobs run` and `python -m jobs run`.
Only one run of a (job, period) goes at a time, whatever the number of processes: it holds the
lease "run:<job>:<period>" and renews it while it sends. A run that finds the lease held answers
"busy"; one that takes it over from a dead process first releases that process's claims, so the
message that was in flight when it died is sent again (see services/ledger.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import schedule
from jobs.context import JobBody, JobContext, admins, language
from jobs.delivery import Delivery, OutboundSender, RunStopped
from services import clock, jobruns, lease, ledger
from services.calendar import Holidays, load_holidays
from services.config import AppConfig
from services.jobruns import JobInfo, RunReport
from views.i18n import Translator

log = logging.getLogger(__name__)

RUN_LEASE_TTL = timedelta(seconds=20)


def default_bodies() -> dict[str, JobBody]:
    from jobs import lag_alerts, log_reminders, payroll_summary, week_approval

    return {
        schedule.LAG_ALERTS: lag_alerts.run,
        schedule.LOG_REMINDERS: log_reminders.run,
        schedule.PAYROLL_SUMMARY: payroll_summary.run,
        schedule.WEEK_APPROVAL: week_approval.run,
    }


class JobRunner:
    names = schedule.JOB_NAMES

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        sender: OutboundSender,
        config: AppConfig,
        *,
        holder: str | None = None,
        run_ttl: timedelta = RUN_LEASE_TTL,
        bodies: Mapping[str, JobBody] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.sender = sender
        self.config = config
        self.holder = holder or lease.new_holder()
        self.run_ttl = run_ttl
        self.bodies = dict(bodies) if bodies is not None else default_bodies()

    async def overview(self) -> list[JobInfo]:
        async with self.sessionmaker() as session:
            holidays = await load_holidays(session, self.config.holidays_country)
            last = await jobruns.last_runs(session)
        now = clock.now()
        return [
            JobInfo(name, self._next(name, now, holidays), last.get(name)) for name in self.names
        ]

    def _next(self, name: str, now: datetime, holidays: Holidays) -> datetime | None:
        if not schedule.enabled(name, self.config):
            return None
        return schedule.next_run(name, now, self.config, holidays)

    async def run(
        self, name: str, period: str | None = None, trigger: str = "manual", wait: float = 0.0
    ) -> RunReport:
        """Run `name` for the period a person asked for (default: the one due now). Raises
        DomainError for an unknown job or a bad period."""
        resolved = schedule.resolve_period(name, period, clock.today(self.config.timezone))
        return await self.run_period(name, resolved, trigger, wait)

    async def run_period(
        self, name: str, period: str, trigger: str, wait: float = 0.0
    ) -> RunReport:
        """Run `name` for `period`, waiting up to `wait` seconds for a busy run lease."""
        lease_name = f"run:{name}:{period}"
        # The run lease is this run's own, not this process's: another run of the period in
        # the same process (`/jobs run` during the scheduled one, a catch-up while the
        # schedule fires) finds it busy instead of renewing it as its own and taking over
        # the claims of the messages in flight.
        holder = f"{self.holder[:56]}/{secrets.token_hex(3)}"
        if not await self._acquire(lease_name, holder, wait):
            async with self.sessionmaker() as session:
                held = await lease.current(session, lease_name)
            until = held[1] if held else None
            return RunReport(name, period, trigger, jobruns.BUSY, busy_until=until)
        lost = asyncio.Event()
        renewer = asyncio.create_task(self._renew(lease_name, holder, lost))
        try:
            return await self._run_held(name, period, trigger, lost)
        finally:
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
            async with self.sessionmaker() as session:
                await lease.release(session, lease_name, holder)

    async def _run_held(
        self, name: str, period: str, trigger: str, lost: asyncio.Event
    ) -> RunReport:
        async with self.sessionmaker() as session:
            resumed = await ledger.interrupt_orphans(session, name, period)
            await jobruns.interrupt_stale(session, name, period)
            run_id = await jobruns.start(session, name, period, trigger)
        if resumed:
            log.warning("%s %s: %d sends of an interrupted run are retried", name, period, resumed)
        delivery = Delivery(self.sessionmaker, self.sender, name, period, should_stop=lost.is_set)
        today = clock.today(self.config.timezone)
        context = JobContext(self.sessionmaker, self.config, delivery, period, today)
        report = RunReport(name, period, trigger, jobruns.RUNNING)
        try:
            await self.bodies[name](context)
            report.status = jobruns.PARTIAL if delivery.transient else jobruns.DONE
        except RunStopped:
            report.status = jobruns.INTERRUPTED
            report.detail = "run lease lost"
        except asyncio.CancelledError:
            report.status = jobruns.INTERRUPTED
            report.detail = "stopped"
            await self._finish(run_id, report, delivery)
            raise
        except Exception as error:
            log.exception("%s %s failed", name, period)
            report.status = jobruns.FAILED
            report.detail = f"{type(error).__name__}: {error}"
        await self._report_unreachable(delivery)
        await self._finish(run_id, report, delivery)
        return report

    async def _finish(self, run_id: int, report: RunReport, delivery: Delivery) -> None:
        report.sent, report.skipped, report.failed = (
            delivery.sent,
            delivery.skipped,
            delivery.failed,
        )
        report.retryable = delivery.transient
        report.unreachable = list(delivery.unreachable)
        if delivery.unreachable:
            unreachable = "unreachable: " + ", ".join(delivery.unreachable)
            report.detail = f"{report.detail}; {unreachable}" if report.detail else unreachable
        async with self.sessionmaker() as session:
            await jobruns.finish(session, run_id, report)

    async def _report_unreachable(self, delivery: Delivery) -> None:
        """One message per run to each admin naming the people the bot could not reach."""
        if not delivery.unreachable:
            return
        async with self.sessionmaker() as session:
            people = await admins(session)
        names = "\n".join(f"• {label}" for label in delivery.unreachable)
        for admin in people:
            tr = Translator(language(admin, self.config))
            text = tr("jobs-unreachable", job=tr(f"jobs-name-{delivery.job}"), people=names)
            result = await self.sender.send_text(admin.telegram_id, text)
            if not result.ok:
                log.warning("unreachable report to admin %s not delivered", admin.code)

    async def _acquire(self, name: str, holder: str, wait: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            async with self.sessionmaker() as session:
                if await lease.acquire(session, name, holder, self.run_ttl):
                    return True
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(min(1.0, max(0.05, deadline - loop.time())))

    async def _renew(self, name: str, holder: str, lost: asyncio.Event) -> None:
        while True:
            await asyncio.sleep(self.run_ttl.total_seconds() / 4)
            try:
                async with self.sessionmaker() as session:
                    if await lease.acquire(session, name, holder, self.run_ttl):
                        continue
            except Exception:
                log.exception("renewing the lease %s failed", name)
                continue
            log.error("lease %s was taken over; stopping this run", name)
            lost.set()
            return
