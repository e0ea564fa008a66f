"""lag_alerts end to end: assignees, lead managers and the bound chat, each once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from jobs.lag_alerts import is_lagging
from jobs.runner import JobRunner
from services import clock
from services.plan import FLAG_NO_SCHEDULE, FLAG_OK, PlanTask, TaskPlan
from tests.fake_api import FakeBotAPI
from tests.jobs.data import TEAM_CHAT, delivered, sent_to, team


async def test_each_recipient_gets_one_alert_despite_faults(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    await team(session)
    api.fail_next("sendMessage", 429, retry_after=2)
    api.fail_next("sendMessage", 503, times=3)
    report = await runner.run("lag_alerts")
    assert (report.period, report.status, report.sent, report.failed) == (
        "2026-03-11",
        "done",
        4,
        0,
    )

    ivan = sent_to(api, 101)
    assert len(ivan) == 1
    assert ivan[0].startswith("Ваши задачи с отставанием от плана, 11.03.2026:")
    assert "#1 Task of User101 — отставание 26,67 ч, это 3,3 дня; срок 13.03.2026" in ivan[0]
    assert "на 2 рабочих дня позже, 17.03.2026" in ivan[0]
    assert "#4" not in ivan[0]  # no estimate: listed by /plan, not lag-tracked

    petr = sent_to(api, 103)
    assert len(petr) == 1 and "#3" in petr[0] and "отставание 1 ч" in petr[0]
    assert sent_to(api, 102) == []  # olga is on track

    mike = sent_to(api, 150)
    assert len(mike) == 1 and "в ваших группах" in mike[0]
    assert "Группа backend:" in mike[0] and "Группа mobile:" in mike[0]
    assert "User101 (e2):" in mike[0] and "#3" in mike[0]

    chat = sent_to(api, TEAM_CHAT)
    assert len(chat) == 1 and "в backend" in chat[0]
    assert "#1" in chat[0] and "#3" not in chat[0]
    assert sent_to(api, 1) == []  # the admin leads nothing


async def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_does(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    await team(session)
    await runner.run("lag_alerts")
    again = await runner.run("lag_alerts")
    assert (again.sent, again.skipped) == (0, 4) and delivered(api) == 4
    clock.set_now(clock.now() + timedelta(days=1))
    tomorrow = await runner.run("lag_alerts")
    assert tomorrow.period == "2026-03-12" and tomorrow.sent == 4


async def test_a_chat_the_bot_was_removed_from_is_reported(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    await team(session)
    api.block_chat(TEAM_CHAT)
    report = await runner.run("lag_alerts")
    assert (report.sent, report.failed, report.status) == (3, 1, "done")
    assert report.unreachable == [f"backend ({TEAM_CHAT})"]
    admin = sent_to(api, 1)
    assert len(admin) == 1 and f"backend ({TEAM_CHAT})" in admin[0]
    assert len(sent_to(api, 101)) == 1 and len(sent_to(api, 150)) == 1


async def test_english_speakers_get_english(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await team(session)
    data.staff.ivan.language = "en"
    await session.commit()
    await runner.run("lag_alerts")
    (text,) = sent_to(api, 101)
    assert text.startswith("Your tasks behind plan, 11 Mar 2026:")
    assert "behind by 26.67 h, that is 3.3 days" in text and "2 working days late" in text


def _plan(flag: str, lag: str | None, late: int | None, finish: bool = True) -> TaskPlan:
    task = PlanTask(1, "t", "g", 1, "new", 60, 0, date(2026, 3, 2), date(2026, 3, 13))
    lag_h = None if lag is None else Decimal(lag)
    return TaskPlan(
        task, flag, None, Decimal(0), lag_h, None, None, date(2026, 3, 13) if finish else None, late
    )


def test_what_counts_as_lagging() -> None:
    four = Decimal(4)
    assert is_lagging(_plan(FLAG_OK, "4.00", 0), four)
    assert not is_lagging(_plan(FLAG_OK, "3.99", 0), four)
    assert is_lagging(_plan(FLAG_OK, "0.00", 1), four)
    assert is_lagging(_plan(FLAG_OK, "0.00", None, finish=False), four)  # beyond the horizon
    assert not is_lagging(_plan(FLAG_NO_SCHEDULE, None, None), four)
    assert not is_lagging(None, four)


async def test_a_task_in_review_raises_no_alert(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    """SPEC §3: a task in review accrues no lag; #1 lags by 26.67 h and #3 by 1 h otherwise."""
    from models import Task

    await team(session)
    for task_id in (1, 3):
        task = await session.get(Task, task_id)
        assert task is not None
        task.status = "review"
    await session.commit()
    await runner.run("lag_alerts")
    assert sent_to(api, 101) == [] and sent_to(api, 103) == []
    assert all("#1 " not in text and "#3 " not in text for text in sent_to(api, 150))
