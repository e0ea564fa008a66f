"""Texts and buttons of the weekly approval, shared by the weekly job and the button handlers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from models import Employee
from services.week_approval import WeekHours
from views import formats
from views.i18n import Translator

MAX_DIGEST_PEOPLE = 40


class WeekCb(CallbackData, prefix="wk"):
    """`action`: "s" submit (own week), "ok" approve, "back" return; `who` the person (for a
    manager's buttons); `week` the Monday as a day ordinal."""

    action: str
    week: int
    who: int = 0


def span(monday: date) -> dict[str, date]:
    """The week's first and last day, as fields a text writes in the reader's format."""
    return {"first": monday, "last": monday + timedelta(days=6)}


def submit_keyboard(monday: date, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-week-submit"), callback_data=WeekCb(action="s", week=monday.toordinal()))
    return kb.as_markup()


def without_person(markup: InlineKeyboardMarkup | None, who: int) -> InlineKeyboardMarkup | None:
    """A decider's keyboard once `who`'s week is decided: the other people's buttons."""
    rows = []
    for row in markup.inline_keyboard if markup else []:
        kept = [b for b in row if _week_who(b.callback_data) not in (None, who)]
        if kept:
            rows.append(kept)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _week_who(data: str | None) -> int | None:
    if not data or not data.startswith(WeekCb.__prefix__ + ":"):
        return None
    return WeekCb.unpack(data).who


def decide_keyboard(
    people: Sequence[Employee], monday: date, tr: Translator
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    week = monday.toordinal()
    for emp in people[:MAX_DIGEST_PEOPLE]:
        kb.button(
            text=tr("btn-week-approve", code=emp.code),
            callback_data=WeekCb(action="ok", week=week, who=emp.id),
        )
        kb.button(
            text=tr("btn-week-return", code=emp.code),
            callback_data=WeekCb(action="back", week=week, who=emp.id),
        )
    kb.adjust(2)
    return kb.as_markup()


def totals(hours: WeekHours, tr: Translator) -> dict[str, str]:
    return {
        "logged": formats.duration(hours.logged, tr),
        "norm": formats.duration(hours.norm, tr),
    }


def own_week_text(hours: WeekHours, tr: Translator) -> str:
    names = tr("calendar-weekdays").split()
    lines = [tr("week-title", **span(hours.monday), **totals(hours, tr))]
    for day, logged, capacity in hours.days:
        if not logged and not capacity:
            continue
        fields = {"weekday": names[day.weekday()], "day": formats.day(day, tr.lang)}
        logged_text = formats.duration(logged, tr)
        if capacity is None:
            lines.append(tr("week-day-no-schedule", logged=logged_text, **fields))
        else:
            capacity_text = formats.duration(capacity, tr)
            lines.append(tr("week-day", logged=logged_text, capacity=capacity_text, **fields))
    lines.append(tr("week-submit-hint"))
    return "\n".join(lines)


def digest_text(weeks: Sequence[WeekHours], tr: Translator) -> str:
    lines = [tr("week-digest-title", **span(weeks[0].monday))]
    for hours in weeks:
        state = tr(f"week-state-{hours.state}")
        lines.append(
            tr("week-digest-line", person=hours.emp.display, state=state, **totals(hours, tr))
        )
    waiting = [h.emp.display for h in weeks if h.state in ("open", "returned")]
    if waiting:
        lines.append(tr("week-digest-not-submitted", people=", ".join(waiting)))
    lines.append(tr("week-digest-footer"))
    return "\n".join(lines)
