"""Leaving a dialog: bare /cancel and «отмена»/"cancel" work for every role in every dialog;
any other command leaves the dialog and runs as itself."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import (
    MANAGER,
    PROG,
    TESTER,
    Team,
    entries_of,
    events_of,
    fresh,
    make_task,
)
from tests.tg import BotClient


async def _in_return_dialog(tg: BotClient, session: AsyncSession, team: Team) -> Task:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    card = await tg.send(TESTER, f"/task {task.id}")
    ask = await tg.click(TESTER, card.button("Вернуть"))
    assert "Что нужно исправить" in ask.text
    return task


async def test_a_tester_leaves_the_return_dialog_with_cancel_then_logs(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await _in_return_dialog(tg, session, team)
    left = await tg.send(TESTER, "/cancel")
    assert left.texts == ["Отменено."]
    # The question's buttons are taken back.
    [markup] = left.of("EditMessageReplyMarkup")
    assert markup.reply_markup is None
    # Out of the dialog, bare /cancel is a command a tester may not use, as before.
    assert "Команда /cancel вам недоступна" in (await tg.send(TESTER, "/cancel")).text
    logged = await tg.send(TESTER, f"/log 1h #{task.id} проверка")
    assert "Записано 1 ч" in logged.text
    assert [e.comment for e in await entries_of(session, team.tester)] == ["проверка"]
    stored = await fresh(session, Task, task.id)
    assert stored.status == "review"  # not returned: "/log ..." was no comment


async def test_the_cancel_word_in_any_case_leaves_any_dialog(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await _in_return_dialog(tg, session, team)
    assert (await tg.send(TESTER, "  ОТМЕНА ")).texts == ["Отменено."]
    assert (await fresh(session, Task, task.id)).status == "review"
    assert "Не понял сообщение" in (await tg.send(TESTER, "просто текст")).text
    await tg.send(MANAGER, "/newtask")
    await tg.send(MANAGER, "Задача")
    assert (await tg.send(MANAGER, "Cancel")).texts == ["Отменено."]
    assert "Не понял сообщение" in (await tg.send(MANAGER, "@ivan")).text
    # A word inside a sentence is an answer, not the way out.
    await _in_return_dialog(tg, session, team)
    done = await tg.send(TESTER, "отмена кнопки не работает")
    assert "возвращена на доработку" in done.text


async def test_another_command_leaves_the_dialog_and_runs(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await _in_return_dialog(tg, session, team)
    logged = await tg.send(TESTER, f"/log 1h #{task.id}")
    assert "Записано 1 ч" in logged.text
    assert logged.of("EditMessageReplyMarkup")  # the question lost its buttons
    # The dialog is over: a quick log is a quick log, not a return comment.
    again = await tg.send(TESTER, f"30m #{task.id}")
    assert "Записано 30 мин" in again.text
    assert (await fresh(session, Task, task.id)).status == "review"
    assert [e.to_status for e in await events_of(session, task.id)] == []


async def test_managers_keep_cancel_usage_and_cancel_n_outside_a_dialog(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    assert "Формат: /cancel НОМЕР" in (await tg.send(MANAGER, "/cancel")).text
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(MANAGER, "/newtask")
    # /cancel N inside a dialog: the dialog ends and the task is cancelled.
    done = await tg.send(MANAGER, f"/cancel {task.id} не нужна")
    assert "отменена" in done.text
    assert (await fresh(session, Task, task.id)).status == "cancelled"
    assert "Не понял сообщение" in (await tg.send(MANAGER, "Название")).text
    assert "вам недоступна" in (await tg.send(PROG, f"/cancel {task.id}")).text
