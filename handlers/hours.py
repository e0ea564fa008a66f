"""/hours [PERSON] [week|month|YYYY-MM]: hours per day against the schedule, and per task, with
a button per day that has entries (the day's entries and their buttons: handlers.hours_entries).
PERSON: a manager for the people of the groups they lead, an admin for anyone."""

from __future__ import annotations

from datetime import date

from aiogram.filters import Command
from aiogram.types import InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import webapp_button
from handlers.common import answer_long, split_args
from handlers.routing import Blueprint
from models import Employee
from services import clock, entry_edit
from services.config import AppConfig
from services.hours import hours_report, parse_period, split_person
from services.tasks import Scope, scope_of
from views.entry_keyboards import period_keyboard
from views.hours import render_hours
from views.i18n import Translator

router = Blueprint(__name__)


async def period_view(
    session: AsyncSession,
    scope: Scope,
    emp: Employee,
    span: tuple[date, date],
    page: int,
    tr: Translator,
    config: AppConfig,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The period's text and its day buttons, for the command and for Back."""
    first, last = span
    report = await hours_report(session, emp.id, first, last, config.holidays_country)
    person = None if emp.id == scope.emp.id else emp.display
    markup = period_keyboard(emp.id, first, last, report.days, page, tr)
    return render_hours(report, tr, person), markup


@router.message(Command("hours"))
async def cmd_hours(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    ref, period = split_person(split_args(message.text))
    span = parse_period(period, clock.today(config.timezone))
    scope = await scope_of(session, me)
    emp = await entry_edit.person_for(session, scope, ref)
    text, markup = await period_view(session, scope, emp, span, 0, tr, config)
    if emp.id == me.id:
        markup = webapp_button.with_webapp(markup, message, config, tr, "week")
    await answer_long(message, text, reply_markup=markup)
