"""/payroll: who sees what, refusals, bad months and arguments, the month lock."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import MonthLock
from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, at, pay, person, schedule, worked
from tests.tg import BotClient


async def four_roles(session: AsyncSession) -> None:
    """e1 admin, e2 manager, e3 programmer, e4 tester, e5 external, all with pay terms."""
    await person(session, ADMIN_TG, "admin")
    for tg, role, rate in [
        (2, "manager", "2000"),
        (3, "programmer", "1500"),
        (4, "tester", "1200"),
    ]:
        emp = await person(session, tg, role)
        await pay(session, emp, "hourly", rate)
        await schedule(session, emp)
        await worked(session, emp, 10 * H)
    await person(session, 5, "external")
    admin_pay = await person(session, 6, "admin")  # e6: a second admin, paid too
    await pay(session, admin_pay, "salary", "300000")


@pytest.mark.parametrize(
    ("tg", "amount", "others"),
    [
        (2, "20\u00a0000\u00a0₽", ["15\u00a0000", "12\u00a0000", "User3", "User4"]),
        (3, "15\u00a0000\u00a0₽", ["20\u00a0000", "12\u00a0000", "User2", "User4"]),
        (4, "12\u00a0000\u00a0₽", ["20\u00a0000", "15\u00a0000", "User2", "User3"]),
    ],
)
async def test_staff_see_only_their_own_pay(
    client: BotClient, session: AsyncSession, tg: int, amount: str, others: list[str]
) -> None:
    await four_roles(session)
    reply = await client.send(tg, "/payroll")
    assert reply.text.startswith("Ваша оплата за март 2026\nМесяц ещё идёт")
    assert f"К оплате: {amount}" in reply.text
    assert "Отработано: 10 ч" in reply.text and "Норма: 168 ч" in reply.text
    for other in [*others, "300 000,00", "Итого"]:
        assert other not in reply.text
    own_by_number = await client.send(tg, f"/payroll e{tg} 2026-03")
    assert f"К оплате: {amount}" in own_by_number.text


@pytest.mark.parametrize("tg", [2, 3, 4])
async def test_staff_are_refused_files_and_other_people(
    client: BotClient, session: AsyncSession, tg: int
) -> None:
    await four_roles(session)
    for command in ("/payroll csv", "/payroll 2026-03 xlsx", "/payroll e3 xlsx"):
        reply = await client.send(tg, command)
        assert reply.text.startswith("Файлы с оплатой сотрудников получает только администратор")
        assert reply.documents() == []
    for command in ("/payroll e6", "/payroll @user6 2026-03", "/payroll e999"):
        reply = await client.send(tg, command)
        assert reply.text == (
            "Оплату других сотрудников видит только администратор. Ваша оплата: /payroll"
        )


async def test_external_is_refused_by_the_router(client: BotClient, session: AsyncSession) -> None:
    await four_roles(session)
    reply = await client.send(5, "/payroll")
    assert reply.text == "Команда /payroll вам недоступна. Список доступных команд: /help"


async def test_admin_sees_everyone_and_one_person(client: BotClient, session: AsyncSession) -> None:
    await four_roles(session)
    table = await client.send(ADMIN_TG, "/payroll")
    assert "4 сотрудника. Отработано 30 ч, сверх нормы 0 ч. Итого к оплате: 347 000 ₽" in (
        table.text
    )
    for line in ("e2 User2 — почасовая: 10 из 168 ч → 20\u00a0000\u00a0₽", "e6 User6 — оклад"):
        assert line in table.text
    assert "User5" not in table.text  # externals have no pay
    one = await client.send(ADMIN_TG, "/payroll @user3")
    assert one.text.startswith("User3 (e3) — оплата за март 2026\n")
    assert "К оплате: 15 000 ₽" in one.text and "User2" not in one.text
    nobody = await client.send(ADMIN_TG, "/payroll e5 2026-03")
    assert nobody.text == (
        "Нет условий оплаты на март 2026: User5 (e5). Задать: /pay e5 оклад 100000 с 2026-03"
    )


async def test_staff_without_terms_are_told_who_sets_them(
    client: BotClient, session: AsyncSession
) -> None:
    await person(session, ADMIN_TG, "admin")
    await person(session, 2)
    reply = await client.send(2, "/payroll 2026-02")
    assert reply.text == "Условий оплаты на февраль 2026 у вас нет — их задаёт администратор."


async def test_an_empty_month_says_how_to_start(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    reply = await client.send(ADMIN_TG, "/payroll 2026-01 xlsx")
    assert reply.documents() == []
    assert reply.text == (
        "На январь 2026 условия оплаты ни у кого не заданы. Задать: /pay e2 оклад 100000 с 2026-01"
    )


BAD_PAYROLL = [
    ("/payroll 2026-13", "Не понял месяц «2026-13»: пишите ГГГГ-ММ, например: /payroll 2026-03"),
    ("/payroll 2026-3", "Не понял месяц «2026-3»: пишите ГГГГ-ММ, например: /payroll 2026-03"),
    ("/payroll 202603", "Не понял месяц «202603»: пишите ГГГГ-ММ, например: /payroll 2026-03"),
    (
        "/payroll 2026-04",
        "2026-04 ещё не наступил. Текущий месяц: /payroll, прошлый: /payroll 2026-02",
    ),
    (
        "/payroll pdf",
        "Не понял «pdf». Формат: /payroll [ГГГГ-ММ] [csv|xlsx], например: /payroll 2026-03 csv",
    ),
    (
        "/payroll csv xlsx",
        "Не понял «xlsx». Формат: /payroll [ГГГГ-ММ] [csv|xlsx], например: /payroll 2026-03 csv",
    ),
    ("/payroll 2026-03 2026-02", "Не понял «2026-02»"),
    ("/payroll a b c d", "Формат: /payroll [ГГГГ-ММ] [csv|xlsx]. Например: /payroll 2026-03"),
    ("/payroll " + "x" * 4000, "Не понял «" + "x" * 31 + "…»"),
    ("/payroll " + "2" * 4000, "Не понял месяц «" + "2" * 31 + "…»"),
]


@pytest.mark.parametrize(("command", "expected"), BAD_PAYROLL)
@pytest.mark.parametrize("tg", [ADMIN_TG, 3])
async def test_bad_payroll_input_gets_an_example(
    client: BotClient, session: AsyncSession, command: str, expected: str, tg: int
) -> None:
    await four_roles(session)
    reply = await client.send(tg, command)
    assert expected in reply.text
    assert len(reply.texts) == 1 and reply.documents() == []
    assert "К оплате" not in reply.text and "Итого" not in reply.text


async def test_bad_payroll_input_in_english(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin", language="en")
    reply = await client.send(ADMIN_TG, "/payroll 2026-3")
    assert reply.text == "“2026-3” is not a month: write YYYY-MM, for example: /payroll 2026-03"
    future = await client.send(ADMIN_TG, "/payroll 2027-01")
    assert (
        future.text
        == "2027-01 has not come yet. This month: /payroll, last month: /payroll 2026-02"
    )


async def test_a_locked_month_says_so(client: BotClient, session: AsyncSession) -> None:
    await four_roles(session)
    session.add(MonthLock(month=date(2026, 3, 1)))
    await session.commit()
    at(date(2026, 4, 2))
    lock_line = (
        "Месяц закрыт: расчёт отправлен и заморожен. "
        "Изменить его можно, только открыв месяц: /unlock"
    )
    table = await client.send(ADMIN_TG, "/payroll 2026-03")
    assert table.text.splitlines()[:2] == ["Оплата за март 2026", lock_line]
    own = await client.send(3, "/payroll 2026-03")
    assert own.text.splitlines()[:2] == ["Ваша оплата за март 2026", lock_line]
    april = await client.send(3, "/payroll")
    assert lock_line not in april.text


@pytest.mark.parametrize(
    ("tg", "command"), [(ADMIN_TG, "/payroll"), (3, "/payroll"), (ADMIN_TG, "/pay e3")]
)
async def test_pay_is_never_shown_in_a_group_chat(
    client: BotClient, session: AsyncSession, tg: int, command: str
) -> None:
    await four_roles(session)
    reply = await client.send(tg, command, chat_id=-100)
    assert reply.text.startswith("Об оплате — только в личном чате с ботом")
    assert "RUB" not in reply.text and reply.documents() == []
