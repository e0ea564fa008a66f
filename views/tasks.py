"""Task texts: the card, list lines and the hours logged against the estimate."""

from __future__ import annotations

from datetime import date

from models import Employee
from services.plan import FLAG_OK, TaskPlan
from services.task_card import Change, TaskCard
from services.tasks import Listed
from services.textsplit import MESSAGE_LIMIT, fit, utf16_len
from views import formats
from views.i18n import Translator
from views.plan import forecast_text

_COMMENT_KEYS = {"in_progress": "task-card-returned", "cancelled": "task-card-cancel-reason"}
DESCRIPTION_ON_CARD = 1500  # UTF-16 units; the rest is cut with "…"
VALUE_IN_HISTORY = 60


def person(emp: Employee | None) -> str:
    return emp.display if emp is not None else "—"


def logged_vs_estimate(task: Listed, tr: Translator) -> str:
    logged = formats.duration(task.logged_min, tr)
    if task.estimate_min is None:
        return tr("task-logged-no-estimate", logged=logged)
    estimate = formats.duration(task.estimate_min, tr)
    return tr("task-logged-of", logged=logged, estimate=estimate)


def task_line(
    task: Listed,
    tr: Translator,
    me_id: int | None = None,
    outlook: TaskPlan | None = None,
    *,
    hours: bool = True,
    status: bool = True,
) -> str:
    """One task in a list; `hours` False for externals (SPEC §1: no hours for them); `status`
    False under a heading that already names it."""
    parts = [f"#{task.id} {task.title}"]
    if status:
        parts.append(tr(f"status-{task.status}"))
    if task.deadline is not None:
        parts.append(tr("task-line-deadline", date=task.deadline))
    if hours:
        parts.append(logged_vs_estimate(task, tr))
    if outlook is not None and outlook.flag == FLAG_OK:
        if outlook.lag_h:
            parts.append(tr("task-line-lag", lag=outlook.lag_h))
        finish, deadline = outlook.forecast_finish, task.deadline
        if finish is None or (deadline is not None and finish > deadline):
            parts.append(forecast_text(outlook, tr))
    if me_id is not None and task.tester_id == me_id:
        parts.append(tr("task-line-testing"))
    return " · ".join(parts)


def outlook_line(p: TaskPlan, tr: Translator) -> str | None:
    """The card's plan line: only for a task the plan tracks (estimate, deadline, schedule)."""
    if p.flag != FLAG_OK:
        return None
    return tr(
        "task-card-outlook",
        planned=p.planned_h,
        lag=p.lag_h,
        forecast=forecast_text(p, tr),
    )


def edit_value(field: str | None, value: str | None, card: TaskCard, tr: Translator) -> str:
    """A value the history stored as text, the way the card shows that field."""
    if not value:
        return "—"
    if field == "estimate" and value.isdigit():
        return formats.duration(int(value), tr)
    if field in ("start", "deadline"):
        return tr("edit-date", date=date.fromisoformat(value))
    is_code = value.startswith("e") and value[1:].isdigit()
    if field in ("tester", None) and is_code:
        return person((card.people or {}).get(int(value[1:])))
    if field == "priority":
        return tr(f"priority-{value}")
    return fit(" ".join(value.split()), VALUE_IN_HISTORY)


def change_line(change: Change, card: TaskCard, tr: Translator, tz: str) -> str:
    when = formats.local(change.at, tz).date()
    who = person(change.actor)
    if change.kind == "edit":
        return tr(
            "task-card-history-edit",
            when=when,
            actor=who,
            field=tr(f"edit-field-{change.field}"),
            old=edit_value(change.field, change.old, card, tr),
            new=edit_value(change.field, change.new, card, tr),
        )
    if change.kind == "assigned":
        new = edit_value(None, change.new, card, tr)
        return tr("task-card-history-assigned", when=when, actor=who, person=new)
    status = tr(f"status-{change.to_status}")
    return tr("task-card-history-status", when=when, actor=who, status=status)


def render_card(card: TaskCard, tr: Translator, *, hours: bool = True, tz: str = "UTC") -> str:
    """The card; `hours` False for externals: no logged hours or estimate (SPEC §1)."""
    task = card.task
    description = [fit(task.description, DESCRIPTION_ON_CARD)] if task.description else []
    lines = [
        f"#{task.id} {task.title}",
        *description,
        tr(
            "task-card-status",
            status=tr(f"status-{task.status}"),
            group=card.group.name,
            priority=tr(f"priority-{task.priority}"),
        ),
        tr(
            "task-card-people",
            author=person(card.author),
            assignee=person(card.assignee),
            tester=person(card.tester),
        ),
        *([logged_vs_estimate(task, tr)] if hours else []),
        tr("task-card-dates", start=task.start_date, deadline=task.deadline or "—"),
    ]
    plan_line = outlook_line(card.outlook, tr) if card.outlook is not None else None
    if plan_line:
        lines.append(plan_line)
    if card.history:
        lines.append(tr("task-card-history"))
        lines += [change_line(change, card, tr, tz) for change in card.history]
    if card.comments:
        lines.append(tr("task-card-comments"))
        # The last comments share what the card leaves of one message, so a card full of long
        # comments (emoji count twice) still reaches the reader, each comment cut evenly.
        room = MESSAGE_LIMIT - utf16_len("\n".join(lines)) - len(card.comments)
        share = room // len(card.comments)
        for comment in card.comments:
            key = _COMMENT_KEYS.get(comment.to_status or "", "task-card-comment")
            frame = utf16_len(tr(key, author=person(comment.author), text=""))
            text = fit(comment.text, max(share - frame, 1))
            lines.append(tr(key, author=person(comment.author), text=text))
    return fit("\n".join(lines), MESSAGE_LIMIT)
