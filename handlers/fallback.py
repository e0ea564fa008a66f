"""Last router: commands this person may not use, unknown commands, and stray text."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from handlers.common import command_name
from models import Employee
from services import permissions
from views.i18n import Translator

router = Router(name=__name__)


async def _for_another_bot(message: Message, bot: Bot) -> bool:
    """`/tasks@other_bot` is that bot's business, not a command this person may not use."""
    head = (message.text or "").split(maxsplit=1)[0]
    _, at, mention = head.partition("@")
    return bool(at) and mention.lower() != ((await bot.me()).username or "").lower()


@router.message(F.text.startswith("/"))
async def unknown_or_denied(
    message: Message, me: Employee | None, tr: Translator, bot: Bot
) -> None:
    name = command_name(message.text) or ""
    if name not in permissions.COMMANDS or await _for_another_bot(message, bot):
        if message.chat.type == "private":
            await message.answer(tr("unknown-command"))
    elif message.chat.type != "private" and me is not None and permissions.allowed(name, me.role):
        # A command of theirs that its handler takes only in a private chat (/start).
        await message.answer(tr("private-only-command", command=name))
    else:
        await message.answer(tr("denied-command", command=name))


@router.message(F.chat.type == "private")
async def stray_text(message: Message, me: Employee | None, tr: Translator) -> None:
    # Externals cannot log time, so their hint points at what they can do.
    external = me is not None and me.role == "external"
    await message.answer(tr("stray-text-external" if external else "stray-text"))


@router.callback_query()
async def stale_button(callback: CallbackQuery, tr: Translator) -> None:
    await callback.answer(tr("stale-button"), show_alert=True)
