"""The log reminder: what is missing today, and quick-log buttons that send /log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup

from models import Employee
from services.reminders import ShortDay
from views import formats
from views.i18n import Translator


def compact(minutes: int, lang: str) -> str:
    """A duration /log reads in one token: 2h30m, 45m, 3h (2ч30м in Russian)."""
    hours, rest = divmod(minutes, 60)
    h, m = ("ч", "м") if lang == "ru" else ("h", "m")
    return (f"{hours}{h}" if hours else "") + (f"{rest}{m}" if rest or not hours else "")


def log_command(rest: int, task_id: int | None, day: date, lang: str) -> str:
    task = f" #{task_id}" if task_id is not None else ""
    return f"/log {compact(rest, lang)}{task} {day:%d.%m}"


def quick_log(
    rest: int, task_ids: list[int], day: date, lang: str, earlier: Sequence[ShortDay] = ()
) -> ReplyKeyboardMarkup:
    """Buttons that send `/log REST #N DD.MM`: the date keeps a tap made the next morning on
    the day the reminder was about. Then one button per earlier short day of the week."""
    rows = [[KeyboardButton(text=log_command(rest, task, day, lang))] for task in task_ids]
    rows.append([KeyboardButton(text=log_command(rest, None, day, lang))])
    first = task_ids[0] if task_ids else None
    rows += [[KeyboardButton(text=log_command(d.rest, first, d.day, lang))] for d in earlier]
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)


def reminder_text(
    logged: int,
    capacity: int,
    task_ids: list[int],
    tr: Translator,
    earlier: Sequence[ShortDay] = (),
    timer_task: int | None = None,
) -> str:
    fields = {
        "logged": formats.duration(logged, tr),
        "capacity": formats.duration(capacity, tr),
        "rest": compact(capacity - logged, tr.lang),
    }
    if task_ids:
        lines = [tr("jobs-remind-text", id=task_ids[0], **fields)]
    else:
        lines = [tr("jobs-remind-text-general", **fields)]
    if earlier:
        names = tr("calendar-weekdays").split()
        days = ", ".join(
            tr(
                "jobs-remind-day",
                weekday=names[d.day.weekday()],
                day=formats.day_short(d.day, tr.lang),
                rest=formats.duration(d.rest, tr),
            )
            for d in earlier
        )
        lines.append(tr("jobs-remind-short-days", days=days))
    if timer_task is not None:
        lines.append(tr("jobs-remind-timer", id=timer_task))
    lines.append(tr("jobs-remind-buttons"))
    return "\n".join(lines)


def missing_text(day: date, people: Sequence[Employee], tr: Translator) -> str:
    """The morning lines for a lead: who logged nothing on the last working day."""
    lines = [tr("jobs-nolog-title", date=day)]
    lines += [tr("jobs-nolog-line", person=emp.display) for emp in people]
    return "\n".join(lines)
