"""/leave end to end through the Dispatcher: the request, the manager's buttons pressed by
label, the absence that approval writes, the decline dialog, and bad input that writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, LeaveRequest, MonthLock
from services.calendar import load_calendar
from tests.leave.conftest import ADMIN, EXTERNAL, MANAGER, MANAGER2, OUTSIDER, PROG, Team
from tests.tg import BotClient


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _absences(session: AsyncSession) -> list[tuple[int, str, date, date]]:
    columns = (Absence.employee_id, Absence.kind, Absence.date_from, Absence.date_to)
    rows = await session.execute(select(*columns).order_by(Absence.id))
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def _request(session: AsyncSession) -> LeaveRequest:
    query = select(LeaveRequest).execution_options(populate_existing=True)
    request = await session.scalar(query.order_by(LeaveRequest.id.desc()))
    assert request is not None
    return request


async def test_vacation_approved_by_the_lead_becomes_an_absence(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    asked = await client.send(PROG, "/leave отпуск 16.03 20.03 семейная поездка")
    assert asked.to(PROG) == [
        "Заявка №1 отправлена: отпуск: 16.03.2026 – 20.03.2026, 5 дней. "
        "Решение примет: User10 (e2). Статус заявок: /leave"
    ]
    (notice,) = asked.to(MANAGER)
    assert notice == (
        "Заявка на отсутствие: User20 (e4) — отпуск: 16.03.2026 – 20.03.2026, 5 дней.\n"
        "Комментарий: семейная поездка"
    )
    assert await _absences(session) == []

    approved = await client.click(MANAGER, asked.button("Одобрить"))
    assert "Одобрено: User20 (e4)" in approved.text
    assert approved.to(PROG) == [
        "Заявка одобрена: отпуск: 16.03.2026 – 20.03.2026, 5 дней. Решение: User10 (e2). "
        "Записано в календарь: /schedule"
    ]
    assert await _absences(session) == [
        (team.prog.id, "vacation", date(2026, 3, 16), date(2026, 3, 20))
    ]
    calendar = await load_calendar(session, [team.prog.id], date(2026, 3, 1), "RU")
    assert calendar.capacity(team.prog.id, date(2026, 3, 16)) == 0
    request = await _request(session)
    assert request.status == "approved"
    assert request.decider_id == team.manager.id

    again = await client.click(MANAGER, asked.button("Одобрить"))
    assert again.text == "Заявка уже одобрена — ничего не изменилось."
    assert await _count(session, Absence) == 1

    listed = await client.send(PROG, "/leave")
    assert listed.text == (
        "Ваши заявки на отсутствие:\n№1 отпуск: 16.03.2026 – 20.03.2026, 5 дней — одобрена"
    )


async def test_decline_asks_a_reason_and_tells_the_person(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    asked = await client.send(PROG, "/leave dayoff 2026-03-20")
    decline = asked.button("Отклонить")
    question = await client.click(MANAGER, decline)
    assert question.text.startswith("Отклонить заявку: User20 (e4) — отгул: 20.03.2026")
    # "отмена" leaves the dialog and the request keeps waiting
    left = await client.send(MANAGER, "отмена")
    assert left.text == "Отменено."
    assert (await session.scalar(select(LeaveRequest.status))) == "pending"

    await client.click(MANAGER, decline)
    done = await client.send(MANAGER, "релиз в этот день")
    assert done.to(MANAGER) == [
        "Отклонено: User20 (e4) — отгул: 20.03.2026 – 20.03.2026, 1 день. "
        "Причина: релиз в этот день"
    ]
    assert done.to(PROG) == [
        "Заявка отклонена: отгул: 20.03.2026 – 20.03.2026, 1 день. "
        "Причина: релиз в этот день (User10 (e2))"
    ]
    request = await _request(session)
    assert (request.status, request.reason) == ("declined", "релиз в этот день")
    assert await _absences(session) == []
    # the Approve button of the declined request changes nothing
    late = await client.click(MANAGER, asked.button("Одобрить"))
    assert late.text == "Заявка уже отклонена — ничего не изменилось."
    assert await _absences(session) == []


async def test_person_in_english_reads_english(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    team.prog.language, team.prog.language_chosen = "en", True
    await session.commit()
    asked = await client.send(PROG, "/leave vacation 16.03 20.03")
    assert asked.to(PROG)[0].startswith("Request #1 sent: vacation: 16 Mar 2026 – 20 Mar 2026")
    approved = await client.click(MANAGER, asked.button("Одобрить"))
    assert approved.to(PROG)[0].startswith("Request approved: vacation")


async def test_sick_leave_is_recorded_at_once_and_only_reported(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await client.send(PROG, "/leave больничный вчера сегодня")
    assert reply.to(PROG)[0].startswith("Больничный записан: больничный: 10.03.2026 – 11.03.2026")
    (notice,) = reply.to(MANAGER)
    assert notice.startswith("Больничный: User20 (e4) — больничный: 10.03.2026")
    assert reply.buttons() == []
    assert await _absences(session) == [
        (team.prog.id, "sick", date(2026, 3, 10), date(2026, 3, 11))
    ]
    listed = await client.send(PROG, "/leave")
    assert listed.text.endswith("— записан")


async def test_a_manager_outside_the_group_is_refused(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    asked = await client.send(PROG, "/leave отгул 20.03")
    approve = asked.button("Одобрить")
    for other in (MANAGER2, OUTSIDER):
        refused = await client.click(other, approve)
        assert "руководитель группы сотрудника или администратор" in refused.text
        refused = await client.click(other, asked.button("Отклонить"))
        assert "руководитель группы сотрудника или администратор" in refused.text
    assert await _absences(session) == []
    assert (await session.scalar(select(LeaveRequest.status))) == "pending"
    # an admin may decide anyone's request
    await client.click(ADMIN, approve)
    assert await _count(session, Absence) == 1


async def test_no_lead_sends_the_request_to_the_admins(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await client.send(MANAGER, "/leave отпуск 01.04 03.04")
    assert "Решение примет: User1 (e1)" in reply.to(MANAGER)[0]
    assert reply.to(ADMIN)[0].startswith("Заявка на отсутствие: User10 (e2)")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("/leave отпуск", "Формат: /leave"),
        ("/leave holiday 20.03", "не знаком"),
        ("/leave отгул 31.02", "«31.02» — не дата"),
        ("/leave отгул 20.03 18.03", "Конец (18.03.2026) раньше начала (20.03.2026)"),
        ("/leave отпуск 01.04 01.08", "Слишком длинный период: 123 дн., не больше 90"),
        ("/leave отпуск 02.03 06.03", "Отпуск не может начинаться в прошлом"),
        ("/leave отгул 2029-01-01", "слишком далеко"),
    ],
)
async def test_bad_requests_are_refused_and_write_nothing(
    text: str, answer: str, client: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await client.send(PROG, text)
    assert answer in reply.text
    assert reply.to(MANAGER) == []
    assert await _count(session, LeaveRequest) == 0


async def test_overlaps_and_locked_months_are_refused(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    await client.send(PROG, "/leave отпуск 16.03 20.03")
    pending = await client.send(PROG, "/leave отгул 20.03")
    assert "уже есть заявка, ждущая решения: 16.03.2026 – 20.03.2026" in pending.text
    day = date(2026, 3, 25)
    session.add(Absence(employee_id=team.prog.id, kind="dayoff", date_from=day, date_to=day))
    session.add(MonthLock(month=date(2026, 2, 1)))
    await session.commit()
    recorded = await client.send(PROG, "/leave отгул 24.03 26.03")
    assert "уже записано отсутствие: 25.03.2026 – 25.03.2026" in recorded.text
    locked = await client.send(PROG, "/leave больничный 27.02 02.03")
    assert "Месяц 2026-02 закрыт" in locked.text
    assert await _count(session, LeaveRequest) == 1
    assert await _count(session, Absence) == 1


async def test_externals_may_not_ask(client: BotClient, session: AsyncSession, team: Team) -> None:
    reply = await client.send(EXTERNAL, "/leave отгул 20.03")
    assert "вам недоступна" in reply.text
    assert await _count(session, LeaveRequest) == 0


async def test_dd_mm_means_the_nearest_date(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    # on 11 March, "05.03" is six days back (a day off reported late), "20.03" nine ahead
    await client.send(PROG, "/leave отгул 05.03")
    await client.send(PROG, "/leave отгул 20.03")
    days = list(await session.scalars(select(LeaveRequest.date_from).order_by(LeaveRequest.id)))
    assert days == [date(2026, 3, 5), date(2026, 3, 20)]
