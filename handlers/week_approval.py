"""Buttons of the weekly approval: Submit (the person), Approve and Return (their lead manager,
else an admin), and the comment a return asks for. Each press is checked again on the server."""

from __future__ import annotations

from datetime import date

from aiogram import Bot, F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import reason_dialog
from handlers.common import notify
from handlers.confirm import confirm
from handlers.routing import Blueprint
from handlers.week_views import (
    WeekCb,
    decide_keyboard,
    span,
    submit_keyboard,
    totals,
    without_person,
)
from models import Employee
from services import clock, leave
from services import week_approval as weeks
from services.calendar import load_calendar
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator, reader

router = Blueprint(__name__)


class WeekReturn(StatesGroup):
    comment = State()


def _monday(data: WeekCb, config: AppConfig) -> date:
    if not 0 < data.week < date.max.toordinal():
        raise DomainError("dialog-stale")
    return weeks.check_week(date.fromordinal(data.week), clock.today(config.timezone))


@router.callback_query(WeekCb.filter(F.action == "s"))
async def cb_submit(
    callback: CallbackQuery,
    callback_data: WeekCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    monday = _monday(callback_data, config)
    await weeks.submit(session, me, monday)
    deciders = await leave.deciders(session, me)
    names = ", ".join(d.display for d in deciders) or "—"
    # one confirmation: the week's message says it, and its Submit button goes
    await confirm(callback, tr("week-submitted", deciders=names, **span(monday)))
    calendar = await load_calendar(session, [me.id], monday, config.holidays_country)
    hours = await weeks.week_hours(session, me, monday, calendar)
    for decider in deciders:
        dtr = reader(decider.language, config.default_language)
        text = dtr("week-submitted-notice", person=me.display, **span(monday), **totals(hours, dtr))
        await notify(
            bot, decider.telegram_id, text, reply_markup=decide_keyboard([me], monday, dtr)
        )


@router.callback_query(WeekCb.filter(F.action == "ok"))
async def cb_approve(
    callback: CallbackQuery,
    callback_data: WeekCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    monday = _monday(callback_data, config)
    _, emp = await weeks.approve(session, me, callback_data.who, monday)
    # one confirmation: the message says it and keeps the buttons of the others
    pressed_under = callback.message.reply_markup if isinstance(callback.message, Message) else None
    done = tr("week-approved-you", person=emp.display, **span(monday))
    await confirm(callback, done, without_person(pressed_under, emp.id))
    etr = reader(emp.language, config.default_language)
    await notify(
        bot, emp.telegram_id, etr("week-approved-notify", decider=me.display, **span(monday))
    )


@router.callback_query(WeekCb.filter(F.action == "back"))
async def cb_return(
    callback: CallbackQuery,
    callback_data: WeekCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
) -> None:
    monday = _monday(callback_data, config)
    emp = await weeks.returnable(session, me, callback_data.who, monday)
    data = {"who": emp.id, "week": monday.toordinal()}
    question = tr("week-return-ask", person=emp.display, **span(monday))
    await reason_dialog.ask(callback, state, WeekReturn.comment, data, question, tr)


@router.message(WeekReturn.comment, F.text & ~F.text.startswith("/"))
async def got_return_comment(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
    state: FSMContext,
) -> None:
    text = reason_dialog.answer_of(message)
    data = await state.get_data()
    await state.clear()
    who, week = data.get("who"), data.get("week")
    if not isinstance(who, int) or not isinstance(week, int):
        raise DomainError("dialog-stale")
    monday = date.fromordinal(week)
    _, emp = await weeks.send_back(session, me, who, monday, text)
    await message.answer(tr("week-returned-you", person=emp.display, **span(monday)))
    etr = reader(emp.language, config.default_language)
    await notify(
        bot,
        emp.telegram_id,
        etr("week-returned-notify", decider=me.display, comment=text, **span(monday)),
        reply_markup=submit_keyboard(monday, etr),
    )
