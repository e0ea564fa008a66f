"""/payroll … csv and xlsx: exact CSV, a spreadsheet that loads back with its totals, pages."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, at, pay, person, schedule, worked
from tests.pay.test_payroll_amounts import march_team
from tests.tg import BotClient

CSV_ROWS = [
    "employee,full_name,telegram_id,pay_type,worked_h,norm_h,overtime_h,amount,currency,"
    "bonus,deduction,total,vacation_days,sick_days",
    "e2,User2,2,fixed_by_hours,170.33,160.00,10.33,109687.50,RUB,0.00,0.00,109687.50,0,0",
    "e3,User3,3,fixed_by_hours,100.00,128.00,0.00,100000.00,RUB,0.00,0.00,100000.00,5,0",
    "e4,User4,4,hourly,170.00,168.00,2.00,258000.00,RUB,0.00,0.00,258000.00,0,0",
    "e5,User5,5,hourly,10.50,,0.00,12962.88,RUB,0.00,0.00,12962.88,0,0",
    "e6,User6,6,salary,0.00,,0.00,95000.50,RUB,0.00,0.00,95000.50,0,0",
    "e7,User7,7,fixed_by_hours,5.00,,0.00,,RUB,0.00,0.00,,0,0",
    "e9,User9,9,salary,1.00,,0.00,50000.00,RUB,0.00,0.00,50000.00,0,0",
]


async def test_csv_is_exact(client: BotClient, session: AsyncSession) -> None:
    await march_team(session)
    at(date(2026, 4, 2))
    reply = await client.send(ADMIN_TG, "/payroll 2026-03 csv")
    [(name, data)] = reply.documents()
    assert name == "payroll-2026-03.csv"
    assert data == ("\ufeff" + "\r\n".join(CSV_ROWS) + "\r\n").encode()
    assert reply.text == "Оплата за март 2026 — сотрудников: 7, без нормы: 1, итого: 625 650,88 ₽"


async def test_csv_of_one_person(client: BotClient, session: AsyncSession) -> None:
    await march_team(session)
    at(date(2026, 4, 2))
    reply = await client.send(ADMIN_TG, "/payroll csv e4 2026-03")
    [(name, data)] = reply.documents()
    assert name == "payroll-2026-03-e4.csv"
    assert data.decode("utf-8-sig").splitlines() == [CSV_ROWS[0], CSV_ROWS[3]]


async def test_xlsx_loads_back_with_totals(client: BotClient, session: AsyncSession) -> None:
    await march_team(session)
    at(date(2026, 4, 2))
    reply = await client.send(ADMIN_TG, "/payroll 2026-03 xlsx")
    [(name, data)] = reply.documents()
    assert name == "payroll-2026-03.xlsx"
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "Оплата 2026-03"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Сотрудник",
        "Имя",
        "Telegram ID",
        "Тип оплаты",
        "Отработано, ч",
        "Норма, ч",
        "Сверх нормы, ч",
        "Сумма",
        "Валюта",
        "Премия",
        "Удержание",
        "Итого",
        "Отпуск, дн.",
        "Больничный, дн.",
    )
    assert rows[1] == (
        "e2",
        "User2",
        2,
        "фикс. за часы",
        170.33,
        160,
        10.33,
        109687.5,
        "RUB",
        0,
        0,
        109687.5,
        0,
        0,
    )
    assert rows[2][3] == "фикс. за часы" and rows[2][12] == 5  # vacation days
    assert rows[5][3] == "оклад"
    assert rows[6] == ("e7", "User7", 7, "фикс. за часы", 5, None, 0, None, "RUB", 0, 0, None, 0, 0)
    assert [row[0] for row in rows[1:-1]] == ["e2", "e3", "e4", "e5", "e6", "e7", "e9"]
    total = rows[-1]
    assert total[0] == "Итого" and total[8] == "RUB"
    assert (total[4], total[6], total[7]) == ("=SUM(E2:E8)", "=SUM(G2:G8)", "=SUM(H2:H8)")
    assert total[11] == "=SUM(L2:L8)"
    amounts = sum(Decimal(str(row[7])) for row in rows[1:-1] if row[7] is not None)
    assert amounts == Decimal("625650.88")


async def test_xlsx_in_english(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin", language="en")
    emp = await person(session, 2)
    await pay(session, emp, "salary", "1000")
    reply = await client.send(ADMIN_TG, "/payroll xlsx")
    [(_, data)] = reply.documents()
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("Employee", "Name", "Telegram ID", "Pay type", "Worked, h")
    assert rows[-1][0] == "Total"
    assert reply.text == "Pay for March 2026 — employees: 1, without a norm: 0, total: RUB 1,000"


async def test_a_long_payroll_is_paged(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    for tg in range(2, 202):
        emp = await person(session, tg)
        await pay(session, emp, "hourly", "1000")
        await schedule(session, emp)
        await worked(session, emp, 1 * H)
    first = await client.send(ADMIN_TG, "/payroll")
    [text] = first.texts
    assert len(text) < 4096
    assert "Итого к оплате: 200 000 ₽" in text
    assert text.endswith("Стр. 1 из 3")
    assert [label for label, _ in first.buttons()] == ["▶"]
    shown = [line.split()[0] for line in text.splitlines() if line.startswith("e")]
    nxt = await client.click(ADMIN_TG, first.button("▶"))
    [edited] = nxt.texts
    assert len(edited) < 4096 and edited.endswith("Стр. 2 из 3")
    assert "Итого к оплате: 200 000 ₽" in edited
    assert [label for label, _ in nxt.buttons()] == ["◀", "▶"]
    last = await client.click(ADMIN_TG, nxt.button("▶"))
    pages = [text, edited, last.texts[0]]
    codes = [
        line.split()[0] for page in pages for line in page.splitlines() if line.startswith("e")
    ]
    assert shown == codes[: len(shown)]
    assert codes == [f"e{n}" for n in range(2, 202)]  # everyone once, in order


async def test_pages_are_for_admins_only(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    await person(session, 2)
    reply = await client.click(2, "prl:2026-03:1")
    assert reply.text == "Оплату всех сотрудников видит только администратор."
    assert reply.of("EditMessageText") == []
