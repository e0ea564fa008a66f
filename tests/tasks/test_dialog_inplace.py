"""The /newtask dialog lives in one bot message: every step edits it, Back keeps the answers,
the description step, and a new message only when the old one cannot be edited."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageText
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import ADMIN, MANAGER, PROG, Team, fresh
from tests.tg import BotClient, Reply


def sent_to(reply: Reply, chat_id: int) -> int:
    return sum(1 for r in reply.of("SendMessage") if int(r.chat_id) == chat_id)


def edited(reply: Reply) -> list[int]:
    """The ids of the messages the reply edited."""
    return [int(r.message_id) for r in reply.of("EditMessageText")]


def labels(reply: Reply) -> list[str]:
    return [label for label, _ in reply.buttons()]


async def test_every_step_edits_the_one_dialog_message(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    start = await tg.send(MANAGER, "/newtask")
    assert sent_to(start, MANAGER) == 1 and edited(start) == []
    assert labels(start) == ["✖ Отмена"]  # nothing to go back to from the first question
    title = await tg.send(MANAGER, "Экспорт в CSV")
    assert "Описание задачи?" in title.text
    [dialog] = edited(title)
    assert sent_to(title, MANAGER) == 0
    description = await tg.send(MANAGER, "Выгрузка всех строк\nс заголовками")
    assert "Кто исполнитель?" in description.text
    replies = [description]
    replies.append(await tg.click(MANAGER, description.button("@ivan"), message_id=dialog))
    replies.append(await tg.click(MANAGER, replies[-1].button("8 ч"), message_id=dialog))
    replies.append(await tg.send(MANAGER, "20.03"))
    replies.append(await tg.click(MANAGER, replies[-1].button("@olga"), message_id=dialog))
    summary = replies[-1]
    assert "Описание: Выгрузка всех строк\nс заголовками" in summary.text
    replies.append(await tg.click(MANAGER, summary.button("Создать"), message_id=dialog))
    assert "Задача #1 создана." in replies[-1].text
    for reply in replies:
        assert sent_to(reply, MANAGER) == 0, reply
        assert edited(reply) == [dialog], reply
    assert "Вам назначена задача #1" in replies[-1].to(PROG)[0]
    task = await fresh(session, Task, 1)
    assert task.description == "Выгрузка всех строк\nс заголовками"
    assert (task.assignee_id, task.tester_id, task.estimate_min) == (
        team.prog.id,
        team.tester.id,
        480,
    )


async def test_back_returns_to_the_previous_question_with_the_answers_kept(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask")
    description = await tg.send(MANAGER, "Первое название")
    assignee = await tg.click(MANAGER, description.button("Пропустить"))
    estimate = await tg.click(MANAGER, assignee.button("@ivan"))
    back = await tg.click(MANAGER, estimate.button("Назад"))
    assert "Кто исполнитель?" in back.text
    assert "✓ User20 (e4) @ivan" in labels(back)  # the answer given is ticked
    back = await tg.click(MANAGER, back.button("Назад"))
    assert "Описание задачи?" in back.text  # one led group: no group question on the way
    back = await tg.click(MANAGER, back.button("Назад"))
    assert "Как она называется?" in back.text and "Сейчас: Первое название" in back.text
    assert "Назад" not in str(labels(back))
    # The title is typed again; the answers after it stay.
    await tg.send(MANAGER, "Второе название")
    kept = await tg.send(MANAGER, "Подробности")
    assert "✓ User20 (e4) @ivan" in labels(kept)
    estimate = await tg.click(MANAGER, kept.button("@ivan"))
    deadline = await tg.click(MANAGER, estimate.button("8 ч"))
    back = await tg.click(MANAGER, deadline.button("Назад"))
    assert "Оценка?" in back.text and "Сейчас: 8 ч" in back.text
    deadline = await tg.send(MANAGER, "2ч")
    tester = await tg.send(MANAGER, "20.03")
    back = await tg.click(MANAGER, tester.button("Назад"))
    assert "Срок?" in back.text and "Сейчас: 20.03.2026" in back.text
    tester = await tg.click(MANAGER, back.button("Пропустить"))
    summary = await tg.click(MANAGER, tester.button("@olga"))
    back = await tg.click(MANAGER, summary.button("Назад"))
    assert "✓ User30 (e6) @olga" in labels(back)
    summary = await tg.click(MANAGER, back.button("@olga"))
    assert "«Второе название»" in summary.text and "Описание: Подробности" in summary.text
    assert "Оценка: 2 ч" in summary.text and "Срок: —" in summary.text
    # A Back from an older question no longer works.
    assert "больше не действует" in (await tg.click(MANAGER, estimate.button("Назад"))).text
    await tg.click(MANAGER, summary.button("Создать"))
    task = await fresh(session, Task, 1)
    assert (task.title, task.description, task.estimate_min, task.deadline) == (
        "Второе название",
        "Подробности",
        120,
        None,
    )
    assert (task.assignee_id, task.tester_id) == (team.prog.id, team.tester.id)


async def test_back_to_the_group_question_and_another_group_drops_the_people(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(ADMIN, "/newtask")
    await tg.send(ADMIN, "Аудит")
    group = await tg.send(ADMIN, "Проверить доступы")
    assignee = await tg.click(ADMIN, group.button("backend"))
    estimate = await tg.click(ADMIN, assignee.button("@ivan"))
    back = await tg.click(ADMIN, estimate.button("Назад"))
    group = await tg.click(ADMIN, back.button("Назад"))
    assert labels(group)[:2] == ["✓ backend", "web"]
    assignee = await tg.click(ADMIN, group.button("web"))
    assert "✓" not in str(labels(assignee))  # ivan is no member of web


async def test_description_is_optional_shortened_in_the_summary_and_checked(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask")
    await tg.send(MANAGER, "Длинное")
    assert "до 3000 символов" in (await tg.send(MANAGER, "я" * 3001)).text
    await tg.send(MANAGER, "а" * 300)
    await tg.send(MANAGER, "@ivan")
    await tg.send(MANAGER, "1ч")
    await tg.send(MANAGER, "20.03")
    summary = await tg.send(MANAGER, "@olga")
    assert "Описание: " + "а" * 99 + "…" in summary.text
    assert "а" * 100 not in summary.text
    await tg.click(MANAGER, summary.button("Создать"))
    assert (await fresh(session, Task, 1)).description == "а" * 300


async def test_a_message_too_old_to_edit_is_replaced_by_a_new_one(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask")
    first = await tg.send(MANAGER, "Название")
    [dialog] = edited(first)
    tg.session.fail_next(
        "EditMessageText",
        TelegramBadRequest(
            method=EditMessageText(text="x"), message="Bad Request: message can't be edited"
        ),
    )
    fresh_one = await tg.send(MANAGER, "Описание")
    assert sent_to(fresh_one, MANAGER) == 1 and "Кто исполнитель?" in fresh_one.text
    estimate = await tg.send(MANAGER, "@ivan")
    assert sent_to(estimate, MANAGER) == 0
    [now] = edited(estimate)
    assert now != dialog  # the new message is the dialog's message from now on
