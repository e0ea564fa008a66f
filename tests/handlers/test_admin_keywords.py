"""Admin commands take Russian keywords as well as English ones, and DD.MM dates (SPEC §10);
a wrong word is named in the answer, with a correct example, and nothing changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, Employee, GroupMember, HolidayOverride, Invite, PaySetting, Schedule
from tests.handlers.test_permission_matrix import row_counts
from tests.tasks.conftest import ADMIN, Team
from tests.tg import BotClient

# In the task tests' company e5 is @petr, a programmer in backend; e8 is @anna, in web.


async def _petr(session: AsyncSession) -> Employee:
    session.expire_all()
    emp = await session.scalar(select(Employee).where(Employee.username == "petr"))
    assert emp is not None
    return emp


@pytest.mark.parametrize(
    ("args", "pay_type", "amount", "norm", "k", "month"),
    [
        ("оклад 120000 с 2026-03", "salary", "120000", None, "1", date(2026, 3, 1)),
        ("Оклад 120000 С 2026-04", "salary", "120000", None, "1", date(2026, 4, 1)),
        ("почасовая 1500 1,5 с 2026-04", "hourly", "1500", None, "1.5", date(2026, 4, 1)),
        ("фикс 100000 160", "fixed_by_hours", "100000", "160", "1", date(2026, 3, 1)),
        ("salary 90000 from 2026-04", "salary", "90000", None, "1", date(2026, 4, 1)),
    ],
)
async def test_pay_in_russian_or_english(
    client: BotClient,
    team: Team,
    session: AsyncSession,
    args: str,
    pay_type: str,
    amount: str,
    norm: str | None,
    k: str,
    month: date,
) -> None:
    reply = await client.send(ADMIN, f"/pay e5 {args}")
    assert reply.to(ADMIN)[0].startswith("User21 (e5): с "), reply
    row = await session.scalar(select(PaySetting))
    assert row is not None
    assert (row.pay_type, row.effective_month, row.amount, row.k) == (
        pay_type,
        month,
        Decimal(amount),
        Decimal(k),
    )
    assert row.norm_hours == (Decimal(norm) if norm else None)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "/pay e5 зарплата 100",
            "Нет такого типа оплаты: «зарплата». Типы: фикс БАЗА ЧАСЫ [K], почасовая СТАВКА [K], "
            "оклад СУММА. Например: /pay e5 почасовая 1500",
        ),
        (
            "/pay e5 оклад 100 с",
            "После «с» (from) нужен месяц ГГГГ-ММ. Например: /pay e5 почасовая 1500 с 2026-04",
        ),
        (
            "/absence e5 отпускк 16.03 20.03",
            "Нет вида отсутствия «отпускк». Виды: отпуск, больничный, отгул; убрать отсутствие: "
            "удалить. Например: /absence @ivan больничный 12.03",
        ),
        (
            "/absence e5 отпуск 16.3 20.03",
            "«16.3» — не дата. Пишите ДД.ММ, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например: 01.04 или "
            "01.04.2026",
        ),
        (
            "/holiday сдвинуть 13.03",
            "Не понял действие «сдвинуть»: пишите добавить, удалить, сокращённый или рабочий "
            "(add, remove, short, workday), например: /holiday добавить 30.12.2026 Корпоратив, "
            "/holiday удалить 09.03 или /holiday сокращённый 30.12",
        ),
        (
            "/listed e5 может",
            "Не понял «может»: пишите да или нет (on, off), например: /listed e12 нет",
        ),
        (
            "/role e5 босс",
            "Нет такой роли: «босс». Роли: админ, руководитель, программист, тестировщик, внешний. "
            "Например: /role @ivan тестировщик",
        ),
        (
            "/invite стажёр backend",
            "Нет такой роли: «стажёр». Роли: админ, руководитель, программист, тестировщик, "
            "внешний. Например: /role @ivan тестировщик",
        ),
        (
            "/group вступить backend @anna",
            "Не понял действие «вступить»: пишите new, lead, add или remove (создать, "
            "руководитель, добавить, удалить), например: /group add backend @ivan",
        ),
    ],
)
async def test_a_wrong_word_is_named_and_changes_nothing(
    client: BotClient, team: Team, session: AsyncSession, text: str, answer: str
) -> None:
    before = await row_counts(session)
    reply = await client.send(ADMIN, text)
    assert reply.texts == [answer]
    assert await row_counts(session) == before


async def test_absence_with_russian_kinds_and_day_month_dates(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    await client.send(ADMIN, "/absence e5 отпуск 16.03 20.03")
    await client.send(ADMIN, "/absence e5 Больничный 02.03")
    await client.send(ADMIN, "/absence e5 отгул 10.01")
    petr = await _petr(session)
    rows = list(await session.scalars(select(Absence).order_by(Absence.date_from)))
    assert [(a.employee_id, a.kind, a.date_from, a.date_to) for a in rows] == [
        (petr.id, "dayoff", date(2026, 1, 10), date(2026, 1, 10)),
        (petr.id, "sick", date(2026, 3, 2), date(2026, 3, 2)),
        (petr.id, "vacation", date(2026, 3, 16), date(2026, 3, 20)),
    ]
    await client.send(ADMIN, "/absence e5 удалить 18.03")
    session.expire_all()
    left = await session.scalars(select(Absence.kind).order_by(Absence.date_from))
    assert list(left) == ["dayoff", "sick"]


async def test_holiday_in_russian(client: BotClient, team: Team, session: AsyncSession) -> None:
    added = await client.send(ADMIN, "/holiday добавить 13.03 Корпоратив")
    assert "13.03.2026" in added.text and "Корпоратив" in added.text, added
    removed = await client.send(ADMIN, "/holiday убрать 09.03")
    assert "09.03.2026" in removed.text, removed
    rows = await session.scalars(select(HolidayOverride).order_by(HolidayOverride.day))
    assert [(h.day, h.kind) for h in rows] == [
        (date(2026, 3, 9), "remove"),
        (date(2026, 3, 13), "add"),
    ]


async def test_schedule_from_in_russian(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    await client.send(ADMIN, "/schedule e5 8 8 8 8 7,5 0 0 с 01.04.2026")
    await client.send(ADMIN, "/schedule e5 6 6 6 6 6 0 0 с 01.05")
    petr = await _petr(session)
    rows = await session.scalars(
        select(Schedule).where(Schedule.employee_id == petr.id).order_by(Schedule.effective_from)
    )
    assert [(s.effective_from, s.fri) for s in rows] == [
        (date(2026, 1, 1), 480),
        (date(2026, 4, 1), 450),
        (date(2026, 5, 1), 360),
    ]


async def test_listed_role_and_invite_in_russian(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    await client.send(ADMIN, "/listed e5 нет")
    assert not (await _petr(session)).listed
    await client.send(ADMIN, "/listed e5 да")
    assert (await _petr(session)).listed
    reply = await client.send(ADMIN, "/role e5 Тестировщик")
    assert "специалист-тестировщик" in reply.text, reply
    assert (await _petr(session)).role == "tester"
    await client.send(ADMIN, "/role e5 руководитель")
    assert (await _petr(session)).role == "manager"
    link = await client.send(ADMIN, "/invite внешний backend 3")
    assert "start=" in link.text, link
    invite = await session.scalar(select(Invite))
    assert invite is not None and (invite.role, invite.access_days) == ("external", 3)


async def test_group_in_russian(client: BotClient, team: Team, session: AsyncSession) -> None:
    reply = await client.send(ADMIN, "/group добавить backend @anna")
    assert "@anna" in reply.text or "User22" in reply.text, reply
    members = await session.scalar(
        select(func.count())
        .select_from(GroupMember)
        .where(GroupMember.group_id == team.backend.id, GroupMember.employee_id == team.outsider.id)
    )
    assert members == 1


async def test_jobs_run_in_russian(client: BotClient, team: Team) -> None:
    """Without a job runner in this dispatcher, a well-formed run is answered "not set up";
    a wrong word gets the usage."""
    unavailable = await client.send(ADMIN, "/jobs запустить lag_alerts")
    assert unavailable.texts == ["В этой копии бота задания по расписанию не настроены."]
    wrong = await client.send(ADMIN, "/jobs бежать lag_alerts")
    assert wrong.text.startswith("Формат: /jobs или /jobs run ИМЯ"), wrong
