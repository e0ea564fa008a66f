"""Every role against the time and comment commands: staff may, externals may not, and nobody
acts on a task they cannot see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task, Timer
from services import clock
from tests.tasks.conftest import (
    ADMIN,
    EXTERNAL,
    MANAGER,
    MANAGER2,
    OUTSIDER,
    PROG,
    PROG2,
    TESTER,
    Team,
    events_of,
    fresh,
    make_task,
)
from tests.tg import BotClient

STAFF_ON_TASK = [ADMIN, MANAGER, PROG, TESTER]


@pytest.mark.parametrize("who", STAFF_ON_TASK)
async def test_timer_stop_and_undo_for_staff(
    tg: BotClient, session: AsyncSession, team: Team, who: int
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    assert "Таймер запущен" in (await tg.send(who, f"/timer #{task.id}")).text
    clock.set_now(clock.now() + timedelta(minutes=40))
    assert "записано 40 мин" in (await tg.send(who, "/stop")).text
    assert "Запись отменена: 40 мин" in (await tg.send(who, "/undo")).text
    assert (await fresh(session, Task, task.id)).logged_min == 0


@pytest.mark.parametrize("who", [PROG2, MANAGER2, OUTSIDER])
async def test_timer_refused_off_the_task(
    tg: BotClient, session: AsyncSession, team: Team, who: int
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(who, f"/timer #{task.id}")
    assert "Записывать время" in reply.text or "не найдена" in reply.text
    assert await session.get(Timer, 1) is None


async def test_externals_have_no_timer_or_undo(tg: BotClient, team: Team) -> None:
    for text in ("/timer #1", "/stop", "/undo"):
        assert "недоступна" in (await tg.send(EXTERNAL, text)).text


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        (ADMIN, True),
        (MANAGER, True),
        (MANAGER2, False),
        (PROG, True),
        (PROG2, True),
        (TESTER, True),
        (EXTERNAL, True),
        (OUTSIDER, False),
    ],
)
async def test_comment_for_every_role(
    tg: BotClient, session: AsyncSession, team: Team, who: int, sees: bool
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(who, f"/comment {task.id} посмотрел")
    if sees:
        assert f"Комментарий к задаче #{task.id} добавлен." in reply.text
        assert len(await events_of(session, task.id)) == 1
    else:
        assert f"Задача #{task.id} не найдена" in reply.text
        assert await events_of(session, task.id) == []


async def test_tester_tasks_list(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(TESTER, "/tasks")
    assert f"#{task.id} Fix login" in reply.text and "вы тестировщик" in reply.text
    assert reply.button(f"#{task.id}") == f"t:open:{task.id}:0:0"


async def test_people_made_external_lose_review_and_accept(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    """The task keeps their ids as assignee and tester; the buttons they kept do nothing."""
    mine = await make_task(session, team, assignee=team.prog, tester=team.tester)
    theirs = await make_task(
        session, team, assignee=team.prog2, tester=team.tester, status="review"
    )
    send = (await tg.send(PROG, f"/task {mine.id}")).button("На проверку")
    accept = (await tg.send(TESTER, "/review")).button("Принять")
    await tg.send(ADMIN, "/role @ivan external")
    await tg.send(ADMIN, "/role @olga external")
    sent = await tg.click(PROG, send)
    assert "может только её исполнитель" in sent.text, sent
    accepted = await tg.click(TESTER, accept)
    assert "Проверять задачу" in accepted.text, accepted
    assert (await fresh(session, Task, mine.id)).status == "new"
    assert (await fresh(session, Task, theirs.id)).status == "review"
    card = await tg.send(PROG, f"/task {mine.id}")
    assert [label for label, _ in card.buttons()] == ["💬 Комментарий"]
