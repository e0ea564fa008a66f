"""Replies about logged time: the /log confirmation, undo and timer stops."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import undo_keyboard
from handlers.task_views import logged_vs_estimate
from models import Employee, Task
from services.calendar_cache import company_calendar
from services.config import AppConfig
from services.i18n import Translator
from services.tasks import Scope
from services.timelog import Logged, Undone
from services.timeparse import format_duration
from services.timers import Stopped, StopQuestion


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
    logged = format_duration(total, tr.lang)
    if capacity is None:
        return tr("log-day-no-schedule", day=day, logged=logged)
    return tr("log-day-of", day=day, logged=logged, capacity=format_duration(capacity, tr.lang))


async def log_reply(
    session: AsyncSession, scope: Scope, logged: Logged, tr: Translator, config: AppConfig
) -> tuple[str, InlineKeyboardMarkup]:
    entry, task = logged.entry, logged.task
    duration = format_duration(entry.minutes, tr.lang)
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
    duration = format_duration(undone.minutes, tr.lang)
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
            duration=format_duration(outcome.elapsed_min, tr.lang),
        )
    duration = format_duration(outcome.elapsed_min, tr.lang)
    if outcome.reason == "short":
        return tr("timer-short", id=outcome.task_id)
    if outcome.reason == "discarded":
        return tr("timer-discarded", id=outcome.task_id, duration=duration)
    if outcome.reason == "closed":
        return tr("timer-closed", id=outcome.task_id, duration=duration)
    parts = ", ".join(f"{day}: {format_duration(m, tr.lang)}" for day, m in outcome.parts)
    lines = [tr("timer-logged", id=outcome.task_id, duration=duration, parts=parts)]
    if outcome.task is not None:
        lines.append(f"#{outcome.task.id}: " + logged_vs_estimate(outcome.task, tr))
    return "\n".join(lines)
