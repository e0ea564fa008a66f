"""Who may see which plan, and paging of a long plan with ◀ ▶ buttons."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import ADMIN_TG
from tests.plan.conftest import (
    IVAN_TG,
    MANAGER_TG,
    OTHER_MANAGER_TG,
    TESTER_TG,
    World,
    add_task,
    d,
)
from tests.tg import BotClient, Reply
from views.plan import PlanPage

NOT_YOURS = "«{}» — нет такой группы или сотрудника среди ваших групп."
TASK_HEAD = re.compile(r"^#(\d+) ", re.MULTILINE)


@pytest.mark.parametrize("telegram_id", [IVAN_TG, TESTER_TG])
async def test_programmers_and_testers_cannot_use_plan(
    client: BotClient, world: World, telegram_id: int
) -> None:
    reply = await client.send(telegram_id, "/plan backend")
    assert reply.text == "Команда /plan вам недоступна. Список доступных команд: /help"
    assert reply.documents() == []


async def test_a_manager_of_another_group_gets_not_found_or_not_yours(
    client: BotClient, world: World
) -> None:
    for ref in ("backend", "@olga", "e4", "nosuch", "@nobody", "e999"):
        reply = await client.send(OTHER_MANAGER_TG, f"/plan {ref}", username="anna")
        assert reply.text.startswith(NOT_YOURS.format(ref)), reply.text
        assert reply.documents() == []
    own = await client.send(OTHER_MANAGER_TG, "/plan")
    assert TASK_HEAD.findall(own.texts[0]) == ["8"]
    # Ivan is in her group too: she sees only his frontend task
    ivan = await client.send(OTHER_MANAGER_TG, "/plan @ivan")
    assert TASK_HEAD.findall(ivan.texts[0]) == ["8"]


async def test_admin_sees_every_group(client: BotClient, world: World) -> None:
    reply = await client.send(ADMIN_TG, "/plan")
    assert reply.texts[0].startswith("План на 11.03.2026: все группы\n")
    assert sorted(TASK_HEAD.findall(reply.texts[0]), key=int) == ["1", "2", "3", "4", "5", "6", "8"]
    assert reply.documents()[0][0] == "plan-all-2026-03-11.png"
    frontend = await client.send(ADMIN_TG, "/plan frontend csv")
    assert frontend.documents()[0][0] == "plan-frontend-2026-03-11.csv"
    unknown = await client.send(ADMIN_TG, "/plan nosuch")
    assert unknown.text == (
        "Нет группы или сотрудника «nosuch». Группы: /groups, сотрудники: /team. "
        "Например: /plan backend"
    )


async def test_bad_arguments(client: BotClient, world: World) -> None:
    usage = await client.send(MANAGER_TG, "/plan backend frontend")
    assert usage.text == (
        "Формат: /plan [ГРУППА|@user|eN] [csv], например: /plan backend или /plan @ivan csv"
    )
    long = await client.send(MANAGER_TG, "/plan " + "x" * 4000)
    assert long.text.startswith("«" + "x" * 39 + "…» — нет такой группы")
    en = await client.send(MANAGER_TG, "/plan nosuch", lang="en")
    assert en.text.startswith("«nosuch»: no such group or person in your groups.")


def edited(reply: Reply) -> str:
    """The text of the one message a button press edited."""
    assert len(reply.of("EditMessageText")) == 1, reply
    return reply.texts[0]


def page_count(first_page: str) -> int:
    match = re.search(r"\n\nСтр\. 1 из (\d+)$", first_page)
    assert match, first_page[-200:]
    return int(match.group(1))


async def many_tasks(session: AsyncSession, world: World, count: int) -> None:
    for number in range(count):
        title = f"Task {number:03d} " + "with a long descriptive title " * 3
        await add_task(session, world.backend, world.olga, title, 2, d(2), d(31), "new")


async def test_a_long_plan_is_paged_and_the_buttons_edit_in_place(
    client: BotClient, session: AsyncSession, world: World
) -> None:
    await many_tasks(session, world, 60)
    first = await client.send(MANAGER_TG, "/plan backend")
    [text] = first.texts[:1]
    pages = page_count(text)
    assert pages >= 3
    assert [label for label, _ in first.buttons()] == ["▶"]
    assert len(first.documents()) == 1  # the chart once, not per page

    seen = TASK_HEAD.findall(text)
    data = first.button("▶")
    for page in range(2, pages + 1):
        reply = await client.click(MANAGER_TG, data)
        edit = edited(reply)
        assert len(edit) <= 4096
        assert edit.startswith("План на 11.03.2026: группа backend\n")
        assert edit.endswith(f"Стр. {page} из {pages}")
        seen += TASK_HEAD.findall(edit)
        labels = [label for label, _ in reply.buttons()]
        assert labels == (["◀", "▶"] if page < pages else ["◀"])
        if page < pages:
            data = reply.button("▶")
    assert sorted(map(int, seen)) == [1, 2, 3, 4, 5, 6, *range(9, 69)]
    back = await client.click(MANAGER_TG, reply.button("◀"))
    assert edited(back).endswith(f"Стр. {pages - 1} из {pages}")


async def test_a_page_button_rechecks_who_pressed_it(
    client: BotClient, session: AsyncSession, world: World
) -> None:
    await many_tasks(session, world, 60)
    first = await client.send(MANAGER_TG, "/plan backend")
    pages = page_count(first.texts[0])
    data = first.button("▶")
    assert len(data.encode()) <= 64
    programmer = await client.click(IVAN_TG, data)
    assert programmer.texts == ["План доступен руководителям проектов и администраторам."]
    assert programmer.of("EditMessageText") == []
    other = await client.click(OTHER_MANAGER_TG, data)
    assert other.texts[0].startswith(NOT_YOURS.format("backend"))
    assert other.of("EditMessageText") == []
    admin = await client.click(ADMIN_TG, data)
    assert edited(admin).endswith(f"Стр. 2 из {pages}")


async def test_forged_or_outdated_buttons(
    client: BotClient, session: AsyncSession, world: World
) -> None:
    await many_tasks(session, world, 60)
    pages = page_count((await client.send(MANAGER_TG, "/plan backend")).texts[0])
    huge = "9" * 30
    for forged in ("pl:x1:0", "pl:g999:0", "pl:e999:1", "pl:g:1", "pl:g²:0", f"pl:e{huge}:0"):
        reply = await client.click(MANAGER_TG, forged)
        assert reply.texts == ["Эта кнопка устарела: отправьте /plan ещё раз."], forged
    far = await client.click(MANAGER_TG, PlanPage(scope=f"g{world.backend.id}", page=99).pack())
    assert edited(far).endswith(f"Стр. {pages} из {pages}")
    assert len(PlanPage(scope="e123456789", page=999).pack()) <= 64
