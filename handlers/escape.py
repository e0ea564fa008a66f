"""Leaving a dialog. Runs before the permission filter, so every role can leave every dialog:

* bare `/cancel`, or the word «отмена»/"cancel" alone (any letter case), ends the dialog the
  person is in and says so; the dialog's question loses its buttons;
* any other command ends the dialog too and then runs as that command. A dialog question
  takes the next plain message as its answer, so a dialog left open behind `/log` would turn
  a later message (say a quick log "2h #5") into a return comment.

Outside a dialog nothing here applies: bare `/cancel` is the managers' `/cancel N` usage hint,
and for everyone else a command they may not use.
"""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.methods import EditMessageReplyMarkup
from aiogram.types import InlineKeyboardMarkup, Message

from handlers import after_send
from handlers.common import command_line
from handlers.routing import Blueprint
from views.i18n import Translator

router = Blueprint(__name__)
CANCEL_WORDS = frozenset({"отмена", "cancel"})
# The FSM data key under which a dialog keeps the id of its one bot message.
DIALOG_MESSAGE = "dialog_msg"


async def send_question(
    message: Message, state: FSMContext, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Send a dialog's question; its message id joins the dialog's data once it is sent."""

    async def keep(sent: Message) -> None:
        await state.update_data({DIALOG_MESSAGE: sent.message_id})

    await after_send.send(message.answer(text, reply_markup=markup), keep)


async def _ours(message: Message, bot: Bot) -> bool:
    """A command for this bot: no `@mention`, or ours."""
    line = command_line(message)
    if line is None or not line.mention:
        return True
    return line.mention.lower() == ((await bot.me()).username or "").lower()


def is_escape(message: Message) -> bool:
    line = command_line(message)
    if line is not None:
        return line.name == "cancel" and not line.args.strip()
    return (message.text or "").strip().lower() in CANCEL_WORDS


async def leave_dialog(state: FSMContext, bot: Bot, chat_id: int) -> None:
    """Forget the dialog; its question, when known, keeps its text but loses its buttons."""
    message_id = (await state.get_data()).get(DIALOG_MESSAGE)
    await state.clear()
    if isinstance(message_id, int):
        method = EditMessageReplyMarkup(chat_id=chat_id, message_id=message_id).as_(bot)
        await after_send.edit(method, _nothing)


async def _nothing() -> None:
    """The question is gone, too old, or without buttons already: nothing to take back."""


@router.message(~StateFilter(None), F.text, is_escape)
async def cancel_dialog(message: Message, tr: Translator, bot: Bot, state: FSMContext) -> None:
    if not await _ours(message, bot):
        raise SkipHandler
    await leave_dialog(state, bot, message.chat.id)
    await message.answer(tr("dialog-cancelled"))


@router.message(~StateFilter(None), F.text.startswith("/"))
async def command_leaves_dialog(message: Message, bot: Bot, state: FSMContext) -> None:
    if await _ours(message, bot):
        await leave_dialog(state, bot, message.chat.id)
    raise SkipHandler  # the command itself runs next, through the permission filter
