"""Replies about logged time: the /log confirmation, undo and timer stops."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, Task
from services.calendar_cache import company_calendar
from services.config import AppConfig
from services.tasks import Scope
from services.timelog import Logged, Undone
from services.timers import Stopped, StopQuestion
from views import formats
from views.i18n import Translator
from views.keyboards import undo_keyboard
from views.tasks import logged_vs_estimate


async def day_line(
    session: AsyncSession,
    me: Employee,
    day: date,
    total: int,
    tr: Translator,
    config: AppConfig,
    version: int | None,
) -> str:
    """The day's total against the person's schedule for that day (`version`: the calendar's,
    read with the person's scope)."""
    calendar = await company_calendar(session, version, day, config.holidays_country)
    capacity = calendar.capacity(me.id, day)
    logged = formats.duration(total, tr)
    if capacity is None:
        return tr("log-day-no-schedule", day=day, logged=logged)
    return tr("log-day-of", day=day, logged=logged, capacity=formats.duration(capacity, tr))


async def log_reply(
    session: AsyncSession, scope: Scope, logged: Logged, tr: Translator, config: AppConfig
) -> tuple[str, InlineKeyboardMarkup]:
    entry, task = logged.entry, logged.task
    duration = formats.duration(entry.minutes, tr)
    if task is None:
        lines = [tr("log-done-general", duration=duration, day=entry.day)]
    else:
        lines = [
            tr("log-done-task", duration=duration, day=entry.day, id=task.id, title=task.title)
        ]
    if entry.comment:
        lines.append(tr("log-comment", comment=entry.comment))
    day = await day_line(
        session, scope.emp, entry.day, logged.day_total, tr, config, scope.calendar_version
    )
    lines.append(day)
    if task is not None:
        lines.append(f"#{task.id}: " + logged_vs_estimate(task, tr))
        if logged.started:
            lines.append(tr("task-started", id=task.id))
    return "\n".join(lines), undo_keyboard(entry.id, tr)


async def undo_reply(
    session: AsyncSession, scope: Scope, undone: Undone, tr: Translator, config: AppConfig
) -> str:
    duration = formats.duration(undone.minutes, tr)
    if undone.task is None:
        lines = [tr("undo-done-general", duration=duration, day=undone.day)]
    else:
        lines = [tr("undo-done-task", duration=duration, day=undone.day, id=undone.task.id)]
    day = await day_line(
        session, scope.emp, undone.day, undone.day_total, tr, config, scope.calendar_version
    )
    lines.append(day)
    if undone.task is not None:
        lines.append(f"#{undone.task.id}: " + logged_vs_estimate(undone.task, tr))
    return "\n".join(lines)


def timer_started_reply(task: Task, previous: Stopped | None, tr: Translator) -> str:
    """The timer runs on `task`; a timer it replaced was stopped (and logged) first."""
    lines = [stop_reply(previous, tr)] if previous is not None else []
    lines.append(tr("timer-started", id=task.id, title=task.title))
    return "\n".join(lines)


def stop_reply(outcome: Stopped | StopQuestion, tr: Translator) -> str:
    if isinstance(outcome, StopQuestion):
        return tr(
            "timer-long",
            id=outcome.task_id,
            duration=formats.duration(outcome.elapsed_min, tr),
        )
    duration = formats.duration(outcome.elapsed_min, tr)
    if outcome.reason == "short":
        return tr("timer-short", id=outcome.task_id)
    if outcome.reason == "discarded":
        return tr("timer-discarded", id=outcome.task_id, duration=duration)
    if outcome.reason == "closed":
        return tr("timer-closed", id=outcome.task_id, duration=duration)
    parts = ", ".join(
        f"{formats.day_short(day, tr.lang)}: {formats.duration(m, tr)}" for day, m in outcome.parts
    )
    lines = [tr("timer-logged", id=outcome.task_id, duration=duration, parts=parts)]
    if outcome.task is not None:
        lines.append(f"#{outcome.task.id}: " + logged_vs_estimate(outcome.task, tr))
    return "\n".join(lines)
