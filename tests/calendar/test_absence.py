"""/absence through the real Dispatcher: recording, changing, removing, listing, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence
from tests.calendar.conftest import IVAN_TG, OLGA_TG, Staff, counts
from tests.conftest import ADMIN_TG
from tests.tg import BotClient


async def absences_of(session: AsyncSession, emp_id: int) -> list[tuple[str, date, date]]:
    session.expire_all()
    rows = await session.scalars(
        select(Absence).where(Absence.employee_id == emp_id).order_by(Absence.date_from)
    )
    return [(a.kind, a.date_from, a.date_to) for a in rows]


async def test_vacation_is_recorded_and_the_person_is_told(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    reply = await client.send(ADMIN_TG, "/absence @ivan vacation 16.03.2026 2026-03-27")
    assert reply.to(ADMIN_TG) == [
        "Записано: User100 (e2) — отпуск: 16.03.2026 – 27.03.2026, 12 дней."
    ]
    assert reply.to(IVAN_TG) == [
        "Для вас записано отсутствие: отпуск: 16.03.2026 – 27.03.2026, 12 дней. Ваш график: "
        "/schedule"
    ]
    assert await absences_of(session, staff.ivan.id) == [
        ("vacation", date(2026, 3, 16), date(2026, 3, 27))
    ]
    own = await client.send(IVAN_TG, "/schedule")
    assert "Отсутствия:\nотпуск: 16.03.2026 – 27.03.2026, 12 дней" in own.text


async def test_one_day_off_and_russian_kind_words(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/absence e3 отгул 2026-03-12")
    reply = await client.send(ADMIN_TG, "/absence e3 sick 2026-03-20 2026-03-20")
    assert reply.to(OLGA_TG) == [
        "An absence was recorded for you: sick leave: 20 Mar 2026 – 20 Mar 2026, 1 day. Your "
        "schedule: /schedule"
    ]
    assert await absences_of(session, staff.olga.id) == [
        ("dayoff", date(2026, 3, 12), date(2026, 3, 12)),
        ("sick", date(2026, 3, 20), date(2026, 3, 20)),
    ]


async def test_same_dates_change_the_kind_and_an_overlap_is_refused(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/absence @ivan vacation 2026-03-16 2026-03-20")
    changed = await client.send(ADMIN_TG, "/absence @ivan sick 2026-03-16 2026-03-20")
    assert changed.to(ADMIN_TG) == [
        "Изменено: User100 (e2) — больничный: 16.03.2026 – 20.03.2026, 5 дней."
    ]
    overlap = await client.send(ADMIN_TG, "/absence @ivan dayoff 2026-03-20 2026-03-23")
    assert overlap.text == (
        "У сотрудника User100 (e2) уже есть отсутствие 16.03.2026 – 20.03.2026 на эти дни. "
        "Сначала удалите его: /absence e2 remove 2026-03-16"
    )
    assert overlap.to(IVAN_TG) == []
    assert await absences_of(session, staff.ivan.id) == [
        ("sick", date(2026, 3, 16), date(2026, 3, 20))
    ]


async def test_a_mistaken_absence_is_removed_by_any_day_inside_it(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/absence @ivan vacation 2026-03-16 2026-03-20")
    await client.send(ADMIN_TG, "/absence @ivan dayoff 2026-04-01")
    listed = await client.send(ADMIN_TG, "/absence @ivan")
    assert listed.text == (
        "Отсутствия (текущие и будущие): User100 (e2)\n"
        "отпуск: 16.03.2026 – 20.03.2026, 5 дней\n"
        "отгул: 01.04.2026 – 01.04.2026, 1 день\n"
        "Удалить ошибочное: /absence e2 remove ДАТА (любой день внутри)."
    )
    removed = await client.send(ADMIN_TG, "/absence @ivan remove 18.03.2026")
    assert removed.to(ADMIN_TG) == [
        "Удалено отсутствие: User100 (e2) — отпуск: 16.03.2026 – 20.03.2026, 5 дней."
    ]
    assert removed.to(IVAN_TG) == [
        "Ваше отсутствие удалено: отпуск: 16.03.2026 – 20.03.2026, 5 дней. Ваш график: /schedule"
    ]
    assert await absences_of(session, staff.ivan.id) == [
        ("dayoff", date(2026, 4, 1), date(2026, 4, 1))
    ]
    nothing = await client.send(ADMIN_TG, "/absence @ivan remove 2026-03-18")
    assert nothing.text == (
        "У сотрудника User100 (e2) нет отсутствия на 18.03.2026. Все отсутствия: /absence e2"
    )


async def test_programmer_cannot_record_absences(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    reply = await client.send(IVAN_TG, "/absence @ivan vacation 2026-03-16")
    assert "/absence вам недоступна" in reply.text
    assert await counts(session) == (0, 0, 0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", "Формат: /absence СОТРУДНИК"),
        ("@ivan vacation", "Формат: /absence СОТРУДНИК"),
        ("@ivan vacation 2026-03-16 2026-03-20 2026-03-21", "Формат: /absence СОТРУДНИК"),
        ("@ivan remove 2026-03-16 2026-03-20", "Формат: /absence СОТРУДНИК"),
        ("@ivan holiday 2026-03-16", "Нет вида отсутствия «holiday»"),
        ("@ivan vacation 2026-03-20 2026-03-16", "раньше начала"),
        ("@ivan vacation 2026-01-01 2027-01-02", "не больше 366 дней, а здесь 367"),
        ("@ivan vacation 16/03/2026", "«16/03/2026» — не дата"),
        ("@ivan vacation 2026-03-32", "«2026-03-32» — не дата"),
        ("@ivan vacation tomorrow", "«tomorrow» — не дата"),
        ("@ivan vacation 1990-03-16", "Дата 16.03.1990 слишком далеко"),
        ("@nobody vacation 2026-03-16", "Сотрудник «@nobody» не найден"),
        ("@guest vacation 2026-03-16", "внешний представитель или доступ отключён"),
        ("@ivan vacation " + "1" * 4000, "— не дата"),
        ("@ivan " + "v" * 4000 + " 2026-03-16", "Нет вида отсутствия"),
    ],
)
async def test_bad_input_changes_nothing_and_shows_an_example(
    client: BotClient, session: AsyncSession, staff: Staff, args: str, expected: str
) -> None:
    reply = await client.send(ADMIN_TG, f"/absence {args}")
    assert expected in reply.text, reply.text
    assert "например" in reply.text.lower() or "/team" in reply.text
    assert len(reply.text) < 400
    assert await counts(session) == (0, 0, 0)
    assert reply.to(IVAN_TG) == []


async def test_order_error_names_both_dates(client: BotClient, staff: Staff) -> None:
    reply = await client.send(ADMIN_TG, "/absence @ivan vacation 2026-03-20 2026-03-16")
    assert reply.text.startswith("Конец 16.03.2026 раньше начала 20.03.2026.")


async def test_bad_input_in_english(client: BotClient, session: AsyncSession, staff: Staff) -> None:
    await client.send(ADMIN_TG, "/lang en")
    reply = await client.send(ADMIN_TG, "/absence @ivan leave 2026-03-16")
    assert reply.text == (
        "There is no absence kind «leave». Kinds: vacation, sick, dayoff; to take one back: "
        "remove. For example: /absence @ivan sick 12.03"
    )
    order = await client.send(ADMIN_TG, "/absence @ivan sick 2026-03-16 2026-03-15")
    assert order.text.startswith("The end 15 Mar 2026 is before the start 16 Mar 2026.")
    assert await counts(session) == (0, 0, 0)
