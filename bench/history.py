"""Tasks and time entries of the synthetic company, over the past `months` months.

Each assignable person works through their tasks one after another: the past working days are
cut into consecutive windows, one task each (done, a few cancelled or waiting for review); the
last window runs past today (in progress) and two more tasks start later (new). On every working
day before today (weekday, not a public holiday) each person logs a few entries that add up to
about their scheduled hours, most of them on the task of that day's window, the rest general
work. Entries are spread so that their total is exactly `entries`; tasks.logged_min is set to
the sum of each task's entries afterwards, as services.timelog keeps it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.rows import insert_rows, table
from services.calendar import country_holidays

if TYPE_CHECKING:
    from bench.data import Company, Shape

Week = tuple[int, ...]  # minutes Monday..Sunday
COUNTRY = "RU"
ON_TASK = 0.8  # share of entries on a task; the rest is general work
AHEAD = 2  # tasks per person that have not started yet


@dataclass
class Window:
    task_id: int
    first: int  # index into the working days
    last: int


def working_days(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5 and day not in country_holidays(COUNTRY, day.year):
            days.append(day)
        day += timedelta(days=1)
    return days


def _split(count: int, parts: int, rnd: random.Random) -> list[int]:
    """`count` items cut into `parts` consecutive non-empty runs of uneven length."""
    parts = max(1, min(parts, count))
    weights = [rnd.uniform(0.5, 1.5) for _ in range(parts)]
    scale = count / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[-1] = max(1, count - sum(sizes[:-1]))
    while sum(sizes) > count:
        sizes[sizes.index(max(sizes))] -= 1
    return sizes


class History:
    def __init__(
        self,
        shape: Shape,
        today: date,
        first: date,
        weeks: dict[int, Week],
        staff: list[int],
        home: dict[int, int],
        rnd: random.Random,
    ) -> None:
        self.shape, self.today, self.weeks = shape, today, weeks
        self.staff, self.home, self.rnd = staff, home, rnd
        self.days = working_days(first, today - timedelta(days=1))
        self.windows: dict[int, list[Window]] = {}
        self.by_day: dict[int, list[int | None]] = {}
        self.logged: dict[int, int] = {}
        self.created = datetime.combine(first, time(9))

    def _task(self, task_id: int, emp: int, group: int, **fields: Any) -> dict[str, Any]:
        return {
            "id": task_id,
            "title": f"Task {task_id}",
            "description": "",
            "group_id": group,
            "author_id": 1,
            "assignee_id": emp,
            "tester_id": None,
            "priority": ("normal", "high", "low")[task_id % 7 % 3],
            "logged_min": 0,
            "created_at": self.created,
            "updated_at": self.created,
            **fields,
        }

    def _estimate(self, emp: int, days: int) -> int:
        daily = max(self.weeks[emp][:5])
        return max(60, round(days * daily * self.rnd.uniform(0.6, 1.2) / 30) * 30)

    def _person_tasks(self, emp: int, count: int, next_id: int) -> list[dict[str, Any]]:
        group, rows, days = self.home[emp], [], self.days
        past = max(1, count - AHEAD) if days else 0
        sizes = _split(len(days), past, self.rnd) if past else []
        start, windows = 0, []
        for n, size in enumerate(sizes):
            last = start + size - 1
            current = n == len(sizes) - 1
            status = "done" if self.rnd.random() < 0.95 else "cancelled"
            if current:
                status = "in_progress"
            elif n == len(sizes) - 2:
                status = "review"
            deadline = self.today + timedelta(days=size // 2 + 3) if current else days[last]
            rows.append(
                self._task(
                    next_id,
                    emp,
                    group,
                    estimate_min=self._estimate(emp, size + (size // 2 if current else 0)),
                    start_date=days[start],
                    deadline=deadline,
                    status=status,
                )
            )
            windows.append(Window(next_id, start, last))
            next_id, start = next_id + 1, last + 1
        for n in range(count - len(sizes)):
            begin = self.today + timedelta(days=7 + 14 * n)
            rows.append(
                self._task(
                    next_id,
                    emp,
                    group,
                    estimate_min=self._estimate(emp, 8),
                    start_date=begin,
                    deadline=begin + timedelta(days=11),
                    status="new",
                )
            )
            next_id += 1
        self.windows[emp] = windows
        by_day: list[int | None] = [None] * len(days)
        for window in windows:
            by_day[window.first : window.last + 1] = [window.task_id] * (
                window.last - window.first + 1
            )
        self.by_day[emp] = by_day
        return rows

    def tasks(self, bench_members: dict[int, list[int]]) -> Iterator[dict[str, Any]]:
        staff = set(self.staff)
        # Only programmers and testers take tasks; other members of a bench group have none.
        bench_members = {
            g: [e for e in people if e in staff] for g, people in bench_members.items()
        }
        bench_count = sum(len(m) for m in bench_members.values())
        regular = max(0, self.shape.tasks - bench_count)
        next_id = 1
        for n, emp in enumerate(self.staff):
            count = regular // len(self.staff) + (n < regular % len(self.staff))
            rows = self._person_tasks(emp, count, next_id) if count else []
            next_id += len(rows)
            yield from rows
        for group, people in bench_members.items():
            for emp in people:
                yield self._task(
                    next_id,
                    emp,
                    group,
                    estimate_min=20 * 60,
                    start_date=self.today - timedelta(days=7),
                    deadline=self.today + timedelta(days=10),
                    status="in_progress",
                )
                next_id += 1

    def _task_on(self, emp: int, index: int) -> int | None:
        by_day = self.by_day.get(emp)
        return by_day[index] if by_day else None

    def entries(self, people: int) -> Iterator[dict[str, Any]]:
        person_days = people * len(self.days)
        rate = self.shape.entries / person_days if person_days else 0.0
        acc = 0.0
        for emp in range(1, people + 1):
            for index, day in enumerate(self.days):
                acc += rate
                count = int(acc)
                acc -= count
                if count:
                    yield from self._day(emp, index, day, count)

    def _day(self, emp: int, index: int, day: date, count: int) -> Iterator[dict[str, Any]]:
        rnd = self.rnd
        capacity = self.weeks[emp][day.weekday()] or 480
        total = min(24 * 60, max(count, int(capacity * rnd.uniform(0.75, 1.1))))
        cuts = sorted(rnd.sample(range(1, total), count - 1)) if count > 1 else []
        task = self._task_on(emp, index)
        at = datetime.combine(day, time(15))
        for n, (a, b) in enumerate(zip([0, *cuts], [*cuts, total], strict=True)):
            task_id = task if task is not None and rnd.random() < ON_TASK else None
            if task_id is not None:
                self.logged[task_id] = self.logged.get(task_id, 0) + (b - a)
            yield {
                "employee_id": emp,
                "task_id": task_id,
                "day": day,
                "minutes": b - a,
                "comment": "",
                "created_by": emp,
                "created_at": at + timedelta(minutes=n),
            }

    async def write(
        self, engine: AsyncEngine, company: Company, bench_members: dict[int, list[int]]
    ) -> None:
        async with engine.begin() as conn:
            company.rows["tasks"] = await insert_rows(conn, "tasks", self.tasks(bench_members))
            people = len(self.weeks)
            company.rows["time_entries"] = await insert_rows(
                conn, "time_entries", self.entries(people)
            )
            tasks = table("tasks")
            counters = [{"tid": t, "lm": m} for t, m in self.logged.items()]
            if counters:
                await conn.execute(
                    update(tasks)
                    .where(tasks.c.id == bindparam("tid"))
                    .values(logged_min=bindparam("lm")),
                    counters,
                )
