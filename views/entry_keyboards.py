"""Buttons of `/hours`: the days of a period, a day's entries, and editing or deleting one.

Dates travel as ordinals. Everything a button carries comes from the client: the handlers check
again on the server who presses it and whose entry or day it names (services.entry_edit).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from models import Task, TimeEntry
from services.hours import DayRow
from views import formats
from views.i18n import Translator
from views.keyboards import short_title

DAYS_A_ROW = 3
DAYS_A_PAGE = 21  # 7 rows; a month (31 days) takes two pages, none is left out
QUICK_MINUTES = (30, 60, 120, 240, 480)
MAX_TASK_BUTTONS = 20


class HoursPage(CallbackData, prefix="hp"):
    """The period view of `/hours` for person `emp`, days first..last, page `page`."""

    emp: int
    first: int
    last: int
    page: int = 0


class HoursDay(CallbackData, prefix="hd"):
    """One day of person `emp`, opened from the period first..last (for Back)."""

    emp: int
    day: int
    first: int
    last: int


class EntryCb(CallbackData, prefix="ee"):
    """An action on one entry; `v` is the chosen value (minutes, a task number, 0 = none)."""

    act: str
    id: int
    first: int
    last: int
    v: int = 0


# EntryCb actions
EDIT, DELETE, DELETE_YES, BACK = "e", "d", "y", "b"
DURATION, SET_MINUTES, TASK, SET_TASK, DATE, COMMENT = "m", "mv", "t", "tv", "dt", "c"


def day_label(day: date, tr: Translator) -> str:
    weekdays = tr("hours-weekdays").split(",")
    return f"{weekdays[day.weekday()]} {formats.day_short(day, tr.lang)}"


def period_keyboard(
    emp_id: int, first: date, last: date, days: Sequence[DayRow], page: int, tr: Translator
) -> InlineKeyboardMarkup | None:
    """A button per day with entries, DAYS_A_ROW a row, DAYS_A_PAGE a page with ◀ ▶."""
    logged = [row for row in days if row.minutes > 0]
    if not logged:
        return None
    pages = (len(logged) + DAYS_A_PAGE - 1) // DAYS_A_PAGE
    page = min(max(page, 0), pages - 1)
    shown = logged[page * DAYS_A_PAGE : (page + 1) * DAYS_A_PAGE]
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    for row in shown:
        label = tr(
            "hours-day-button",
            day=day_label(row.day, tr),
            logged=formats.duration(row.minutes, tr),
        )
        kb.button(text=label, callback_data=HoursDay(emp=emp_id, day=row.day.toordinal(), **span))
    sizes = [DAYS_A_ROW] * ((len(shown) + DAYS_A_ROW - 1) // DAYS_A_ROW)
    if pages > 1:
        nav = 0
        if page > 0:
            kb.button(text="◀", callback_data=HoursPage(emp=emp_id, page=page - 1, **span))
            nav += 1
        if page < pages - 1:
            kb.button(text="▶", callback_data=HoursPage(emp=emp_id, page=page + 1, **span))
            nav += 1
        sizes.append(nav)
    kb.adjust(*sizes)
    return kb.as_markup()


def _span(first: date, last: date) -> dict[str, int]:
    return {"first": first.toordinal(), "last": last.toordinal()}


def day_keyboard(
    emp_id: int, entries: Sequence[TimeEntry], first: date, last: date, tr: Translator
) -> InlineKeyboardMarkup:
    """Edit and Delete for each entry (numbered as in the text), then Back to the period."""
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    for number, entry in enumerate(entries, start=1):
        kb.button(
            text=tr("btn-entry-edit", n=number),
            callback_data=EntryCb(act=EDIT, id=entry.id, **span),
        )
        kb.button(
            text=tr("btn-entry-delete", n=number),
            callback_data=EntryCb(act=DELETE, id=entry.id, **span),
        )
    kb.button(text=tr("btn-hours-back"), callback_data=HoursPage(emp=emp_id, **span))
    kb.adjust(*([2] * len(entries)), 1)
    return kb.as_markup()


def edit_keyboard(entry_id: int, first: date, last: date, tr: Translator) -> InlineKeyboardMarkup:
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    for act, key in (
        (DURATION, "btn-entry-duration"),
        (TASK, "btn-entry-task"),
        (DATE, "btn-entry-date"),
        (COMMENT, "btn-entry-comment"),
    ):
        kb.button(text=tr(key), callback_data=EntryCb(act=act, id=entry_id, **span))
    kb.button(text=tr("btn-hours-back"), callback_data=EntryCb(act=BACK, id=entry_id, **span))
    kb.adjust(2, 2, 1)
    return kb.as_markup()


def confirm_delete_keyboard(
    entry_id: int, first: date, last: date, tr: Translator
) -> InlineKeyboardMarkup:
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=tr("btn-entry-delete-yes"), callback_data=EntryCb(act=DELETE_YES, id=entry_id, **span)
    )
    kb.button(text=tr("btn-hours-back"), callback_data=EntryCb(act=BACK, id=entry_id, **span))
    kb.adjust(2)
    return kb.as_markup()


def duration_keyboard(
    entry_id: int, first: date, last: date, tr: Translator
) -> InlineKeyboardMarkup:
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    for minutes in QUICK_MINUTES:
        kb.button(
            text=formats.duration(minutes, tr),
            callback_data=EntryCb(act=SET_MINUTES, id=entry_id, v=minutes, **span),
        )
    kb.button(text=tr("btn-hours-back"), callback_data=EntryCb(act=EDIT, id=entry_id, **span))
    kb.adjust(len(QUICK_MINUTES), 1)
    return kb.as_markup()


def task_keyboard(
    entry_id: int, tasks: Sequence[Task], first: date, last: date, tr: Translator
) -> InlineKeyboardMarkup:
    span = _span(first, last)
    kb = InlineKeyboardBuilder()
    for task in tasks[:MAX_TASK_BUTTONS]:
        kb.button(
            text=f"#{task.id} {short_title(task)}",
            callback_data=EntryCb(act=SET_TASK, id=entry_id, v=task.id, **span),
        )
    kb.button(
        text=tr("btn-entry-general"), callback_data=EntryCb(act=SET_TASK, id=entry_id, **span)
    )
    kb.button(text=tr("btn-hours-back"), callback_data=EntryCb(act=EDIT, id=entry_id, **span))
    kb.adjust(1)
    return kb.as_markup()


def back_keyboard(entry_id: int, first: date, last: date, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=tr("btn-hours-back"),
        callback_data=EntryCb(act=EDIT, id=entry_id, **_span(first, last)),
    )
    return kb.as_markup()
