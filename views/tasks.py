"""Task texts: the card, list lines and the hours logged against the estimate."""

from __future__ import annotations

from models import Employee, Task
from services.plan import FLAG_OK, TaskPlan
from services.task_card import TaskCard
from services.textsplit import MESSAGE_LIMIT, fit, utf16_len
from views import formats
from views.i18n import Translator
from views.plan import forecast_text

_COMMENT_KEYS = {"in_progress": "task-card-returned", "cancelled": "task-card-cancel-reason"}


def person(emp: Employee | None) -> str:
    return emp.display if emp is not None else "—"


def logged_vs_estimate(task: Task, tr: Translator) -> str:
    logged = formats.duration(task.logged_min, tr)
    if task.estimate_min is None:
        return tr("task-logged-no-estimate", logged=logged)
    estimate = formats.duration(task.estimate_min, tr)
    return tr("task-logged-of", logged=logged, estimate=estimate)


def task_line(
    task: Task,
    tr: Translator,
    me_id: int | None = None,
    outlook: TaskPlan | None = None,
    *,
    hours: bool = True,
) -> str:
    """One task in a list; `hours` False for externals (SPEC §1: no hours for them)."""
    parts = [f"#{task.id} {task.title}", tr(f"status-{task.status}")]
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


def render_card(card: TaskCard, tr: Translator, *, hours: bool = True) -> str:
    """The card; `hours` False for externals: no logged hours or estimate (SPEC §1)."""
    task = card.task
    lines = [
        f"#{task.id} {task.title}",
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
    tail = [tr("task-card-hint", id=task.id)] if task.status not in ("done", "cancelled") else []
    if card.comments:
        lines.append(tr("task-card-comments"))
        # The last comments share what the card leaves of one message, so a card full of long
        # comments (emoji count twice) still reaches the reader, each comment cut evenly.
        room = MESSAGE_LIMIT - utf16_len("\n".join(lines + tail)) - len(card.comments)
        share = room // len(card.comments)
        for comment in card.comments:
            key = _COMMENT_KEYS.get(comment.to_status or "", "task-card-comment")
            frame = utf16_len(tr(key, author=person(comment.author), text=""))
            text = fit(comment.text, max(share - frame, 1))
            lines.append(tr(key, author=person(comment.author), text=text))
    return fit("\n".join(lines + tail), MESSAGE_LIMIT)
