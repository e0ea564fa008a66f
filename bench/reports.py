"""/plan and /payroll as an admin sends them: milliseconds and SQL statements per command."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bench.data import Company
from bench.db import counting
from bench.harness import Harness
from bench.table import Row

PLAN_TARGET_MS = 300.0  # the whole /plan, chart included, for the middle size (50 people)
PLAN_TEXT_TARGET_MS = 150.0  # the text answer of /plan for the largest size (500 people)
PAYROLL_TARGET_MS = 1000.0


@dataclass(frozen=True)
class Cost:
    ms: float  # median over the repeats, the whole handling
    first_ms: float  # median time to the bot's first answer (for /plan: the text, before the chart)
    statements: int  # of the last repeat (each repeat sends the same statements)
    reply: str  # what the bot answered first, to check it is a real answer

    def text(self, first_label: str | None = None) -> str:
        """`first_label` names the first time, always shown then; else the time to the first
        answer is shown when it comes well before the end."""
        if first_label is not None:
            first = f" ({first_label} {self.first_ms:,.0f} ms)"
        elif self.first_ms < self.ms * 0.9:
            first = f" (first answer {self.first_ms:,.0f} ms)"
        else:
            first = ""
        return f"{self.ms:,.0f} ms{first}, {self.statements} SQL statements"


async def command_cost(
    engine: AsyncEngine, harness: Harness, user: int, command: str, repeats: int
) -> Cost:
    times, firsts, statements, reply = [], [], 0, ""
    for _ in range(max(1, repeats)):
        with counting(engine) as counter:
            first, seconds, texts = await harness.one(user, command)
        times.append(seconds)
        firsts.append(first)
        statements, reply = counter.count, texts[0] if texts else ""
    return Cost(
        statistics.median(times) * 1000, statistics.median(firsts) * 1000, statements, reply
    )


async def measure_plan(
    engine: AsyncEngine,
    company: Company,
    groups: dict[int, tuple[str, int]],
    repeats: int,
    target_size: int,
) -> tuple[list[Row], dict[int, Cost]]:
    """`/plan benchN` for each bench group: {size: (group name, people with tasks there)}."""
    harness = Harness.full(engine, company)
    admin_tg = company.admin_tg
    costs: dict[int, Cost] = {}
    try:
        first = min(groups)
        await harness.one(admin_tg, f"/plan {groups[first][0]}")  # warm-up: chart fonts
        # The text is handed to the Bot API before the chart is drawn (handlers/plan.py):
        # the round's first request is the time to the text.
        for size, (name, _) in sorted(groups.items()):
            costs[size] = await command_cost(engine, harness, admin_tg, f"/plan {name}", repeats)
    finally:
        await harness.close()
    rows = []
    largest = max(costs)
    for size, cost in sorted(costs.items()):
        name, assignees = groups[size]
        if size == target_size:
            target, passed = f"≤ {PLAN_TARGET_MS:.0f} ms", cost.ms <= PLAN_TARGET_MS
        elif size == largest:
            target = f"text ready ≤ {PLAN_TEXT_TARGET_MS:.0f} ms"
            passed = cost.first_ms <= PLAN_TEXT_TARGET_MS
        else:
            target, passed = "—", None
        rows.append(
            Row(
                f"/plan {name} ({min(size, company.shape.employees)} people, "
                f"{assignees} with tasks)",
                cost.text("text ready"),
                target,
                passed,
            )
        )
    rows.append(statements_row("/plan", costs))
    return rows, costs


async def payroll_cost(engine: AsyncEngine, company: Company, month: str, repeats: int) -> Cost:
    harness = Harness.full(engine, company)
    admin_tg = company.admin_tg
    try:
        await harness.one(admin_tg, "/help")  # warm-up: first use of the routers
        return await command_cost(engine, harness, admin_tg, f"/payroll {month}", repeats)
    finally:
        await harness.close()


def payroll_rows(costs: dict[int, Cost], month: str) -> list[Row]:
    largest = max(costs)
    rows = [
        Row(
            f"/payroll {month} ({people:,} people)",
            cost.text(),
            f"≤ {PAYROLL_TARGET_MS:.0f} ms" if people == largest else "—",
            cost.ms <= PAYROLL_TARGET_MS if people == largest else None,
        )
        for people, cost in sorted(costs.items())
    ]
    rows.append(statements_row("/payroll", costs))
    return rows


def statements_row(command: str, costs: dict[int, Cost]) -> Row:
    """The statements of one command at each company size: the target is that they are equal."""
    sizes = sorted(costs)
    counts = [costs[size].statements for size in sizes]
    return Row(
        f"{command} statements, " + " vs ".join(f"{size:,} people" for size in sizes),
        " / ".join(map(str, counts)),
        "equal",
        len(set(counts)) == 1,
    )
