"""One confirmation per button press (the pressed message edited, or a toast, never both a
toast and a new message), and a double tap on a quick-log button logging once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from services import clock
from tests.tasks.conftest import PROG, TESTER, Team, entries_of, fresh, make_task
from tests.tg import BotClient, Reply

CARD_MESSAGE = 500  # the id of the card message the buttons are pressed on


def counts(reply: Reply) -> tuple[int, int]:
    """(messages sent, messages edited)."""
    return len(reply.of("SendMessage")), len(reply.of("EditMessageText"))


def toast(reply: Reply) -> str | None:
    [answer] = reply.of("AnswerCallbackQuery")
    return answer.text


async def test_quick_log_on_the_card_is_a_toast_and_the_card_refreshed(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/log 2h #{task.id}")
    card = await tg.send(PROG, f"/task {task.id}")
    reply = await tg.click(PROG, card.button("+1 ч"), message_id=CARD_MESSAGE)
    assert counts(reply) == (0, 1)
    assert toast(reply) == f"Записано 1 ч на #{task.id}, за день 3 ч."
    [edit] = reply.of("EditMessageText")
    assert edit.message_id == CARD_MESSAGE and "списано 3 ч из 10 ч" in edit.text


async def test_a_double_tap_logs_once(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    card = await tg.send(PROG, f"/task {task.id}")
    one_hour = card.button("+1 ч")
    first = await tg.click(PROG, one_hour, message_id=CARD_MESSAGE)
    second = await tg.click(PROG, one_hour, message_id=CARD_MESSAGE)
    assert toast(first) == f"Записано 1 ч на #{task.id}, за день 1 ч."
    assert toast(second) == f"Уже записано: 1 ч на #{task.id}. Второе нажатие не считается."
    assert counts(second) == (0, 0)
    assert [e.minutes for e in await entries_of(session, team.prog)] == [60]
    # Another button, or the same one on another message, is another request.
    await tg.click(PROG, card.button("+30 мин"), message_id=CARD_MESSAGE)
    await tg.click(PROG, one_hour, message_id=CARD_MESSAGE + 1)
    assert [e.minutes for e in await entries_of(session, team.prog)] == [60, 30, 60]
    # Seconds later the same button logs again: it is meant.
    clock.set_now(clock.now() + timedelta(seconds=6))
    later = await tg.click(PROG, one_hour, message_id=CARD_MESSAGE + 1)
    assert toast(later) == f"Записано 1 ч на #{task.id}, за день 3 ч 30 мин."
    assert (await fresh(session, Task, task.id)).logged_min == 210


async def test_a_refused_quick_log_is_not_remembered_as_done(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog2)
    refused = await tg.click(PROG, f"t:log:{task.id}:60:1", message_id=CARD_MESSAGE)
    assert "Уже записано" not in refused.text
    assert await entries_of(session, team.prog) == []
    # The same press by the assignee logs: the guard is per person.
    done = await tg.click(PROG + 1, f"t:log:{task.id}:60:1", message_id=CARD_MESSAGE)
    assert "Записано 1 ч" in done.text


async def test_accept_and_review_answer_once(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    await tg.send(PROG, f"/log 1h #{task.id}")
    card = await tg.send(PROG, f"/task {task.id}")
    sent = await tg.click(PROG, card.button("На проверку"))
    assert counts(sent) == (1, 1)  # the tester's notice, and the card refreshed
    assert sent.to(TESTER) and toast(sent) == f"Задача #{task.id} отправлена на проверку."
    queue = await tg.send(TESTER, "/review")
    accepted = await tg.click(TESTER, queue.button(f"Принять #{task.id}"))
    # From the queue (several tasks): a toast only; the queue keeps its other buttons.
    assert accepted.to(TESTER) == []
    assert toast(accepted) == f"Задача #{task.id} принята: готова."


async def test_undo_button_edits_its_message(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    logged = await tg.send(PROG, f"/log 2h #{task.id}")
    undone = await tg.click(PROG, logged.button("Отменить"))
    assert counts(undone) == (0, 1)
    assert toast(undone) is None
    [edit] = undone.of("EditMessageText")
    assert "Запись отменена: 2 ч" in edit.text and edit.reply_markup is None
    assert await entries_of(session, team.prog) == []


async def test_timer_buttons_on_the_card_answer_once(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    card = await tg.send(PROG, f"/task {task.id}")
    started = await tg.click(PROG, card.button("Запустить таймер"))
    assert counts(started) == (0, 1) and "Таймер запущен" in (toast(started) or "")
    clock.set_now(clock.now() + timedelta(minutes=30))
    stopped = await tg.click(PROG, started.button("Остановить таймер"))
    assert counts(stopped) == (0, 1) and "30 мин" in (toast(stopped) or "")
    assert (await fresh(session, Task, task.id)).logged_min == 30
