"""The text of `/plan`, cut into pages that fit one Telegram message, and the page buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from services.plan import FLAG_NO_SCHEDULE, FLAG_OK, TaskPlan
from services.plan_scope import GROUP, PERSON
from services.planning import PersonRow, PlanReport, TaskRow
from services.textsplit import MESSAGE_LIMIT, utf16_len
from views.i18n import Translator

TITLE_MAX = 60
# Room left under the limit for the page footer.
PAGE_LIMIT = MESSAGE_LIMIT - 100


class PlanPage(CallbackData, prefix="pl"):
    scope: str  # PlanScope.key
    page: int


def title(report: PlanReport, tr: Translator) -> str:
    scope = report.scope
    if scope.kind == GROUP:
        return tr("plan-title-group", date=report.today, name=scope.name)
    if scope.kind == PERSON:
        return tr("plan-title-person", date=report.today, name=scope.name)
    key = "plan-title-all" if scope.group_ids is None else "plan-title-led"
    return tr(key, date=report.today)


def person_line(row: PersonRow, tr: Translator) -> str:
    if row.overload_h is None:
        overload = tr("plan-overload-unknown")
    else:
        overload = tr("plan-hours", hours=row.overload_h)
    line = tr(
        "plan-person",
        person=row.employee.display,
        tasks=row.open_tasks,
        lag=row.lag_h,
        overload=overload,
    )
    if row.no_schedule:
        line += tr("plan-person-no-schedule", count=row.no_schedule)
    return line


def _short(text: str) -> str:
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


def forecast_text(p: TaskPlan, tr: Translator) -> str:
    """Forecast finish against the deadline of a tracked task."""
    deadline = p.task.deadline
    if p.forecast_finish is None:
        return tr("plan-forecast-beyond")
    if p.late_days:
        return tr("plan-late", forecast=p.forecast_finish, days=p.late_days)
    if p.late_days is None and deadline is not None and p.forecast_finish > deadline:
        return tr("plan-late-unknown", forecast=p.forecast_finish)
    return tr("plan-on-time", forecast=p.forecast_finish)


def _tracked(p: TaskPlan, tr: Translator) -> str:
    late = forecast_text(p, tr)
    return tr(
        "plan-task-ok",
        planned=p.planned_h,
        logged=p.logged_h,
        lag=p.lag_h,
        lag_days=p.lag_days,
        deadline=p.task.deadline,
        late=late,
    )


def task_block(row: TaskRow, tr: Translator) -> str:
    task, p = row.task, row.plan
    person = row.assignee.display if row.assignee is not None else tr("plan-nobody")
    head = tr("plan-task-head", id=task.id, title=_short(task.title), person=person)
    if p is None:
        detail = tr("plan-task-unassigned")
    elif p.flag == FLAG_OK:
        detail = _tracked(p, tr)
    elif p.flag == FLAG_NO_SCHEDULE:
        detail = tr("plan-task-no-schedule")
    else:
        detail = tr("plan-task-untracked", logged=p.logged_h)
        if p.forecast_finish is not None:
            detail += tr("plan-task-untracked-forecast", forecast=p.forecast_finish)
    return f"{head}\n{detail}"


def pages(report: PlanReport, tr: Translator) -> list[str]:
    """Every page starts with the title; when there is more than one, each ends with its
    number."""
    head = title(report, tr)
    blocks: list[str] = []
    if report.people:
        blocks.append("\n" + tr("plan-people"))
        blocks += [person_line(row, tr) for row in report.people]
    blocks.append("\n" + tr("plan-tasks"))
    blocks += [task_block(row, tr) for row in report.tasks]
    out: list[str] = []
    # A page's length is kept as it grows: measuring the whole page again for every block
    # made the pages of 500 people quadratic.
    head_len = utf16_len(head)
    current, length = [head], head_len
    for block in blocks:
        size = utf16_len(block)
        if length + 1 + size > PAGE_LIMIT and len(current) > 1:
            out.append("\n".join(current))
            block = block.lstrip("\n")
            current, length = [head, block], head_len + 1 + utf16_len(block)
        else:
            current.append(block)
            length += 1 + size
    out.append("\n".join(current))
    if len(out) > 1:
        out = [
            f"{text}\n\n{tr('plan-page', page=i, pages=len(out))}"
            for i, text in enumerate(out, start=1)
        ]
    return out


def page_keyboard(scope_key: str, page: int, count: int) -> InlineKeyboardMarkup | None:
    if count <= 1:
        return None
    builder = InlineKeyboardBuilder()
    if page > 0:
        builder.button(text="◀", callback_data=PlanPage(scope=scope_key, page=page - 1))
    if page < count - 1:
        builder.button(text="▶", callback_data=PlanPage(scope=scope_key, page=page + 1))
    builder.adjust(2)
    return builder.as_markup()
