"""/plan through the real Dispatcher on the worked example of tests/plan/conftest.py.

By hand (today Wed 11 March; Mon 9 March a public holiday; Ivan off on Wed 4 March):
#1 Ivan, 40 h, 2..13 March: window 8 working days = 64 h; by the start of today 40 h of it
   passed, so planned = 40 × 40/64 = 25 h; logged 10 h; lag 15 h = 1.875 → 1.9 days of 8 h.
   30 h remain: 11, 12, 13 and 16 March → finished on the 16th, 1 working day late.
#2 Ivan, 8 h, 11..20 March: planned 0; after #1 it takes 8 of the 17th's hours: on time.
#3 Olga (6 h a day), 12 h, 2..6 March, 5 h logged: planned 12, lag 7 h = 1.2 days; 7 h remain:
   11 and 12 March, 3 working days after the deadline (10, 11, 12; the 9th is the holiday).
Overload: Ivan 30 h due by the 13th against 24 h from today = 6 h; Olga 7 h already overdue.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendMessage
from sqlalchemy.ext.asyncio import AsyncSession

import handlers.plan
from tests import factories
from tests.conftest import ADMIN_TG
from tests.plan.conftest import MANAGER_TG, World, d
from tests.tg import BotClient

PNG = b"\x89PNG\r\n\x1a\n"

BACKEND_RU = (
    "План на 11.03.2026: группа backend\n"
    "\n"
    "Люди (открытые задачи, отставание, перегрузка):\n"
    "• User100 (e3): задач 2, отставание 15 ч, перегрузка 6 ч\n"
    "• User101 (e4): задач 2, отставание 7 ч, перегрузка 7 ч\n"
    "• User102 (e5): задач 1, отставание 0 ч, перегрузка неизвестна (нет графика), без графика: 1\n"
    "\n"
    "Задачи, сначала худшие:\n"
    "#3 Reports — User101 (e4)\n"
    "   план 12 ч, сделано 5 ч, отставание 7 ч, это 1,2 дня; срок 06.03.2026, прогноз "
    "12.03.2026, опоздание на 3 рабочих дня\n"
    "#1 Login form — User100 (e3)\n"
    "   план 25 ч, сделано 10 ч, отставание 15 ч, это 1,9 дня; срок 13.03.2026, прогноз "
    "16.03.2026, опоздание на 1 рабочий день\n"
    "#2 API docs — User100 (e3)\n"
    "   план 0 ч, сделано 0 ч, отставание 0 ч, это 0 дней; срок 20.03.2026, прогноз 17.03.2026, "
    "в срок\n"
    "#4 Cache — User102 (e5)\n"
    "   без графика: на сроки задачи у исполнителя нет рабочего графика, план не считается "
    "(/schedule)\n"
    "#5 Research — User101 (e4)\n"
    "   не отслеживается (нет оценки или срока), сделано 0 ч\n"
    "#6 Backlog item — без исполнителя\n"
    "   исполнитель не назначен: /assign"
)

CSV_ROWS = [
    "task,title,group,assignee,status,estimate_h,logged_h,planned_h,lag_h,lag_days,deadline,"
    "forecast_finish,late_days",
    "3,Reports,backend,e4,in_progress,12.00,5.00,12.00,7.00,1.2,2026-03-06,2026-03-12,3",
    "1,Login form,backend,e3,in_progress,40.00,10.00,25.00,15.00,1.9,2026-03-13,2026-03-16,1",
    "2,API docs,backend,e3,new,8.00,0.00,0.00,0.00,0.0,2026-03-20,2026-03-17,0",
    "4,Cache,backend,e5,new,10.00,0.00,,,,2026-03-20,,",
    "5,Research,backend,e4,new,,0.00,,,,,,",
    "6,Backlog item,backend,,new,4.00,0.00,,,,2026-03-31,,",
]


async def test_manager_sees_the_engines_numbers_and_a_chart(
    client: BotClient, world: World
) -> None:
    reply = await client.send(MANAGER_TG, "/plan backend")
    assert reply.texts == [BACKEND_RU]
    assert reply.buttons() == []  # one page
    [(name, png)] = reply.documents()
    assert name == "plan-backend-2026-03-11.png"
    assert png.startswith(PNG) and len(png) > 5000
    # the default scope of a manager is the groups they lead: the same tasks
    default = await client.send(MANAGER_TG, "/plan")
    assert default.texts == [BACKEND_RU.replace("группа backend", "ваши группы")]


async def test_csv_has_the_specs_columns_and_exact_rows(client: BotClient, world: World) -> None:
    reply = await client.send(MANAGER_TG, "/plan backend csv")
    [(name, data)] = reply.documents()
    assert name == "plan-backend-2026-03-11.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").split("\r\n") == [*CSV_ROWS, ""]
    assert reply.text == "План на 11.03.2026: группа backend: задач 6"
    assert list(csv.reader(io.StringIO(data[3:].decode()))) == [row.split(",") for row in CSV_ROWS]


async def test_english(client: BotClient, world: World) -> None:
    await client.send(MANAGER_TG, "/lang en")
    reply = await client.send(MANAGER_TG, "/plan backend")
    lines = reply.texts[0].split("\n")
    assert lines[0] == "Plan on 11 Mar 2026: group backend"
    assert "• User100 (e3): open tasks: 2, lag 15 h, overload 6 h" in lines
    assert (
        "• User102 (e5): open tasks: 1, lag 0 h, overload unknown (no schedule), no schedule: 1"
        in lines
    )
    assert (
        "   planned 25 h, logged 10 h, lag 15 h, that is 1.9 days; deadline 13 Mar 2026, "
        "forecast 16 Mar 2026, 1 working day late" in lines
    )
    assert (
        "   planned 0 h, logged 0 h, lag 0 h, that is 0 days; deadline 20 Mar 2026, "
        "forecast 17 Mar 2026, on time" in lines
    )
    assert reply.documents()[0][1].startswith(PNG)


async def test_a_person_scope_shows_only_their_tasks_in_the_managers_groups(
    client: BotClient, world: World
) -> None:
    reply = await client.send(MANAGER_TG, "/plan @ivan")
    text = reply.texts[0]
    assert text.startswith("План на 11.03.2026: User100 (e3)\n")
    assert "#1 Login form" in text and "#2 API docs" in text
    assert "#8" not in text and "#3" not in text  # the frontend task is not this manager's
    csv_reply = await client.send(MANAGER_TG, "/plan e3 csv")
    assert csv_reply.documents()[0][0] == "plan-e3-2026-03-11.csv"
    # the admin sees Ivan's frontend task as well
    admin = await client.send(ADMIN_TG, "/plan @ivan")
    assert "#8 Landing page — User100 (e3)" in admin.texts[0]


async def test_another_groups_task_with_an_earlier_deadline_delays_the_forecast(
    client: BotClient, session: AsyncSession, world: World
) -> None:
    """Ivan's hours go to the frontend task due first, so backend's #1 finishes later."""
    world.tasks[8].deadline = d(12)
    await session.commit()
    # #8: 16 h due on the 12th comes first; #1's 30 h then end on Wed 18 March: 3 days late
    reply = await client.send(MANAGER_TG, "/plan backend")
    assert "срок 13.03.2026, прогноз 18.03.2026, опоздание на 3 рабочих дня" in reply.texts[0]
    # ...and Ivan's overload counts the frontend hours: 16 + 30 − 24 = 22 h by the 13th
    assert "• User100 (e3): задач 2, отставание 15 ч, перегрузка 22 ч" in reply.texts[0]


async def test_a_removed_holiday_and_a_logged_entry_change_the_numbers(
    client: BotClient, world: World
) -> None:
    """9 March made a working day: window 72 h, 48 h passed, planned 26.67 h, lag 16.67 h
    = 2.08 → 2.1 days; 30 h remain from the 11th, done by Mon 16th (1 day late)."""
    await client.send(ADMIN_TG, "/holiday remove 2026-03-09")
    reply = await client.send(MANAGER_TG, "/plan backend csv")
    rows = reply.documents()[0][1][3:].decode().split("\r\n")
    assert (
        "1,Login form,backend,e3,in_progress,40.00,10.00,26.67,16.67,2.1,2026-03-13,2026-03-16,1"
        in rows
    )
    # Olga: the window 2..6 March is untouched; her 7 h are now 4 working days late (9..12)
    assert (
        "3,Reports,backend,e4,in_progress,12.00,5.00,12.00,7.00,1.2,2026-03-06,2026-03-12,4" in rows
    )


async def test_nothing_to_show(client: BotClient, session: AsyncSession, world: World) -> None:
    lonely = await factories.employee(session, 30, "manager", "lonely")
    no_groups = await client.send(30, "/plan", username="lonely")
    assert no_groups.text == (
        "Вы не руководите ни одной группой разработки — показывать нечего. Группы: /groups"
    )
    await factories.group(session, "empty", lonely, [])
    empty = await client.send(30, "/plan empty")
    assert empty.texts == ["План на 11.03.2026: группа empty\nОткрытых задач нет."]
    assert empty.documents() == []
    empty_csv = await client.send(30, "/plan csv")
    assert empty_csv.texts == ["План на 11.03.2026: ваши группы\nОткрытых задач нет."]
    assert empty_csv.documents() == []


async def test_a_dollar_in_a_telegram_name_does_not_break_the_chart(
    client: BotClient, session: AsyncSession, world: World
) -> None:
    # Telegram names are free text; matplotlib would read "$...$" as mathematics and fail.
    world.ivan.full_name = "Ivan $\\frac{1}$ $x"
    await session.commit()
    reply = await client.send(MANAGER_TG, "/plan backend")
    assert "Ivan $\\frac{1}$ $x" in reply.texts[0]
    [(name, png)] = reply.documents()
    assert name.endswith(".png") and png.startswith(PNG)


async def test_the_text_goes_out_before_the_chart_is_drawn(
    client: BotClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Replies leave after the transaction; the chart is drawn only once the text has been
    # handed to Telegram, so the person does not wait for the chart to read the plan.
    sent_before_drawing: list[list[str]] = []
    draw = handlers.plan.plan_chart_png
    before = len(client.session.requests)

    def drawing(*args: Any, **kwargs: Any) -> bytes:
        sent_before_drawing.append([type(r).__name__ for r in client.session.requests[before:]])
        return draw(*args, **kwargs)

    monkeypatch.setattr(handlers.plan, "plan_chart_png", drawing)
    reply = await client.send(MANAGER_TG, "/plan backend")
    assert sent_before_drawing == [["SendMessage"]]
    assert [type(r).__name__ for r in reply.requests] == ["SendMessage", "SendPhoto"]
    assert reply.texts == [BACKEND_RU]


async def test_no_chart_when_the_text_is_refused(
    client: BotClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[object] = []

    def drawing(*args: object, **kwargs: object) -> bytes:
        drawn.append(args)
        return b""

    monkeypatch.setattr(handlers.plan, "plan_chart_png", drawing)
    client.session.fail_next(
        "SendMessage", TelegramBadRequest(method=SendMessage(chat_id=0, text="x"), message="bad")
    )
    reply = await client.send(MANAGER_TG, "/plan backend")
    assert drawn == []
    assert reply.of("SendPhoto") == []
