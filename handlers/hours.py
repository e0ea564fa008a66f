"""/hours [week|month|YYYY-MM]: own hours per day against the schedule, and per task."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import webapp_button
from handlers.common import answer_long, split_args
from handlers.routing import Blueprint
from models import Employee
from services import clock
from services.config import AppConfig
from services.errors import DomainError
from services.hours import hours_report, parse_period
from views.hours import render_hours
from views.i18n import Translator

router = Blueprint(__name__)


@router.message(Command("hours"))
async def cmd_hours(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    args = split_args(message.text)
    if len(args) > 1:
        raise DomainError("hours-usage", value=" ".join(args)[:20])
    first, last = parse_period(args[0] if args else "", clock.today(config.timezone))
    report = await hours_report(session, me.id, first, last, config.holidays_country)
    markup = webapp_button.with_webapp(None, message, config, tr, "week")
    await answer_long(message, render_hours(report, tr), reply_markup=markup)
