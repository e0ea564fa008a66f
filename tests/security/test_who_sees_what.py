"""Data by role as Telegram delivers it: a deactivated person, an external and a stranger get
nothing beyond what SPEC §1 gives them, whether they type a command or press a button from an
old message."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import AnswerCallbackQuery
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, TaskEvent, TimeEntry
from services import clock
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, OUTSIDER, PROG, Team, fresh, make_task
from tests.tg import BotClient

REFUSAL = (
    "Этот бот работает только для сотрудников компании. "
    "Если вас пригласили, откройте ссылку-приглашение."
)
STRANGER = 999
# SPEC §1: someone who left is told exactly that, since when, and who can restore it.
DEACTIVATED = (
    "Ваш доступ к боту отключён с 11.03.2026. "
    "Вернуть его может администратор: попросите у него новое приглашение."
)
EXPIRED = (
    "Ваш доступ внешнего представителя закончился 18.03.2026. "
    "Вернуть его может администратор: попросите у него новое приглашение."
)


async def _written(session: AsyncSession) -> tuple[int, int]:
    session.expire_all()
    entries = await session.scalar(select(func.count()).select_from(TimeEntry))
    events = await session.scalar(select(func.count()).select_from(TaskEvent))
    return entries or 0, events or 0


async def test_a_deactivated_person_is_refused_commands_and_old_buttons(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    prog_id = team.prog.id
    card = await tg.send(PROG, f"/task {task.id}")  # a card with buttons, kept in the chat
    assert "Fix login" in (await tg.send(PROG, "/tasks")).text
    assert "отключ" in (await tg.send(ADMIN, "/deactivate @ivan")).text.lower()
    for text in ("/tasks", f"/task {task.id}", "/log 1h", "/me", "/help", "/start", "1h"):
        reply = await tg.send(PROG, text)
        assert reply.text == DEACTIVATED, text
    for data in (card.button("+1 ч"), card.button("Запустить таймер"), f"t:open:{task.id}:0:0"):
        reply = await tg.click(PROG, data)
        [answer] = reply.of("AnswerCallbackQuery")
        assert isinstance(answer, AnswerCallbackQuery)
        assert answer.text == DEACTIVATED and answer.show_alert, data
        assert "Fix login" not in reply.text
    assert await _written(session) == (0, 0)
    stored = await fresh(session, Employee, prog_id)
    assert isinstance(stored, Employee) and stored.active is False


async def test_an_external_sees_only_the_tasks_of_their_groups(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    own = await make_task(session, team, assignee=team.prog, title="Backend job")
    other = await make_task(session, team, assignee=team.outsider, group=team.web, title="Web job")
    listed = await tg.send(EXTERNAL, "/tasks")
    assert "Backend job" in listed.text and "Web job" not in listed.text
    missing = await tg.send(EXTERNAL, "/task 4242")
    hidden = await tg.send(EXTERNAL, f"/task {other.id}")
    assert hidden.text == missing.text.replace("#4242", f"#{other.id}")
    assert "Web job" not in hidden.text and hidden.buttons() == []
    pressed = await tg.click(EXTERNAL, f"t:open:{other.id}:0:0")
    assert f"Задача #{other.id} не найдена" in pressed.text and "Web job" not in pressed.text
    comment = await tg.send(EXTERNAL, f"/comment {other.id} hello")
    assert f"Задача #{other.id} не найдена" in comment.text
    assert "Backend job" in (await tg.send(EXTERNAL, f"/task {own.id}")).text
    assert await _written(session) == (0, 0)


async def test_an_external_gets_no_hours_pay_staff_or_plan(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await make_task(session, team, assignee=team.prog)
    for text in ("/payroll", "/payroll e4", "/hours", "/team", "/plan", "/plan web", "/schedule"):
        reply = await tg.send(EXTERNAL, text)
        command = text.split()[0]
        assert reply.text == f"Команда {command} вам недоступна. Список доступных команд: /help"
        assert reply.documents() == []
    for name in ("User20", "User21", "User22", "ivan", "anna"):
        assert name not in (await tg.send(EXTERNAL, "/help")).text


async def test_staff_see_only_their_own_hours(tg: BotClient, team: Team) -> None:
    assert "Записано 1 ч" in (await tg.send(PROG, "/log 1h")).text
    assert "Записано 3 ч 20 мин" in (await tg.send(OUTSIDER, "/log 3h20m")).text
    own = await tg.send(PROG, "/hours")
    assert "1 ч" in own.text and "3 ч 20 мин" not in own.text
    # Another person, existing or not, gets one refusal and nothing of theirs.
    for text in ("/hours @anna", "/hours e8", "/hours e999", "/hours @anna month"):
        reply = await tg.send(PROG, text)
        assert reply.text == "Смотреть можно только свои часы: /hours, /hours month.", text
    # A manager sees the people of the groups they lead only (anna is in another group).
    assert "не состоит в ваших группах" in (await tg.send(MANAGER, "/hours @anna")).text
    assert "3 ч 20 мин" in (await tg.send(ADMIN, "/hours @anna")).text


async def test_an_expired_external_is_refused_on_buttons_too(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    listed = await tg.send(EXTERNAL, "/tasks")
    button = listed.button("Fix login")
    assert "Статус: новая" in (await tg.click(EXTERNAL, button)).text
    clock.set_now(clock.now() + timedelta(days=8))
    team.external.access_until = clock.utcnow_naive() - timedelta(days=1)
    await session.commit()
    reply = await tg.click(EXTERNAL, button)
    [answer] = reply.of("AnswerCallbackQuery")
    assert isinstance(answer, AnswerCallbackQuery)
    assert answer.text == EXPIRED and "Fix login" not in reply.text
    assert (await tg.send(EXTERNAL, f"/comment {task.id} still there?")).text == EXPIRED
    assert (await tg.send(EXTERNAL, "/start")).text == EXPIRED
    assert await _written(session) == (0, 0)


async def test_a_stranger_with_a_forged_button_learns_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    for data in (f"t:open:{task.id}:0:0", f"t:log:{task.id}:60:0", "u:1", "st:log:1", "nt:go:1"):
        reply = await tg.click(STRANGER, data)
        [answer] = reply.of("AnswerCallbackQuery")
        assert isinstance(answer, AnswerCallbackQuery)
        assert answer.text == REFUSAL and answer.show_alert, data
        assert len(reply.requests) == 1  # nothing else was sent anywhere
    assert (await tg.send(STRANGER, f"/task {task.id}")).text == REFUSAL
    assert await _written(session) == (0, 0)


async def test_the_staff_list_hides_unlisted_people_from_managers(
    tg: BotClient, team: Team
) -> None:
    manager = await tg.send(MANAGER, "/team")
    assert "@ivan" in manager.text and "@anna" in manager.text  # listed staff, any group
    assert "@client" not in manager.text and "(не в списке)" not in manager.text
    admin = await tg.send(ADMIN, "/team")
    assert "@client" in admin.text and "(не в списке)" in admin.text
