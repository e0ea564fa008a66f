"""/tabel YYYY-MM [GROUP] xlsx: the T-13 timesheet, read back with openpyxl."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, GroupMember, TimeEntry
from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, absence, at, person, schedule
from tests.tg import BotClient

# Rows of the first person: codes 1–15, hours 1–15, codes 16–31, hours 16–31.
ROW = 7
D = 4  # column of day 1 (and of day 16)


def cell(sheet: Worksheet, row: int, column: int) -> object:
    return sheet.cell(row=row, column=column).value


async def test_timesheet_of_march(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await schedule(session, emp)
    other = await person(session, 3)
    await schedule(session, other)
    await absence(session, emp, date(2026, 3, 16), date(2026, 3, 20), "vacation")
    await absence(session, emp, date(2026, 3, 23), date(2026, 3, 23), "sick")
    for day, minutes in ((2, 8 * H), (3, 450), (7, 2 * H), (31, 8 * H)):
        session.add(
            TimeEntry(employee_id=emp.id, day=date(2026, 3, day), minutes=minutes, created_by=2)
        )
    group = DevGroup(name="backend")
    session.add(group)
    await session.flush()
    session.add(GroupMember(group_id=group.id, employee_id=emp.id))
    await session.commit()
    at(date(2026, 4, 2))

    reply = await client.send(ADMIN_TG, "/tabel 2026-03 xlsx")
    [(name, data)] = reply.documents()
    assert name == "tabel-2026-03.xlsx"
    assert reply.text == "Табель за март 2026: сотрудников — 2"
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    assert cell(sheet, 1, 1) == "ТАБЕЛЬ УЧЁТА РАБОЧЕГО ВРЕМЕНИ (форма Т-13)"
    assert [cell(sheet, 5, D + i) for i in (0, 14, 15)] == [1, 15, "X"]
    assert [cell(sheet, 6, D + i) for i in (0, 15)] == [16, 31]
    assert (cell(sheet, ROW, 1), cell(sheet, ROW, 2), cell(sheet, ROW, 3)) == (1, "User2", "e2")
    codes = [cell(sheet, ROW, D + i) for i in range(15)]
    # 1 Sun, 2 Mon worked 8 h, 3 worked 7.5 h, 4–6 no hours, 7 Sat with 2 h, 8 Sun, 9 holiday
    assert codes[:9] == ["В", "Я", "Я", "НН", "НН", "НН", "Я", "В", "В"]
    assert [cell(sheet, ROW + 1, D + i) for i in (1, 2, 6)] == [8, 7.5, 2]
    second = [cell(sheet, ROW + 2, D + i) for i in range(16)]
    assert second[:8] == ["ОТ", "ОТ", "ОТ", "ОТ", "ОТ", "В", "В", "Б"]
    assert second[15] == "Я" and cell(sheet, ROW + 3, D + 15) == 8
    assert cell(sheet, ROW, D + 15) == "X"
    # half-month totals (days, hours) and the month's
    assert (cell(sheet, ROW, 20), cell(sheet, ROW, 21)) == (3, 17.5)
    assert (cell(sheet, ROW + 2, 20), cell(sheet, ROW + 2, 21)) == (1, 8)
    assert (cell(sheet, ROW, 22), cell(sheet, ROW, 23)) == (4, 25.5)
    assert cell(sheet, ROW + 4, 3) == "e3"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth) == ("landscape", 9, 1)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True

    only = await client.send(ADMIN_TG, "/tabel backend 2026-03")
    [(name, data)] = only.documents()
    assert name == "tabel-2026-03-backend.xlsx"
    sheet = load_workbook(io.BytesIO(data)).active
    assert cell(sheet, ROW, 3) == "e2" and cell(sheet, ROW + 4, 3) is None


async def test_bad_tabel_requests(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    at(date(2026, 4, 2))
    assert "Формат: /tabel" in (await client.send(ADMIN_TG, "/tabel")).text
    assert "не месяц" in (await client.send(ADMIN_TG, "/tabel 2026-13 xlsx")).text
    assert "ещё не наступил" in (await client.send(ADMIN_TG, "/tabel 2026-05 xlsx")).text
    assert "не найдена" in (await client.send(ADMIN_TG, "/tabel 2026-03 nogroup")).text
    await person(session, 5)
    assert "недоступна" in (await client.send(5, "/tabel 2026-03 xlsx")).text
