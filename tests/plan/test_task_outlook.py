"""task_outlook: lag and forecast of chosen tasks, for /tasks and /task N."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from services.plan import FLAG_NO_SCHEDULE, FLAG_OK, FLAG_UNTRACKED
from services.plan_scope import resolve_scope
from services.planning import own_outlook, plan_report, task_outlook
from services.tasks import own_open_tasks
from tests.plan.conftest import World, add_task, counting, d

TODAY = date(2026, 3, 11)


async def test_outlook_of_open_assigned_tasks_only(session: AsyncSession, world: World) -> None:
    outlook = await task_outlook(session, [1, 3, 4, 5, 6, 7, 999], TODAY, "RU")
    assert sorted(outlook) == [1, 3, 4, 5]  # #6 has no assignee, #7 is done, #999 is no task
    first = outlook[1]
    assert first.flag == FLAG_OK
    assert (first.planned_h, first.logged_h, first.lag_h, first.lag_days) == (
        Decimal("25.00"),
        Decimal("10.00"),
        Decimal("15.00"),
        Decimal("1.9"),
    )
    assert (first.remaining_h, first.forecast_finish, first.late_days) == (
        Decimal("30.00"),
        d(16),
        1,
    )
    assert (outlook[3].lag_h, outlook[3].forecast_finish, outlook[3].late_days) == (
        Decimal("7.00"),
        d(12),
        3,
    )
    assert outlook[4].flag == FLAG_NO_SCHEDULE and outlook[4].lag_h is None
    assert outlook[5].flag == FLAG_UNTRACKED and outlook[5].forecast_finish is None


async def test_outlook_matches_the_plan_and_counts_the_persons_other_tasks(
    session: AsyncSession, world: World
) -> None:
    world.tasks[8].deadline = d(12)  # Ivan's frontend task, due before #1
    await session.commit()
    outlook = await task_outlook(session, [1], TODAY, "RU")
    assert (outlook[1].forecast_finish, outlook[1].late_days) == (d(18), 3)
    scope = await resolve_scope(session, world.manager, "backend")
    report = await plan_report(session, scope, TODAY, "RU")
    [row] = [r for r in report.tasks if r.task.id == 1]
    assert row.plan == outlook[1]


async def test_outlook_takes_a_fixed_number_of_statements(
    session: AsyncSession, engine: AsyncEngine, world: World
) -> None:
    for n in range(40):
        await add_task(session, world.backend, world.olga, f"Extra {n}", 3, d(2), d(27), "new")
    with counting(engine) as none:
        assert await task_outlook(session, [], TODAY, "RU") == {}
    assert none == []
    with counting(engine) as one:
        await task_outlook(session, [1], TODAY, "RU")
    with counting(engine) as many:
        outlook = await task_outlook(session, list(range(1, 49)), TODAY, "RU")
    assert len(outlook) == 46
    assert len(one) == len(many) == 4


async def test_own_outlook_is_the_own_list_with_the_outlook_of_its_tasks(
    session: AsyncSession, world: World
) -> None:
    # Tanya tests two of Ivan's tasks (one in another group) and one nobody is assigned to;
    # Olga's tasks, one she tests, and Ivan's other tasks queue before them in the forecast.
    for number in (1, 6, 8):
        world.tasks[number].tester_id = world.tester.id
    world.tasks[3].tester_id = world.olga.id
    await session.commit()
    for person in (world.ivan, world.olga, world.sergey, world.tester, world.manager):
        tasks, outlook = await own_outlook(session, person.id, TODAY, "RU")
        expected = await own_open_tasks(session, person.id)
        assert [t.id for t in tasks] == [t.id for t in expected]
        for got, task in zip(tasks, expected, strict=True):
            assert (got.title, got.status, got.priority, got.deadline, got.logged_min) == (
                task.title,
                task.status,
                task.priority,
                task.deadline,
                task.logged_min,
            )
            assert (got.assignee_id, got.tester_id, got.estimate_min) == (
                task.assignee_id,
                task.tester_id,
                task.estimate_min,
            )
        assert outlook == await task_outlook(session, [t.id for t in tasks], TODAY, "RU")
    tested, _ = await own_outlook(session, world.tester.id, TODAY, "RU")
    assert [t.id for t in tested] == [1, 8, 6]  # by deadline, the one without an assignee too


async def test_a_stored_window_of_millennia_is_listed_not_tracked(
    session: AsyncSession, world: World
) -> None:
    # Made before windows were bounded to three years: no lag, and no walk to year 9999.
    task = await add_task(
        session, world.backend, world.olga, "Forever", 8, d(11), date(9999, 12, 31)
    )
    outlook = await task_outlook(session, [task.id, 3], TODAY, "RU")
    assert outlook[task.id].flag == FLAG_UNTRACKED and outlook[task.id].lag_h is None
    assert outlook[3].flag == FLAG_OK  # Olga's other task keeps its plan
