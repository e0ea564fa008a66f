"""A task card's buttons by role, and a manager's changes made from the card alone: each
picker edits the card in place, each choice is checked on the server and kept in the history."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import (
    EXTERNAL,
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
from tests.tg import BotClient, Reply
from views.keyboards import EditCb


def labels(reply: Reply) -> list[str]:
    return [label for label, _ in reply.buttons()]


async def test_manager_reassigns_from_a_notice_card(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    notice = await tg.send(PROG, f"/comment {task.id} готово наполовину")
    card = await tg.click(MANAGER, notice.button(f"#{task.id}"))
    assert "Запустить таймер" not in card.text and "+30" not in " ".join(labels(card))
    picker = await tg.click(MANAGER, card.button("Исполнитель"))
    assert picker.of("EditMessageText") and not picker.of("SendMessage")
    assert "кто теперь исполнитель" in picker.text
    # only assignable members of the group, never the present assignee
    people = labels(picker)
    assert any("User21" in p for p in people) and any("User30" in p for p in people)
    assert not any(p.startswith("User20") or "User22" in p or "User40" in p for p in people)
    done = await tg.click(MANAGER, picker.button("User21"))
    assert not done.of("SendMessage") or all(
        int(r.chat_id) != MANAGER for r in done.of("SendMessage")
    )
    assert "исполнитель — User21" in done.of("AnswerCallbackQuery")[0].text
    assert "Исполнитель: User21 (e5)" in done.of("EditMessageText")[0].text
    assert "исполнитель User21 (e5)" in done.of("EditMessageText")[0].text  # history
    assert (await fresh(session, Task, task.id)).assignee_id == team.prog2.id
    assert "Вам назначена задача" in done.to(PROG2)[0]
    assert "передана другому" in done.to(PROG)[0]


async def test_manager_changes_deadline_estimate_tester_priority(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    card = await tg.send(MANAGER, f"/task {task.id}")
    picker = await tg.click(MANAGER, card.button("Срок"))
    assert "+1 день (21.03.2026)" in labels(picker)
    moved = await tg.click(MANAGER, picker.button("+неделя"))
    assert (await fresh(session, Task, task.id)).deadline == date(2026, 3, 27)
    assert "срок 20.03.2026 → 27.03.2026" in moved.of("EditMessageText")[0].text
    assert "срок теперь 27.03.2026" in moved.to(PROG)[0]

    typed = await tg.click(
        MANAGER, (await tg.click(MANAGER, moved.button("Срок"))).button("Ввести")
    )
    assert "пришлите новый срок" in typed.text
    wrong = await tg.send(MANAGER, "вчера")
    assert "прошёл" in wrong.text
    ok = await tg.send(MANAGER, "02.04")
    assert (await fresh(session, Task, task.id)).deadline == date(2026, 4, 2)
    assert "Задача #1: срок — изменено." in ok.to(MANAGER)
    assert any("27.03.2026 → 02.04.2026" in t for t in ok.texts)  # the card, edited

    est = await tg.click(MANAGER, ok.button("Оценка"))
    done = await tg.click(MANAGER, est.button("4 ч"))
    assert (await fresh(session, Task, task.id)).estimate_min == 240
    assert "оценка 10 ч → 4 ч" in done.of("EditMessageText")[0].text
    typed_est = await tg.click(
        MANAGER, (await tg.click(MANAGER, done.button("Оценка"))).button("Ввести")
    )
    assert "новую оценку" in typed_est.text
    await tg.send(MANAGER, "2ч30м")
    assert (await fresh(session, Task, task.id)).estimate_min == 150

    tester = await tg.click(MANAGER, done.button("Тестировщик"))
    with_tester = await tg.click(MANAGER, tester.button("User30"))
    assert (await fresh(session, Task, task.id)).tester_id == team.tester.id
    assert "Вы теперь тестируете" in with_tester.to(TESTER)[0]
    none = await tg.click(
        MANAGER, (await tg.click(MANAGER, done.button("Тестировщик"))).button("Без")
    )
    assert (await fresh(session, Task, task.id)).tester_id is None
    assert "больше не тестируете" in none.to(TESTER)[0]

    prio = await tg.click(MANAGER, done.button("Приоритет"))
    assert labels(prio) == ["низкий", "обычный", "высокий", "← Назад"]
    same = await tg.click(MANAGER, prio.button("обычный"))
    assert "уже это значение" in same.text
    await tg.click(MANAGER, prio.button("высокий"))
    assert (await fresh(session, Task, task.id)).priority == "high"
    kinds = [(e.kind, e.field) for e in await events_of(session, task.id)]
    assert kinds == [
        ("edit", "deadline"),
        ("edit", "deadline"),
        ("edit", "estimate"),
        ("edit", "estimate"),
        ("edit", "tester"),
        ("edit", "tester"),
        ("edit", "priority"),
    ]
    back = await tg.click(
        MANAGER, (await tg.click(MANAGER, done.button("Приоритет"))).button("Назад")
    )
    assert "Статус: новая" in back.of("EditMessageText")[0].text


async def test_cancel_needs_a_confirmation(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    card = await tg.send(MANAGER, f"/task {task.id}")
    ask = await tg.click(MANAGER, card.button("Отменить задачу"))
    assert "Отменить задачу #1" in ask.text and labels(ask) == ["Да, отменить задачу", "← Назад"]
    assert (await fresh(session, Task, task.id)).status == "new"
    back = await tg.click(MANAGER, ask.button("Назад"))
    assert "Исполнитель" in " ".join(labels(back))
    assert (await fresh(session, Task, task.id)).status == "new"
    done = await tg.click(MANAGER, (await tg.click(MANAGER, back.button("Отменить"))).button("Да"))
    assert (await fresh(session, Task, task.id)).status == "cancelled"
    assert "Статус: отменена" in done.of("EditMessageText")[0].text
    markup = done.of("EditMessageText")[0].reply_markup
    assert markup is None or markup.inline_keyboard == []  # a closed task has no buttons
    assert done.to(PROG) and done.to(TESTER)


async def test_comment_from_the_card(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    card = await tg.send(EXTERNAL, f"/task {task.id}")
    assert labels(card) == ["💬 Комментарий"]
    ask = await tg.click(EXTERNAL, card.button("Комментарий"))
    assert "пришлите комментарий" in ask.text
    reply = await tg.send(EXTERNAL, "Когда будет готово?")
    assert "Комментарий к задаче #1 добавлен." in reply.to(EXTERNAL), reply
    assert any("Когда будет готово?" in t for t in reply.of("EditMessageText")[0].text.splitlines())
    assert "Когда будет готово?" in reply.to(PROG)[0]
    [event] = await events_of(session, task.id)
    assert (event.kind, event.text) == ("comment", "Когда будет готово?")
    # /cancel leaves the question: the next text is no comment
    await tg.click(MANAGER, (await tg.send(MANAGER, f"/task {task.id}")).button("Комментарий"))
    await tg.send(MANAGER, "/cancel")
    await tg.send(MANAGER, "просто текст")
    assert len(await events_of(session, task.id)) == 1


async def test_forged_manager_buttons_change_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    other = await make_task(session, team, title="Web", group=team.web, assignee=team.outsider)
    forged = [
        (PROG, EditCb(action="as", id=task.id, value=team.prog2.id)),
        (PROG, EditCb(action="reassign", id=task.id)),
        (PROG, EditCb(action="dl", id=task.id, value=date(2026, 4, 1).toordinal())),
        (PROG, EditCb(action="es", id=task.id, value=240)),
        (PROG, EditCb(action="pr", id=task.id, value=2)),
        (PROG, EditCb(action="cx", id=task.id)),
        (TESTER, EditCb(action="ts", id=task.id, value=team.tester.id)),
        (EXTERNAL, EditCb(action="cancel", id=task.id)),
        # a manager, but a person from another group, or another group's task
        (MANAGER, EditCb(action="as", id=task.id, value=team.outsider.id)),
        (MANAGER, EditCb(action="ts", id=task.id, value=team.outsider.id)),
        (MANAGER, EditCb(action="as", id=other.id, value=team.prog2.id)),
        (MANAGER, EditCb(action="as", id=task.id, value=99999)),
        (MANAGER, EditCb(action="es", id=task.id, value=7)),
        (MANAGER, EditCb(action="pr", id=task.id, value=9)),
        (MANAGER, EditCb(action="dl", id=task.id, value=5)),
    ]
    for who, data in forged:
        reply = await tg.click(who, data.pack())
        [answer] = reply.of("AnswerCallbackQuery")
        assert answer.show_alert, (who, data, reply)
    row = await fresh(session, Task, task.id)
    assert (row.assignee_id, row.tester_id, row.deadline, row.estimate_min, row.priority) == (
        team.prog.id,
        None,
        date(2026, 3, 20),
        600,
        "normal",
    )
    assert row.status == "new"
    assert await events_of(session, task.id) == []
    assert (await fresh(session, Task, other.id)).assignee_id == team.outsider.id


async def test_manager_who_is_the_assignee_keeps_the_timer(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    task.assignee_id = team.manager.id  # made directly: a manager is no assignable role
    await session.commit()
    both = labels(await tg.send(MANAGER, f"/task {task.id}"))
    assert "▶ Запустить таймер" in both and "+30 мин" in both and "👤 Исполнитель" in both
    prog = labels(await tg.send(PROG2, f"/task {task.id}"))
    assert prog == ["💬 Комментарий"]
    assert labels(await tg.send(OUTSIDER, f"/task {task.id}")) == []


async def test_deactivation_lists_open_tasks_with_reassign(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    first = await make_task(session, team, assignee=team.prog)
    second = await make_task(session, team, title="Second", assignee=team.prog)
    await make_task(session, team, title="Closed", assignee=team.prog, status="done")
    from tests.tasks.conftest import ADMIN

    reply = await tg.send(ADMIN, "/deactivate @ivan")
    assert "Открытые задачи сотрудника (2)" in reply.text, reply
    assert f"#{first.id} Fix login" in reply.text and "Closed" not in reply.text
    assert labels(reply) == [f"Передать #{first.id}", f"Передать #{second.id}"]
    picker = await tg.click(ADMIN, reply.button(f"Передать #{second.id}"))
    assert picker.of("SendMessage")  # a new message: the list stays for the other task
    done = await tg.click(ADMIN, picker.button("User21"))
    assert (await fresh(session, Task, second.id)).assignee_id == team.prog2.id
    assert "Исполнитель: User21" in done.of("EditMessageText")[0].text


async def test_group_removal_lists_that_groups_tasks(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    from tests.tasks.conftest import ADMIN

    task = await make_task(session, team, assignee=team.prog2)
    reply = await tg.send(ADMIN, "/group remove backend @petr")
    assert "Открытые задачи сотрудника (1)" in reply.text, reply
    picker = await tg.click(ADMIN, reply.button(f"Передать #{task.id}"))
    await tg.click(ADMIN, picker.button("User20"))
    assert (await fresh(session, Task, task.id)).assignee_id == team.prog.id
