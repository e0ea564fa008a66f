"""A small company for the task and time tests: an admin, two managers with a group each,
programmers, a tester and an external, with 8-hour weekday schedules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar, cast

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Schedule, Task, TaskEvent, TimeEntry
from tests import factories
from tests.tg import BotClient

ADMIN, MANAGER, MANAGER2, PROG, PROG2, TESTER, EXTERNAL, OUTSIDER = 1, 10, 11, 20, 21, 30, 40, 22
EIGHT = {"mon": 480, "tue": 480, "wed": 480, "thu": 480, "fri": 480, "sat": 0, "sun": 0}
TODAY = date(2026, 3, 11)
LAST_MONTH = date(2026, 2, 2)  # a start early enough to log on the days a test uses

_Row = TypeVar("_Row")


@dataclass
class Team:
    admin: Employee
    manager: Employee
    manager2: Employee
    prog: Employee
    prog2: Employee
    tester: Employee
    external: Employee
    outsider: Employee
    backend: DevGroup
    web: DevGroup


@pytest.fixture
async def team(session: AsyncSession) -> Team:
    admin = await factories.employee(session, ADMIN, "admin", "boss")
    manager = await factories.employee(session, MANAGER, "manager", "mgr")
    manager2 = await factories.employee(session, MANAGER2, "manager", "mgr2")
    prog = await factories.employee(session, PROG, "programmer", "ivan")
    prog2 = await factories.employee(session, PROG2, "programmer", "petr")
    tester = await factories.employee(session, TESTER, "tester", "olga")
    external = await factories.employee(session, EXTERNAL, "external", "client")
    outsider = await factories.employee(session, OUTSIDER, "programmer", "anna")
    backend = await factories.group(session, "backend", manager, [prog, prog2, tester, external])
    web = await factories.group(session, "web", manager2, [outsider])
    for emp in (prog, prog2, tester, manager, outsider):
        session.add(Schedule(employee_id=emp.id, effective_from=date(2026, 1, 1), **EIGHT))
    await session.commit()
    return Team(admin, manager, manager2, prog, prog2, tester, external, outsider, backend, web)


async def make_task(
    session: AsyncSession,
    team: Team,
    *,
    title: str = "Fix login",
    assignee: Employee | None = None,
    tester: Employee | None = None,
    group: DevGroup | None = None,
    status: str = "new",
    estimate_min: int | None = 600,
    deadline: date | None = date(2026, 3, 20),
    start: date = TODAY,
) -> Task:
    task = Task(
        title=title,
        group_id=(group or team.backend).id,
        author_id=team.manager.id if group is None or group == team.backend else team.manager2.id,
        assignee_id=assignee.id if assignee else None,
        tester_id=tester.id if tester else None,
        estimate_min=estimate_min,
        start_date=start,
        deadline=deadline,
        status=status,
        logged_min=0,
    )
    session.add(task)
    await session.commit()
    return task


async def fresh(session: AsyncSession, model: type[_Row], key: object) -> _Row:
    """The row as the database holds it now (the test session may cache an older copy).

    Typed as the row itself for the many attribute checks; it is None when the row is gone,
    which the timer tests check with ``is None``."""
    return cast(_Row, await session.get(model, key, populate_existing=True))


async def events_of(session: AsyncSession, task_id: int) -> list[TaskEvent]:
    rows = await session.scalars(
        select(TaskEvent)
        .where(TaskEvent.task_id == task_id)
        .order_by(TaskEvent.id)
        .execution_options(populate_existing=True)
    )
    return list(rows)


async def entries_of(session: AsyncSession, emp: Employee) -> list[TimeEntry]:
    rows = await session.scalars(
        select(TimeEntry)
        .where(TimeEntry.employee_id == emp.id)
        .order_by(TimeEntry.id)
        .execution_options(populate_existing=True)
    )
    return list(rows)


USERNAMES = {
    ADMIN: "boss",
    MANAGER: "mgr",
    MANAGER2: "mgr2",
    PROG: "ivan",
    PROG2: "petr",
    TESTER: "olga",
    EXTERNAL: "client",
    OUTSIDER: "anna",
}


@pytest.fixture
def tg(client: BotClient, team: Team) -> BotClient:
    """The client, knowing everyone's Telegram username (sent with each of their updates)."""
    for telegram_id, username in USERNAMES.items():
        client.user(telegram_id, username)
    return client
