"""/pay: setting pay terms from a month, history, notifications and every kind of bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import MonthLock, PaySetting
from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, at, pay_rows, person, worked
from tests.tg import BotClient

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)


async def test_set_pay_tells_admin_and_employee(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2, language="en")
    reply = await client.send(ADMIN_TG, "/pay e2 fixed_by_hours 100000 160 1,5")
    assert reply.to(ADMIN_TG) == [
        "User2 (e2): с 2026-03 — фикс. 100 000 ₽ за 160 ч в месяц, сверх нормы ×1,5."
    ]
    # the employee is told in their own language
    assert reply.to(2) == [
        "Your pay terms from 2026-03: fixed RUB\u00a0100,000 for 160 h a month, overtime ×1.5. "
        "Your pay for the month: /payroll"
    ]
    setting = await session.scalar(select(PaySetting))
    assert setting is not None
    assert (setting.employee_id, setting.effective_month, setting.pay_type) == (
        emp.id,
        MARCH,
        "fixed_by_hours",
    )
    assert (setting.amount, setting.norm_hours, setting.k) == (
        Decimal("100000.00"),
        Decimal("160.00"),
        Decimal("1.500"),
    )
    assert setting.created_by == 1


async def test_history_is_kept_and_a_month_is_replaced(
    client: BotClient, session: AsyncSession
) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await client.send(ADMIN_TG, "/pay e2 hourly 1000 from 2026-03")
    await client.send(ADMIN_TG, "/pay e2 hourly 2000 from 2026-04")
    replaced = await client.send(ADMIN_TG, "/pay @user2 HOURLY 2500 from 2026-04")
    assert replaced.to(ADMIN_TG) == [
        "User2 (e2): условия с 2026-04 заменены — почасовая 2 500 ₽/ч."
    ]
    assert await pay_rows(session) == [
        (emp.id, MARCH, "hourly", Decimal("1000.00")),
        (emp.id, APRIL, "hourly", Decimal("2500.00")),
    ]
    # a change inside the history says until when it holds
    between = await client.send(ADMIN_TG, "/pay e2 salary 90000 from 2026-02")
    assert "Действуют до 2026-03: с 2026-03 — заданные позже условия." in between.text

    history = await client.send(ADMIN_TG, "/pay e2")
    assert history.text == (
        "User2 (e2) — условия оплаты:\n"
        "с 2026-02: оклад 90\u00a0000\u00a0₽ в месяц\n"
        "с 2026-03: почасовая 1\u00a0000\u00a0₽/ч ← сейчас\n"
        "с 2026-04: почасовая 2\u00a0500\u00a0₽/ч\n"
        "Изменить: /pay e2 hourly 2500 from 2026-04"
    )
    # March keeps its rate after the April change
    await worked(session, emp, 10 * H)
    await worked(session, emp, 10 * H, month=APRIL)
    at(date(2026, 5, 4))
    march = await client.send(2, "/payroll 2026-03")
    assert "К оплате: 10\u00a0000\u00a0₽" in march.text
    april = await client.send(2, "/payroll 2026-04")
    assert "К оплате: 25\u00a0000\u00a0₽" in april.text


async def test_history_of_someone_without_terms(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin", language="en")
    await person(session, 2)
    reply = await client.send(ADMIN_TG, "/pay e2")
    assert reply.text.startswith("No pay terms: User2 (e2). Set them: /pay e2 fixed_by_hours")


BAD_PAY = [
    ("/pay", "Формат: /pay СОТРУДНИК"),
    ("/pay e2 weekly 100", "Нет такого типа оплаты: «weekly»"),
    ("/pay e2 hourly", "Не хватает чисел"),
    ("/pay e2 fixed_by_hours 100000", "Не хватает чисел"),
    ("/pay e2 salary 100 200", "Лишний аргумент «200»"),
    ("/pay e2 hourly 1e5", "«1e5» — не число"),
    ("/pay e2 hourly -5", "«-5» — не число"),
    ("/pay e2 hourly 1500.555", "«1500.555» — не число"),
    ("/pay e2 hourly 1500 0.5", "Число «0.5» вне допустимого"),
    ("/pay e2 hourly 0", "Число «0» вне допустимого"),
    ("/pay e2 fixed_by_hours 100000 745", "Число «745» вне допустимого"),
    ("/pay e2 hourly 1500 11", "Число «11» вне допустимого"),
    ("/pay e99 hourly 1500", "Сотрудник «e99» не найден"),
    ("/pay @nobody hourly 1500", "Сотрудник «@nobody» не найден"),
    ("/pay " + "x" * 4000, "Не понял, о ком речь"),
    ("/pay e2 hourly " + "9" * 4000, "— не число"),
    ("/pay e2 " + "y" * 4000, "Нет такого типа оплаты"),
    ("/pay e2 hourly 1500 from 2026-13", "Не понял месяц «2026-13»"),
    ("/pay e2 hourly 1500 from 2026-3", "Не понял месяц «2026-3»"),
    ("/pay e2 hourly 1500 from 202603", "Не понял месяц «202603»"),
    ("/pay e2 hourly 1500 from " + "1" * 4000, "Не понял месяц"),
    ("/pay e2 hourly 1500 from", "После «с» (from) нужен месяц"),
    ("/pay e2 hourly 1500 from 2027-04", "Месяц 2027-04 не подходит: можно с 2000-01 по 2027-03"),
    ("/pay e2 hourly 1500 from 1999-12", "Месяц 1999-12 не подходит"),
    ("/pay e3 hourly 1500", "внешний представитель, оплата не начисляется"),
]


@pytest.mark.parametrize(("command", "expected"), BAD_PAY)
async def test_bad_pay_input_changes_nothing(
    client: BotClient, session: AsyncSession, command: str, expected: str
) -> None:
    await person(session, ADMIN_TG, "admin")
    await person(session, 2)
    await person(session, 3, "external")
    await client.send(ADMIN_TG, "/pay e2 salary 1000")
    before = await pay_rows(session)
    reply = await client.send(ADMIN_TG, command)
    assert expected in reply.text
    assert "пример" in reply.text.lower()  # every refusal shows a correct example
    assert len(reply.text) < 600
    assert reply.to(2) == reply.to(3) == []  # nobody is told about a change
    assert await pay_rows(session) == before


async def test_bad_pay_input_in_english(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin", language="en")
    await person(session, 2)
    for command, expected in [
        ("/pay e2 weekly 100", "There is no pay type “weekly”"),
        ("/pay e2 hourly 1500 0.5", "The number “0.5” is out of range"),
        ("/pay e2 hourly 1500 from 2026-3", "“2026-3” is not a month"),
    ]:
        reply = await client.send(ADMIN_TG, command)
        assert expected in reply.text and "for example: /pay e2" in reply.text.lower()
    assert await pay_rows(session) == []


async def test_a_locked_month_cannot_get_new_terms(
    client: BotClient, session: AsyncSession
) -> None:
    await person(session, ADMIN_TG, "admin")
    await person(session, 2)
    session.add(MonthLock(month=date(2026, 2, 1)))
    await session.commit()
    reply = await client.send(ADMIN_TG, "/pay e2 hourly 1500 1.5 from 2026-01")
    assert reply.text == (
        "Оплата за 2026-02 уже отправлена и месяц закрыт: новые условия изменили бы её. "
        "Задайте их с более позднего месяца, например: /pay e2 hourly 1500 1.5 from 2026-03, "
        "или откройте месяц: /unlock 2026-02"
    )
    assert await pay_rows(session) == []
    ok = await client.send(ADMIN_TG, "/pay e2 hourly 1500 1.5 from 2026-03")
    assert "с 2026-03" in ok.text and len(await pay_rows(session)) == 1


@pytest.mark.parametrize("role", ["manager", "programmer", "tester", "external"])
async def test_only_an_admin_sets_pay(client: BotClient, session: AsyncSession, role: str) -> None:
    await person(session, ADMIN_TG, "admin")
    await person(session, 2, role)
    reply = await client.send(2, "/pay e2 salary 1000000")
    assert reply.text == "Команда /pay вам недоступна. Список доступных команд: /help"
    assert await pay_rows(session) == []


async def test_refusal_reaches_someone_whose_profile_just_changed(
    client: BotClient, session: AsyncSession
) -> None:
    # The admin's Telegram username differs from the stored one, so the update commits the
    # refreshed profile before /pay fails; the refusal must still be answered, not crash.
    await person(session, ADMIN_TG, "admin")
    await person(session, 2)
    reply = await client.send(ADMIN_TG, "/pay e2 hourly -5", username="renamed_boss")
    assert "«-5» — не число" in reply.text
    assert "Код ошибки" not in reply.text
    assert await pay_rows(session) == []


async def test_the_largest_amount_survives_storage_to_the_kopeck(
    client: BotClient, session: AsyncSession
) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await client.send(ADMIN_TG, "/pay e2 salary 999999999999.99")
    assert await pay_rows(session) == [(emp.id, MARCH, "salary", Decimal("999999999999.99"))]
    reply = await client.send(2, "/payroll")
    assert "К оплате: 999 999 999 999,99 ₽" in reply.text
