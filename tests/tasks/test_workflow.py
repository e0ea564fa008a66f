"""The task workflow with buttons: review, accept, return with a comment; who is told."""

from __future__ import annotations

from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import SendMessage
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import (
    ADMIN,
    MANAGER,
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


async def test_review_accept_tells_the_next_person(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    await tg.send(PROG, f"/log 3h #{task.id}")
    card = await tg.send(PROG, f"/task {task.id}")
    sent = await tg.click(PROG, card.button("На проверку"))
    assert f"Задача #{task.id} отправлена на проверку." in sent.text
    assert "Статус: на проверке" in sent.text  # the card is refreshed in place
    [note] = sent.to(TESTER)
    assert f"Задача #{task.id} «Fix login» ждёт вашей проверки — User20 (e4)" in note
    assert (await fresh(session, Task, task.id)).status == "review"

    queue = await tg.send(TESTER, "/review")
    assert f"#{task.id} Fix login · на проверке" in queue.text
    accepted = await tg.click(TESTER, queue.button(f"Принять #{task.id}"))
    assert f"Задача #{task.id} принята: готова." in accepted.text
    assert any("принята: готова — User30 (e6)" in t for t in accepted.to(MANAGER))
    assert any("принята" in t for t in accepted.to(PROG))
    assert (await fresh(session, Task, task.id)).status == "done"
    events = await events_of(session, task.id)
    assert [(e.from_status, e.to_status, e.actor_id) for e in events] == [
        ("new", "in_progress", team.prog.id),
        ("in_progress", "review", team.prog.id),
        ("review", "done", team.tester.id),
    ]
    assert "Нет задач" in (await tg.send(TESTER, "/review")).text
    closed = await tg.send(PROG, f"/task {task.id}")
    assert closed.buttons() == []


async def test_return_asks_for_a_comment_and_tells_the_assignee(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    card = await tg.send(TESTER, f"/task {task.id}")
    ask = await tg.click(TESTER, card.button("Вернуть"))
    assert "Что нужно исправить в задаче" in ask.text
    assert (await fresh(session, Task, task.id)).status == "review"
    done = await tg.send(TESTER, "Падает на пустом пароле")
    assert "возвращена на доработку" in done.text
    [note] = done.to(PROG)
    assert "возвращена на доработку — User30 (e6):\nПадает на пустом пароле" in note
    stored = await fresh(session, Task, task.id)
    assert stored.status == "in_progress"
    event = (await events_of(session, task.id))[-1]
    assert (event.to_status, event.text, event.actor_id) == (
        "in_progress",
        "Падает на пустом пароле",
        team.tester.id,
    )
    shown = await tg.send(PROG, f"/task {task.id}")
    assert "(возврат на доработку): Падает на пустом пароле" in shown.text
    # the next message is ordinary again
    assert "Записано" in (await tg.send(TESTER, f"1h #{task.id}")).text


async def test_return_can_be_cancelled_and_rejects_bad_comments(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    ask = await tg.click(TESTER, f"t:return:{task.id}:0:0")
    for bad in ("x" * 4000, "bad\x01char"):
        reply = await tg.send(TESTER, bad)
        assert "Напишите, что исправить" in reply.text
    assert (await fresh(session, Task, task.id)).status == "review"
    cancelled = await tg.click(TESTER, ask.button("Отмена"))
    assert "Отменено." in cancelled.text
    assert "Не понял сообщение" in (await tg.send(TESTER, "просто текст")).text
    assert (await fresh(session, Task, task.id)).status == "review"


async def test_without_a_tester_the_group_manager_reviews(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    sent = await tg.click(PROG, f"t:review:{task.id}:0:0")
    [note] = sent.to(MANAGER)
    assert "ждёт вашей проверки" in note
    assert sent.to(TESTER) == []
    queue = await tg.send(MANAGER, "/review")
    assert f"#{task.id} Fix login" in queue.text
    assert "Нет задач" in (await tg.send(TESTER, "/review")).text
    refused = await tg.click(PROG, f"t:accept:{task.id}:0:0")
    assert "Проверять задачу" in refused.text
    done = await tg.click(MANAGER, queue.button(f"Принять #{task.id}"))
    assert "принята" in done.text
    assert (await fresh(session, Task, task.id)).status == "done"


async def test_admin_may_accept_and_sees_every_review(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    one = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    two = await make_task(
        session, team, assignee=team.outsider, group=team.web, status="review", title="Web"
    )
    queue = await tg.send(ADMIN, "/review")
    assert f"#{one.id} Fix login" in queue.text and f"#{two.id} Web" in queue.text
    await tg.click(ADMIN, queue.button(f"Принять #{two.id}"))
    assert (await fresh(session, Task, two.id)).status == "done"


async def test_forged_buttons_change_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    cases = [
        (PROG2, f"t:review:{task.id}:0:1", "Отправить задачу"),  # not the assignee
        (TESTER, f"t:review:{task.id}:0:1", "Отправить задачу"),
        (TESTER, f"t:accept:{task.id}:0:0", "не на проверке"),  # not in review yet
        (PROG, f"t:accept:{task.id}:0:0", "Проверять задачу"),
        (OUTSIDER, f"t:review:{task.id}:0:0", f"Задача #{task.id} не найдена"),
        (OUTSIDER, f"t:open:{task.id}:0:0", f"Задача #{task.id} не найдена"),
        (OUTSIDER, f"t:log:{task.id}:60:0", f"Задача #{task.id} не найдена"),
        (PROG2, f"t:log:{task.id}:60:0", "Записывать время"),
        (PROG, f"t:log:{task.id}:600:0", "больше не действует"),  # not a quick-log amount
        (PROG, "t:open:0:0:0", "больше не действует"),
        (PROG, "t:open:99999999999:0:0", "больше не действует"),
        (PROG, "t:nuke:1:0:0", "больше не действует"),
        (PROG2, f"t:timer:{task.id}:0:0", "Записывать время"),
    ]
    for who, data, expected in cases:
        reply = await tg.click(who, data)
        assert expected in reply.text, (who, data, reply.text)
        assert len(reply.of("AnswerCallbackQuery")) == 1
    stored = await fresh(session, Task, task.id)
    assert (stored.status, stored.logged_min) == ("new", 0)
    assert await events_of(session, task.id) == []


async def test_quick_log_buttons_on_the_card(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    card = await tg.send(PROG, f"/task {task.id}")
    labels = [label for label, _ in card.buttons()]
    assert labels == [
        "▶ Запустить таймер",
        "+30 мин",
        "+1 ч",
        "+2 ч",
        "📤 На проверку",
        "💬 Комментарий",
    ]
    reply = await tg.click(PROG, card.button("+1 ч"))
    # One confirmation: a toast with the day's total, and the card refreshed in place.
    [toast] = reply.of("AnswerCallbackQuery")
    assert toast.text == "Записано 1 ч на #1, за день 1 ч."
    [refreshed] = reply.of("EditMessageText")
    assert "списано 1 ч из 10 ч" in refreshed.text
    assert reply.of("SendMessage") == []
    timer = await tg.click(PROG, card.button("Запустить таймер"))
    assert "Таймер запущен" in timer.text
    assert timer.button("Остановить таймер")
    assert (await fresh(session, Task, task.id)).logged_min == 60


async def test_notices_speak_the_recipients_language(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    team.tester.language, team.tester.language_chosen = "en", True  # picked with /lang
    await session.commit()
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    sent = await tg.click(PROG, f"t:review:{task.id}:0:1")
    [note] = sent.to(TESTER)
    assert f'Task #{task.id} "Fix login" is waiting for your review' in note
    queue = await tg.send(TESTER, "/review")
    assert "Waiting for your review (1):" in queue.text
    assert queue.button("Accept #")


async def test_a_blocked_recipient_does_not_undo_the_change(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    tg.session.fail_next(
        "SendMessage",
        TelegramForbiddenError(method=SendMessage(chat_id=MANAGER, text="x"), message="blocked"),
    )
    reply = await tg.click(TESTER, f"t:accept:{task.id}:0:1")
    assert "принята" in reply.text
    assert reply.to(MANAGER) == []  # the author blocked the bot
    assert any("принята" in t for t in reply.to(PROG))
    assert (await fresh(session, Task, task.id)).status == "done"
