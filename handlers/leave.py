"""/leave: ask for a vacation or a day off, report sick leave; Approve and Decline buttons for
the lead manager (else an admin), and the decline reason asked in a short dialog.

The routers of /balance, /remind, the weekly approval and the long-timer question are
included here, so the feature list in
handlers/__init__.py names this one router."""

from __future__ import annotations

from datetime import date

from aiogram import Bot, F
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import balance, reason_dialog, remind, timer_watch, week_approval
from handlers.common import answer_long, notify, rest_args
from handlers.confirm import confirm
from handlers.routing import Blueprint
from models import Employee, LeaveRequest
from services import clock
from services import leave as leave_service
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import Translator, reader
from views.keyboards import valid_id

router = Blueprint(__name__)


class LeaveCb(CallbackData, prefix="lv"):
    action: str  # "ok" approve, "no" decline
    id: int


class LeaveDecline(StatesGroup):
    reason = State()


def leave_line(request: LeaveRequest, tr: Translator) -> str:
    return period_line(request.kind, request.date_from, request.date_to, tr)


def period_line(kind: str, first: date, last: date, tr: Translator) -> str:
    return tr(
        "absence-line",
        kind=tr(f"absence-{kind}"),
        first=formats.day(first, tr.lang),
        last=formats.day(last, tr.lang),
        days=(last - first).days + 1,
    )


def status_text(request: LeaveRequest, tr: Translator) -> str:
    return tr(f"leave-status-{request.status}", reason=request.reason)


def decide_keyboard(request_id: int, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-leave-approve"), callback_data=LeaveCb(action="ok", id=request_id))
    kb.button(text=tr("btn-leave-decline"), callback_data=LeaveCb(action="no", id=request_id))
    kb.adjust(2)
    return kb.as_markup()


def ask_text(request: LeaveRequest, emp: Employee, tr: Translator) -> str:
    key = "leave-sick-notice" if request.kind == "sick" else "leave-ask"
    lines = [tr(key, person=emp.display, line=leave_line(request, tr))]
    if request.comment:
        lines.append(tr("leave-comment-line", comment=request.comment))
    return "\n".join(lines)


async def _list(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    found = await leave_service.requests_of(session, me)
    if not found:
        await message.answer(tr("leave-list-none"))
        return
    lines = [tr("leave-list-title")]
    lines += [
        tr("leave-list-line", id=r.id, line=leave_line(r, tr), status=status_text(r, tr))
        for r in found
    ]
    await answer_long(message, "\n".join(lines))


@router.message(Command("leave"))
async def cmd_leave(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    text = rest_args(message.text)
    if not text:
        await _list(message, session, me, tr)
        return
    draft = leave_service.parse_leave(text, clock.today(config.timezone))
    request = await leave_service.submit(session, me, draft)
    deciders = await leave_service.deciders(session, me)
    names = ", ".join(d.display for d in deciders) or "—"
    key = "leave-sick-registered" if request.kind == "sick" else "leave-sent"
    await message.answer(tr(key, id=request.id, line=leave_line(request, tr), deciders=names))
    for decider in deciders:
        dtr = reader(decider.language, config.default_language)
        markup = None if request.kind == "sick" else decide_keyboard(request.id, dtr)
        await notify(bot, decider.telegram_id, ask_text(request, me, dtr), reply_markup=markup)


@router.callback_query(LeaveCb.filter(F.action == "ok"))
async def cb_approve(
    callback: CallbackQuery,
    callback_data: LeaveCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    request, emp = await leave_service.approve(session, me, valid_id(callback_data.id))
    text = tr("leave-approved-you", person=emp.display, line=leave_line(request, tr))
    await confirm(callback, text, keep=False)  # one confirmation: the request is replaced
    etr = reader(emp.language, config.default_language)
    await notify(
        bot,
        emp.telegram_id,
        etr("leave-approved-notify", line=leave_line(request, etr), decider=me.display),
    )


@router.callback_query(LeaveCb.filter(F.action == "no"))
async def cb_decline(
    callback: CallbackQuery,
    callback_data: LeaveCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
) -> None:
    request, emp = await leave_service.pending_for(session, me, valid_id(callback_data.id))
    question = tr("leave-decline-ask", person=emp.display, line=leave_line(request, tr))
    await reason_dialog.ask(
        callback, state, LeaveDecline.reason, {"request": request.id}, question, tr
    )


@router.message(LeaveDecline.reason, F.text & ~F.text.startswith("/"))
async def got_decline_reason(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
    state: FSMContext,
) -> None:
    text = reason_dialog.answer_of(message)
    reason = leave_service.check_reason(text)
    request_id = (await state.get_data()).get("request")
    await state.clear()
    if not isinstance(request_id, int):
        raise DomainError("dialog-stale")
    request, emp = await leave_service.decline(session, me, request_id, reason)
    await message.answer(
        tr("leave-declined-you", person=emp.display, line=leave_line(request, tr), reason=text)
    )
    etr = reader(emp.language, config.default_language)
    await notify(
        bot,
        emp.telegram_id,
        etr(
            "leave-declined-notify", line=leave_line(request, etr), reason=text, decider=me.display
        ),
    )


router.include_routers(balance.router, remind.router, timer_watch.router, week_approval.router)
