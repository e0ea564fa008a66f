"""/schedule through the real Dispatcher: setting (admin), history, viewing, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Schedule
from tests.calendar.conftest import IVAN_TG, OLGA_TG, Staff, counts
from tests.conftest import ADMIN_TG
from tests.tg import BotClient


async def schedules_of(session: AsyncSession, emp_id: int) -> list[tuple[date, tuple[int, ...]]]:
    session.expire_all()
    rows = await session.scalars(
        select(Schedule).where(Schedule.employee_id == emp_id).order_by(Schedule.effective_from)
    )
    return [(row.effective_from, row.week) for row in rows]


async def test_admin_sets_a_schedule_from_today_and_the_person_is_told(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    reply = await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 7,5 0.25 0")
    assert reply.to(ADMIN_TG) == [
        "График сотрудника User100 (e2) с 11.03.2026: Пн 8 · Вт 8 · Ср 8 · Чт 8 · Пт 7,5 · Сб "
        "0,25 · Вс 0 — 39,75 ч в неделю."
    ]
    assert reply.to(IVAN_TG) == [
        "Ваш рабочий график с 11.03.2026: Пн 8 · Вт 8 · Ср 8 · Чт 8 · Пт 7,5 · Сб 0,25 · Вс 0 — "
        "39,75 ч в неделю. Посмотреть: /schedule"
    ]
    assert await schedules_of(session, staff.ivan.id) == [
        (date(2026, 3, 11), (480, 480, 480, 480, 450, 15, 0))
    ]


async def test_history_is_kept_and_the_same_start_is_replaced(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/schedule e2 8 8 8 8 8 0 0 from 2026-03-01")
    await client.send(ADMIN_TG, "/schedule e2 6 6 6 6 6 0 0 from 01.04.2026")
    replaced = await client.send(ADMIN_TG, "/schedule e2 4 4 4 4 4 0 0 с 2026-04-01")
    assert "с 01.04.2026 заменён" in replaced.to(ADMIN_TG)[0]
    assert await schedules_of(session, staff.ivan.id) == [
        (date(2026, 3, 1), (480,) * 5 + (0, 0)),
        (date(2026, 4, 1), (240,) * 5 + (0, 0)),
    ]
    # the person sees the schedule in force and the coming one
    own = await client.send(IVAN_TG, "/schedule")
    assert "с 01.03.2026: Пн 8 ·" in own.text
    assert "Следующие графики:\nс 01.04.2026: Пн 4 ·" in own.text


async def test_own_schedule_shows_the_week_with_holiday_and_absence(
    client: BotClient, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01")
    await client.send(ADMIN_TG, "/absence @ivan sick 2026-03-12 2026-03-13")
    reply = await client.send(IVAN_TG, "/schedule")
    assert reply.text == (
        "Рабочий график: User100 (e2)\n"
        "с 01.03.2026: Пн 8 · Вт 8 · Ср 8 · Чт 8 · Пт 8 · Сб 0 · Вс 0 — 40 ч в неделю\n"
        "\n"
        "Отсутствия:\n"
        "больничный: 12.03.2026 – 13.03.2026, 2 дня\n"
        "\n"
        "Эта неделя (09.03.2026 – 15.03.2026): 16 ч\n"
        "Пн 09.03: 0 ч (праздник)\n"
        "Вт 10.03: 8 ч\n"
        "Ср 11.03: 8 ч\n"
        "Чт 12.03: 0 ч (больничный)\n"
        "Пт 13.03: 0 ч (больничный)\n"
        "Сб 14.03: 0 ч\n"
        "Вс 15.03: 0 ч"
    )


async def test_without_schedule_the_person_is_told_what_is_missing(
    client: BotClient, staff: Staff
) -> None:
    reply = await client.send(OLGA_TG, "/schedule", lang="en")
    assert "No schedule set" in reply.text
    assert "Mon 9 Mar: no schedule (holiday)" in reply.text
    assert "This week (9 Mar 2026 – 15 Mar 2026): 0 h" in reply.text


async def test_admin_views_someone_elses_schedule(client: BotClient, staff: Staff) -> None:
    await client.send(ADMIN_TG, "/schedule @olga 6 6 6 6 6 0 0 from 2026-03-02")
    reply = await client.send(ADMIN_TG, "/schedule @olga")
    assert reply.text.startswith("Рабочий график: User101 (e3)\nс 02.03.2026: Пн 6 ·")


async def test_notification_uses_the_persons_language(client: BotClient, staff: Staff) -> None:
    reply = await client.send(ADMIN_TG, "/schedule @olga 6 6 6 6 6 0 0")
    assert reply.to(OLGA_TG) == [
        "Your working schedule from 11 Mar 2026: Mon 6 · Tue 6 · Wed 6 · Thu 6 · Fri 6 · Sat 0 · "
        "Sun 0 — 30 h a week. See it: /schedule"
    ]


async def test_non_admin_with_arguments_is_refused(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    reply = await client.send(IVAN_TG, "/schedule @ivan 12 12 12 12 12 12 12")
    assert reply.text == "Графики задаёт администратор. Ваш график: /schedule"
    assert await counts(session) == (0, 0, 0)
    other = await client.send(IVAN_TG, "/schedule @olga")
    assert other.text == reply.text


async def test_external_has_no_schedule_command_and_cannot_get_one(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    refused = await client.send(300, "/schedule")
    assert "/schedule вам недоступна" in refused.text
    reply = await client.send(ADMIN_TG, "/schedule @guest 8 8 8 8 8 0 0")
    assert "внешний представитель или доступ отключён" in reply.text
    assert await counts(session) == (0, 0, 0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("@ivan 8 8 8 8 8 0", "Формат: /schedule СОТРУДНИК"),
        ("@ivan 8 8 8 8 8 0 0 0", "«0» — не дата"),
        ("@ivan 8 8 8 8 8 0 0 from", "Формат: /schedule СОТРУДНИК"),
        ("@ivan 8 8 8 8 8 0 0 from 2026-04-01 extra", "Формат: /schedule СОТРУДНИК"),
        ("@ivan 8 8 8 8 25 0 0", "«25» — не число часов"),
        ("@ivan 8 8 8 8 24.5 0 0", "«24.5» — не число часов"),
        ("@ivan 8 8 -1 8 8 0 0", "«-1» — не число часов"),
        ("@ivan 8 8 eight 8 8 0 0", "«eight» — не число часов"),
        ("@ivan 8 8 8h 8 8 0 0", "«8h» — не число часов"),
        ("@ivan 8 8 8 8 8 0 " + "9" * 4000, "не число часов"),
        ("@ivan 8 8 8 8 8 0 0 from 2026-02-30", "«2026-02-30» — не дата"),
        ("@ivan 8 8 8 8 8 0 0 from 2062-03-01", "Дата 01.03.2062 слишком далеко"),
        ("@nobody 8 8 8 8 8 0 0", "Сотрудник «@nobody» не найден"),
        ("x" * 4000 + " 8 8 8 8 8 0 0", "Не понял, о ком речь"),
    ],
)
async def test_bad_input_changes_nothing_and_shows_an_example(
    client: BotClient, session: AsyncSession, staff: Staff, args: str, expected: str
) -> None:
    reply = await client.send(ADMIN_TG, f"/schedule {args}")
    assert expected in reply.text, reply.text
    assert "например" in reply.text.lower() or "/team" in reply.text
    assert len(reply.text) < 400
    assert await counts(session) == (0, 0, 0)
    assert reply.to(IVAN_TG) == []


async def test_bad_input_in_english(client: BotClient, session: AsyncSession, staff: Staff) -> None:
    await client.send(ADMIN_TG, "/lang en")
    reply = await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8")
    assert reply.text.startswith("Format: /schedule PERSON H H H H H H H [from YYYY-MM-DD]")
    assert "for example: /schedule @ivan 8 8 8 8 7.5 0 0 from 2026-04-01" in reply.text
    hours = await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 30 0 0")
    assert hours.text.startswith("«30» is not a number of hours")
    assert await counts(session) == (0, 0, 0)
