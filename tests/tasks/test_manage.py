"""/assign, /cancel and /comment: who may, what is stored, who is told."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, Task
from services.textsplit import MESSAGE_LIMIT, utf16_len
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
    events_of,
    fresh,
    make_task,
)
from tests.tg import BotClient


async def test_assign_tells_the_new_and_the_old_assignee(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(MANAGER, f"/assign {task.id} @petr")
    assert f"#{task.id} «Fix login»: исполнитель — User21 (e5)." in reply.texts[0]
    assert "Вам назначена задача" in reply.to(PROG2)[0]
    assert "передана другому исполнителю" in reply.to(PROG)[0]
    assert (await fresh(session, Task, task.id)).assignee_id == team.prog2.id
    [event] = await events_of(session, task.id)
    assert (event.kind, event.text, event.actor_id) == ("assigned", "e5", team.manager.id)
    admin = await tg.send(ADMIN, f"/assign #{task.id} e{team.prog.id}")
    assert "исполнитель — User20" in admin.text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", "Формат: /assign НОМЕР СОТРУДНИК"),
        ("1", "Формат: /assign"),
        ("1 @petr extra", "Формат: /assign"),
        ("abc @petr", "Не понял номер задачи «abc»"),
        ("99 @petr", "Задача #99 не найдена"),
        ("1 petr", "Не понял, о ком речь"),
        ("1 @nobody", "Сотрудник «@nobody» не найден"),
        ("1 @client", "не может быть исполнителем"),
        ("1 @mgr", "не может быть исполнителем"),
        ("1 @anna", "не состоит в группе backend"),
        ("1 @olga", "одновременно исполнителем и тестировщиком"),
        ("1 @ivan", "уже исполнитель задачи #1"),
        ("1 " + "@" + "x" * 4000, "Не понял, о ком речь"),
    ],
)
async def test_bad_assign_changes_nothing(
    tg: BotClient, session: AsyncSession, team: Team, args: str, expected: str
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(MANAGER, f"/assign {args}".strip())
    assert expected in reply.text, reply.text
    assert (await fresh(session, Task, task.id)).assignee_id == team.prog.id
    assert await events_of(session, task.id) == []


async def test_unlisted_or_inactive_people_cannot_be_assigned(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    petr = await fresh(session, Employee, team.prog2.id)
    petr.listed = False
    await session.commit()
    assert "не может быть исполнителем" in (await tg.send(MANAGER, f"/assign {task.id} @petr")).text
    petr.listed, petr.active = True, False
    await session.commit()
    assert "не может быть исполнителем" in (await tg.send(MANAGER, f"/assign {task.id} @petr")).text


async def test_only_the_groups_manager_or_an_admin_manages(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    hidden = await tg.send(MANAGER2, f"/assign {task.id} @anna")
    assert hidden.text == f"Задача #{task.id} не найдена. Ваши задачи: /tasks"
    assert "не найдена" in (await tg.send(MANAGER2, f"/cancel {task.id}")).text
    for who in (PROG, TESTER, EXTERNAL):
        for command in (f"/assign {task.id} @petr", f"/cancel {task.id}"):
            assert "недоступна" in (await tg.send(who, command)).text
    # nor can a manager touch another group's task
    team_task = await make_task(session, team, assignee=team.outsider, group=team.web)
    assert "не найдена" in (await tg.send(MANAGER, f"/cancel {team_task.id}")).text
    assert (await fresh(session, Task, task.id)).status == "new"


async def test_cancel_with_a_reason(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(MANAGER, f"/cancel {task.id} заказчик передумал")
    assert f"Задача #{task.id} «Fix login» отменена." in reply.texts[0]
    assert "отменена — User10 (e2)." in reply.to(PROG)[0]
    assert "отменена" in reply.to(TESTER)[0]
    assert (await fresh(session, Task, task.id)).status == "cancelled"
    event = (await events_of(session, task.id))[-1]
    assert (event.from_status, event.to_status, event.text) == (
        "new",
        "cancelled",
        "заказчик передумал",
    )
    card = await tg.send(PROG, f"/task {task.id}")
    assert "(причина отмены): заказчик передумал" in card.text
    again = await tg.send(MANAGER, f"/cancel {task.id}")
    assert "уже закрыта" in again.text
    assert "уже закрыта" in (await tg.send(ADMIN, f"/assign {task.id} @petr")).text


async def test_cancel_usage_and_admin(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.outsider, group=team.web)
    assert "Формат: /cancel НОМЕР" in (await tg.send(MANAGER, "/cancel")).text
    assert "Не понял номер" in (await tg.send(MANAGER, "/cancel x12")).text
    huge = await tg.send(ADMIN, f"/cancel {task.id} " + "x" * 4000)
    assert "Комментарий должен быть" in huge.text
    assert (await fresh(session, Task, task.id)).status == "new"
    assert "отменена" in (await tg.send(ADMIN, f"/cancel {task.id}")).text
    assert (await fresh(session, Task, task.id)).status == "cancelled"


async def test_comment_is_shown_and_told(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(EXTERNAL, f"/comment {task.id} Нужна ещё кнопка «Выйти»")
    assert f"Комментарий к задаче #{task.id} добавлен." in reply.texts[0]
    assert "Нужна ещё кнопка «Выйти»" in reply.to(PROG)[0]
    assert "Нужна ещё кнопка" in reply.to(MANAGER)[0]
    own = await tg.send(PROG, f"/comment #{task.id} сделаю завтра")
    assert own.to(PROG) == [f"Комментарий к задаче #{task.id} добавлен."]
    card = await tg.send(MANAGER, f"/task {task.id}")
    assert "— User20 (e4): сделаю завтра" in card.text
    assert card.text.index("сделаю завтра") < card.text.index("кнопка «Выйти»")
    kinds = [(e.kind, e.actor_id) for e in await events_of(session, task.id)]
    assert kinds == [("comment", team.external.id), ("comment", team.prog.id)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/comment", "Формат: /comment НОМЕР ТЕКСТ"),
        ("/comment 1", "Формат: /comment"),
        ("/comment x текст", "Не понял номер задачи"),
        ("/comment 99 текст", "Задача #99 не найдена"),
        ("/comment 1 " + "x" * 4000, "Комментарий должен быть"),
        ("/comment 1 bad\x00byte", "Комментарий должен быть"),
    ],
)
async def test_bad_comments(
    tg: BotClient, session: AsyncSession, team: Team, text: str, expected: str
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    assert expected in (await tg.send(PROG2, text)).text
    assert await events_of(session, task.id) == []


async def test_comment_on_a_hidden_task_reads_as_missing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    hidden = await tg.send(OUTSIDER, f"/comment {task.id} hello")
    missing = await tg.send(OUTSIDER, "/comment 555 hello")
    assert hidden.text == missing.text.replace("#555", f"#{task.id}")
    assert await events_of(session, task.id) == []


async def test_manage_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(MANAGER, f"/assign {task.id} @petr", lang="en")
    assert f'#{task.id} "Fix login": assigned to User21 (e5).' in reply.texts[0]
    bad = await tg.send(MANAGER, "/cancel", lang="en")
    assert "Usage: /cancel NUMBER [reason]" in bad.text


async def test_a_card_full_of_emoji_comments_still_fits_one_message(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    # Three comments at the 1,000-character limit, each emoji two UTF-16 units: 6,000 units of
    # comments alone, where Telegram takes 4,096 per message.
    task = await make_task(session, team, assignee=team.prog, title="🚀" * 200)
    for face in ("😀", "🎉", "🔥"):
        await tg.send(PROG, f"/comment {task.id} {face * 1000}")
    card = await tg.send(PROG, f"/task {task.id}")
    [text] = card.texts
    assert utf16_len(text) <= MESSAGE_LIMIT
    for face in ("😀", "🎉", "🔥"):
        assert face * 100 in text  # every comment shows, cut evenly
    assert "…" in text
    assert card.buttons()  # still the card, with its buttons
