"""A paid month is frozen: the payroll sent is what /payroll shows afterwards, every change that
would alter it is refused with the reason, /unlock reopens it (recorded), and the next lock
sends a corrected summary only to the people whose total changed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.runner import JobRunner
from models import (
    Absence,
    HolidayOverride,
    MonthLock,
    MonthLockEvent,
    PayAdjustment,
    PayrollSnapshot,
    PaySetting,
    Schedule,
    TimeEntry,
)
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.jobs.data import FEB, company, sent_to
from tests.pay import helpers as h
from tests.tg import BotClient

CHANGES = [
    "/log 2h 2026-02-10 fix",
    "/schedule e2 4 4 4 4 4 0 0 from 2026-02-01",
    "/schedule e2 4 4 4 4 4 0 0 from 2026-01-15",
    "/absence e2 vacation 2026-02-09 2026-02-13",
    "/absence e2 sick 2026-01-30 2026-02-02",
    "/holiday add 2026-02-10 Корпоратив",
    "/holiday short 2026-02-11",
    "/holiday workday 2026-02-14",
    "/holiday remove 2026-02-23",
    "/holiday remove 2026-03-01",
    "/pay e2 salary 1 from 2026-02",
    "/bonus e2 10 000 2026-02 за релиз",
    "/deduct e2 500 2026-02",
]


async def counts(session: AsyncSession) -> list[int]:
    session.expire_all()
    tables = (TimeEntry, Schedule, Absence, HolidayOverride, PaySetting, PayAdjustment)
    return [int(await session.scalar(select(func.count()).select_from(t)) or 0) for t in tables]


async def shown(client: BotClient) -> tuple[str, bytes, str]:
    text = (await client.send(ADMIN_TG, "/payroll 2026-02")).text
    [(_, csv)] = (await client.send(ADMIN_TG, "/payroll 2026-02 csv")).documents()
    own = (await client.send(101, "/payroll 2026-02")).text
    return text, csv, own


async def test_a_locked_payroll_is_byte_identical_after_every_refused_change(
    api: FakeBotAPI, runner: JobRunner, client: BotClient, session: AsyncSession
) -> None:
    await company(session)
    h.at(date(2026, 3, 2))
    await runner.run("payroll_summary", "2026-02")
    assert await session.get(PayrollSnapshot, (FEB, 1)) is not None
    before = await shown(client)
    assert "Месяц закрыт" in before[0] and "100\u00a0000\u00a0₽" in before[2]
    rows = await counts(session)
    for change in CHANGES:
        reply = await client.send(ADMIN_TG, change)
        assert "2026-02" in reply.text and "закрыт" in reply.text, (change, reply.text)
        assert "/unlock 2026-02" in reply.text, (change, reply.text)
        assert await counts(session) == rows, change
        assert await shown(client) == before, change


async def test_unlock_then_lock_again_corrects_only_the_changed(
    api: FakeBotAPI, runner: JobRunner, client: BotClient, session: AsyncSession
) -> None:
    staff = await company(session)
    h.at(date(2026, 3, 2))
    await runner.run("payroll_summary", "2026-02")
    first = {chat: len(sent_to(api, chat)) for chat in (101, 102, 103, ADMIN_TG)}
    assert first == {101: 1, 102: 1, 103: 1, ADMIN_TG: 2}

    refused = await client.send(101, "/unlock 2026-02")
    assert "недоступна" in refused.text
    reply = await client.send(ADMIN_TG, "/unlock 2026-02")
    assert reply.text.startswith("Месяц 2026-02 открыт")
    assert await session.get(MonthLock, FEB) is None
    event = await session.scalar(select(MonthLockEvent).where(MonthLockEvent.action == "unlock"))
    assert event is not None and event.actor_id == staff.admin.id
    again = await client.send(ADMIN_TG, "/unlock 2026-02")
    assert "и так открыт" in again.text

    bonus = await client.send(ADMIN_TG, "/bonus e2 10 000,50 ₽ 2026-02 за релиз")
    assert "+10\u00a0000,50\u00a0₽ (за релиз)" in bonus.text
    await runner.run("payroll_summary", "2026-02")
    corrected = sent_to(api, 101)
    assert len(corrected) == 2
    assert corrected[1].startswith("Исправленный расчёт за февраль 2026")
    assert "Премия: +10\u00a0000,50\u00a0₽ — за релиз" in corrected[1]
    assert "Итого: 110\u00a0000,50\u00a0₽" in corrected[1]
    # Olga's and Petr's totals did not change: nothing more reaches them.
    assert len(sent_to(api, 102)) == 1 and len(sent_to(api, 103)) == 1
    admin = sent_to(api, ADMIN_TG)
    assert len(admin) == 4 and admin[2].startswith("Исправленный расчёт")
    assert "e2" in admin[2] and "e4" not in admin[2]
    # A third run of the same lock sends nothing.
    await runner.run("payroll_summary", "2026-02")
    assert len(sent_to(api, 101)) == 2 and len(sent_to(api, ADMIN_TG)) == 4
    now = (await client.send(101, "/payroll 2026-02")).text
    assert "Итого: 110\u00a0000,50\u00a0₽" in now


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/bonus e2 120 000,50 ₽", "+120\u00a0000,50\u00a0₽"),
        ("/bonus e2 120000.50", "+120\u00a0000,50\u00a0₽"),
        ("/bonus e2 120 000 руб 2026-03 квартал", "+120\u00a0000\u00a0₽ (квартал)"),
        ("/deduct e2 1 500,5 р. аванс", "−1\u00a0500,50\u00a0₽ (аванс)"),
    ],
)
async def test_amounts_are_read_as_typed(
    client: BotClient, session: AsyncSession, command: str, expected: str
) -> None:
    await company(session)
    h.at(date(2026, 3, 20))
    reply = await client.send(ADMIN_TG, command)
    assert expected in reply.text, reply.text
    row = await session.scalar(select(PayAdjustment))
    assert row is not None and row.month == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/bonus e2", "Формат: /bonus СОТРУДНИК СУММА"),
        ("/bonus e2 -5000", "больше нуля"),
        ("/bonus e2 0", "больше нуля"),
        ("/deduct e2 120,000", "не сумма"),
        ("/bonus e2 много", "не сумма"),
        ("/bonus e2 5000 2026-13", "не месяц"),
        ("/bonus e2 5000 2026-04", "ещё не наступил"),
        ("/bonus e99 5000", "не найден"),
    ],
)
async def test_bad_amounts_are_refused_with_an_example(
    client: BotClient, session: AsyncSession, command: str, expected: str
) -> None:
    await company(session)
    h.at(date(2026, 3, 20))
    reply = await client.send(ADMIN_TG, command)
    assert expected in reply.text, reply.text
    assert await session.scalar(select(func.count()).select_from(PayAdjustment)) == 0
