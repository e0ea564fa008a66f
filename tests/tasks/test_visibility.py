"""Who sees which task: /task, /tasks and /review for every role. A task someone may not see
answers exactly like a task that does not exist."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import TimeEntry
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
    make_task,
)
from tests.tg import BotClient

MANAGE = ["👤 Исполнитель", "📅 Срок", "⏱ Оценка", "🔍 Тестировщик", "⚡ Приоритет"]
MANAGE += ["✖ Отменить задачу", "💬 Комментарий"]
LOG = ["▶ Запустить таймер", "+30 мин", "+1 ч", "+2 ч"]


@pytest.mark.parametrize(
    ("who", "sees", "buttons"),
    [
        (ADMIN, True, MANAGE),  # manages the task, does not work on it: no timer
        (MANAGER, True, MANAGE),
        (MANAGER2, False, []),
        (PROG, True, [*LOG, "📤 На проверку", "💬 Комментарий"]),
        (PROG2, True, ["💬 Комментарий"]),  # same group, not on the task: may look, not log
        (TESTER, True, [*LOG, "💬 Комментарий"]),
        (EXTERNAL, True, ["💬 Комментарий"]),
        (OUTSIDER, False, []),
    ],
)
async def test_task_card_for_each_role(
    tg: BotClient, session: AsyncSession, team: Team, who: int, sees: bool, buttons: list[str]
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(who, f"/task {task.id}")
    if sees:
        assert f"#{task.id} Fix login" in reply.text
        assert "Статус: новая · группа backend · приоритет обычный" in reply.text
        assert "Исполнитель: User20 (e4)" in reply.text
        assert "срок: 20.03.2026" in reply.text
        if who == EXTERNAL:  # SPEC §1: no hours for externals, not even a task's total
            assert "списано" not in reply.text and "10 ч" not in reply.text
        else:
            assert "списано 0 мин из 10 ч" in reply.text
    else:
        missing = await tg.send(who, "/task 4242")
        assert reply.text == missing.text.replace("#4242", f"#{task.id}")
        assert "Fix login" not in reply.text
    assert [label for label, _ in reply.buttons()] == buttons


async def test_task_usage(tg: BotClient, team: Team) -> None:
    for text, expected in (
        ("/task", "Формат: /task НОМЕР"),
        ("/task 1 2", "Формат: /task НОМЕР"),
        ("/task abc", "Не понял номер задачи «abc»"),
        ("/task #0", "Не понял номер задачи"),
        ("/task " + "7" * 4000, "Не понял номер задачи"),
        ("/task -5", "Не понял номер задачи"),
    ):
        assert expected in (await tg.send(PROG, text)).text, text


async def test_tasks_lists_for_each_role(tg: BotClient, session: AsyncSession, team: Team) -> None:
    mine = await make_task(session, team, assignee=team.prog, tester=team.tester, title="Mine")
    await make_task(session, team, assignee=team.prog, status="done", title="Old")
    testing = await make_task(session, team, assignee=team.prog2, tester=team.prog, title="Check")
    web = await make_task(session, team, assignee=team.outsider, group=team.web, title="Web")

    prog = await tg.send(PROG, "/tasks")
    assert prog.text.startswith("Ваши открытые задачи (2):")
    assert f"#{mine.id} Mine" in prog.text and f"#{testing.id} Check" in prog.text
    assert "вы тестировщик" in prog.text and "Old" not in prog.text and "Web" not in prog.text
    assert [data for _, data in prog.buttons()] == [
        f"t:open:{mine.id}:0:0",
        f"t:open:{testing.id}:0:0",
    ]

    external = await tg.send(EXTERNAL, "/tasks")
    assert external.text.startswith("Открытые задачи ваших групп (2):")
    assert "Mine" in external.text and "Check" in external.text and "Web" not in external.text
    assert "списано" not in external.text  # no hours for externals
    card = await tg.click(EXTERNAL, external.button("Mine"))
    assert "Статус: новая" in card.text and "списано" not in card.text
    assert [label for label, _ in card.buttons()] == ["💬 Комментарий"]

    manager = await tg.send(MANAGER, "/tasks")
    assert manager.text.startswith("Открытые задачи ваших групп: 2")
    assert f"#{mine.id} Mine" in manager.text and f"#{testing.id} Check" in manager.text
    assert "Web" not in manager.text and "Old" not in manager.text
    admin = await tg.send(ADMIN, "/tasks")
    assert admin.text.startswith("Открытые задачи всех групп: 3")
    assert f"#{web.id} Web" in admin.text and f"#{mine.id} Mine" in admin.text
    outsider = await tg.send(OUTSIDER, "/tasks")
    assert f"#{web.id} Web" in outsider.text
    assert "Your open tasks (2):" in (await tg.send(PROG, "/tasks", lang="en")).text


async def test_review_queue_by_role(tg: BotClient, session: AsyncSession, team: Team) -> None:
    tested = await make_task(session, team, assignee=team.prog, tester=team.tester, status="review")
    untested = await make_task(session, team, assignee=team.prog, status="review", title="Solo")
    assert "недоступна" in (await tg.send(PROG, "/review")).text
    assert "недоступна" in (await tg.send(EXTERNAL, "/review")).text
    tester = await tg.send(TESTER, "/review")
    assert f"#{tested.id}" in tester.text and "Solo" not in tester.text
    manager = await tg.send(MANAGER, "/review")
    assert f"#{untested.id} Solo" in manager.text and "Fix login" not in manager.text
    assert "Нет задач" in (await tg.send(MANAGER2, "/review")).text
    admin = await tg.send(ADMIN, "/review")
    assert "Ждут вашей проверки (2)" in admin.text


async def test_externals_log_nothing(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    for text in (f"/log 1h #{task.id}", "/undo", "/stop", "/hours"):
        assert "недоступна" in (await tg.send(EXTERNAL, text)).text, text
    plain = await tg.send(EXTERNAL, f"1h #{task.id}")
    assert "Записано" not in plain.text
    forged = await tg.click(EXTERNAL, f"t:log:{task.id}:60:0")
    assert "Записано" not in forged.text and forged.texts
    assert await session.get(TimeEntry, 1) is None
