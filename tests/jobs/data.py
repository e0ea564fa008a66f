"""A small company for the job tests, written as rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Task
from tests import factories
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.pay import helpers as h

FEB = date(2026, 2, 1)
SENDS = ("sendMessage", "sendDocument", "sendPhoto")


@dataclass
class Staff:
    admin: Employee
    ivan: Employee  # salary 100 000
    olga: Employee  # hourly 1 000, English, 10 h
    petr: Employee  # 160 000 for 160 h, 80 h
    gone: Employee  # deactivated, but worked in February
    anna: Employee  # no pay terms


async def company(session: AsyncSession) -> Staff:
    admin = await h.person(session, ADMIN_TG, "admin")
    ivan = await h.person(session, 101)
    olga = await h.person(session, 102, "tester", language="en")
    petr = await h.person(session, 103)
    gone = await h.person(session, 104)
    anna = await h.person(session, 105)
    for emp in (ivan, olga, petr, gone, anna):
        await h.schedule(session, emp)
    await h.pay(session, ivan, "salary", "100000", month=FEB)
    await h.pay(session, olga, "hourly", "1000", month=FEB)
    await h.pay(session, petr, "fixed_by_hours", "160000", "160", month=FEB)
    await h.pay(session, gone, "salary", "50000", month=FEB)
    await h.worked(session, olga, 10 * 60, month=FEB)
    await h.worked(session, petr, 80 * 60, month=FEB)
    await h.worked(session, gone, 10 * 60, month=FEB)
    gone.active = False
    await session.commit()
    return Staff(admin, ivan, olga, petr, gone, anna)


def sent_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    """Texts and captions of what reached a chat, in order."""
    return [m.get("text") or m.get("caption") or "" for m in api.messages_to(chat_id)]


def documents_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [
        call["filenames"]["document"]
        for call in api.calls_of("sendDocument")
        if call["status"] == 200 and call["params"]["chat_id"] == chat_id
    ]


def delivered(api: FakeBotAPI) -> int:
    return sum(1 for call in api.calls if call["method"] in SENDS and call["status"] == 200)


@dataclass
class Team:
    staff: Staff
    mike: Employee  # manager, leads backend and mobile
    backend: DevGroup  # bound to the chat TEAM_CHAT


TEAM_CHAT = -100123


async def task(
    session: AsyncSession,
    group: DevGroup,
    assignee: Employee,
    estimate_h: int | None,
    start: date,
    deadline: date | None,
    logged_min: int = 0,
    status: str = "in_progress",
) -> Task:
    row = Task(
        title=f"Task of {assignee.full_name}",
        group_id=group.id,
        author_id=group.lead_id or assignee.id,
        assignee_id=assignee.id,
        estimate_min=None if estimate_h is None else estimate_h * 60,
        start_date=start,
        deadline=deadline,
        status=status,
        logged_min=logged_min,
    )
    session.add(row)
    await session.commit()
    return row


async def team(session: AsyncSession) -> Team:
    """Wednesday 11 March 2026: #1 (ivan) lags 26.67 h and ends 2 days late, #2 (olga) is on
    track, #3 (petr) lags 1 h but ends a day late, #4 (ivan) has no estimate."""
    staff = await company(session)
    mike = await h.person(session, 150, "manager")
    backend = await factories.group(session, "backend", mike, [staff.ivan, staff.olga])
    backend.chat_id = TEAM_CHAT
    mobile = await factories.group(session, "mobile", mike, [staff.petr])
    await session.commit()
    await task(session, backend, staff.ivan, 40, date(2026, 3, 2), date(2026, 3, 13))
    await task(session, backend, staff.olga, 8, date(2026, 3, 11), date(2026, 3, 20))
    await task(session, mobile, staff.petr, 16, date(2026, 3, 2), date(2026, 3, 10), 15 * 60)
    await task(session, backend, staff.ivan, None, date(2026, 3, 2), None)
    return Team(staff, mike, backend)
