"""/plan issues the same number of SQL statements for a group of 10, 50 or 500 people."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from models import Absence, DevGroup, Employee, GroupMember, Schedule, Task
from tests import factories
from tests.conftest import ADMIN_TG
from tests.plan.conftest import counting
from tests.tg import BotClient

SIZES = (10, 50, 500)
TASKS_EACH = 3


async def seed_group(session: AsyncSession, size: int, lead: Employee) -> DevGroup:
    """`size` programmers with schedules (every fifth with a day off), TASKS_EACH tasks each."""
    group = DevGroup(name=f"team{size}", lead_id=lead.id)
    people = [
        Employee(
            telegram_id=10_000 * size + i,
            role="programmer",
            username=f"p{size}_{i}",
            full_name=f"Person {size}-{i}",
        )
        for i in range(size)
    ]
    session.add_all([group, *people])
    await session.flush()
    session.add(GroupMember(group_id=group.id, employee_id=lead.id))
    for i, emp in enumerate(people):
        session.add(GroupMember(group_id=group.id, employee_id=emp.id))
        session.add(
            Schedule(
                employee_id=emp.id,
                effective_from=date(2026, 3, 1),
                mon=480,
                tue=480,
                wed=480,
                thu=480,
                fri=420,
                sat=0,
                sun=0,
            )
        )
        if i % 5 == 0:
            session.add(
                Absence(
                    employee_id=emp.id,
                    kind="dayoff",
                    date_from=date(2026, 3, 12),
                    date_to=date(2026, 3, 12),
                )
            )
        for n in range(TASKS_EACH):
            session.add(
                Task(
                    title=f"Task {n} of {emp.full_name}",
                    group_id=group.id,
                    author_id=lead.id,
                    assignee_id=emp.id,
                    estimate_min=(8 + 4 * n) * 60,
                    start_date=date(2026, 3, 2 + n),
                    deadline=date(2026, 3, 13 + 3 * n),
                    status="in_progress",
                    logged_min=(i % 7) * 60,
                )
            )
    await session.commit()
    return group


async def test_plan_statement_count_does_not_grow_with_the_group(
    client: BotClient, session: AsyncSession, engine: AsyncEngine
) -> None:
    await client.send(ADMIN_TG, "/start", username="boss")
    lead = await factories.employee(session, 10, "manager", "lead")
    for size in SIZES:
        await seed_group(session, size, lead)
    await client.send(10, "/help", username="lead")  # the first update refreshes the profile

    per_size: dict[str, dict[int, int]] = {}
    for size in SIZES:
        commands = {
            "text": f"/plan team{size}",
            "csv": f"/plan team{size} csv",
            "person": f"/plan @p{size}_3",
        }
        for name, command in commands.items():
            with counting(engine) as statements:
                reply = await client.send(10, command)
            assert reply.documents(), (command, reply.texts[:1])
            per_size.setdefault(name, {})[size] = len(statements)
        page = await client.send(10, f"/plan team{size}")
        with counting(engine) as statements:
            turned = await client.click(10, page.button("▶"))
        assert turned.of("EditMessageText")
        per_size.setdefault("page", {})[size] = len(statements)

    for name, counts in per_size.items():
        assert len(set(counts.values())) == 1, (name, counts)
    # update bookkeeping (3) + scope (1-2) + tasks (1) + calendar (3)
    assert per_size["text"][10] <= 10, per_size
    print("statements per update:", per_size)
