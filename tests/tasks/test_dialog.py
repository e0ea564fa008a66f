"""The step-by-step /newtask dialog: buttons, typed answers, cancel and stale buttons."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import ADMIN, MANAGER, MANAGER2, PROG, Team
from tests.tg import BotClient


async def task_count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Task)) or 0


async def test_dialog_with_buttons(tg: BotClient, session: AsyncSession, team: Team) -> None:
    title = await tg.send(MANAGER, "/newtask")
    assert "Как она называется?" in title.text
    description = await tg.send(MANAGER, "Экспорт в CSV")
    assert "Описание задачи?" in description.text
    assignee = await tg.click(MANAGER, description.button("Пропустить"))
    assert "Кто исполнитель?" in assignee.text  # one led group: no group question
    labels = [label for label, _ in assignee.buttons()]
    assert labels == [
        "User20 (e4) @ivan",
        "User21 (e5) @petr",
        "User30 (e6) @olga",
        "Пропустить",
        "← Назад",
        "✖ Отмена",
    ]
    estimate = await tg.click(MANAGER, assignee.button("@ivan"))
    assert "Оценка?" in estimate.text
    deadline = await tg.click(MANAGER, estimate.button("8 ч"))
    assert "Срок?" in deadline.text
    tester = await tg.click(MANAGER, deadline.button("через неделю"))
    assert "@ivan" not in str(tester.buttons())  # the assignee cannot test
    confirm = await tg.click(MANAGER, tester.button("@olga"))
    assert "«Экспорт в CSV»" in confirm.text and "Срок: 18.03.2026" in confirm.text
    bumped = await tg.click(MANAGER, confirm.button("Приоритет"))
    assert "Приоритет: высокий" in bumped.text
    assert await task_count(session) == 0
    created = await tg.click(MANAGER, confirm.button("Создать"))
    assert "Задача #1 создана." in created.text
    assert "Вам назначена задача #1" in created.to(PROG)[0]
    task = await session.get(Task, 1)
    assert task is not None
    assert (task.title, task.assignee_id, task.tester_id, task.estimate_min) == (
        "Экспорт в CSV",
        team.prog.id,
        team.tester.id,
        480,
    )
    assert (task.deadline, task.priority, task.group_id) == (
        date(2026, 3, 18),
        "high",
        team.backend.id,
    )
    again = await tg.click(MANAGER, confirm.button("Создать"))
    assert "больше не действует" in again.text
    assert await task_count(session) == 1


async def test_dialog_with_typed_answers_and_mistakes(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask")
    assert "до 200 символов" in (await tg.send(MANAGER, "x" * 4000)).text
    await tg.send(MANAGER, "Отчёт")
    assert "Кто исполнитель?" in (await tg.send(MANAGER, "За март")).text
    assert "не найден" in (await tg.send(MANAGER, "@nobody")).text
    assert "не может быть исполнителем" in (await tg.send(MANAGER, "@client")).text
    assert "не состоит в группе" in (await tg.send(MANAGER, "@anna")).text
    assert "Оценка?" in (await tg.send(MANAGER, "e4")).text
    assert "Оценка «пять» не подходит" in (await tg.send(MANAGER, "пять")).text
    assert "Срок?" in (await tg.send(MANAGER, "1.5h")).text
    assert "уже прошёл" in (await tg.send(MANAGER, "01.03.2026")).text
    assert "раньше старта" in (await tg.send(MANAGER, "20.03..12.03")).text
    assert "Кто тестировщик?" in (await tg.send(MANAGER, "12.03..20.03")).text
    assert "одновременно" in (await tg.send(MANAGER, "@ivan")).text
    confirm = await tg.send(MANAGER, "@olga")
    assert "Оценка: 1 ч 30 мин" in confirm.text
    await tg.click(MANAGER, confirm.button("Создать"))
    task = await session.get(Task, 1)
    assert task is not None
    assert (task.start_date, task.deadline, task.estimate_min) == (
        date(2026, 3, 12),
        date(2026, 3, 20),
        90,
    )


async def test_skips_and_group_question(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(ADMIN, "/newtask")
    group = await tg.send(ADMIN, "Аудит")
    group = await tg.click(ADMIN, group.button("Пропустить"))
    assert [label for label, _ in group.buttons()] == ["backend", "web", "← Назад", "✖ Отмена"]
    assignee = await tg.click(ADMIN, group.button("web"))
    assert [label for label, _ in assignee.buttons()] == [
        "User22 (e8) @anna",
        "Пропустить",
        "← Назад",
        "✖ Отмена",
    ]
    estimate = await tg.click(ADMIN, assignee.button("Пропустить"))
    deadline = await tg.click(ADMIN, estimate.button("Пропустить"))
    tester = await tg.click(ADMIN, deadline.button("Пропустить"))
    confirm = await tg.click(ADMIN, tester.button("Пропустить"))
    assert "Исполнитель: —" in confirm.text and "Срок: —" in confirm.text
    await tg.click(ADMIN, confirm.button("Создать"))
    task = await session.get(Task, 1)
    assert task is not None
    assert (task.group_id, task.assignee_id, task.estimate_min, task.deadline) == (
        team.web.id,
        None,
        None,
        None,
    )


async def test_cancel_at_any_step(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(MANAGER, "/newtask")
    description = await tg.send(MANAGER, "Первая")
    assignee = await tg.click(MANAGER, description.button("Пропустить"))
    cancelled = await tg.click(MANAGER, assignee.button("Отмена"))
    assert "Отменено." in cancelled.text
    assert "Не понял сообщение" in (await tg.send(MANAGER, "Вторая")).text
    stale = await tg.click(MANAGER, assignee.button("@ivan"))
    assert "больше не действует" in stale.text

    await tg.send(MANAGER, "/newtask")
    await tg.send(MANAGER, "Третья")
    await tg.send(MANAGER, "Описание")
    await tg.send(MANAGER, "@ivan")
    assert "Отменено." in (await tg.send(MANAGER, "/cancel")).text
    assert "Формат: /cancel НОМЕР" in (await tg.send(MANAGER, "/cancel")).text
    assert await task_count(session) == 0


async def test_forged_dialog_buttons(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(MANAGER, "/newtask")
    await tg.send(MANAGER, "Задача")
    await tg.click(MANAGER, "nt:s:0")
    for data, expected in (
        ("nt:a:9999", "больше не действует"),
        ("nt:a:99999999999999", "больше не действует"),
        ("nt:a:-3", "больше не действует"),
        (f"nt:a:{team.external.id}", "не может быть исполнителем"),
        (f"nt:a:{team.outsider.id}", "не состоит в группе"),
        ("nt:e:60", "больше не действует"),  # not the estimate step yet
        ("nt:ok:0", "больше не действует"),
        ("nt:zz:0", "больше не действует"),
    ):
        reply = await tg.click(MANAGER, data)
        assert expected in reply.text, data
        assert len(reply.of("AnswerCallbackQuery")) == 1  # Telegram takes one answer
    await tg.click(MANAGER, f"nt:a:{team.prog.id}")
    assert "Оценка «-5m» не подходит" in (await tg.click(MANAGER, "nt:e:-5")).text
    assert "больше не действует" in (await tg.click(MANAGER, "nt:d:1")).text
    await tg.click(MANAGER, "nt:e:120")
    assert "больше не действует" in (await tg.click(MANAGER, "nt:d:9999")).text
    assert "больше не действует" in (await tg.click(PROG, "nt:ok:0")).text
    assert await task_count(session) == 0


async def test_dialog_needs_a_group_to_lead(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    team.web.lead_id = None
    await session.commit()
    reply = await tg.send(MANAGER2, "/newtask")
    assert "не руководите ни одной группой" in reply.text


async def test_dialog_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    title = await tg.send(MANAGER, "/newtask", lang="en")
    assert "What is its title?" in title.text
    description = await tg.send(MANAGER, "Docs", lang="en")
    assert "A description?" in description.text
    assignee = await tg.click(MANAGER, description.button("Skip"), lang="en")
    assert "Who does it?" in assignee.text and assignee.button("Skip")
    assert "Cancelled." in (await tg.click(MANAGER, assignee.button("Cancel"), lang="en")).text
