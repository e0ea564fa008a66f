"""The log reminder: what is missing today, and quick-log buttons that send /log."""

from __future__ import annotations

from datetime import date

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup

from views import formats
from views.i18n import Translator


def compact(minutes: int, lang: str) -> str:
    """A duration /log reads in one token: 2h30m, 45m, 3h (2ч30м in Russian)."""
    hours, rest = divmod(minutes, 60)
    h, m = ("ч", "м") if lang == "ru" else ("h", "m")
    return (f"{hours}{h}" if hours else "") + (f"{rest}{m}" if rest or not hours else "")


def quick_log(rest: int, task_ids: list[int], day: date, lang: str) -> ReplyKeyboardMarkup:
    """Buttons that send `/log REST #N DD.MM`: the date keeps a tap made the next morning on
    the day the reminder was about."""
    amount, when = compact(rest, lang), f"{day:%d.%m}"
    rows = [[KeyboardButton(text=f"/log {amount} #{task} {when}")] for task in task_ids]
    rows.append([KeyboardButton(text=f"/log {amount} {when}")])
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)


def reminder_text(logged: int, capacity: int, task_ids: list[int], tr: Translator) -> str:
    fields = {
        "logged": formats.duration(logged, tr),
        "capacity": formats.duration(capacity, tr),
        "rest": compact(capacity - logged, tr.lang),
    }
    if task_ids:
        text = tr("jobs-remind-text", id=task_ids[0], **fields)
    else:
        text = tr("jobs-remind-text-general", **fields)
    return f"{text}\n{tr('jobs-remind-buttons')}"
