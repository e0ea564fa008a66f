"""Task and time services without a bot: dates of the task form, timer splits, the sums other
features read, and tasks.logged_min staying equal to the entries."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task, TimeEntry
from services import clock, tasks, timelog
from services.errors import DomainError
from services.task_create import Draft, parse_task_day, parse_window
from services.timers import split_by_day
from tests.tasks.conftest import LAST_MONTH, TODAY, Team, make_task

MSK = "Europe/Moscow"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20.03", date(2026, 3, 20)),
        ("01.03", date(2026, 3, 1)),  # the past month stays in this year
        ("09.02", date(2026, 2, 9)),
        ("05.02", date(2027, 2, 5)),  # further back: next year
        ("15.12", date(2026, 12, 15)),
        ("29.02", date(2028, 2, 29)),
        ("завтра", date(2026, 3, 12)),
        ("Tomorrow", date(2026, 3, 12)),
        ("вчера", date(2026, 3, 10)),
        ("2027-01-31", date(2027, 1, 31)),
        ("31.12.2026", date(2026, 12, 31)),
    ],
)
def test_task_dates(text: str, expected: date) -> None:
    assert parse_task_day(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["31.02", "32.01", "2026-02-30", "1.2", "next week", "", "12.03.26"]
)
def test_bad_task_dates(text: str) -> None:
    with pytest.raises(DomainError) as error:
        parse_task_day(text, TODAY)
    assert error.value.code == "newtask-date"


def test_windows() -> None:
    assert parse_window("12.03..20.03", TODAY) == (date(2026, 3, 12), date(2026, 3, 20))
    assert parse_window(" 20.03 ", TODAY) == (None, date(2026, 3, 20))
    assert parse_window("12.03..", TODAY) == (date(2026, 3, 12), None)
    with pytest.raises(DomainError):
        parse_window("1.03..2.03..3.03", TODAY)


def test_draft_survives_state_storage() -> None:
    draft = Draft(title="T", assignee_id=4, estimate_min=90, deadline=date(2026, 3, 20))
    assert Draft.load(draft.dump()) == draft
    assert Draft.load({"title": "T"}) == Draft(title="T")


def test_timer_split_by_local_day() -> None:
    start = datetime(2026, 3, 11, 19, 0)  # 22:00 Moscow
    end = datetime(2026, 3, 13, 1, 20)  # 04:20 Moscow two days later
    parts = split_by_day(start, end, MSK)
    assert parts == [
        (date(2026, 3, 11), 120),
        (date(2026, 3, 12), 1440),
        (date(2026, 3, 13), 260),
    ]
    assert sum(m for _, m in parts) == 30 * 60 + 20
    assert split_by_day(start, datetime(2026, 3, 11, 19, 40, 31), MSK) == [(date(2026, 3, 11), 41)]


async def test_sums_for_other_features(session: AsyncSession, team: Team) -> None:
    scope = await tasks.scope_of(session, team.prog)
    for minutes, day in ((60, TODAY), (30, TODAY), (120, date(2026, 3, 10))):
        await timelog.log_time(
            session,
            scope,
            minutes=minutes,
            day=day,
            task_id=None,
            comment="",
            today=TODAY,
            update_id=None,
        )
    assert await timelog.day_minutes(session, team.prog.id, TODAY) == 90
    assert await timelog.minutes_by_day(session, team.prog.id, date(2026, 3, 1), TODAY) == {
        TODAY: 90,
        date(2026, 3, 10): 120,
    }
    assert await timelog.minutes_on(session, [team.prog.id, team.tester.id], TODAY) == {
        team.prog.id: 90,
        team.tester.id: 0,
    }


async def test_open_task_lists(session: AsyncSession, team: Team) -> None:
    late = await make_task(session, team, assignee=team.prog, deadline=date(2026, 3, 30))
    soon = await make_task(session, team, assignee=team.prog, deadline=date(2026, 3, 12))
    await make_task(session, team, assignee=team.prog, status="done")
    web = await make_task(session, team, assignee=team.outsider, group=team.web, deadline=None)
    assert [t.id for t in await tasks.own_open_tasks(session, team.prog.id)] == [soon.id, late.id]
    assert [t.id for t in await tasks.open_tasks(session)] == [soon.id, late.id, web.id]
    assert [t.id for t in await tasks.open_tasks(session, [team.web.id])] == [web.id]
    assert await tasks.open_tasks(session, []) == []
    assert await tasks.open_counts(session, None) == {
        team.backend.id: {"new": 2},
        team.web.id: {"new": 1},
    }


async def test_logged_min_stays_equal_to_the_entries(session: AsyncSession, team: Team) -> None:
    rng = random.Random(11)
    work = [await make_task(session, team, assignee=team.prog, start=LAST_MONTH) for _ in range(3)]
    scope = await tasks.scope_of(session, team.prog)
    for step in range(60):
        clock.set_now(datetime(2026, 3, 11, 9, step, tzinfo=UTC))
        if rng.random() < 0.3:
            try:
                await timelog.undo(session, scope, None, None)
            except DomainError:
                await session.rollback()
            continue
        try:
            await timelog.log_time(
                session,
                scope,
                minutes=rng.randint(1, 300),
                day=date(2026, 3, rng.randint(1, 11)),
                task_id=rng.choice(work).id,
                comment="",
                today=TODAY,
                update_id=step,
            )
        except DomainError as error:
            assert error.code == "log-day-full"
            await session.rollback()
    sums = dict(
        (
            await session.execute(
                select(TimeEntry.task_id, func.sum(TimeEntry.minutes)).group_by(TimeEntry.task_id)
            )
        ).all()
    )
    for task in work:
        stored = await session.get(Task, task.id, populate_existing=True)
        assert stored is not None
        assert stored.logged_min == sums.get(task.id, 0)
    assert sum(sums.values()) > 0
