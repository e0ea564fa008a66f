"""Outer middlewares: one database session per update, exactly-once updates, and who is
writing (employee, language, translator)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update, User
from sqlalchemy import bindparam, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import ProcessedUpdate
from services import people
from services.config import AppConfig
from services.errors import DomainError
from services.i18n import Translator, pick_language

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
# A Core insert built once: cheaper than the unit of work on every update.
_RECORD = insert(ProcessedUpdate.__table__).values(update_id=bindparam("update_id"))  # type: ignore[arg-type]


class DbSessionMiddleware(BaseMiddleware):
    """Opens the session and records the update_id in the same transaction as the
    handler's effects, so a redelivered update is skipped and a crashed one retried."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.sessionmaker = sessionmaker

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        async with self.sessionmaker() as session:
            # The insert alone decides: its primary key refuses an update processed before or
            # being processed elsewhere, so no read is needed first (one statement less each).
            try:
                await session.execute(_RECORD, {"update_id": event.update_id})
            except IntegrityError:
                log.info("update %s already processed or in progress, skipped", event.update_id)
                return None
            data["session"] = session
            result = await handler(event, data)
            await session.commit()
            return result


def _starts_bot(event: Update) -> bool:
    """/start in a private chat: the one thing a stranger may send (an invite is redeemed
    only there; in a group chat a stranger gets silence like any other message)."""
    message = event.message
    if message is None or message.chat.type != "private":
        return False
    words = (message.text or "").split(maxsplit=1)
    return bool(words) and words[0].split("@")[0] == "/start"


class IdentityMiddleware(BaseMiddleware):
    """Resolves the employee and language; strangers get one short refusal and nothing else."""

    def __init__(self, config: AppConfig) -> None:
        self.config = config

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        user: User | None = data.get("event_from_user")
        session: AsyncSession = data["session"]
        me = await people.by_telegram(session, user.id) if user else None
        lang = pick_language(
            me.language if me else None,
            user.language_code if user else None,
            self.config.default_language,
        )
        data["tr"] = Translator(lang)
        data["config"] = self.config
        if user is not None and me is not None and people.is_usable(me):
            people.refresh_profile(me, _telegram_user(user))
            data["me"] = me
        elif user is not None and _starts_bot(event):
            data["me"] = None
        else:
            await _refuse(event, data["tr"])
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


async def _refuse(event: Update, tr: Translator) -> None:
    if isinstance(event.message, Message) and event.message.chat.type != "private":
        return  # strangers talking in a group chat are not the bot's business
    await _answer(event, tr("refuse-stranger"))


async def _answer(event: Update, text: str) -> None:
    if isinstance(event.message, Message):
        await event.message.answer(text)
    elif isinstance(event.callback_query, CallbackQuery):
        await event.callback_query.answer(text[:200], show_alert=True)
