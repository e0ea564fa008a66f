"""/jobs through the real Dispatcher: the admin lists and runs jobs, nobody else may."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from jobs.runner import JobRunner
from models import JobRun, MonthLock
from services.config import AppConfig
from tests import factories
from tests.conftest import ADMIN_TG
from tests.jobs.conftest import no_wait
from tests.jobs.data import FEB, company
from tests.tg import BotClient


@pytest.fixture
def jobs_client(
    client: BotClient, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> BotClient:
    limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000)
    sender = create_sender(client.bot, sessionmaker, limiter, sleep=no_wait)
    client.dp["job_runner"] = JobRunner(sessionmaker, sender, config, holder="bot")
    return client


async def test_admin_sees_the_jobs_with_next_and_last_runs(
    jobs_client: BotClient, session: AsyncSession
) -> None:
    await company(session)
    reply = await jobs_client.send(ADMIN_TG, "/jobs")
    text = reply.text
    for name in ("lag_alerts", "log_reminders", "payroll_summary"):
        assert f"({name})" in text
    assert "Следующий запуск: 11.03.2026 18:30" in text  # reminders, later today
    assert "Следующий запуск: 12.03.2026 10:00" in text  # lag alerts, tomorrow
    assert "Следующий запуск: 01.04.2026 09:00" in text
    assert text.count("Последний запуск: ещё не было") == 4
    assert "(week_approval) — выключено (WEEK_APPROVAL=off)" in text
    await jobs_client.send(ADMIN_TG, "/jobs run payroll_summary 2026-02")
    after = (await jobs_client.send(ADMIN_TG, "/jobs")).text
    assert "Последний запуск: 11.03.2026 12:00, 2026-02, вручную — выполнено: отправлено 5" in after


async def test_admin_runs_payroll_and_a_second_run_sends_nothing(
    jobs_client: BotClient, session: AsyncSession
) -> None:
    await company(session)
    reply = await jobs_client.send(ADMIN_TG, "/jobs run payroll_summary 2026-02")
    assert "Итоги оплаты за месяц за 2026-02: выполнено." in reply.text
    assert "Отправлено: 5." in reply.text
    summaries = reply.to(101)
    assert len(summaries) == 1 and "100\u00a0000\u00a0₽" in summaries[0]
    assert [name for name, _ in reply.documents()] == ["payroll-2026-02.xlsx"]
    assert await session.get(MonthLock, FEB) is not None
    again = await jobs_client.send(ADMIN_TG, "/jobs run payroll_summary 2026-02")
    assert again.to(101) == [] and again.documents() == []
    assert "Отправлено: 0." in again.text and "Ничего нового не отправлено" in again.text


async def test_bad_arguments_are_explained(jobs_client: BotClient, session: AsyncSession) -> None:
    await company(session)
    cases = {
        "/jobs start": "Формат: /jobs",
        "/jobs run": "Формат: /jobs",
        "/jobs run backup": "Нет задания «backup»",
        "/jobs run lag_alerts 2026-02": "месяц не нужен",
        "/jobs run payroll_summary 2026-03": "ещё не закончился",
        "/jobs run payroll_summary март": "не месяц",
    }
    for command, expected in cases.items():
        reply = await jobs_client.send(ADMIN_TG, command)
        assert expected in reply.text, (command, reply.text)
    assert await session.scalar(select(func.count()).select_from(JobRun)) == 0


@pytest.mark.parametrize("role", ["programmer", "manager"])
async def test_others_are_refused(jobs_client: BotClient, session: AsyncSession, role: str) -> None:
    await company(session)
    await factories.employee(session, 300, role, "someone")
    for command in ("/jobs", "/jobs run payroll_summary 2026-02"):
        reply = await jobs_client.send(300, command)
        assert "недоступна" in reply.text, reply.text
        assert reply.to(101) == []
    assert await session.scalar(select(func.count()).select_from(JobRun)) == 0
