"""/tasks and /review in pages: a manager's groups by status and person, every task reachable by
the page buttons, filters by group and person, forged buttons refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench.db import counting
from models import DevGroup, Task
from services.task_lists import Page
from services.tasks import OpenTask
from tests import factories
from tests.tasks.conftest import ADMIN, MANAGER, MANAGER2, PROG, PROG2, Team, make_task
from tests.tg import BotClient, Reply
from views.keyboards import TaskCb, short_title
from views.list_keyboards import ListCb, ReviewCb, own_keyboard

STATUSES = ("new", "in_progress", "review")
ALL_OF_MINE = "Открытые задачи ваших групп: 27\nГруппа: все · исполнитель: все"
HEADINGS = {"new": "🆕 Новые", "in_progress": "🔧 В работе", "review": "🔎 На проверке"}


@dataclass
class World:
    mobile: DevGroup
    backend_tasks: list[Task]
    mobile_tasks: list[Task]
    web_tasks: list[Task]

    @property
    def mine(self) -> set[int]:
        """The open tasks of the groups MANAGER leads."""
        return {t.id for t in self.backend_tasks + self.mobile_tasks}


@pytest.fixture
async def world(session: AsyncSession, team: Team) -> World:
    """MANAGER leads backend (18 open tasks) and mobile (9); MANAGER2 leads web (3)."""
    mobile = await factories.group(session, "mobile", team.manager, [team.prog, team.tester])
    people = [team.prog, team.prog2, team.tester, None]
    backend = [
        await make_task(
            session,
            team,
            title=f"Backend job {n}",
            assignee=people[n % 4],
            status=STATUSES[n % 3],
        )
        for n in range(18)
    ]
    mobile_tasks = [
        await make_task(
            session,
            team,
            title=f"Mobile job {n}",
            assignee=[team.prog, team.tester, None][n % 3],
            group=mobile,
            status=STATUSES[(n + 1) % 3],
        )
        for n in range(9)
    ]
    await make_task(session, team, title="Closed long ago", assignee=team.prog, status="done")
    web = [
        await make_task(session, team, title=f"Web job {n}", assignee=team.outsider, group=team.web)
        for n in range(3)
    ]
    return World(mobile, backend, mobile_tasks, web)


def listed_ids(reply: Reply) -> list[int]:
    """The tasks the page offers as buttons, in order."""
    return [
        int(match.group(1))
        for label, data in reply.buttons()
        if data.startswith("t:open:") and (match := re.match(r"#(\d+) ", label))
    ]


def exact(reply: Reply, label: str) -> str:
    """The button labelled exactly so (a task's title may hold a group's name)."""
    [data] = [data for text, data in reply.buttons() if text == label]
    return data


def edited(reply: Reply) -> str:
    """The list was edited in place: no new message, no toast."""
    assert reply.of("SendMessage") == []
    [answer] = reply.of("AnswerCallbackQuery")
    assert answer.text is None
    [edit] = reply.of("EditMessageText")
    text: str = edit.text
    return text


async def walk(tg: BotClient, who: int, first: Reply) -> list[tuple[str, list[int]]]:
    """Every page from the first, pressing ▶ while there is one: (text, task ids) of each."""
    pages = [(first.text, listed_ids(first))]
    reply = first
    while any(label == "▶" for label, _ in reply.buttons()):
        reply = await tg.click(who, reply.button("▶"))
        pages.append((edited(reply), listed_ids(reply)))
    return pages


def refused(reply: Reply, words: str) -> None:
    """An alert that says why, and the list left as it was."""
    assert reply.of("EditMessageText") == [] and reply.of("SendMessage") == []
    [answer] = reply.of("AnswerCallbackQuery")
    assert answer.show_alert and words in answer.text, answer.text


async def test_every_task_of_the_managers_groups_is_reachable_page_by_page(
    tg: BotClient, world: World
) -> None:
    first = await tg.send(MANAGER, "/tasks")
    assert first.text.startswith(ALL_OF_MINE)
    pages = await walk(tg, MANAGER, first)
    assert len(pages) == 3
    seen: list[int] = []
    for number, (text, ids) in enumerate(pages, start=1):
        assert text.endswith(f"Стр. {number} из 3")
        assert len(ids) == (10 if number < 3 else 7)
        for task_id in ids:
            assert re.search(rf"^#{task_id} \w+ job \d+ · ", text, re.M), (task_id, text)
        seen += ids
    assert len(seen) == len(set(seen)) and set(seen) == world.mine
    assert "Web job" not in "".join(text for text, _ in pages)

    # statuses in order new, in progress, review; within one, each person's tasks together
    by_id = {t.id: t for t in world.backend_tasks + world.mobile_tasks}
    statuses = [by_id[i].status for i in seen]
    assert statuses == sorted(statuses, key=STATUSES.index)
    runs = [(by_id[i].status, by_id[i].assignee_id) for i in seen]
    assert len(set(runs)) == len([r for k, r in enumerate(runs) if k == 0 or runs[k - 1] != r])
    assert [r[1] for r in runs if r[0] == "new"][-1] is None  # nobody assigned comes last
    # a page that starts inside a status repeats its heading
    assert all(text.split("\n")[3] in HEADINGS.values() for text, _ in pages)
    assert "👤 Без исполнителя" in pages[0][0] + pages[1][0]

    back = await tg.click(MANAGER, first.button("▶"))
    back = await tg.click(MANAGER, back.button("◀"))
    assert edited(back).endswith("Стр. 1 из 3") and listed_ids(back) == pages[0][1]
    card = await tg.click(MANAGER, back.button(f"#{pages[0][1][0]} "))
    assert f"#{pages[0][1][0]} " in card.text and "Статус:" in card.text


async def test_the_group_filter_lists_one_group(tg: BotClient, world: World) -> None:
    first = await tg.send(MANAGER, "/tasks")
    labels = [label for label, _ in first.buttons()]
    groups = ["✓ Все группы", "backend", "mobile"]
    assert [label for label in labels if label in groups] == groups
    assert "web" not in labels
    mobile = await tg.click(MANAGER, exact(first, "mobile"))
    text = edited(mobile)
    assert text.startswith("Открытые задачи ваших групп: 9\nГруппа: mobile")
    assert set(listed_ids(mobile)) == {t.id for t in world.mobile_tasks}
    assert "Backend job" not in text and "Стр." not in text
    assert "✓ mobile" in [label for label, _ in mobile.buttons()]
    backend = await tg.click(MANAGER, exact(mobile, "backend"))
    pages = await walk(tg, MANAGER, backend)
    assert pages[0][0] == edited(backend)
    assert {i for _, ids in pages for i in ids} == {t.id for t in world.backend_tasks}
    every = await tg.click(MANAGER, exact(backend, "Все группы"))
    assert edited(every).startswith("Открытые задачи ваших групп: 27")


async def test_the_person_filter_offers_people_with_open_tasks(
    tg: BotClient, team: Team, world: World
) -> None:
    first = await tg.send(MANAGER, "/tasks")
    people = await tg.click(MANAGER, first.button("По исполнителю"))
    assert edited(people).startswith("Чьи открытые задачи показать? Группа: все")
    labels = [label for label, _ in people.buttons()]
    everyone = world.backend_tasks + world.mobile_tasks
    prog_count = sum(t.assignee_id == team.prog.id for t in everyone)
    nobody_count = sum(t.assignee_id is None for t in everyone)
    assert f"{team.prog.display} · {prog_count}" in labels
    assert f"Без исполнителя · {nobody_count}" == labels[-2] and labels[-1] == "Все исполнители"
    assert not any(team.outsider.display in label for label in labels)  # web only

    prog = await tg.click(MANAGER, people.button(team.prog.display))
    text = edited(prog)
    assert f"исполнитель: {team.prog.display}" in text
    pages = await walk(tg, MANAGER, prog)
    ids = {i for _, page_ids in pages for i in page_ids}
    assert ids == {t.id for t in everyone if t.assignee_id == team.prog.id}
    assert f"👤 {team.prog.display} — сменить" in [label for label, _ in prog.buttons()]

    # the group filter and the person filter together
    mobile = await tg.click(MANAGER, ListCb(g=world.mobile.id, p=team.prog.id).pack())
    assert set(listed_ids(mobile)) == {
        t.id for t in world.mobile_tasks if t.assignee_id == team.prog.id
    }
    nobody = await tg.click(MANAGER, people.button("Без исполнителя"))
    assert "исполнитель: Без исполнителя" in edited(nobody)
    assert set(listed_ids(nobody)) == {t.id for t in everyone if t.assignee_id is None}
    again = await tg.click(MANAGER, nobody.button("сменить"))
    reset = await tg.click(MANAGER, again.button("Все исполнители"))
    assert edited(reset).startswith(ALL_OF_MINE)


async def test_forged_list_buttons_are_refused(
    tg: BotClient, team: Team, world: World, session: AsyncSession
) -> None:
    group_refusal = "Эта группа вам недоступна"
    person_refusal = "нет открытых задач в ваших группах"
    web = team.web.id
    refused(await tg.click(MANAGER, ListCb(g=web).pack()), group_refusal)
    refused(await tg.click(MANAGER, ListCb(g=web, v="p").pack()), group_refusal)
    refused(await tg.click(MANAGER, ListCb(g=987654).pack()), group_refusal)
    refused(await tg.click(MANAGER, ListCb(g=-3).pack()), group_refusal)
    refused(await tg.click(MANAGER, ListCb(g=2**40).pack()), group_refusal)
    refused(await tg.click(MANAGER, ListCb(p=team.outsider.id).pack()), person_refusal)
    refused(await tg.click(MANAGER, ListCb(p=-7).pack()), person_refusal)
    # a person of backend, but with no task in mobile
    refused(await tg.click(MANAGER, ListCb(g=world.mobile.id, p=team.prog2.id).pack()), "нет")
    refused(await tg.click(MANAGER2, ListCb(g=team.backend.id).pack()), group_refusal)
    refused(await tg.click(MANAGER, "tl:x:y:z:w"), "больше не действует")
    refused(await tg.click(MANAGER, ListCb(v="zz").pack()), "больше не действует")
    # staff have no filters
    refused(await tg.click(PROG, ListCb(g=team.backend.id).pack()), group_refusal)
    refused(await tg.click(PROG, ListCb(p=team.prog2.id).pack()), person_refusal)
    refused(await tg.click(PROG, ListCb(v="p").pack()), person_refusal)
    # a page out of range reads as the nearest page
    assert edited(await tg.click(MANAGER, ListCb(page=999).pack())).endswith("Стр. 3 из 3")
    assert edited(await tg.click(MANAGER, ListCb(page=-5).pack())).endswith("Стр. 1 из 3")
    # the admin may list any group, web included
    admin = await tg.click(ADMIN, ListCb(g=web).pack())
    assert set(listed_ids(admin)) == {t.id for t in world.web_tasks}


async def test_staff_see_only_their_own_tasks_paged_past_ten(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    own = [
        await make_task(session, team, title=f"Own job {n}", assignee=team.prog) for n in range(12)
    ]
    other = await make_task(session, team, title="Someone else's", assignee=team.prog2)
    first = await tg.send(PROG, "/tasks")
    assert first.text.startswith("Ваши открытые задачи (12):")
    pages = await walk(tg, PROG, first)
    assert [len(ids) for _, ids in pages] == [10, 2]
    assert pages[1][0].endswith("Стр. 2 из 2")
    assert {i for _, ids in pages for i in ids} == {t.id for t in own}
    assert "Someone else's" not in "".join(text for text, _ in pages)
    labels = [label for label, _ in first.buttons()]
    assert not any("Все группы" in label or "исполнител" in label for label in labels)

    few = await tg.send(PROG2, "/tasks")
    assert "Стр." not in few.text
    assert [label for label, _ in few.buttons()] == [f"#{other.id} Someone else's"]


async def test_review_is_paged(tg: BotClient, session: AsyncSession, team: Team) -> None:
    waiting = [
        await make_task(session, team, title=f"Done job {n}", assignee=team.prog, status="review")
        for n in range(13)
    ]
    first = await tg.send(MANAGER, "/review")
    assert first.text.startswith("Ждут вашей проверки (13):")
    assert first.text.endswith("Стр. 1 из 2")
    accepts = [label for label, _ in first.buttons() if "Принять" in label]
    assert len(accepts) == 10
    second = await tg.click(MANAGER, first.button("▶"))
    text = edited(second)
    assert text.endswith("Стр. 2 из 2")
    later = [label for label, _ in second.buttons() if "Принять" in label]
    reached = {int(label.split("#")[1]) for label in accepts + later}
    assert reached == {t.id for t in waiting}
    assert [label for label, _ in second.buttons() if label in ("◀", "▶")] == ["◀"]
    refused(await tg.click(PROG, ReviewCb(page=1).pack()), "Очередь проверки доступна")
    other = await tg.click(MANAGER2, ReviewCb(page=1).pack())
    assert edited(other) == "Нет задач, которые ждут вашей проверки."


# the update's record, the person, their groups; then the groups listed, the open tasks, names
LIST_STATEMENTS = 6


async def test_a_page_costs_the_same_few_statements_whatever_the_list(
    tg: BotClient, session: AsyncSession, team: Team, world: World, engine: AsyncEngine
) -> None:
    await tg.send(MANAGER, "/tasks")  # the first update of a process loads the calendar
    with counting(engine) as sql:
        first = await tg.send(MANAGER, "/tasks")
    assert sql.count == LIST_STATEMENTS
    with counting(engine) as sql:
        last = await tg.click(MANAGER, ListCb(page=2).pack())
    assert sql.count == LIST_STATEMENTS and edited(last).endswith("Стр. 3 из 3")
    for n in range(20):
        await make_task(session, team, title=f"More {n}", assignee=team.prog2)
    with counting(engine) as sql:
        more = await tg.click(MANAGER, exact(first, "▶"))
    assert sql.count == LIST_STATEMENTS and edited(more).endswith("Стр. 2 из 5")


def test_list_buttons_are_the_buttons_the_model_validates() -> None:
    title = "A title longer than a button shows it, " * 2
    task = OpenTask(7, title, "new", "low", 1, 2, 60, 0, None)
    markup = own_keyboard([task, task], Page(number=1, count=3, start=10))

    def button(text: str, data: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=text, callback_data=data)

    opened = button(f"#7 {short_title(task)}", TaskCb(action="open", id=7).pack())
    pages = [button("◀", ListCb(page=0).pack()), button("▶", ListCb(page=2).pack())]
    expected = InlineKeyboardMarkup(inline_keyboard=[[opened], [opened], pages])
    assert markup == expected
    assert markup.model_dump_json() == expected.model_dump_json()
    first, second = markup.inline_keyboard[0][0], markup.inline_keyboard[1][0]
    assert first is not second  # each reply's buttons are its own
