"""Creating a task: the one-line `/newtask` form, the draft the dialog fills in, and the checks
every new task passes whichever way it was entered.

Decided here where the contract is silent:

* ESTIMATE is a duration in the /log forms, up to MAX_ESTIMATE_H hours.
* Dates take the /log forms plus `tomorrow`/`завтра`. `DD.MM` is the first such day from a month
  ago on: task dates lie ahead far more often than behind, while a day of the past month stays
  in this year, so a mistyped deadline is refused as passed instead of moving a year on.
* The start defaults to the creation day; the deadline may not be before the start nor before
  today, nor more than MAX_WINDOW_YEARS after the start (a plan over a longer window means
  nothing, and a typo such as 9999-12-31 would only cost time on every plan).
* In the one-line form, the lines after the first are the description (up to MAX_DESCRIPTION
  characters, line breaks kept).
* The assignee and the tester must be active, listed programmers or testers who are members of
  the task's group, and two different people.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Task
from models.tasks import PRIORITIES
from services import people
from services.errors import DomainError
from services.task_flow import CONTROL, Notice, check_assignable, notice_for, record
from services.tasks import ASSIGNABLE_ROLES, Scope
from services.timeparse import parse_day, parse_duration

MAX_TITLE = 200
MAX_DESCRIPTION = 3000
MAX_ESTIMATE_H = 1000
FIELDS = 6
_DAY_MONTH = re.compile(r"[0-9]{1,2}\.[0-9]{2}")
_TOMORROW = frozenset({"tomorrow", "завтра"})
RECENT = timedelta(days=31)


@dataclass(frozen=True)
class Draft:
    title: str
    assignee_id: int | None = None
    estimate_min: int | None = None
    start: date | None = None
    deadline: date | None = None
    tester_id: int | None = None
    group_id: int | None = None
    priority: str = "normal"
    description: str = ""

    def dump(self) -> dict[str, Any]:
        """Plain JSON-able values, for the dialog's state storage."""
        data = asdict(self)
        for key in ("start", "deadline"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def load(cls, data: dict[str, Any]) -> Draft:
        values: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__}
        for key in ("start", "deadline"):
            values[key] = date.fromisoformat(values[key]) if values[key] else None
        values["title"] = values["title"] or ""
        values["priority"] = values["priority"] or "normal"
        values["description"] = values["description"] or ""
        return cls(**values)

    def but(self, **changes: Any) -> Draft:
        return replace(self, **changes)


def clean_title(text: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise DomainError("newtask-title-empty")
    if len(title) > MAX_TITLE or CONTROL.search(title):
        raise DomainError("newtask-title", max=MAX_TITLE)
    return title


def clean_description(text: str) -> str:
    """Free text of several lines; trailing spaces of each line dropped."""
    body = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if len(body) > MAX_DESCRIPTION or CONTROL.search(body):
        raise DomainError("edit-description", max=MAX_DESCRIPTION)
    return body


def parse_estimate(text: str) -> int:
    minutes = parse_duration(text, MAX_ESTIMATE_H * 60)
    if minutes is None:
        raise DomainError("newtask-estimate", value=text.strip()[:20], max=MAX_ESTIMATE_H)
    return minutes


def parse_task_day(text: str, today: date) -> date:
    s = text.strip().lower()
    if s in _TOMORROW:
        return today + timedelta(days=1)
    if _DAY_MONTH.fullmatch(s):
        earliest = today - RECENT
        # Nine years reach the next 29 February whatever the year.
        for year in range(earliest.year, earliest.year + 9):
            day = parse_day(f"{s}.{year}", today)
            if day is not None and day >= earliest:
                return day
    else:
        day = parse_day(s, today)
        if day is not None:
            return day
    raise DomainError("newtask-date", value=text.strip()[:20])


def parse_window(text: str, today: date) -> tuple[date | None, date | None]:
    """`[START..]DEADLINE` to (start, deadline); either side may be empty."""
    parts = text.split("..")
    if len(parts) > 2:
        raise DomainError("newtask-date", value=text.strip()[:20])
    deadline_text = parts[-1].strip()
    start_text = parts[0].strip() if len(parts) == 2 else ""
    start = parse_task_day(start_text, today) if start_text else None
    deadline = parse_task_day(deadline_text, today) if deadline_text else None
    return start, deadline


MAX_WINDOW_YEARS = 3


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# Days that MAX_WINDOW_YEARS years hold at the least: a window no longer than that is never too
# long, so the date arithmetic runs only for the others (a plan checks thousands of windows).
_SHORTEST_LONG_WINDOW = 365 * MAX_WINDOW_YEARS


def window_too_long(start: date, deadline: date) -> bool:
    """More than MAX_WINDOW_YEARS from start to deadline."""
    if (deadline - start).days <= _SHORTEST_LONG_WINDOW:
        return False
    if start.year + MAX_WINDOW_YEARS > date.max.year:
        return False
    return deadline > _years_after(start, MAX_WINDOW_YEARS)


def check_window(
    start: date | None, deadline: date | None, today: date, *, past_ok: bool = False
) -> None:
    """The deadline is not in the past (unless `past_ok`: a start moved on an existing task),
    not before the start (by default today) and at most MAX_WINDOW_YEARS after it."""
    if deadline is None:
        return
    first = start or today
    if deadline < today and not past_ok:
        raise DomainError("newtask-deadline-past", deadline=deadline)
    if deadline < first:
        raise DomainError("newtask-deadline-before-start", start=first, deadline=deadline)
    if window_too_long(first, deadline):
        raise DomainError(
            "newtask-window-too-long",
            start=first,
            deadline=deadline,
            years=MAX_WINDOW_YEARS,
            example=_years_after(first if past_ok else today, 1),
        )


async def parse_oneline(session: AsyncSession, text: str, today: date) -> Draft:
    """`TITLE | PERSON | ESTIMATE | [START..]DEADLINE | TESTER | GROUP`, empty fields skipped;
    the lines after the first are the description."""
    first, _, rest = text.partition("\n")
    fields = [f.strip() for f in first.split("|")]
    if len(fields) > FIELDS:
        raise DomainError("newtask-usage")
    fields += [""] * (FIELDS - len(fields))
    title_text, person, estimate, window, tester, group_name = fields
    draft = Draft(title=clean_title(title_text), description=clean_description(rest))
    if person:
        draft = draft.but(assignee_id=(await people.resolve_person(session, person)).id)
    if estimate:
        draft = draft.but(estimate_min=parse_estimate(estimate))
    if window:
        start, deadline = parse_window(window, today)
        draft = draft.but(start=start, deadline=deadline)
    if tester:
        draft = draft.but(tester_id=(await people.resolve_person(session, tester)).id)
    if group_name:
        draft = draft.but(group_id=(await people.group_by_name(session, group_name)).id)
    return draft


async def creatable_groups(session: AsyncSession, scope: Scope) -> list[DevGroup]:
    """Groups this person may create tasks in: all for an admin, the led ones for a manager."""
    query = select(DevGroup).order_by(DevGroup.name)
    if not scope.is_admin:
        if not scope.led:
            return []
        query = query.where(DevGroup.id.in_(sorted(scope.led)))
    return list(await session.scalars(query))


async def group_choices(session: AsyncSession, scope: Scope, draft: Draft) -> list[DevGroup]:
    """Groups the draft could go to: creatable, with the assignee and the tester as members.
    An admin's own led group wins when it is the only one of them."""
    groups = await creatable_groups(session, scope)
    for emp_id in (draft.assignee_id, draft.tester_id):
        if emp_id is not None:
            mine = set(await people.member_group_ids(session, emp_id))
            groups = [g for g in groups if g.id in mine]
    led = [g for g in groups if g.id in scope.led]
    return led if len(groups) > 1 and len(led) == 1 else groups


async def check_draft(session: AsyncSession, scope: Scope, draft: Draft, today: date) -> DevGroup:
    """Every rule a new task must meet; returns its group."""
    group = await session.get(DevGroup, draft.group_id) if draft.group_id else None
    if group is None:
        raise DomainError("newtask-no-group")
    if not scope.is_admin and group.id not in scope.led:
        raise DomainError("newtask-group-not-led", group=group.name)
    if draft.assignee_id is not None and draft.assignee_id == draft.tester_id:
        raise DomainError("task-tester-is-assignee", person=f"e{draft.tester_id}")
    for emp_id, code in (
        (draft.assignee_id, "task-person-role"),
        (draft.tester_id, "task-tester-role"),
    ):
        if emp_id is not None:
            emp = await session.get(Employee, emp_id)
            if emp is None:
                raise DomainError("person-unknown", ref=f"e{emp_id}")
            await check_assignable(session, emp, group, code)
    check_window(draft.start, draft.deadline, today)
    if draft.priority not in PRIORITIES:
        raise DomainError("newtask-priority", value=draft.priority[:20])
    return group


async def create_task(
    session: AsyncSession, scope: Scope, draft: Draft, today: date
) -> tuple[Task, list[Notice]]:
    await check_draft(session, scope, draft, today)
    task = Task(
        title=clean_title(draft.title),
        description=clean_description(draft.description),
        group_id=draft.group_id,
        author_id=scope.emp.id,
        assignee_id=draft.assignee_id,
        tester_id=draft.tester_id,
        estimate_min=draft.estimate_min,
        start_date=draft.start or today,
        deadline=draft.deadline,
        priority=draft.priority,
        status="new",
        logged_min=0,
    )
    session.add(task)
    await session.flush()
    record(session, task, scope.emp, "created")
    notices: list[Notice] = []
    if draft.assignee_id is not None:
        assignee = await session.get(Employee, draft.assignee_id)
        notices = notice_for(assignee, scope.emp, "note-assigned", task)
    await session.commit()
    return task, notices


async def assignable_people(session: AsyncSession, group_id: int) -> list[Employee]:
    """Members of the group who may be given a task: listed, active programmers and testers."""
    rows = await session.scalars(
        select(Employee)
        .join(GroupMember, GroupMember.employee_id == Employee.id)
        .where(
            GroupMember.group_id == group_id,
            Employee.role.in_(ASSIGNABLE_ROLES),
            Employee.listed.is_(True),
            Employee.active.is_(True),
        )
        .order_by(Employee.id)
    )
    return [emp for emp in rows if people.is_usable(emp)]
