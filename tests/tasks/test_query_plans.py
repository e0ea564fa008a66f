"""No handler of tasks and time reads whole tables: on a populated database every statement the
commands issue is checked with EXPLAIN QUERY PLAN (SQLite) for a full scan of tasks or
time_entries."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from models import Employee, GroupMember, Task, TimeEntry
from tests.tasks.conftest import ADMIN, EXTERNAL, LAST_MONTH, MANAGER, PROG, TESTER, Team, make_task
from tests.tg import BotClient

WATCHED = ("tasks", "time_entries")


async def populate(session: AsyncSession, team: Team) -> None:
    """A few thousand tasks and entries of other people, spread over the groups."""
    rng = random.Random(7)
    staff = [
        Employee(telegram_id=10_000 + i, role="programmer", full_name=f"P{i}") for i in range(40)
    ]
    session.add_all(staff)
    await session.flush()
    session.add_all(GroupMember(group_id=team.backend.id, employee_id=e.id) for e in staff[:20])
    session.add_all(GroupMember(group_id=team.web.id, employee_id=e.id) for e in staff[20:])
    statuses = ("new", "in_progress", "review", "done", "done", "cancelled")
    tasks = [
        {
            "title": f"T{i}",
            "description": "",
            "group_id": team.backend.id if i % 2 else team.web.id,
            "author_id": team.manager.id,
            "assignee_id": rng.choice(staff).id,
            "tester_id": rng.choice([None, team.tester.id, rng.choice(staff).id]),
            "estimate_min": 600,
            "start_date": date(2025, 1, 1),
            "deadline": date(2026, 6, 1),
            "priority": "normal",
            "status": rng.choice(statuses),
            "logged_min": 0,
        }
        for i in range(4000)
    ]
    await session.execute(insert(Task), tasks)
    entries = [
        {
            "employee_id": rng.choice(staff).id,
            "task_id": rng.randint(1, 4000),
            "day": date(2025, 1, 1) + timedelta(days=rng.randint(0, 430)),
            "minutes": 60,
            "comment": "",
            "created_by": staff[0].id,
        }
        for _ in range(12000)
    ]
    entries += [
        {
            "employee_id": team.prog.id,
            "task_id": None,
            "day": date(2025, 6, 1) + timedelta(days=i),
            "minutes": 30,
            "comment": "",
            "created_by": team.prog.id,
        }
        for i in range(200)
    ]
    await session.execute(insert(TimeEntry), entries)
    await session.commit()


async def plans(engine: AsyncEngine, statements: list[tuple[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    async with engine.connect() as conn:
        for statement, params in statements:
            rows = await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
            out[statement] = [row[-1] for row in rows]
    return out


async def test_commands_use_indexes(
    tg: BotClient, session: AsyncSession, team: Team, engine: AsyncEngine
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    await populate(session, team)
    mine = await make_task(session, team, assignee=team.prog, tester=team.tester, start=LAST_MONTH)
    solo = await make_task(session, team, assignee=team.prog, title="Solo", start=LAST_MONTH)

    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH")):
            captured.append((statement, params))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        logged = await tg.send(PROG, f"/log 2h #{mine.id} work")
        assert "Записано" in logged.text
        assert "Записано" in (await tg.send(PROG, f"1ч #{mine.id} вчера")).text
        await tg.click(PROG, logged.button("Отменить"))
        await tg.send(PROG, "/undo")
        await tg.send(PROG, f"/timer #{mine.id}")
        await tg.send(PROG, "/stop")
        for who in (PROG, MANAGER, ADMIN, EXTERNAL, TESTER):
            assert (await tg.send(who, "/tasks")).texts
            assert "Fix login" in (await tg.send(who, f"/task {mine.id}")).text
        for period in ("", "month", "2025-07"):
            assert "Итого" in (await tg.send(PROG, f"/hours {period}")).text
        await tg.click(PROG, f"t:review:{mine.id}:0:1")
        await tg.click(PROG, f"t:review:{solo.id}:0:0")
        for who in (TESTER, MANAGER, ADMIN):
            assert (await tg.send(who, "/review")).texts
        await tg.send(MANAGER, f"/comment {mine.id} ok")
        await tg.click(TESTER, f"t:accept:{mine.id}:0:0")
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)

    watched = [(s, p) for s, p in captured if any(t in s for t in WATCHED)]
    assert len(watched) > 30
    full_scans = {
        statement: detail
        for statement, detail in (await plans(engine, watched)).items()
        if any(f"SCAN {table}" in line for line in detail for table in WATCHED)
    }
    assert full_scans == {}
