"""payroll_summary end to end: the fake Bot API with faults, the ledger, the lock."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.runner import JobRunner
from models import Employee, JobRun, Lease, MonthLock, SentMessage
from services import clock
from services.config import AppConfig
from tests.fake_api import FakeBotAPI
from tests.jobs.data import FEB, company, delivered, documents_to, sent_to
from views import jobs as jobtexts
from views.i18n import Translator

PERSONAL = {101: "100\u00a0000\u00a0₽", 102: "RUB\u00a010,000", 103: "80\u00a0000\u00a0₽"}


async def test_everyone_gets_exactly_one_summary_despite_429_and_5xx(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    await company(session)
    api.fail_next("sendMessage", 429, retry_after=1, times=2)
    api.fail_next("sendMessage", 500, times=2)
    api.fail_next("sendDocument", 502)
    report = await runner.run("payroll_summary", "2026-02")
    assert (report.status, report.sent, report.skipped, report.failed) == ("done", 5, 0, 0)
    for chat, amount in PERSONAL.items():
        texts = sent_to(api, chat)
        assert len(texts) == 1, (chat, texts)
        assert amount in texts[0]
    assert "Your pay for February 2026" in sent_to(api, 102)[0]
    assert sent_to(api, 104) == [] and sent_to(api, 105) == []  # left; no pay terms
    admin = sent_to(api, 1)
    assert len(admin) == 2 and "Оплата за" in admin[0]
    assert "240\u00a0000\u00a0₽" in admin[0] and "e5 User104" in admin[0]
    assert documents_to(api, 1) == ["payroll-2026-02.xlsx"]
    assert await session.get(MonthLock, FEB) is not None
    run = await session.scalar(select(JobRun))
    assert run is not None and (run.job, run.period, run.trigger, run.status, run.sent) == (
        "payroll_summary",
        "2026-02",
        "manual",
        "done",
        5,
    )
    assert await session.scalar(select(Lease)) is None  # the run lease is given back


async def test_a_rerun_sends_nothing_and_says_so(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession, config: AppConfig
) -> None:
    await company(session)
    await runner.run("payroll_summary", "2026-02")
    before = delivered(api)
    again = await runner.run("payroll_summary", "2026-02")
    assert delivered(api) == before == 5
    assert (again.status, again.sent, again.skipped, again.failed) == ("done", 0, 5, 0)
    text = jobtexts.outcome(again, config, Translator("ru"))
    assert "Ничего нового не отправлено" in text and "пропущено: 5" in text


async def test_a_blocked_person_is_marked_and_reported_and_the_others_get_theirs(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    staff = await company(session)
    api.block_chat(102)
    report = await runner.run("payroll_summary", "2026-02")
    assert (report.status, report.sent, report.failed) == ("done", 4, 1)
    assert report.unreachable == [staff.olga.display]
    await session.refresh(staff.olga)
    assert staff.olga.unreachable
    assert len(sent_to(api, 101)) == 1 and len(sent_to(api, 103)) == 1
    admin = sent_to(api, 1)
    assert len(admin) == 3  # table, file, and one report of the unreachable
    assert staff.olga.display in admin[2] and "заблокировали" in admin[2]
    run = await session.scalar(select(JobRun))
    assert run is not None and staff.olga.display in run.detail


async def test_a_failed_send_is_retried_by_the_next_run_only(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession, config: AppConfig
) -> None:
    staff = await company(session)
    api.fail_next("sendMessage", 500, times=6, chat_id=101)  # beyond the sender's 5 retries
    first = await runner.run("payroll_summary", "2026-02")
    assert (first.status, first.sent, first.failed, first.retryable) == ("partial", 4, 1, 1)
    assert sent_to(api, 101) == []
    assert "/jobs run payroll_summary 2026-02" in jobtexts.outcome(first, config, Translator("en"))
    await session.refresh(staff.ivan)
    assert not staff.ivan.unreachable
    second = await runner.run("payroll_summary", "2026-02")
    assert (second.status, second.sent, second.skipped) == ("done", 1, 4)
    assert len(sent_to(api, 101)) == 1
    assert delivered(api) == 5


async def test_the_message_in_flight_when_a_run_died_is_sent_again(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    await company(session)
    # A run that died holding its lease, just after claiming e2 (ivan).
    session.add(SentMessage(job="payroll_summary", period="2026-02", recipient="e2"))
    session.add(
        Lease(
            name="run:payroll_summary:2026-02",
            holder="dead",
            expires_at=clock.utcnow_naive() + timedelta(seconds=5),
        )
    )
    await session.commit()
    busy = await runner.run("payroll_summary", "2026-02")
    assert busy.status == "busy" and delivered(api) == 0
    clock.set_now(clock.now() + timedelta(seconds=6))
    report = await runner.run("payroll_summary", "2026-02")
    assert (report.status, report.sent) == ("done", 5)
    assert len(sent_to(api, 101)) == 1


async def test_the_unreachable_flag_is_cleared_when_a_message_gets_through(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    staff = await company(session)
    staff.ivan.unreachable = True
    await session.commit()
    await runner.run("payroll_summary", "2026-02")
    flag = await session.scalar(select(Employee.unreachable).where(Employee.id == staff.ivan.id))
    assert flag is False
