"""A synthetic company written with bulk Core inserts (executemany of dicts in chunks).

People: e1 is the admin (Telegram id 1), then one lead manager per group, then programmers and
testers (4 to 1). Every group has its lead and a share of the staff. Optional "benchN" groups
hold exactly N assignable people, each with one open task in that group, for `/plan benchN`.

Everyone has a weekly schedule (most 8 h Monday to Friday, some part-time) and pay terms from the
first month of the history. Tasks and time entries come from bench.history.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.history import History, Week
from bench.rows import insert_rows
from services.units import add_months

ADMIN_TG = 1
TG_BASE = 10_000
FULL_WEEK: Week = (480, 480, 480, 480, 480, 0, 0)
PART_WEEK: Week = (240, 240, 240, 240, 240, 0, 0)


@dataclass(frozen=True)
class Shape:
    employees: int
    groups: int
    tasks: int
    entries: int
    months: int = 24  # history length, in months before the current one
    bench_groups: tuple[int, ...] = ()  # sizes of the extra benchN groups
    seed: int = 7


@dataclass
class Company:
    """What the measures need to know of the company that was written."""

    shape: Shape
    today: date
    admin_tg: int = ADMIN_TG
    staff_tg: list[int] = field(default_factory=list)  # assignable people's Telegram ids
    open_task_of: dict[int, int] = field(default_factory=dict)  # Telegram id -> an open task
    bench_groups: dict[int, str] = field(default_factory=dict)  # size -> group name
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written

    def username(self, tg: int) -> str:
        return "u1" if tg == ADMIN_TG else f"u{tg - TG_BASE}"


def _roles(shape: Shape) -> list[str]:
    managers = min(shape.groups, max(0, shape.employees - 2))
    roles = ["admin"] + ["manager"] * managers
    for n in range(shape.employees - len(roles)):
        roles.append("tester" if n % 5 == 4 else "programmer")
    return roles[: shape.employees]


def _employees(roles: list[str], created: datetime) -> list[dict[str, Any]]:
    rows = []
    for emp_id, role in enumerate(roles, start=1):
        tg = ADMIN_TG if emp_id == 1 else TG_BASE + emp_id
        rows.append(
            {
                "id": emp_id,
                "telegram_id": tg,
                "username": f"u{emp_id}",
                # What Telegram sends with their updates (tests.tg): no profile write per update.
                "full_name": f"User{tg}",
                "role": role,
                "language": "ru" if emp_id % 4 else "en",
                "listed": True,
                "active": True,
                "unreachable": False,
                "created_at": created,
            }
        )
    return rows


def _schedules(weeks: dict[int, Week], first: date) -> list[dict[str, Any]]:
    rows = []
    for emp_id, week in weeks.items():
        days = dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), week, strict=True))
        rows.append({"employee_id": emp_id, "effective_from": first, **days})
    return rows


def _pay(count: int, month: date, rnd: random.Random) -> list[dict[str, Any]]:
    rows = []
    for emp_id in range(1, count + 1):
        kind = ("salary", "hourly", "fixed_by_hours")[emp_id % 3]
        amount = {"salary": 150_000, "hourly": 900, "fixed_by_hours": 160_000}[kind]
        rows.append(
            {
                "employee_id": emp_id,
                "effective_month": month,
                "pay_type": kind,
                "amount": Decimal(
                    amount + rnd.randrange(0, 50) * (10 if kind == "hourly" else 100)
                ),
                "norm_hours": Decimal(160) if kind == "fixed_by_hours" else None,
                "k": Decimal("1.5") if kind != "salary" else Decimal(1),
            }
        )
    return rows


def _groups(
    shape: Shape, roles: list[str], staff: list[int]
) -> tuple[list[dict[str, Any]], dict[int, set[int]], dict[int, str]]:
    """Groups g01.. (lead: manager i), staff spread over them, then the benchN groups."""
    groups, members = [], {}
    for gid in range(1, shape.groups + 1):
        lead = gid + 1 if gid + 1 <= len(roles) and roles[gid] == "manager" else 1
        groups.append({"id": gid, "name": f"g{gid:02d}", "lead_id": lead})
        members[gid] = {lead}
    for n, emp_id in enumerate(staff):
        if shape.groups:
            members[n % shape.groups + 1].add(emp_id)
    bench: dict[int, str] = {}
    for size in shape.bench_groups:
        gid = len(groups) + 1
        name = f"bench{size}"
        groups.append({"id": gid, "name": name, "lead_id": 2 if len(roles) > 1 else 1})
        # Staff first; managers and the admin fill a group larger than the staff (no tasks).
        others = [emp for emp in range(1, len(roles) + 1) if emp not in set(staff)]
        members[gid] = set((staff + others)[:size])
        bench[size] = name
    return groups, members, bench


async def _advance_sequences(engine: AsyncEngine, tables: tuple[str, ...]) -> None:
    """Rows were written with their ids: PostgreSQL's sequences must move past them."""
    if engine.dialect.name != "postgresql":
        return
    async with engine.begin() as conn:
        for name in tables:
            await conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
                )
            )


async def build_company(engine: AsyncEngine, shape: Shape, today: date) -> Company:
    rnd = random.Random(shape.seed)
    first = add_months(today.replace(day=1), -shape.months)
    created = datetime(first.year, first.month, first.day)
    roles = _roles(shape)
    staff = [i for i, role in enumerate(roles, start=1) if role in ("programmer", "tester")]
    weeks = {
        emp: PART_WEEK if rnd.random() < 0.1 else FULL_WEEK for emp in range(1, len(roles) + 1)
    }
    company = Company(shape, today)
    company.staff_tg = [TG_BASE + emp_id for emp_id in staff]
    groups, members, company.bench_groups = _groups(shape, roles, staff)
    async with engine.begin() as conn:
        rows = company.rows
        rows["employees"] = await insert_rows(conn, "employees", _employees(roles, created))
        rows["schedules"] = await insert_rows(conn, "schedules", _schedules(weeks, first))
        rows["pay_settings"] = await insert_rows(conn, "pay_settings", _pay(len(roles), first, rnd))
        rows["dev_groups"] = await insert_rows(conn, "dev_groups", groups)
        rows["group_members"] = await insert_rows(
            conn,
            "group_members",
            (
                {"group_id": g, "employee_id": e}
                for g, emps in members.items()
                for e in sorted(emps)
            ),
        )
    home = {emp: n % shape.groups + 1 for n, emp in enumerate(staff)} if shape.groups else {}
    if shape.tasks and not home:
        raise ValueError("tasks need at least one group and one programmer or tester")
    past = History(shape, today, first, weeks, staff, home, rnd)
    bench_members = {gid: sorted(members[gid]) for gid in range(shape.groups + 1, len(groups) + 1)}
    await past.write(engine, company, bench_members)
    await _advance_sequences(engine, ("employees", "dev_groups", "tasks"))
    for emp, windows in past.windows.items():
        if windows:
            company.open_task_of[TG_BASE + emp] = windows[-1].task_id
    return company
