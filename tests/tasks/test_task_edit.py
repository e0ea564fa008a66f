"""/edit N FIELD VALUE: every field, bad and unchanged values, who may, history and notices;
the description of the one-line /newtask."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
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
    fresh,
    make_task,
)
from tests.tg import BotClient


@pytest.mark.parametrize(
    ("command", "column", "expected"),
    [
        ("title Новое название", "title", "Новое название"),
        ("название  Ещё   одно ", "title", "Ещё одно"),
        ("description Шаги:\nоткрыть форму", "description", "Шаги:\nоткрыть форму"),
        ("estimate 6h", "estimate_min", 360),
        ("оценка 1,5ч", "estimate_min", 90),
        ("estimate -", "estimate_min", None),
        ("start 12.03", "start_date", date(2026, 3, 12)),
        ("deadline 27.03", "deadline", date(2026, 3, 27)),
        ("срок 2026-04-01", "deadline", date(2026, 4, 1)),
        ("deadline -", "deadline", None),
        ("priority high", "priority", "high"),
        ("приоритет низкий", "priority", "low"),
        ("tester @olga", "tester_id", TESTER),
    ],
)
async def test_edit_each_field(
    tg: BotClient, session: AsyncSession, team: Team, command: str, column: str, expected: object
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(MANAGER, f"/edit {task.id} {command}")
    assert f"Задача #{task.id}:" in reply.texts[0] and "изменено" in reply.texts[0], reply
    if column == "tester_id":
        expected = team.tester.id
    assert getattr(await fresh(session, Task, task.id), column) == expected
    [event] = await events_of(session, task.id)
    assert (event.kind, event.actor_id) == ("edit", team.manager.id)
    assert event.field == command.split()[0].replace("название", "title").replace(
        "оценка", "estimate"
    ).replace("срок", "deadline").replace("приоритет", "priority")
    assert "Изменения:" in reply.texts[0]
    assert reply.to(PROG), "the assignee is told"


async def test_edit_tester_and_group(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    off = await tg.send(ADMIN, f"/edit {task.id} тестировщик нет")
    assert (await fresh(session, Task, task.id)).tester_id is None
    assert "больше не тестируете" in off.to(TESTER)[0]
    assert "тестировщик теперь —" in off.to(PROG)[0]
    assert "Без тестировщика" not in off.text
    on = await tg.send(ADMIN, f"/edit {task.id} tester @petr")
    assert "Вы теперь тестируете" in on.to(PROG2)[0]
    assert (await fresh(session, Task, task.id)).tester_id == team.prog2.id
    # the assignee and tester are not in web: the group cannot change
    moved = await tg.send(ADMIN, f"/edit {task.id} group web")
    assert "не состоит в группе web" in moved.text
    assert (await fresh(session, Task, task.id)).group_id == team.backend.id
    # a manager moves a task only to a group they lead
    refused = await tg.send(MANAGER, f"/edit {task.id} группа web")
    assert "задачу можно перенести только в свою группу" in refused.text, refused


async def test_group_change_keeps_members(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team)
    reply = await tg.send(ADMIN, f"/edit {task.id} group web")
    assert "изменено" in reply.texts[0]
    assert (await fresh(session, Task, task.id)).group_id == team.web.id
    # now in web: its old manager (still its author) no longer manages it
    assert "только руководитель" in (await tg.send(MANAGER, f"/edit {task.id} title X")).text
    assert "изменено" in (await tg.send(MANAGER2, f"/edit {task.id} title X")).texts[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", "Формат: /edit НОМЕР ПОЛЕ ЗНАЧЕНИЕ"),
        ("1", "Формат: /edit"),
        ("1 deadline", "Формат: /edit"),
        ("abc title X", "Не понял номер задачи «abc»"),
        ("99 title X", "Задача #99 не найдена"),
        ("1 colour red", "Нет такого поля: «colour»"),
        ("1 priority urgent", "Нет такого приоритета: «urgent»"),
        ("1 estimate lots", "Оценка «lots» не подходит"),
        ("1 estimate 5000h", "Оценка «5000h» не подходит"),
        ("1 deadline 01.03.2026", "прошёл"),
        ("1 deadline soon", "Дата «soon» не подходит"),
        ("1 deadline 2030-03-01", "дальше чем через 3"),
        ("1 start 25.03", "раньше старта"),
        ("1 start -", "Дата «-» не подходит"),
        ("1 tester @ivan", "одновременно исполнителем и тестировщиком"),
        ("1 tester @anna", "не состоит в группе backend"),
        ("1 tester @client", "не может быть тестировщиком"),
        ("1 group nowhere", "nowhere"),
        ("1 title " + "x" * 300, "Название — одна строка"),
        ("1 deadline 20.03", "уже это значение"),
        ("1 priority обычный", "уже это значение"),
        ("1 title Fix login", "уже это значение"),
        ("1 tester -", "уже это значение"),
    ],
)
async def test_bad_edit_changes_nothing(
    tg: BotClient, session: AsyncSession, team: Team, args: str, expected: str
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    before = (await fresh(session, Task, task.id)).updated_at
    reply = await tg.send(MANAGER, f"/edit {args}".strip())
    assert expected in reply.text, reply.text
    row = await fresh(session, Task, task.id)
    assert (row.title, row.deadline, row.estimate_min, row.priority) == (
        "Fix login",
        date(2026, 3, 20),
        600,
        "normal",
    )
    assert row.updated_at == before
    assert await events_of(session, task.id) == []


@pytest.mark.parametrize("who", [PROG, TESTER, EXTERNAL, MANAGER2])
async def test_wrong_role_or_group_cannot_edit(
    tg: BotClient, session: AsyncSession, team: Team, who: int
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(who, f"/edit {task.id} deadline 27.03")
    assert reply.texts and (
        "недоступна" in reply.text
        or "не найдена" in reply.text
        or "только руководитель" in reply.text
    ), reply
    assert (await fresh(session, Task, task.id)).deadline == date(2026, 3, 20)
    assert await events_of(session, task.id) == []


async def test_closed_task_is_not_edited(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, status="done")
    reply = await tg.send(MANAGER, f"/edit {task.id} title Другое")
    assert "уже закрыта" in reply.text
    assert await events_of(session, task.id) == []


async def test_editor_is_not_told_but_author_is(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(ADMIN, f"/edit {task.id} deadline 27.03")
    assert "срок теперь 27.03.2026" in reply.to(PROG)[0]
    assert reply.to(TESTER) and reply.to(MANAGER)  # the tester, and the author
    assert len(reply.to(ADMIN)) == 1  # only the answer
    own = await tg.send(MANAGER, f"/edit {task.id} priority high")
    assert own.to(MANAGER) and len(own.to(MANAGER)) == 1
    assert "приоритет теперь высокий" in own.to(PROG)[0]


async def test_history_on_the_card(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(MANAGER, f"/edit {task.id} deadline 27.03")
    await tg.send(MANAGER, f"/edit {task.id} estimate 4h")
    await tg.send(MANAGER, f"/assign {task.id} @petr")
    card = (await tg.send(PROG2, f"/task {task.id}")).text
    history = card[card.index("Изменения:") :]
    lines = history.splitlines()[1:4]
    assert "исполнитель User21 (e5)" in lines[0], lines
    assert "оценка 10 ч → 4 ч" in lines[1], lines
    assert "срок 20.03.2026 → 27.03.2026" in lines[2], lines
    assert all("User10" in line and "11.03.2026" in line for line in lines)
    english = (await tg.send(PROG2, f"/task {task.id}", lang="en")).text
    assert "deadline 20 Mar 2026 → 27 Mar 2026" in english


async def test_description_from_oneline_newtask(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await tg.send(
        MANAGER, "/newtask Форма входа | @ivan | 8h | 20.03\nШаги:\n  открыть форму\nи войти"
    )
    assert "Задача" in reply.texts[0] and "создана" in reply.texts[0], reply
    task = await fresh(session, Task, 1)
    assert task.title == "Форма входа"
    assert task.description == "Шаги:\n  открыть форму\nи войти"
    card = (await tg.send(PROG, "/task 1")).text
    assert "Форма входа\nШаги:\n  открыть форму\nи войти\n" in card


async def test_long_description_keeps_the_card_in_one_message(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    from services.textsplit import MESSAGE_LIMIT, utf16_len

    task = await make_task(session, team, assignee=team.prog)
    await tg.send(MANAGER, f"/edit {task.id} description " + "😀" * 1400)
    for n in range(3):
        await tg.send(PROG, f"/comment {task.id} " + "ы" * 990 + str(n))
    card = (await tg.send(PROG, f"/task {task.id}")).texts[0]
    assert utf16_len(card) <= MESSAGE_LIMIT
    assert "Изменения:" in card and "Последние комментарии" in card
