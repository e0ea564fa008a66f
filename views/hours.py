"""/hours: a person's hours per day against the schedule, and per task."""

from __future__ import annotations

from services.hours import HoursReport
from views import formats
from views.i18n import Translator


def render_hours(report: HoursReport, tr: Translator) -> str:
    weekdays = tr("hours-weekdays").split(",")
    lines = [tr("hours-title", first=report.first, last=report.last)]
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
