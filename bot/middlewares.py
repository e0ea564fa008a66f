"""Outer middlewares: one database session per update, exactly-once updates, replies after
the commit, a group chat's move to a supergroup, and who is writing (employee, language,
translator)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import CallbackQuery, Chat, Message, TelegramObject, Update, User
from sqlalchemy import bindparam, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import outbox
from bot.sender import Sender
from handlers.start import refusal
from models import ProcessedUpdate
from models.db import execute
from services import commands, group_chats, language, people
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator, pick_language

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
# A Core insert built once: cheaper than the unit of work on every update.
_RECORD = insert(ProcessedUpdate.__table__).values(update_id=bindparam("update_id"))  # type: ignore[arg-type]


class DbSessionMiddleware(BaseMiddleware):
    """Opens the session and records the update_id in the same transaction as the
    handler's effects, so a redelivered update is skipped and a crashed one retried.

    The Bot API calls the handling makes leave only once the session is closed (bot.outbox):
    no transaction is held across network I/O. `sender_for` gives the sender of notices."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        sender_for: Callable[[Bot], Sender],
    ) -> None:
        self.sessionmaker = sessionmaker
        self.sender_for = sender_for

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        bot: Bot = data["bot"]
        outbox.attach(bot)
        chat: Chat | None = data.get("event_chat")
        with outbox.collecting(chat.id if chat else None) as kept:
            try:
                result = await self._handle(handler, event, data)
            except Exception:
                await self._flush_after_error(kept, bot)
                raise
        await outbox.flush(kept, bot, self.sender_for(bot))
        return result

    async def _handle(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        async with self.sessionmaker() as session:
            # The insert alone decides: its primary key refuses an update processed before or
            # being processed elsewhere, so no read is needed first (one statement less each).
            try:
                await execute(session, _RECORD, {"update_id": event.update_id})
            except IntegrityError:
                log.info("update %s already processed or in progress, skipped", event.update_id)
                return None
            data["session"] = session
            result = await handler(event, data)
            # A service that committed leaves nothing to write; an empty commit still costs
            # a round through the session (changes to loaded objects begin no transaction).
            if session.in_transaction() or session.dirty:
                await session.commit()
            return result

    async def _flush_after_error(self, kept: outbox.Outbox, bot: Bot) -> None:
        """What was said before the failure still goes out (a service may have committed);
        the failure itself is for the error handler."""
        try:
            await outbox.flush(kept, bot, self.sender_for(bot))
        except Exception as error:
            log.warning("a reply before a failure was not made: %s", type(error).__name__)


class ChatMigrationMiddleware(BaseMiddleware):
    """A group chat Telegram turned into a supergroup: its bindings follow it to the new id.

    Telegram says so with a service message in the old chat (`migrate_to_chat_id`) and one in
    the new chat (`migrate_from_chat_id`); its sender is whoever upgraded the group, possibly
    someone the bot does not know, or nobody. So it is handled here, before the check of who is
    writing, and changes nothing but bindings of exactly the old id. Nobody is answered."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        moved = _migration(event.message)
        if moved is None:
            return await handler(event, data)
        old_chat_id, new_chat_id = moved
        count = await group_chats.move_chat(data["session"], old_chat_id, new_chat_id)
        log.info("chat %s became %s: %d binding(s) moved", old_chat_id, new_chat_id, count)
        return None


def _migration(message: Message | None) -> tuple[int, int] | None:
    """(old chat id, new chat id) when `message` is Telegram's note of a group's upgrade."""
    if message is None:
        return None
    if message.migrate_to_chat_id is not None and message.chat.type == "group":
        return message.chat.id, message.migrate_to_chat_id
    if message.migrate_from_chat_id is not None and message.chat.type == "supergroup":
        return message.migrate_from_chat_id, message.chat.id
    return None


def _starts_bot(event: Update) -> bool:
    """/start in a private chat: the one thing a stranger may send (an invite is redeemed
    only there; in a group chat a stranger gets silence like any other message)."""
    message = event.message
    if message is None or message.chat.type != "private":
        return False
    line = commands.parse(message.text if message.text is not None else message.caption)
    return line is not None and line.name == "start"


class IdentityMiddleware(BaseMiddleware):
    """Resolves the employee and language; strangers get one short refusal and nothing else."""

    def __init__(self, config: AppConfig) -> None:
        self.config = config

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        user: User | None = data.get("event_from_user")
        session: AsyncSession = data["session"]
        me = await people.by_telegram(session, user.id) if user else None
        if me is not None and user is not None:
            language.follow_telegram(me, user.language_code, self.config.default_language)
        lang = pick_language(
            me.language if me else None,
            user.language_code if user else None,
            self.config.default_language,
        )
        data["tr"] = Translator(lang)
        data["config"] = self.config
        if user is not None and me is not None and people.is_usable(me):
            await people.refresh_profile(session, me, _telegram_user(user))
            data["me"] = me
        elif user is not None and _starts_bot(event):
            data["me"] = None
        else:
            await _refuse(event, refusal(me, data["tr"], self.config.timezone))
            return None
        try:
            return await handler(event, data)
        except DomainError as error:
            # Bad input changes nothing: drop the handler's writes, keep the update's record.
            # A service may have committed before raising, so the record may exist already.
            await session.rollback()
            await session.merge(ProcessedUpdate(update_id=event.update_id))
            await _answer(event, data["tr"](f"err-{error.code}", **error.fields))
            return None


def _telegram_user(user: User) -> people.TelegramUser:
    return people.TelegramUser(id=user.id, username=user.username, full_name=user.full_name)


async def _refuse(event: Update, text: str) -> None:
    if isinstance(event.message, Message) and event.message.chat.type != "private":
        return  # strangers talking in a group chat are not the bot's business
    await _answer(event, text)


async def _answer(event: Update, text: str) -> None:
    if isinstance(event.message, Message):
        await event.message.answer(text)
    elif isinstance(event.callback_query, CallbackQuery):
        await event.callback_query.answer(text[:200], show_alert=True)
