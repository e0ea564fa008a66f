"""The record of job runs (models.JobRun), and the values /jobs shows.

Every run of a job (scheduled, made up after downtime, or started by hand) is one row: when it
started and finished, its outcome and how many messages it sent, skipped as already sent, or
could not deliver. The scheduler's catch-up reads this record, never APScheduler's memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import JobRun
from services import clock

LAG_ALERTS = "lag_alerts"
LOG_REMINDERS = "log_reminders"
PAYROLL_SUMMARY = "payroll_summary"
WEEK_APPROVAL = "week_approval"
JOB_NAMES = (LAG_ALERTS, LOG_REMINDERS, PAYROLL_SUMMARY, WEEK_APPROVAL)
DAILY = frozenset({LAG_ALERTS, LOG_REMINDERS})
WEEKLY = frozenset({WEEK_APPROVAL})  # the first working day of a week, for the week before

RUNNING = "running"
DONE = "done"  # every message delivered, or already delivered before
PARTIAL = "partial"  # some messages failed for a transient reason: a later run retries them
FAILED = "failed"  # the job itself broke
INTERRUPTED = "interrupted"  # the job was stopped (shutdown, lease lost)
BUSY = "busy"  # another run of the same period holds the run lease; not recorded
FINISHED = (DONE, PARTIAL)


@dataclass
class RunReport:
    """What one run did, as /jobs and `python -m jobs run` report it."""

    job: str
    period: str
    trigger: str
    status: str
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    retryable: int = 0  # of the failed: the ones a later run will try again
    unreachable: list[str] = field(default_factory=list)
    detail: str = ""
    busy_until: datetime | None = None  # naive UTC, when status is BUSY


@dataclass(frozen=True)
class JobInfo:
    name: str
    next_run: datetime | None  # aware, company time zone
    last: JobRun | None


class JobControl(Protocol):
    """What the /jobs command needs from the job runner that the composition root builds."""

    names: tuple[str, ...]

    async def overview(self) -> list[JobInfo]: ...

    async def run(
        self, name: str, period: str | None = None, trigger: str = "manual"
    ) -> RunReport: ...


async def start(session: AsyncSession, job: str, period: str, trigger: str) -> int:
    run = JobRun(job=job, period=period, trigger=trigger, status=RUNNING)
    run.started_at = clock.utcnow_naive()
    session.add(run)
    await session.commit()
    return run.id


async def interrupt_stale(session: AsyncSession, job: str, period: str) -> int:
    """Runs of this period still "running" died with their process. Call only while holding
    the run lease, which no live run of the period can hold at the same time."""
    result = await session.execute(
        update(JobRun)
        .where(JobRun.job == job, JobRun.period == period, JobRun.status == RUNNING)
        .values(status=INTERRUPTED, detail="the process stopped during the run")
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def finish(session: AsyncSession, run_id: int, report: RunReport) -> None:
    run = await session.get(JobRun, run_id)
    if run is None:
        return
    run.status = report.status
    run.finished_at = clock.utcnow_naive()
    run.sent, run.skipped, run.failed = report.sent, report.skipped, report.failed
    run.detail = report.detail[:2000]
    await session.commit()


async def last_runs(session: AsyncSession) -> dict[str, JobRun]:
    """The latest run of every job that has run."""
    latest = select(JobRun.job, func.max(JobRun.id).label("id")).group_by(JobRun.job).subquery()
    runs = await session.scalars(select(JobRun).join(latest, latest.c.id == JobRun.id))
    return {run.job: run for run in runs}


async def finished_since(
    session: AsyncSession, job: str, period: str, since: datetime | None = None
) -> bool:
    """Whether a run of this period finished (done or partial), started at `since` or later."""
    query = select(JobRun.id).where(
        JobRun.job == job, JobRun.period == period, JobRun.status.in_(FINISHED)
    )
    if since is not None:
        query = query.where(JobRun.started_at >= since)
    return await session.scalar(query.limit(1)) is not None


async def completed(session: AsyncSession, job: str, period: str) -> bool:
    """Whether a run of this period delivered everything."""
    query = select(JobRun.id).where(
        JobRun.job == job, JobRun.period == period, JobRun.status == DONE
    )
    return await session.scalar(query.limit(1)) is not None
