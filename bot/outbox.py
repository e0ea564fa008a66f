"""Bot API calls made while an update is handled leave after its transaction has ended.

A reply, a button's answer or a notice to another person is network I/O of unknown length
(Telegram may ask to wait out flood control for many seconds); made inside the update's
transaction it would hold the database (on SQLite, the write lock every other update needs)
for as long. So while :func:`collecting` is active, :class:`OutboxMiddleware` keeps every call
that changes something in Telegram (sending, editing, answering, setting menus) instead of
making it, and answers the handler with None; calls that read (getMe) go out at once.
bot.middlewares.DbSessionMiddleware ends the transaction and then makes them (:func:`flush`),
in the order they were made:

* a message to a chat other than the update's own (a notice: assignment, review, comment,
  calendar and pay notices) goes through the shared :class:`bot.sender.Sender`, like the
  scheduled jobs' messages: paced within Telegram's limits, flood control waited out, and a
  recipient who blocked the bot marked unreachable; it never fails the update;
* everything else (the reply, edits of the pressed message, callback answers, menus) is made as
  before, with the session's RetryMiddleware; an error there reaches the dispatcher's error
  handler after the remaining calls have been made.

A crash after the commit and before the flush loses the replies, never the work: the update
is not handled a second time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import SendDocument, SendMessage, SendPhoto, TelegramMethod

from bot.sender import Sender, sending_now
from handlers import after_send

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response
    from aiogram.methods.base import TelegramType

log = logging.getLogger(__name__)
NOTICES = (SendMessage, SendDocument, SendPhoto)


@dataclass
class Outbox:
    """The calls one update made; `chat_id` is the update's own chat (None: no chat)."""

    chat_id: int | None
    calls: list[TelegramMethod[Any]] = field(default_factory=list)
    # Callbacks of handlers waiting for what a call returns (handlers/after_send.py).
    waiting: after_send.Waiting = field(default_factory=dict)

    def notice_chat(self, method: TelegramMethod[Any]) -> int | None:
        """The recipient when `method` is a message to someone else, else None."""
        if not isinstance(method, NOTICES) or not isinstance(method.chat_id, int):
            return None
        return method.chat_id if method.chat_id != self.chat_id else None


_current: ContextVar[Outbox | None] = ContextVar("outbox", default=None)


class OutboxMiddleware(BaseRequestMiddleware):
    """Keeps the calls of the update being handled (see the module's docstring)."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        outbox = _current.get()
        if outbox is None or sending_now() or type(method).__name__.startswith("Get"):
            return await make_request(bot, method)
        outbox.calls.append(method)
        # What Telegram would return is not known yet; no handler uses it.
        return cast("Response[TelegramType]", None)


def attach(bot: Bot) -> None:
    """Adds the middleware to the bot's session once (whoever built the bot)."""
    if not any(isinstance(m, OutboxMiddleware) for m in bot.session.middleware):
        bot.session.middleware(OutboxMiddleware())


@contextmanager
def collecting(chat_id: int | None) -> Iterator[Outbox]:
    outbox = Outbox(chat_id)
    token = _current.set(outbox)
    try:
        with after_send.collecting(outbox.waiting):
            yield outbox
    finally:
        _current.reset(token)


async def _make(outbox: Outbox, bot: Bot, method: TelegramMethod[Any]) -> None:
    """One reply or edit; a handler waiting for what it became (a dialog's message id, or
    an edit Telegram refused) learns it."""
    try:
        result = await bot(method)
    except Exception as error:
        if not await after_send.failed(outbox.waiting, method, error):
            raise
        return
    await after_send.made(outbox.waiting, method, result)


async def flush(outbox: Outbox, bot: Bot, sender: Sender) -> None:
    """Makes the kept calls in order; raises the first error of a direct call at the end."""
    first: Exception | None = None
    for method in outbox.calls:
        recipient = outbox.notice_chat(method)
        try:
            if recipient is not None:
                await sender.send_method(recipient, cast("SendMessage", method))
            else:
                await _make(outbox, bot, method)
        except Exception as error:
            if first is None:
                first = error
            else:
                log.warning("%s not made: %s", type(method).__name__, type(error).__name__)
    outbox.calls.clear()
    if first is not None:
        raise first
