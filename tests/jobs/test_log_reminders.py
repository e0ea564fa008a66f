"""log_reminders end to end: who is reminded, what they read and the quick-log buttons."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from jobs.runner import JobRunner
from models import TimeEntry, Timer
from services import clock
from tests import factories
from tests.fake_api import FakeBotAPI
from tests.jobs.data import sent_to, task, team
from tests.pay import helpers as h
from tests.tg import BotClient
from views.reminders import compact

TODAY = date(2026, 3, 11)


def keyboard(api: FakeBotAPI, chat_id: int) -> list[str]:
    (call,) = [
        c
        for c in api.calls_of("sendMessage")
        if c["status"] == 200 and c["params"]["chat_id"] == chat_id
    ]
    markup = call["params"]["reply_markup"]
    return [button["text"] for row in markup["inline_keyboard"] for button in row]


async def test_people_short_of_their_day_are_reminded_once(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await team(session)
    staff = data.staff
    session.add(TimeEntry(employee_id=staff.ivan.id, day=TODAY, minutes=90, created_by=1))
    session.add(TimeEntry(employee_id=staff.ivan.id, day=TODAY, minutes=30, created_by=1))
    session.add(TimeEntry(employee_id=staff.olga.id, day=TODAY, minutes=480, created_by=1))
    await h.absence(session, staff.petr, TODAY, TODAY)  # on vacation today
    external = await h.person(session, 160, "external")
    await h.schedule(session, external)
    await h.schedule(session, data.mike, (4, 4, 4, 4, 4, 0, 0))
    await session.commit()
    api.fail_next("sendMessage", 500)

    report = await runner.run("log_reminders")

    assert (report.period, report.status, report.sent) == ("2026-03-11", "done", 3)
    (ivan,) = sent_to(api, 101)
    assert ivan.startswith("Сегодня записано 2 ч из 8 ч.")
    assert "/log 6ч #1" in ivan
    # today's rest on each open task or as general work; then Tuesday, short too (Monday the
    # 9th is a holiday), on the task in progress
    assert keyboard(api, 101) == [
        "Записать 6 ч на #1 за сегодня",
        "Записать 6 ч на #4 за сегодня",
        "Записать 6 ч за сегодня без задачи",
        "Записать 8 ч на #1 за 10.03 (вт)",
    ]
    assert "Не хватает часов и за прошлые дни недели: Вт 10.03 — 8 ч." in ivan
    (mike,) = sent_to(api, 150)
    assert "0 мин из 4 ч" in mike and keyboard(api, 150) == [
        "Записать 4 ч за сегодня без задачи",
        "Записать 4 ч за 10.03 (вт) без задачи",
    ]
    (anna,) = sent_to(api, 105)  # has a schedule and logged nothing
    assert "0 мин из 8 ч" in anna
    for chat in (102, 103, 104, 160, 1):  # enough logged, vacation, left, external, no schedule
        assert sent_to(api, chat) == [], chat
    again = await runner.run("log_reminders")
    assert (again.sent, again.skipped) == (0, 3)


async def test_tasks_offered_are_open_ones_in_progress_first(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await team(session)
    await task(session, data.backend, data.staff.olga, 4, TODAY, TODAY, status="new")
    await task(session, data.backend, data.staff.olga, 4, TODAY, TODAY, status="review")
    data.staff.olga.language = "en"
    await session.commit()
    await runner.run("log_reminders")
    (text,) = sent_to(api, 102)
    assert text.startswith("You have logged 0 min of 8 h today.")
    assert keyboard(api, 102) == [
        "Log 8 h on #2 for today",
        "Log 8 h on #5 for today",
        "Log 8 h for today, no task",
        "Log 8 h on #2 for Tue 10 Mar",
    ]


def test_durations_fit_one_log_token() -> None:
    assert [compact(m, "ru") for m in (30, 60, 150, 480)] == ["30м", "1ч", "2ч30м", "8ч"]
    assert [compact(m, "en") for m in (30, 60, 150)] == ["30m", "1h", "2h30m"]


async def test_remind_off_is_honoured_and_a_running_timer_is_mentioned(
    api: FakeBotAPI,
    runner: JobRunner,
    session: AsyncSession,
    client: BotClient,
) -> None:
    data = await team(session)
    session.add(Timer(employee_id=data.staff.olga.id, task_id=2, started_at=clock.utcnow_naive()))
    await session.commit()
    off = await client.send(105, "/remind off")
    assert off.text.startswith("Напоминания выключены.")
    assert (await client.send(105, "/remind")).text.startswith("Напоминания записать время выкл")
    assert "Формат: /remind on" in (await client.send(105, "/remind maybe")).text

    await runner.run("log_reminders")
    assert sent_to(api, 105) == []  # anna said /remind off
    (olga,) = sent_to(api, 102)
    assert "The timer on task #2 is still running" in olga

    await client.send(105, "/remind on")
    clock.set_now(clock.now() + timedelta(days=1))
    await runner.run("log_reminders")
    assert len(sent_to(api, 105)) == 1


async def test_the_next_morning_each_lead_learns_who_logged_nothing(
    api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await team(session)
    yesterday = date(2026, 3, 10)
    session.add(TimeEntry(employee_id=data.staff.olga.id, day=yesterday, minutes=60, created_by=1))
    qa_lead = await h.person(session, 170, "manager")
    await factories.group(session, "qa", qa_lead, [data.staff.anna])
    session.add(TimeEntry(employee_id=data.staff.anna.id, day=yesterday, minutes=480, created_by=1))
    await session.commit()

    await runner.run("lag_alerts")
    (mike,) = sent_to(api, 150)
    assert "Ничего не записали за 10.03.2026:\n• User101 (e2)\n• User103 (e4)" in mike
    assert "User102" not in mike.split("Ничего не записали")[1]  # olga logged an hour
    assert sent_to(api, 170) == []  # everyone in qa logged, and nothing lags there
