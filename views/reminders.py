"""The log reminder: what is missing today, and inline buttons that log the rest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from models import Employee
from services.errors import DomainError
from services.reminders import ShortDay
from views import formats
from views.i18n import Translator


class RemindLogCb(CallbackData, prefix="rl"):
    """A reminder's log button: `minutes` on the day `day` (an ordinal), on task `task` (0:
    general work). The day is the reminded one, so a press the next morning logs on it."""

    day: int
    task: int
    minutes: int


class RemindStopCb(CallbackData, prefix="rs"):
    """A reminder's button that stops the timer started at `key` (services.timers.started_key):
    a timer started since is not stopped by an old reminder."""

    key: int


def pressed_day(data: RemindLogCb) -> date:
    """The button's day; a number no date has is a forged button."""
    if not 0 < data.day <= date.max.toordinal():
        raise DomainError("dialog-stale")
    return date.fromordinal(data.day)


def compact(minutes: int, lang: str) -> str:
    """A duration /log reads in one token: 2h30m, 45m, 3h (2ч30м in Russian)."""
    hours, rest = divmod(minutes, 60)
    h, m = ("ч", "м") if lang == "ru" else ("h", "m")
    return (f"{hours}{h}" if hours else "") + (f"{rest}{m}" if rest or not hours else "")


def _label(rest: int, task_id: int | None, day: date, today: date, tr: Translator) -> str:
    duration = formats.duration(rest, tr)
    if day == today:
        if task_id is None:
            return tr("remind-btn-today-general", duration=duration)
        return tr("remind-btn-today-task", duration=duration, id=task_id)
    weekday = tr("calendar-weekdays").split()[day.weekday()]
    if tr.lang == "ru":
        weekday = weekday.lower()  # mid-sentence: "за 10.03 (вт)"
    when = {"weekday": weekday, "day": formats.day_short(day, tr.lang)}
    if task_id is None:
        return tr("remind-btn-day-general", duration=duration, **when)
    return tr("remind-btn-day-task", duration=duration, id=task_id, **when)


def _button(
    rest: int, task_id: int | None, day: date, today: date, tr: Translator
) -> list[InlineKeyboardButton]:
    data = RemindLogCb(day=day.toordinal(), task=task_id or 0, minutes=rest)
    return [
        InlineKeyboardButton(text=_label(rest, task_id, day, today, tr), callback_data=data.pack())
    ]


def log_buttons(
    rest: int,
    task_ids: list[int],
    day: date,
    tr: Translator,
    earlier: Sequence[ShortDay] = (),
    timer: tuple[int, int] | None = None,
) -> InlineKeyboardMarkup:
    """One button a row: a running timer's Stop first (`timer`: its task and started_key: its
    time is logged before anything else is), then today's rest on each open task, as general
    work, and one per earlier short day of the week (on the task in progress, else as general
    work)."""
    rows = []
    if timer is not None:
        task_id, key = timer
        label = tr("remind-btn-stop", id=task_id)
        rows.append([InlineKeyboardButton(text=label, callback_data=RemindStopCb(key=key).pack())])
    rows += [_button(rest, task, day, day, tr) for task in task_ids]
    rows.append(_button(rest, None, day, day, tr))
    first = task_ids[0] if task_ids else None
    rows += [_button(d.rest, first, d.day, day, tr) for d in earlier]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def after_log(
    markup: InlineKeyboardMarkup | None,
    logged_day: date | None,
    undo: InlineKeyboardMarkup | None = None,
) -> InlineKeyboardMarkup | None:
    """The reminder's keyboard after a press: Undo of what a log button wrote, then the rest.
    After a log button (`logged_day`): the log buttons of the other days (that day is full
    now, its buttons would only be refused) and Stop. After Stop (`logged_day` None): every
    log button. An earlier Undo goes."""
    rows = list(undo.inline_keyboard) if undo else []
    for row in markup.inline_keyboard if markup else []:
        kept = [b for b in row if _stays(b, logged_day)]
        if kept:
            rows.append(kept)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _stays(button: InlineKeyboardButton, logged_day: date | None) -> bool:
    data = button.callback_data or ""
    if data.startswith(RemindStopCb.__prefix__ + ":"):
        return logged_day is not None
    if data.startswith(RemindLogCb.__prefix__ + ":"):
        return logged_day is None or RemindLogCb.unpack(data).day != logged_day.toordinal()
    return False


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
