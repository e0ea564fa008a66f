"""/hours: a person's hours per day against the schedule, and per task."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models import Task, TimeEntry
from services.hours import HoursReport
from views import formats
from views.i18n import Translator


def render_hours(report: HoursReport, tr: Translator, person: str | None = None) -> str:
    """The period's text; `person` names whose hours they are when they are not the reader's."""
    weekdays = tr("hours-weekdays").split(",")
    if person is None:
        lines = [tr("hours-title", first=report.first, last=report.last)]
    else:
        lines = [tr("hours-title-person", person=person, first=report.first, last=report.last)]
    for row in report.days:
        logged = formats.duration(row.minutes, tr)
        day = f"{weekdays[row.day.weekday()]} {formats.day_short(row.day, tr.lang)}"
        if row.capacity is None:
            lines.append(tr("hours-day-no-schedule", day=day, logged=logged))
        else:
            capacity = formats.duration(row.capacity, tr)
            lines.append(tr("hours-day", day=day, logged=logged, capacity=capacity))
    if not report.days:
        lines.append(tr("hours-none"))
    total = formats.duration(report.total, tr)
    lines.append(tr("hours-total", logged=total, capacity=formats.duration(report.capacity, tr)))
    if report.unscheduled_days:
        lines.append(tr("hours-unscheduled", days=report.unscheduled_days))
    if report.tasks:
        lines.append(tr("hours-by-task"))
        for task_row in report.tasks:
            duration = formats.duration(task_row.minutes, tr)
            if task_row.task_id is None:
                lines.append(tr("hours-general", duration=duration))
            else:
                lines.append(f"#{task_row.task_id} {task_row.title}: {duration}")
    return "\n".join(lines)


def entry_line(entry: TimeEntry, task: Task | None, tr: Translator) -> str:
    """`4 h · #12 Fix login — comment` or `1 h · general work`."""
    what = f"#{task.id} {task.title}" if task is not None else tr("hours-entry-general")
    if entry.task_id is not None and task is None:
        what = f"#{entry.task_id}"
    line = f"{formats.duration(entry.minutes, tr)} · {what}"
    return f"{line} — {entry.comment}" if entry.comment else line


def render_day(
    person: str | None,
    day: date,
    entries: Sequence[TimeEntry],
    tasks: dict[int, Task],
    tr: Translator,
) -> str:
    """A day's entries, numbered as their buttons are."""
    weekdays = tr("hours-weekdays").split(",")
    label = f"{weekdays[day.weekday()]} {formats.day(day, tr.lang)}"
    total = formats.duration(sum(entry.minutes for entry in entries), tr)
    if person is None:
        lines = [tr("hours-day-title", day=label, logged=total)]
    else:
        lines = [tr("hours-day-title-person", person=person, day=label, logged=total)]
    for number, entry in enumerate(entries, start=1):
        task = tasks.get(entry.task_id) if entry.task_id is not None else None
        lines.append(f"{number}. {entry_line(entry, task, tr)}")
    if not entries:
        lines.append(tr("hours-day-empty"))
    return "\n".join(lines)


def render_entry(entry: TimeEntry, task: Task | None, tr: Translator) -> str:
    """The entry an edit is about, and the question what to change."""
    return tr(
        "hours-entry-edit",
        day=formats.day(entry.day, tr.lang),
        entry=entry_line(entry, task, tr),
    )
