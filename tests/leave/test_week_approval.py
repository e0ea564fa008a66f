"""Weekly approval end to end: the job sends each person's week and each lead's digest through
the real sender to the fake Bot API; the buttons in those messages are pressed by label through
the Dispatcher; an approved week refuses entries; two runners send each message once."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.sender import Sender
from jobs import schedule
from jobs.runner import JobRunner
from jobs.scheduler import triggers
from models import TimeEntry, WeekApproval
from services import clock
from services.calendar import Holidays
from services.config import AppConfig
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.jobs.conftest import api, sender, tg_bot  # noqa: F401 - fixtures used by name
from tests.leave.conftest import MANAGER, MANAGER2, PROG, PROG2, Team
from tests.tg import BotClient

WEEK = date(2026, 3, 9)  # Monday 9 March is a holiday: the week's first working day is the 10th
ON = AppConfig(admin_ids=frozenset({ADMIN_TG}), bot_username="crm_test_bot", week_approval=True)


@pytest.fixture
def config() -> AppConfig:
    return ON


@pytest.fixture
def runner(
    sessionmaker: async_sessionmaker[AsyncSession],
    sender: Sender,  # noqa: F811
) -> JobRunner:
    return JobRunner(sessionmaker, sender, ON, holder="test-runner")


@pytest.fixture(autouse=True)
def next_monday() -> None:
    clock.set_now(datetime(2026, 3, 16, 8, 0, tzinfo=UTC))  # Monday 16 March, 11:00 in Moscow


def texts(api: FakeBotAPI, chat_id: int) -> list[str]:  # noqa: F811
    return [m.get("text", "") for m in api.messages_to(chat_id)]


def button(api: FakeBotAPI, chat_id: int, label: str) -> str:  # noqa: F811
    for message in reversed(api.messages_to(chat_id)):
        for row in message.get("reply_markup", {}).get("inline_keyboard", []):
            for key in row:
                if label.lower() in key["text"].lower():
                    return str(key["callback_data"])
    raise AssertionError(f"no button {label!r} in messages to {chat_id}")


async def entries(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(TimeEntry)) or 0)


async def status(session: AsyncSession, emp_id: int) -> str | None:
    return await session.scalar(
        select(WeekApproval.status)
        .where(WeekApproval.employee_id == emp_id, WeekApproval.week_start == WEEK)
        .execution_options(populate_existing=True)
    )


async def test_submit_approve_lock_and_return(
    api: FakeBotAPI,  # noqa: F811
    runner: JobRunner,
    client: BotClient,
    session: AsyncSession,
    team: Team,
) -> None:
    for day in (10, 11, 12):
        session.add(
            TimeEntry(employee_id=team.prog.id, day=date(2026, 3, day), minutes=480, created_by=1)
        )
    await session.commit()

    report = await runner.run("week_approval")
    # five people with a schedule; digests: the backend and web leads, and the admin for the
    # backend lead (who leads his own group)
    assert (report.period, report.status, report.sent) == ("2026-03-09", "done", 8)
    (own,) = texts(api, PROG)
    assert own.splitlines()[:3] == [
        "Неделя 09.03.2026 – 15.03.2026: отработано 24 ч из 32 ч.",
        "Вт 10.03.2026: 8 ч из 8 ч",
        "Ср 11.03.2026: 8 ч из 8 ч",
    ]
    assert "Пт 13.03.2026: 0 мин из 8 ч" in own
    (digest,) = texts(api, MANAGER)[-1:]
    assert digest.startswith("Утверждение часов за неделю 09.03.2026 – 15.03.2026:")
    assert "User20 (e4): 24 ч из 32 ч — не отправлена" in digest
    assert "Ещё не отправили: User20 (e4), User21 (e5), User30 (e6)" in digest

    submitted = await client.click(PROG, button(api, PROG, "Отправить"))
    # one confirmation: the week's message is edited, with no toast and no new message
    assert submitted.texts[0].endswith(
        "\n\n✅ Неделя 09.03.2026 – 15.03.2026 отправлена на "
        "утверждение. Решение примет: User10 (e2)."
    )
    assert submitted.to(PROG) == submitted.texts[:1]
    assert [type(r).__name__ for r in submitted.of("EditMessageText")] == ["EditMessageText"]
    (notice,) = submitted.to(MANAGER)
    assert (
        notice
        == "Неделя 09.03.2026 – 15.03.2026 на утверждение: User20 (e4), отработано 24 ч из 32 ч."
    )
    assert await status(session, team.prog.id) == "submitted"
    twice = await client.click(PROG, button(api, PROG, "Отправить"))
    assert "уже отправлена" in twice.text

    refused = await client.click(MANAGER2, submitted.button("Утвердить e4"))
    assert "руководитель группы сотрудника или администратор" in refused.text
    assert await status(session, team.prog.id) == "submitted"

    approved = await client.click(MANAGER, submitted.button("Утвердить e4"))
    assert "✅ Неделя 09.03.2026 – 15.03.2026 утверждена: User20 (e4)" in approved.texts[0]
    assert approved.to(MANAGER) == approved.texts[:1]
    assert approved.to(PROG) == [
        "Неделя 09.03.2026 – 15.03.2026 утверждена (User10 (e2)). "
        "Записи этой недели больше не меняются."
    ]
    assert await status(session, team.prog.id) == "approved"
    again = await client.click(MANAGER, button(api, MANAGER, "Утвердить e4"))
    assert "уже утверждена" in again.text
    back = await client.click(MANAGER, button(api, MANAGER, "Вернуть e4"))
    assert "уже утверждена" in back.text

    before = await entries(session)
    locked = await client.send(PROG, "/log 1ч 13.03.2026 доделал")
    assert "Неделя 09.03.2026 – 15.03.2026 утверждена: её записи закрыты" in locked.text
    assert await entries(session) == before
    await client.send(PROG, "/log 1ч 16.03.2026")  # this week is open
    assert await entries(session) == before + 1

    asked = await client.click(MANAGER, button(api, MANAGER, "Вернуть e5"))
    assert asked.text.startswith("Вернуть неделю 09.03.2026 – 15.03.2026: User21 (e5).")
    returned = await client.send(MANAGER, "нет часов за среду")
    assert returned.to(MANAGER) == ["Неделя 09.03.2026 – 15.03.2026 возвращена: User21 (e5)."]
    (told,) = returned.to(PROG2)
    assert told.startswith("Неделя 09.03.2026 – 15.03.2026 возвращена (User10 (e2)): нет часов")
    assert await status(session, team.prog2.id) == "returned"
    resubmitted = await client.click(PROG2, returned.button("Отправить"))
    assert "отправлена на утверждение" in resubmitted.texts[0]

    rerun = await runner.run("week_approval")
    assert (rerun.sent, rerun.skipped) == (0, 8)


async def test_two_runners_send_one_digest_per_manager(
    api: FakeBotAPI,  # noqa: F811
    sessionmaker: async_sessionmaker[AsyncSession],
    sender: Sender,  # noqa: F811
    session: AsyncSession,
    team: Team,
) -> None:
    first = JobRunner(sessionmaker, sender, ON, holder="replica-a")
    second = JobRunner(sessionmaker, sender, ON, holder="replica-b")
    period = schedule.period_of("week_approval", date(2026, 3, 16))
    await asyncio.gather(
        first.run_period("week_approval", period, "schedule", wait=30),
        second.run_period("week_approval", period, "schedule", wait=30),
    )
    for chat in (MANAGER, MANAGER2, ADMIN_TG):
        digests = [t for t in texts(api, chat) if t.startswith("Утверждение часов")]
        assert len(digests) == 1, chat
    assert len(texts(api, PROG)) == 1


def test_due_on_the_first_working_day_of_the_week_and_only_when_on() -> None:
    holidays = Holidays(country="RU")
    friday = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
    due = schedule.next_run("week_approval", friday, ON, holidays)
    assert due.date() == date(2026, 3, 10) and due.hour == 10  # Monday the 9th is a holiday
    tuesday = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    miss = schedule.missed("week_approval", tuesday, ON, holidays)
    assert miss is not None and miss.period == "2026-03-02"
    assert schedule.missed("week_approval", tuesday, AppConfig(), holidays) is None
    assert "week_approval" in triggers(ON) and "week_approval" not in triggers(AppConfig())
    assert not schedule.runs_today("week_approval", date(2026, 3, 11), holidays)
