"""/log, /undo and the Undo button; a plain private message that starts with a duration is a
/log too (this router comes last before the fallback for that reason, while the commands /log
and /undo are matched first of all, see `commands`). /timer, /stop and /hours (with its
buttons) and /timesheet are in the sub-routers."""

from __future__ import annotations

from datetime import timedelta

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import hours, hours_entries, reminder_buttons, timer, timesheet
from handlers.common import rest_args
from handlers.confirm import confirm
from handlers.routing import Blueprint
from models import Employee
from services import clock, timelog
from services import tasks as tasks_service
from services.calendar_input import echo
from services.config import AppConfig
from services.errors import DomainError
from services.timeparse import MAX_COMMENT, LogError, looks_like_log, parse_log
from views.i18n import Translator
from views.keyboards import UndoCb, valid_id
from views.timelog import log_reply, undo_reply

router = Blueprint(__name__)
# /log and /undo, the commands sent most, are matched first among the features (see
# handlers.setup): a command passes no other router's filters on its way to them.
commands = Blueprint(f"{__name__}.commands")
TOMORROW = frozenset({"tomorrow", "завтра"})


async def _log(
    message: Message,
    text: str,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    update_id: int,
) -> None:
    today = clock.today(config.timezone)
    request = parse_log(text, today)
    if isinstance(request, LogError):
        code = request.code.replace("_", "-")
        # A token can be a whole message long; the answer repeats only its start.
        raise DomainError(f"log-parse-{code}", token=echo(request.token), max=MAX_COMMENT)
    first_word = request.comment.split(maxsplit=1)[0].lower() if request.comment else ""
    if first_word in TOMORROW:
        # The parser reads "завтра" as the start of a comment; it is a date in the future.
        raise DomainError("log-future", day=today + timedelta(days=1), today=today)
    scope = await tasks_service.scope_of(session, me)
    logged = await timelog.log_time(
        session,
        scope,
        minutes=request.minutes,
        day=request.day,
        task_id=request.task_id,
        comment=request.comment,
        today=today,
        update_id=update_id,
    )
    reply, markup = await log_reply(session, scope, logged, tr, config)
    await message.answer(reply, reply_markup=markup)


@commands.message(Command("log"))
async def cmd_log(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    text = rest_args(message.text)
    if not text:
        raise DomainError("log-usage")
    await _log(message, text, session, me, tr, config, event_update.update_id)


def _is_quick_log(message: Message, me: Employee | None = None) -> bool:
    return (
        message.chat.type == "private"
        and me is not None
        and me.role != "external"
        and bool(message.text)
        and not (message.text or "").startswith("/")
        and looks_like_log(message.text or "")
    )


@router.message(StateFilter(None), F.text, _is_quick_log)
async def quick_log(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    await _log(message, message.text or "", session, me, tr, config, event_update.update_id)


@commands.message(Command("undo"))
async def cmd_undo(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    if rest_args(message.text):
        raise DomainError("undo-usage")
    scope = await tasks_service.scope_of(session, me)
    undone = await timelog.undo(session, scope, None, event_update.update_id)
    await message.answer(await undo_reply(session, scope, undone, tr, config))


@router.callback_query(UndoCb.filter())
async def cb_undo(
    callback: CallbackQuery,
    callback_data: UndoCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    entry_id = valid_id(callback_data.entry)
    undone = await timelog.undo(session, scope, entry_id, event_update.update_id)
    text = await undo_reply(session, scope, undone, tr, config)
    # One confirmation: the log reply the button was on becomes the undo reply.
    await confirm(callback, text, keep=False)


router.include_routers(
    timer.router, hours.router, hours_entries.router, timesheet.router, reminder_buttons.router
)
