"""Lag and forecast on /tasks and on the task card (the numbers /plan shows, for staff only);
the hint for stray text, which differs for externals."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from tests.tasks.conftest import EXTERNAL, PROG, Team, make_task
from tests.tg import BotClient


async def overdue_task(session: AsyncSession, team: Team) -> int:
    # 16 h from Mon 03-02 to Wed 03-04, nothing logged; today is Wed 03-11 (03-09 a holiday).
    task = await make_task(
        session,
        team,
        title="Overdue",
        assignee=team.prog,
        estimate_min=960,
        deadline=date(2026, 3, 4),
    )
    task.start_date = date(2026, 3, 2)
    await session.commit()
    return task.id


async def test_tasks_list_shows_lag_and_late_forecast(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task_id = await overdue_task(session, team)
    on_time = await make_task(session, team, title="Fresh", assignee=team.prog)
    reply = await tg.send(PROG, "/tasks")
    lines = {line.split(" ")[0]: line for line in reply.text.splitlines()}
    late = lines[f"#{task_id}"]
    assert "отставание 16 ч" in late
    assert "прогноз 12.03.2026, опоздание на 5 рабочих дней" in late
    fresh = lines[f"#{on_time.id}"]
    assert "отставание" not in fresh and "прогноз" not in fresh


async def test_card_shows_plan_line_and_keeps_it_after_a_button(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task_id = await overdue_task(session, team)
    card = await tg.send(PROG, f"/task {task_id}", lang="en")
    assert (
        "Plan: 16 h by today, behind by 16 h; forecast 12 Mar 2026, 5 working days late"
        in card.text
    )
    started = await tg.click(PROG, card.button("timer"), lang="en")
    assert "behind by 16 h" in started.text


async def test_untracked_task_has_no_plan_line(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, estimate_min=None)
    card = await tg.send(PROG, f"/task {task.id}", lang="en")
    assert "Plan:" not in card.text
    assert "behind" not in (await tg.send(PROG, "/tasks", lang="en")).text


async def test_external_sees_no_lag(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task_id = await overdue_task(session, team)
    listing = await tg.send(EXTERNAL, "/tasks")
    assert f"#{task_id}" in listing.text
    assert "отставание" not in listing.text
    card = await tg.send(EXTERNAL, f"/task {task_id}")
    assert "План:" not in card.text and "Overdue" in card.text


async def test_stray_text_hint_fits_the_role(tg: BotClient, team: Team) -> None:
    staff = await tg.send(PROG, "привет")
    assert "Чтобы записать время" in staff.text
    external = await tg.send(EXTERNAL, "привет")
    assert "Задачи ваших групп: /tasks" in external.text
    assert "записать время" not in external.text
