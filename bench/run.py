"""The whole benchmark: three synthetic companies, one after another, each in a fresh
database, and the rows of the table they produce."""

from __future__ import annotations

import gc
import resource
import sys
import time
from dataclasses import dataclass, field
from datetime import date

from bench.data import Company, Shape, build_company
from bench.db import fresh_database
from bench.delivery import run_summary, summary_row
from bench.reports import Cost, measure_plan, payroll_cost, payroll_rows
from bench.table import Row
from bench.updates import measure_updates
from bot.startup import settle_heap
from services import clock
from services.units import add_months, month_code

TIMEZONE = "Europe/Moscow"
PAYROLL_ENTRIES_PER_PERSON = 40


@dataclass(frozen=True)
class Options:
    employees: int = 500
    groups: int = 50
    tasks: int = 20_000
    entries: int = 1_000_000
    months: int = 24
    plan_sizes: tuple[int, ...] = (10, 50, 500)
    payroll_people: int = 5_000
    recipients: int = 1_000
    updates: int = 2_000
    concurrency: int = 1
    repeats: int = 5
    seed: int = 7
    database_url: str | None = None


QUICK = Options(
    employees=40,
    groups=4,
    tasks=400,
    entries=4_000,
    months=2,
    plan_sizes=(3, 5, 10),
    payroll_people=120,
    recipients=20,
    updates=100,
    repeats=2,
)


@dataclass
class Outcome:
    rows: list[Row] = field(default_factory=list)
    facts: dict[str, float] = field(default_factory=dict)


def _progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _plan_groups(company: Company) -> dict[int, tuple[str, int]]:
    staff = len(company.staff_tg)
    return {size: (name, min(size, staff)) for size, name in company.bench_groups.items()}


def _peak_row() -> Row:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Row("peak memory (ru_maxrss of the whole run)", f"{peak_mb:,.0f} MB")


async def _main_company(options: Options, today: date, month: str, out: Outcome) -> Cost:
    shape = Shape(
        options.employees,
        options.groups,
        options.tasks,
        options.entries,
        options.months,
        options.plan_sizes,
        options.seed,
    )
    async with fresh_database(options.database_url, "company") as engine:
        _progress(f"writing the company: {shape}")
        started = time.perf_counter()
        company = await build_company(engine, shape, today)
        built = time.perf_counter() - started
        settle_heap()  # as the bot does after its start: the company's data out of gc's sight
        _progress(f"written in {built:.1f} s: {company.rows}")
        out.rows.append(
            Row(
                "synthetic company written",
                f"{company.rows['employees']:,} people, {company.rows['dev_groups']:,} groups, "
                f"{company.rows['tasks']:,} tasks, {company.rows['time_entries']:,} entries "
                f"in {built:.1f} s",
            )
        )
        _progress(f"/log and /tasks: {options.updates} updates each")
        rows, facts = await measure_updates(engine, company, options.updates, options.concurrency)
        out.rows += rows
        out.facts.update(facts)
        settle_heap()  # the updates prepared for /log and /tasks
        _progress("/plan")
        rows, plan = await measure_plan(
            engine, company, _plan_groups(company), options.repeats, options.plan_sizes[1]
        )
        out.rows += rows
        for size, cost in plan.items():
            out.facts[f"plan_{size}_statements"] = cost.statements
            out.facts[f"plan_{size}_text_ms"] = cost.first_ms
            out.facts[f"plan_{size}_ms"] = cost.ms
        _progress(f"/payroll {month}, {options.employees} people")
        return await payroll_cost(engine, company, month, options.repeats)


def _paid_shape(people: int, seed: int) -> Shape:
    """Paid people with last month's and this month's entries, no groups or tasks."""
    return Shape(people, 0, 0, people * PAYROLL_ENTRIES_PER_PERSON, 1, (), seed)


async def run_bench(options: Options) -> Outcome:
    out = Outcome()
    today = clock.today(TIMEZONE)
    month = month_code(add_months(today.replace(day=1), -1))
    small = await _main_company(options, today, month, out)
    payroll = {options.employees: small}
    big = _paid_shape(options.payroll_people, options.seed)
    async with fresh_database(options.database_url, "payroll") as engine:
        _progress(f"writing a company of {options.payroll_people} paid people")
        company = await build_company(engine, big, today)
        settle_heap()
        _progress(f"/payroll {month}, {options.payroll_people} people")
        payroll[options.payroll_people] = await payroll_cost(
            engine, company, month, options.repeats
        )
    out.rows += payroll_rows(payroll, month)
    for people, cost in payroll.items():
        out.facts[f"payroll_{people}_statements"] = cost.statements
    summary = _paid_shape(options.recipients, options.seed)
    async with fresh_database(options.database_url, "summary") as engine:
        _progress(f"payroll_summary {month} to {options.recipients} people")
        company = await build_company(engine, summary, today)
        settle_heap()
        delivered = await run_summary(engine, company.admin_tg, month)
    out.rows.append(summary_row(delivered, options.recipients))
    out.facts.update(
        summary_people=delivered.recipients,
        summary_rate=delivered.per_second,
        summary_429=delivered.too_many,
    )
    out.rows.append(_peak_row())
    gc.unfreeze()  # a run inside a longer process (the tests) leaves its heap as it found it
    return out
