"""/log and /tasks through the full stack, next to a bare aiogram echo handler."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.data import Company
from bench.db import counting
from bench.harness import Harness, Timing
from bench.table import Row
from models import TimeEntry

LOG_SHARE = 0.5  # /log throughput must reach this share of the echo baseline


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
        with counting(engine) as log_sql:
            log = await full.run(full.updates(messages), concurrency)
        written = await _entries_today(engine, company) - before
        with counting(engine) as tasks_sql:
            tasks = await full.run(full.updates([(u, "/tasks") for u, _ in messages]), concurrency)
    finally:
        await echo.close()
        await full.close()
    share = log.per_second / baseline.per_second if baseline.per_second else 0.0
    rows = [
        Row(f"echo baseline ({count} updates, bare aiogram)", _speed(baseline)),
        Row(
            f"/log ({count} updates, {len(set(company.staff_tg))} people)",
            f"{_speed(log)}; {share:.0%} of echo; {log_sql.count / count:.1f} SQL/update; "
            f"{written} entries written",
            f"≥ {LOG_SHARE:.0%} of echo",
            share >= LOG_SHARE and written == count,
        ),
        Row(
            f"/tasks ({count} updates)",
            f"{_speed(tasks)}; {tasks.per_second / baseline.per_second:.0%} of echo; "
            f"{tasks_sql.count / count:.1f} SQL/update",
        ),
    ]
    facts = {
        "echo_per_s": baseline.per_second,
        "log_per_s": log.per_second,
        "log_written": written,
        "log_statements": log_sql.count,
        "tasks_per_s": tasks.per_second,
        "tasks_replies": tasks.replies,
    }
    return rows, facts
