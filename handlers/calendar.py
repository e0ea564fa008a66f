"""/schedule, /absence, /holiday: the working calendar (SPEC §2)."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Bot
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, notify, rest_args, split_args
from handlers.routing import Blueprint
from models import Employee
from services import absences, clock, keywords, people, public_holidays, schedules
from services.calendar_input import require_date
from services.config import AppConfig
from services.errors import DomainError
from views.calendar import (
    absence_line,
    absences_text,
    holidays_text,
    overview_text,
    week_text,
)
from views.i18n import Translator, reader

router = Blueprint(__name__)


async def _tell(
    bot: Bot, me: Employee, emp: Employee, config: AppConfig, text: Callable[[Translator], str]
) -> None:
    """Tell the person whose calendar an admin changed, in their own language."""
    if emp.id != me.id:
        await notify(bot, emp.telegram_id, text(reader(emp.language, config.default_language)))


@router.message(Command("schedule"))
async def cmd_schedule(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    args = split_args(message.text)
    today = clock.today(config.timezone)
    if args and me.role != "admin":
        raise DomainError("schedule-admin-only")
    if len(args) <= 1:
        emp = await people.resolve_person(session, args[0]) if args else me
        overview = await schedules.schedule_overview(session, emp, today, config.holidays_country)
        await answer_long(message, overview_text(emp, overview, tr))
        return
    request = schedules.parse_schedule_args(args, today)
    emp = await people.resolve_person(session, request.person)
    replaced = await schedules.set_schedule(session, me, emp, request.week, request.effective_from)
    key = "schedule-replaced" if replaced else "schedule-set"
    await message.answer(
        tr(key, person=emp.display, date=request.effective_from, week=week_text(request.week, tr))
    )
    start, week = request.effective_from, request.week
    await _tell(
        bot, me, emp, config, lambda t: t("schedule-notify", date=start, week=week_text(week, t))
    )


@router.message(Command("absence"))
async def cmd_absence(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    args = split_args(message.text)
    today = clock.today(config.timezone)
    if not args:
        raise DomainError("absence-usage")
    request = absences.parse_absence_args(args, today)
    emp = await people.resolve_person(session, request.person)
    if request.action == "list":
        found = await absences.absences_since(session, emp, today)
        await answer_long(message, absences_text(emp, found, tr))
        return
    assert request.first is not None and request.last is not None
    if request.action == "remove":
        absence = await absences.remove_absence(session, emp, request.first)
        key, notice = "absence-removed", "absence-removed-notify"
    else:
        absence, changed = await absences.add_absence(
            session, me, emp, request.kind, request.first, request.last
        )
        key, notice = ("absence-changed" if changed else "absence-set"), "absence-notify"
    await message.answer(tr(key, person=emp.display, absence=absence_line(absence, tr)))
    await _tell(bot, me, emp, config, lambda t: t(notice, absence=absence_line(absence, t)))


@router.message(Command("holiday"))
async def cmd_holiday(
    message: Message, session: AsyncSession, tr: Translator, config: AppConfig
) -> None:
    args = rest_args(message.text).split(maxsplit=2)
    today = clock.today(config.timezone)
    country = config.holidays_country
    if len(args) <= 1 and (not args or (args[0].isascii() and args[0].isdigit())):
        year = public_holidays.check_year(int(args[0][:5]) if args else today.year, today)
        lines = await public_holidays.year_holidays(session, year, country, tr.lang)
        await answer_long(message, holidays_text(year, country, lines, tr))
        return
    action = keywords.HOLIDAY.require(args[0])
    if len(args) < 2:
        raise DomainError("holiday-usage")
    day = require_date(args[1], today)
    name = public_holidays.clean_name(args[2] if len(args) == 3 else "")
    outcome = await public_holidays.change_day(session, action, day, name, country)
    names = await public_holidays.year_holidays(session, day.year, country, tr.lang)
    name = next((line.name for line in names if line.day == day), "") or tr("holiday-no-name")
    await message.answer(tr(f"holiday-{outcome}", day=day, name=name))
