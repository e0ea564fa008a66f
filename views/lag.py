"""Lag alerts: the assignee's list of their tasks behind plan and the managers' digest."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from services.planning import TaskRow
from views.i18n import Translator


def task_line(row: TaskRow, tr: Translator) -> str:
    plan, task = row.plan, row.task
    assert plan is not None and task.deadline is not None
    fields = {
        "id": task.id,
        "title": task.title,
        "lag": plan.lag_h or Decimal(0),
        "days": plan.lag_days or Decimal(0),
        "deadline": task.deadline,
    }
    if plan.forecast_finish is None:
        return tr("jobs-lag-task-beyond", **fields)
    if plan.late_days:
        finish = plan.forecast_finish
        return tr("jobs-lag-task-late", late=plan.late_days, finish=finish, **fields)
    return tr("jobs-lag-task", **fields)


def own_text(rows: list[TaskRow], day: date, tr: Translator) -> str:
    lines = [tr("jobs-lag-own-title", date=day)]
    lines += [task_line(row, tr) for row in rows]
    lines += ["", tr("jobs-lag-own-footer", id=rows[0].task.id)]
    return "\n".join(lines)


def digest_lines(rows: list[TaskRow], tr: Translator) -> list[str]:
    """The tasks of one group, person by person."""
    by_person: dict[int, list[TaskRow]] = defaultdict(list)
    for row in rows:
        assert row.assignee is not None
        by_person[row.assignee.id].append(row)
    lines = []
    for own in by_person.values():
        assert own[0].assignee is not None
        lines.append(tr("jobs-lag-person", person=own[0].assignee.display))
        lines += [f"  {task_line(row, tr)}" for row in own]
    return lines


def digest_text(title: str, by_group: dict[str, list[TaskRow]], tr: Translator) -> str:
    lines = [title]
    for name in sorted(by_group):
        if len(by_group) > 1:
            lines += ["", tr("jobs-lag-group", group=name)]
        lines += digest_lines(by_group[name], tr)
    lines += ["", tr("jobs-lag-digest-footer")]
    return "\n".join(lines)
