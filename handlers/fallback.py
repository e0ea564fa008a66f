"""Last router: commands this person may not use, unknown commands, stray text and edits."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.types import CallbackQuery, Message

from handlers.common import command_line
from handlers.routing import Blueprint
from models import Employee
from services import commands, permissions
from services.calendar_input import echo
from views.i18n import Translator

router = Blueprint(__name__)


async def _for_another_bot(mention: str, bot: Bot) -> bool:
    """`/tasks@other_bot` is that bot's business, not a command this person may not use."""
    return bool(mention) and mention.lower() != ((await bot.me()).username or "").lower()


def unknown_text(name: str, me: Employee | None, tr: Translator) -> str:
    """No such command: the closest ones this person may use, when some look alike."""
    if not commands.is_name(name):
        return tr("unknown-command")
    role = me.role if me is not None else ""
    close = commands.closest(name, permissions.commands_for(role))
    if not close:
        return tr("unknown-command-named", command=echo(name))
    return tr(
        "unknown-command-suggest",
        command=echo(name),
        suggestions=", ".join(f"/{c}" for c in close),
    )


@router.message(F.text.startswith("/"))
async def unknown_or_denied(
    message: Message, me: Employee | None, tr: Translator, bot: Bot
) -> None:
    line = command_line(message)
    name, mention = (line.name, line.mention) if line else ("", "")
    if await _for_another_bot(mention, bot):
        if message.chat.type == "private":
            await message.answer(tr("unknown-command"))
    elif name not in permissions.COMMANDS:
        if message.chat.type == "private":
            await message.answer(unknown_text(name, me, tr))
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


@router.edited_message(F.chat.type == "private")
async def edited_message(message: Message, me: Employee, tr: Translator) -> None:
    """An edit is never run: running it would do the command a second time (the same hours
    logged twice), and skipping it silently would let the person think it was corrected."""
    external = me.role == "external"
    await message.answer(tr("edited-message-external" if external else "edited-message"))


@router.callback_query()
async def stale_button(callback: CallbackQuery, tr: Translator) -> None:
    await callback.answer(tr("stale-button"), show_alert=True)
