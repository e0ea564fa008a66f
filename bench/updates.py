"""/log and /tasks through the full stack, next to a bare aiogram echo handler."""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.data import Company
from bench.db import counting
from bench.harness import Harness, Timing
from bench.table import Row
from models import EntryAudit, TimeEntry

# /log and /tasks each: this share of the echo baseline's rate, this p50, p99 within a multiple
SHARE = 0.10
P50_MS = 4.0
P99_OVER_P50 = 3.0
COUNTED = 200  # updates of each kind whose statements are counted


def log_messages(company: Company, count: int) -> list[tuple[int, str]]:
    """Different people, every other /log on their task in progress, the rest general work."""
    people = company.staff_tg
    out = []
    for n in range(count):
        tg = people[n % len(people)]
        task = company.open_task_of.get(tg)
        out.append((tg, f"/log 30m #{task} bench" if task and n % 2 else "/log 15m"))
    return out


def _speed(timing: Timing) -> str:
    return (
        f"{timing.per_second:,.0f} updates/s, p50 {timing.quantile_ms(0.5):.1f} ms, "
        f"p99 {timing.quantile_ms(0.99):.1f} ms"
    )


async def _entries_today(engine: AsyncEngine, company: Company) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(TimeEntry).where(TimeEntry.day == company.today)
        return int(await conn.scalar(query) or 0)


async def _updates_with_entries(engine: AsyncEngine, company: Company) -> int:
    """Distinct updates that created an entry today (the audit names each entry's update)."""
    async with engine.connect() as conn:
        query = select(func.count(distinct(EntryAudit.update_id))).where(
            EntryAudit.day == company.today, EntryAudit.action == "create"
        )
        return int(await conn.scalar(query) or 0)


def _target(echo: Timing) -> str:
    floor = echo.per_second * SHARE
    limits = f"p50 ≤ {P50_MS:.0f} ms, p99 ≤ {P99_OVER_P50:.0f}× p50"
    return f"≥ {SHARE:.0%} of echo (≥ {floor:,.0f}/s), {limits}"


def _met(timing: Timing, echo: Timing) -> bool:
    p50 = timing.quantile_ms(0.5)
    return (
        timing.per_second >= echo.per_second * SHARE
        and p50 <= P50_MS
        and timing.quantile_ms(0.99) <= P99_OVER_P50 * p50
    )


async def measure_updates(
    engine: AsyncEngine, company: Company, count: int, concurrency: int
) -> tuple[list[Row], dict[str, float]]:
    echo, full = Harness.echo(), Harness.full(engine, company)
    try:
        messages = log_messages(company, count)
        await echo.run(echo.updates(messages[:50]), concurrency)  # warm-up
        baseline = await echo.run(echo.updates(messages), concurrency)
        await full.one(company.admin_tg, "/tasks")  # warm-up: first use of every router
        before = await _entries_today(engine, company)
        log = await full.run(full.updates(messages), concurrency)
        written = await _entries_today(engine, company) - before
        distinct_updates = await _updates_with_entries(engine, company)
        tasks = await full.run(full.updates([(u, "/tasks") for u, _ in messages]), concurrency)
        # Statements are counted on runs of their own, after the timed ones: a listener on the
        # engine puts SQLAlchemy's event dispatch on every statement, which the bot never has.
        sample = messages[:COUNTED]
        with counting(engine) as log_sql:
            await full.run(full.updates(sample), concurrency)
        with counting(engine) as tasks_sql:
            await full.run(full.updates([(u, "/tasks") for u, _ in sample]), concurrency)
    finally:
        await echo.close()
        await full.close()
    share = log.per_second / baseline.per_second if baseline.per_second else 0.0
    in_flight = f", {concurrency} in flight" if concurrency > 1 else ""
    rows = [
        Row(f"echo baseline ({count} updates, bare aiogram{in_flight})", _speed(baseline)),
        Row(
            f"/log ({count} updates, {len(set(company.staff_tg))} people{in_flight})",
            f"{_speed(log)}; {share:.0%} of echo; {log_sql.count / len(sample):.1f} SQL/update; "
            f"{written} entries written by {distinct_updates} distinct updates",
            _target(baseline),
            _met(log, baseline) and written == distinct_updates == count,
        ),
        Row(
            f"/tasks ({count} updates{in_flight})",
            f"{_speed(tasks)}; {tasks.per_second / baseline.per_second:.0%} of echo; "
            f"{tasks_sql.count / len(sample):.1f} SQL/update",
            _target(baseline),
            _met(tasks, baseline),
        ),
    ]
    facts = {
        "echo_per_s": baseline.per_second,
        "log_per_s": log.per_second,
        "log_written": written,
        "log_updates_with_entries": distinct_updates,
        "log_statements": log_sql.count,
        "tasks_per_s": tasks.per_second,
        "tasks_replies": tasks.replies,
    }
    return rows, facts
