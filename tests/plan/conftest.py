"""A development group with schedules, an absence, a public holiday, tasks and logged hours.

Frozen today: Wednesday 2026-03-11; Monday 9 March is a RU public holiday. Schedules and the
absence go through the admin's commands; tasks and time entries are written directly, the way
the task and time-log features store them (an entry plus the task's logged_min counter).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from models import DevGroup, Employee, Task, TimeEntry
from tests import factories
from tests.conftest import ADMIN_TG
from tests.tg import BotClient

MANAGER_TG, IVAN_TG, OLGA_TG, SERGEY_TG, OTHER_MANAGER_TG, TESTER_TG = 10, 100, 101, 102, 20, 103


async def add_task(
    session: AsyncSession,
    group: DevGroup,
    assignee: Employee | None,
    title: str,
    estimate_h: float | None,
    start: date,
    deadline: date | None,
    status: str = "in_progress",
) -> Task:
    task = Task(
        title=title,
        group_id=group.id,
        author_id=group.lead_id,
        assignee_id=assignee.id if assignee else None,
        estimate_min=None if estimate_h is None else round(estimate_h * 60),
        start_date=start,
        deadline=deadline,
        status=status,
    )
    session.add(task)
    await session.commit()
    return task


async def log_hours(
    session: AsyncSession, task: Task, emp: Employee, day: date, minutes: int
) -> None:
    session.add(
        TimeEntry(employee_id=emp.id, task_id=task.id, day=day, minutes=minutes, created_by=emp.id)
    )
    task.logged_min += minutes
    await session.commit()


@dataclass
class World:
    manager: Employee
    ivan: Employee
    olga: Employee
    sergey: Employee
    tester: Employee
    other_manager: Employee
    backend: DevGroup
    frontend: DevGroup
    tasks: dict[int, Task]


def d(day: int) -> date:
    return date(2026, 3, day)


@pytest.fixture
async def world(client: BotClient, session: AsyncSession) -> World:
    await client.send(ADMIN_TG, "/start", username="boss")
    manager = await factories.employee(session, MANAGER_TG, "manager", "petr")
    ivan = await factories.employee(session, IVAN_TG, "programmer", "ivan")
    olga = await factories.employee(session, OLGA_TG, "programmer", "olga")
    sergey = await factories.employee(session, SERGEY_TG, "programmer", "sergey")
    tester = await factories.employee(session, TESTER_TG, "tester", "tanya")
    other = await factories.employee(session, OTHER_MANAGER_TG, "manager", "anna")
    backend = await factories.group(session, "backend", manager, [ivan, olga, sergey, tester])
    frontend = await factories.group(session, "frontend", other, [ivan])
    for text in (
        "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01",
        "/schedule @olga 6 6 6 6 6 0 0 from 2026-03-01",
        "/absence @ivan dayoff 2026-03-04",
    ):
        reply = await client.send(ADMIN_TG, text)
        assert "Формат" not in reply.text, reply.text
    tasks = {}
    tasks[1] = await add_task(session, backend, ivan, "Login form", 40, d(2), d(13))
    tasks[2] = await add_task(session, backend, ivan, "API docs", 8, d(11), d(20), "new")
    tasks[3] = await add_task(session, backend, olga, "Reports", 12, d(2), d(6))
    tasks[4] = await add_task(session, backend, sergey, "Cache", 10, d(10), d(20), "new")
    tasks[5] = await add_task(session, backend, olga, "Research", None, d(2), None, "new")
    tasks[6] = await add_task(session, backend, None, "Backlog item", 4, d(11), d(31), "new")
    tasks[7] = await add_task(session, backend, ivan, "Done long ago", 4, d(2), d(3), "done")
    tasks[8] = await add_task(session, frontend, ivan, "Landing page", 16, d(2), d(27))
    await log_hours(session, tasks[1], ivan, d(2), 6 * 60)
    await log_hours(session, tasks[1], ivan, d(3), 4 * 60)
    await log_hours(session, tasks[3], olga, d(5), 5 * 60)
    return World(manager, ivan, olga, sergey, tester, other, backend, frontend, tasks)


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements the engine runs inside the block."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
