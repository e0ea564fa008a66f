"""/newtask in one line: fields, defaults, the group question and every kind of bad input."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import GroupMember, Task
from tests.tasks.conftest import (
    ADMIN,
    EXTERNAL,
    MANAGER,
    MANAGER2,
    PROG,
    PROG2,
    TESTER,
    Team,
    events_of,
)
from tests.tg import BotClient


async def task_count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Task)) or 0


async def only_task(session: AsyncSession) -> Task:
    return (await session.scalars(select(Task).execution_options(populate_existing=True))).one()


async def test_every_field(tg: BotClient, session: AsyncSession, team: Team) -> None:
    reply = await tg.send(
        MANAGER, "/newtask Починить вход | @ivan | 6ч30м | 12.03..20.03 | @olga | backend"
    )
    assert reply.texts[0].startswith("Задача #1 создана.")
    assert "Исполнитель: User20 (e4)" in reply.texts[0]
    assert "Вам назначена задача #1 «Починить вход» — User10 (e2)." in reply.to(PROG)[0]
    task = await only_task(session)
    assert (task.title, task.assignee_id, task.tester_id, task.group_id) == (
        "Починить вход",
        team.prog.id,
        team.tester.id,
        team.backend.id,
    )
    assert (task.estimate_min, task.start_date, task.deadline) == (
        390,
        date(2026, 3, 12),
        date(2026, 3, 20),
    )
    assert (task.status, task.priority, task.author_id, task.logged_min) == (
        "new",
        "normal",
        team.manager.id,
        0,
    )
    [event] = await events_of(session, task.id)
    assert (event.kind, event.actor_id) == ("created", team.manager.id)


async def test_title_only_and_skipped_fields(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask   Написать   тесты  ")
    task = await only_task(session)
    assert (task.title, task.group_id, task.assignee_id, task.estimate_min) == (
        "Написать тесты",
        team.backend.id,
        None,
        None,
    )
    assert (task.start_date, task.deadline) == (date(2026, 3, 11), None)
    await tg.send(MANAGER, "/newtask Вторая | | 2h | | @olga")
    second = await session.get(Task, 2)
    assert second is not None
    assert (second.assignee_id, second.estimate_min, second.tester_id) == (
        None,
        120,
        team.tester.id,
    )


@pytest.mark.parametrize(
    ("window", "start", "deadline"),
    [
        ("20.03", date(2026, 3, 11), date(2026, 3, 20)),
        ("2026-04-01", date(2026, 3, 11), date(2026, 4, 1)),
        ("01.04.2026", date(2026, 3, 11), date(2026, 4, 1)),
        ("завтра", date(2026, 3, 11), date(2026, 3, 12)),
        ("сегодня", date(2026, 3, 11), date(2026, 3, 11)),
        ("02.03..20.03", date(2026, 3, 2), date(2026, 3, 20)),
        ("..20.03", date(2026, 3, 11), date(2026, 3, 20)),
        ("12.03..", date(2026, 3, 12), None),
    ],
)
async def test_date_forms(
    tg: BotClient, session: AsyncSession, team: Team, window: str, start: date, deadline: date
) -> None:
    reply = await tg.send(MANAGER, f"/newtask T | @ivan | | {window}")
    assert "создана" in reply.text, reply.text
    task = await only_task(session)
    assert (task.start_date, task.deadline) == (start, deadline)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("| @ivan", "Нужно название задачи"),
        ("x" * 4000, "до 200 символов"),
        ("bad\x01title", "до 200 символов"),
        ("T | @ivan | 2h | 20.03 | @olga | backend | extra", "Формат: /newtask"),
        ("T | ivan", "Не понял, о ком речь"),
        ("T | @nobody", "Сотрудник «@nobody» не найден"),
        ("T | @client", "не может быть исполнителем"),
        ("T | @mgr", "не может быть исполнителем"),
        ("T | @ivan | | | @client", "не может быть тестировщиком"),
        ("T | @ivan | | | @ivan", "одновременно исполнителем и тестировщиком"),
        ("T | @ivan | abc", "Оценка «abc» не подходит"),
        ("T | @ivan | 0", "Оценка «0» не подходит"),
        ("T | @ivan | -5h", "Оценка «-5h» не подходит"),
        ("T | @ivan | 1001h", "Оценка «1001h» не подходит"),
        ("T | @ivan | 2h | 31.02", "Дата «31.02» не подходит"),
        ("T | @ivan | 2h | 2026-13-01", "Дата «2026-13-01» не подходит"),
        ("T | @ivan | 2h | скоро", "Дата «скоро» не подходит"),
        ("T | @ivan | 2h | 1..2..3", "не подходит"),
        ("T | @ivan | 2h | 20.03..12.03", "Срок 12.03.2026 раньше старта 20.03.2026"),
        ("T | @ivan | 2h | 2026-03-01", "Срок 01.03.2026 уже прошёл"),
        ("T | @ivan | 2h | 2026-03-11..9999-12-31", "дальше чем через 3 года от старта"),
        ("T | @ivan | 2h | 2020-01-01..2026-12-31", "например: 11.03.2027"),
        ("T | @ivan | | | | nogroup", "Группа «nogroup» не найдена"),
        ("T | @ivan | | | | web", "Вы не руководите группой web"),
        ("T | @anna", "Не получилось выбрать группу"),
        ("T | @anna | | | | backend", "не состоит в группе backend"),
        ("'; DROP TABLE tasks; -- | @ivan | 2h | 2026-02-30", "Дата «2026-02-30» не подходит"),
    ],
)
async def test_bad_input_is_explained_and_creates_nothing(
    tg: BotClient, session: AsyncSession, team: Team, args: str, expected: str
) -> None:
    reply = await tg.send(MANAGER, f"/newtask {args}")
    assert expected in reply.text, reply.text
    assert await task_count(session) == 0
    assert reply.to(PROG) == []


async def test_hostile_title_is_kept_as_plain_text(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    title = "<b>bold</b> '; DROP TABLE tasks; -- {id} {0}"
    reply = await tg.send(MANAGER, f"/newtask {title} | @ivan")
    assert title in reply.texts[0]
    assert title in reply.to(PROG)[0]
    assert (await only_task(session)).title == title


async def test_the_group_question(tg: BotClient, session: AsyncSession, team: Team) -> None:
    team.web.lead_id = team.manager.id
    session.add(GroupMember(group_id=team.web.id, employee_id=team.prog.id))
    await session.commit()
    question = await tg.send(MANAGER, "/newtask Общая | @ivan | 4h")
    assert "В какой группе создать задачу?" in question.text
    assert [label for label, _ in question.buttons()] == ["backend", "web", "✖ Отмена"]
    assert await task_count(session) == 0
    forged = await tg.click(MANAGER, question.button("web").replace(f":{team.web.id}", ":999"))
    assert "больше не действует" in forged.text
    other = await tg.click(PROG, question.button("web"))
    assert "больше не действует" in other.text
    done = await tg.click(MANAGER, question.button("web"))
    assert "Задача #1 создана." in done.text and "группа web" in done.text
    assert (await only_task(session)).group_id == team.web.id
    stale = await tg.click(MANAGER, question.button("backend"))
    assert "больше не действует" in stale.text
    assert await task_count(session) == 1


async def test_admin_group_defaults(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(ADMIN, "/newtask A | @anna")
    assert (await only_task(session)).group_id == team.web.id  # anna is only in web
    question = await tg.send(ADMIN, "/newtask B")
    assert [label for label, _ in question.buttons()] == ["backend", "web", "✖ Отмена"]


async def test_roles(tg: BotClient, session: AsyncSession, team: Team) -> None:
    for who in (PROG, PROG2, TESTER, EXTERNAL):
        assert "недоступна" in (await tg.send(who, "/newtask T | @ivan")).text
    no_group = await tg.send(MANAGER2, "/newtask T | @ivan")
    assert "Не получилось выбрать группу" in no_group.text
    assert "создана" in (await tg.send(MANAGER2, "/newtask T | @anna")).text
    assert "создана" in (await tg.send(ADMIN, "/newtask T | @ivan | | | | backend")).text
    assert await task_count(session) == 2


async def test_redelivered_newtask_creates_one(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    update = tg.message_update(MANAGER, "/newtask Once | @ivan", update_id=9000)
    await tg.feed(update)
    again = await tg.feed(update)
    assert again.texts == [] and await task_count(session) == 1


async def test_newtask_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    reply = await tg.send(MANAGER, "/newtask Fix | @ivan | 2h | 20.03", lang="en")
    assert reply.texts[0].startswith("Task #1 created.")
    assert "Status: new · group backend · priority normal" in reply.texts[0]
    bad = await tg.send(MANAGER, "/newtask Fix | @ivan | soon", lang="en")
    assert 'Estimate "soon" does not work' in bad.text
