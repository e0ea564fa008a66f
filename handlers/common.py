"""Pieces every feature router shares: the command permission filter, argument helpers,
long replies and notifications to other people."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import BaseFilter
from aiogram.types import BotCommand, BotCommandScopeChat, Message, TelegramObject

from models import Employee
from services import commands, permissions
from services.textsplit import split_text
from views.i18n import Translator

log = logging.getLogger(__name__)
MAX_ARGS = 4000


def command_line(message: Message) -> commands.CommandLine | None:
    """The command a message carries, typed or as the caption of a photo or file."""
    return commands.parse(message.text if message.text is not None else message.caption)


def as_typed(message: Message) -> Message:
    """The message as if the command had been typed in lower case: a caption becomes the text.
    Every filter and handler then sees one form, so a captioned `/team` meets the same
    permission check and gets the same answer as a typed one."""
    line = command_line(message)
    if line is None or message.text == line.text:
        return message
    if message.text is not None:
        return message.model_copy(update={"text": line.text})
    return message.model_copy(
        update={
            "text": line.text,
            "entities": message.caption_entities,
            "caption": None,
            "caption_entities": None,
        }
    )


class CommandAsTyped(BaseMiddleware):
    """Outer middleware of the root router: hands every message on in its typed form."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Message):
            event = as_typed(event)
        return await handler(event, data)


class CommandAllowed(BaseFilter):
    """Lets a command through only for roles the permission table allows; other text
    (dialog steps, quick logs) passes to the handlers' own filters."""

    async def __call__(self, message: Message, me: Employee | None = None) -> bool:
        line = command_line(message)
        if line is None:
            return me is not None
        if line.name == "start":
            return True
        return me is not None and permissions.allowed(line.name, me.role)


def split_args(text: str | None) -> list[str]:
    """Arguments after the command, split on whitespace."""
    if not text:
        return []
    parts = text.split(maxsplit=1)
    return parts[1].split() if len(parts) > 1 else []


def rest_args(text: str | None) -> str:
    if not text:
        return ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def answer_long(message: Message, text: str, **kwargs: Any) -> None:
    parts = split_text(text)
    for i, part in enumerate(parts):
        extra = kwargs if i == len(parts) - 1 else {}
        await message.answer(part, **extra)


async def notify(bot: Bot, chat_id: int, text: str, **kwargs: Any) -> bool:
    """Tell another person something; their blocking the bot must not fail our update."""
    try:
        for part in split_text(text):
            await bot.send_message(chat_id, part, **kwargs)
    except TelegramAPIError as error:
        log.warning("notification to %s failed: %s", chat_id, type(error).__name__)
        return False
    return True


def stranger_menu(tr: Translator) -> list[BotCommand]:
    """Someone the bot does not know may only join: the default menu holds /start alone."""
    return [BotCommand(command="start", description=tr("cmd-start"))]


def menu_for(role: str, tr: Translator) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=tr(f"cmd-{name}"))
        for name in permissions.commands_for(role)
    ]


async def set_person_menu(bot: Bot, emp: Employee, tr: Translator) -> None:
    """The command menu in this person's chat shows what their role may use."""
    try:
        await bot.set_my_commands(
            menu_for(emp.role, tr), scope=BotCommandScopeChat(chat_id=emp.telegram_id)
        )
    except TelegramAPIError as error:
        log.warning("menu for %s not set: %s", emp.telegram_id, type(error).__name__)
