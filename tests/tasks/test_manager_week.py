"""A manager's week through the bot without typing a task number: triage the group's list,
reassign, move a deadline, correct a member's wrong entry, export the timesheet."""

from __future__ import annotations

import csv
import io
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task
from tests.tasks.conftest import (
    LAST_MONTH,
    MANAGER,
    PROG,
    PROG2,
    Team,
    entries_of,
    fresh,
    make_task,
)
from tests.tg import BotClient


async def test_a_week_of_a_manager_by_buttons(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    tasks = [
        await make_task(session, team, title=f"Task {n:02d}", assignee=team.prog, start=LAST_MONTH)
        for n in range(12)
    ]
    late = tasks[-1]  # past the first page of ten
    await tg.send(PROG, f"/log 9h #{late.id} вчера")  # a typo: it was 1.5 hours

    # Triage: the group's list, second page, the task's card.
    listed = await tg.send(MANAGER, "/tasks")
    assert "Стр. 1 из 2" in listed.text and f"#{late.id} " not in listed.text
    second = await tg.click(MANAGER, listed.button("▶"))
    assert second.of("EditMessageText") and f"#{late.id} Task 11" in second.text
    card = await tg.click(MANAGER, second.button(f"#{late.id} "))
    assert "Task 11" in card.text

    # Reassign to the other programmer, then move the deadline by a week.
    picker = await tg.click(MANAGER, card.button("Исполнитель"))
    card = await tg.click(MANAGER, picker.button("User21"))
    assert (await fresh(session, Task, late.id)).assignee_id == team.prog2.id
    assert any("Вам назначена задача" in t for t in card.to(PROG2))
    picker = await tg.click(MANAGER, card.button("Срок"))
    card = await tg.click(MANAGER, picker.button("+неделя"))
    assert (await fresh(session, Task, late.id)).deadline == date(2026, 3, 27)

    # Correct the wrong entry from the person's hours.
    hours = await tg.send(MANAGER, "/hours @ivan")
    day = await tg.click(MANAGER, hours.button("Вт 10.03"))
    menu = await tg.click(MANAGER, day.button("Изменить 1"))
    await tg.click(MANAGER, menu.button("Длительность"))
    fixed = await tg.send(MANAGER, "1ч30м")
    assert f"1. 1 ч 30 мин · #{late.id} Task 11" in fixed.text
    (entry,) = await entries_of(session, team.prog)
    assert entry.minutes == 90 and (await fresh(session, Task, late.id)).logged_min == 90

    # Export the month.
    export = await tg.send(MANAGER, "/timesheet backend csv")
    ((name, data),) = export.documents()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert name == "timesheet-2026-03-backend.csv"
    assert rows == [
        ["date", "person", "task", "hours", "comment"],
        ["2026-03-10", "User20 (e4)", str(late.id), "1.50", ""],
    ]
