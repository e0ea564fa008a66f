"""Worked examples to the kopeck through the dispatcher (March 2026, RU: 9 March is a public
holiday, so an 8-hour Monday–Friday schedule gives 21 working days = 168 hours)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, absence, at, pay, person, schedule, worked
from tests.tg import BotClient


async def march_team(session: AsyncSession) -> None:
    """e1 admin, then e2..e10 with every kind of pay; e8 has none, e10 left before March."""
    await person(session, ADMIN_TG, "admin")
    anna = await person(session, 2)  # e2
    await pay(session, anna, "fixed_by_hours", "100000", "160", "1.5")
    await schedule(session, anna)
    await worked(session, anna, 170 * H + 20)
    boris = await person(session, 3, "tester")  # e3
    await pay(session, boris, "fixed_by_hours", "128000", "0")
    await schedule(session, boris)
    await absence(session, boris, date(2026, 3, 16), date(2026, 3, 20))
    await worked(session, boris, 100 * H)
    vera = await person(session, 4, "manager")  # e4
    await pay(session, vera, "hourly", "1500", k="2")
    await schedule(session, vera)
    await worked(session, vera, 170 * H)
    gleb = await person(session, 5)  # e5: no schedule at all
    await pay(session, gleb, "hourly", "1234.56")
    await worked(session, gleb, 10 * H + 30)
    dasha = await person(session, 6, "tester")  # e6
    await pay(session, dasha, "salary", "95000.50")
    egor = await person(session, 7)  # e7: by the schedule, but has none
    await pay(session, egor, "fixed_by_hours", "100000", "0")
    await worked(session, egor, 5 * H)
    await person(session, 8)  # e8: no pay settings
    left_in_march = await person(session, 9, active=False)  # e9
    await pay(session, left_in_march, "salary", "50000")
    await worked(session, left_in_march, 1 * H)
    left_before = await person(session, 10, active=False)  # e10
    await pay(session, left_before, "salary", "70000", month=date(2026, 1, 1))


async def test_admin_sees_every_amount_and_the_totals(
    client: BotClient, session: AsyncSession
) -> None:
    await march_team(session)
    at(date(2026, 4, 2))
    reply = await client.send(ADMIN_TG, "/payroll 2026-03")
    text = reply.text
    assert text.splitlines()[0] == "Оплата за март 2026"
    assert "Месяц ещё идёт" not in text
    assert (
        "7 сотрудников. Отработано 456,83 ч, сверх нормы 12,33 ч. Итого к оплате: 625 650,88 ₽"
    ) in text
    assert "Без нормы: 1" in text
    lines = text.splitlines()
    assert (
        "e2 User2 — фикс. за часы: 170,33 из 160 ч, сверх нормы 10,33 ч → 109\u00a0687,50\u00a0₽"
        in lines
    )
    # a week of vacation: the norm is 168 − 40 = 128 h, so 100 h pay 128000 × 100 / 128
    assert "e3 User3 — фикс. за часы: 100 из 128 ч → 100\u00a0000\u00a0₽" in lines
    # 1500 × (168 + 2 × 2)
    assert "e4 User4 — почасовая: 170 из 168 ч, сверх нормы 2 ч → 258\u00a0000\u00a0₽" in lines
    # no schedule: no overtime, 1234.56 × 10.5 = 12962.88
    assert "e5 User5 — почасовая: 10,5 ч → 12\u00a0962,88\u00a0₽" in lines
    assert "e6 User6 — оклад: 0 ч → 95\u00a0000,50\u00a0₽" in lines
    assert "e9 User9 — оклад: 1 ч → 50\u00a0000\u00a0₽" in lines
    no_norm = next(line for line in lines if line.startswith("⚠ e7"))
    assert "5 ч, нормы нет, сумма не рассчитана" in no_norm
    assert "/schedule e7 8 8 8 8 8 0 0 from 2026-03-01" in no_norm
    assert "/pay e7 fixed_by_hours 100000 168 from 2026-03" in no_norm
    # the "no norm" person comes first; nobody without pay terms, nobody who left earlier
    assert lines.index(no_norm) < lines.index("e6 User6 — оклад: 0 ч → 95\u00a0000,50\u00a0₽")
    assert "e8 " not in text and "e10 " not in text
    assert len(reply.texts) == 1 and len(text) < 4096


async def test_absence_shrinks_the_norm_of_fixed_pay_by_schedule(
    client: BotClient, session: AsyncSession
) -> None:
    await person(session, ADMIN_TG, "admin")
    with_leave = await person(session, 2)
    without = await person(session, 3)
    for emp in (with_leave, without):
        await pay(session, emp, "fixed_by_hours", "128000", "0")
        await schedule(session, emp)
        await worked(session, emp, 100 * H)
    await absence(session, with_leave, date(2026, 3, 16), date(2026, 3, 20), "sick")
    at(date(2026, 4, 2))
    text = (await client.send(ADMIN_TG, "/payroll 2026-03")).text
    assert "e2 User2 — фикс. за часы: 100 из 128 ч → 100 000 ₽" in text
    # 128000 × 100 / 168 = 76190.476… → 76190.48
    assert "e3 User3 — фикс. за часы: 100 из 168 ч → 76\u00a0190,48\u00a0₽" in text


async def test_may_holidays_make_the_norm_151_hours(
    client: BotClient, session: AsyncSession
) -> None:
    # May 2026 in RU: 1 May and 11 May (for 9 May) are off, 19 working days remain, and 8 May,
    # before the 9 May holiday, is an hour shorter: 151 hours.
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await pay(session, emp, "fixed_by_hours", "151000", "0", month=date(2026, 5, 1))
    await schedule(session, emp)
    await worked(session, emp, 76 * H, month=date(2026, 5, 1))
    hourly = await person(session, 3)
    await pay(session, hourly, "hourly", "1000", k="1.25", month=date(2026, 5, 1))
    await schedule(session, hourly)
    await worked(session, hourly, 160 * H, month=date(2026, 5, 1))
    at(date(2026, 6, 3))
    text = (await client.send(ADMIN_TG, "/payroll 2026-05")).text
    assert "e2 User2 — фикс. за часы: 76 из 151 ч → 76\u00a0000\u00a0₽" in text
    # 1000 × (151 + 1.25 × 9) = 162250
    assert "e3 User3 — почасовая: 160 из 151 ч, сверх нормы 9 ч → 162\u00a0250\u00a0₽" in text


async def test_current_month_is_so_far(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await pay(session, emp, "fixed_by_hours", "168000", "0")
    await schedule(session, emp)
    await worked(session, emp, 48 * H, per_day=8 * H)  # 1..6 March
    reply = await client.send(2, "/payroll")  # the clock is at 11 March
    assert reply.text == (
        "Ваша оплата за март 2026\n"
        "Месяц ещё идёт: данные на 11.03.2026, сумма — за уже записанные часы.\n"
        "Условия: фикс. 168\u00a0000\u00a0₽ за часы по графику\n"
        "Отработано: 48 ч\n"
        "Норма: 168 ч\n"
        "Сверх нормы: 0 ч\n"
        "К оплате: 48\u00a0000\u00a0₽"
    )


async def test_english_summary_and_table(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin", language="en")
    emp = await person(session, 2, language="en")
    await pay(session, emp, "hourly", "1500", k="1.5")
    await schedule(session, emp)
    await worked(session, emp, 170 * H)
    at(date(2026, 4, 2))
    own = await client.send(2, "/payroll 2026-03")
    assert own.text == (
        "Your pay for March 2026\n"
        "Terms: hourly RUB\u00a01,500/h, overtime ×1.5\n"
        "Worked: 170 h\n"
        "Norm: 168 h\n"
        "Overtime: 2 h\n"
        "To pay: RUB\u00a0256,500"
    )
    table = (await client.send(ADMIN_TG, "/payroll 2026-03")).text
    assert "Pay for March 2026" in table
    assert "e2 User2 — hourly: 170 of 168 h, overtime 2 h → RUB\u00a0256,500" in table


async def test_no_norm_is_not_guessed_for_the_employee(
    client: BotClient, session: AsyncSession
) -> None:
    await march_team(session)
    at(date(2026, 4, 2))
    reply = await client.send(7, "/payroll 2026-03")
    assert reply.text == (
        "Ваша оплата за март 2026\n"
        "Условия: фикс. 100\u00a0000\u00a0₽ за часы по графику\n"
        "Отработано: 5 ч\n"
        "К оплате: не рассчитано — для этих условий нужна норма часов, а графика работы "
        "на этот месяц нет. Сообщите администратору."
    )
    admin_view = await client.send(ADMIN_TG, "/payroll e7 2026-03")
    assert admin_view.text.endswith(
        "Задайте график: /schedule e7 8 8 8 8 8 0 0 from 2026-03-01 "
        "или норму часов: /pay e7 fixed_by_hours 100000 168 from 2026-03"
    )
