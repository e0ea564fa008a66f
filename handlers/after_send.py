"""What a reply became, for the handler that needs to know.

Replies leave after the update's transaction (bot/outbox.py): inside a handler a sent message
is not known yet, nor whether an edit worked. A dialog keeps the id of its one message to edit
it later, and sends a new message when the old one cannot be edited any more; so it sends with
:func:`send` (a callback gets the sent message) and edits with :func:`edit` (a callback runs
instead when Telegram refuses the edit). Without an outbox collecting, the call is made at once
and the callbacks run at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import TelegramMethod
from aiogram.types import Message

Then = Callable[[Message], Awaitable[None]]
Instead = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class _Waiter:
    method: TelegramMethod[Any]
    then: Then | None = None
    instead: Instead | None = None


Waiting = dict[int, _Waiter]
_waiting: ContextVar[Waiting | None] = ContextVar("after_send", default=None)


@contextmanager
def collecting(waiting: Waiting) -> Iterator[None]:
    """Set by the outbox while it keeps an update's calls; `waiting` is the outbox's."""
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)


async def send(method: TelegramMethod[Message], then: Then) -> None:
    waiting = _waiting.get()
    if waiting is not None:
        waiting[id(method)] = _Waiter(method, then=then)
    result = await method
    if waiting is None and isinstance(result, Message):
        await then(result)


def _unchanged(error: TelegramBadRequest) -> bool:
    """Telegram refuses an edit to the same text: the message already says it."""
    return "not modified" in error.message


async def edit(method: TelegramMethod[Any], instead: Instead) -> None:
    waiting = _waiting.get()
    if waiting is not None:
        waiting[id(method)] = _Waiter(method, instead=instead)
        await method
        return
    try:
        await method
    except TelegramBadRequest as error:
        if not _unchanged(error):
            await instead()


def _waiter(waiting: Waiting, method: TelegramMethod[Any]) -> _Waiter | None:
    waiter = waiting.pop(id(method), None)
    return waiter if waiter is not None and waiter.method is method else None


async def made(waiting: Waiting, method: TelegramMethod[Any], result: Any) -> None:
    """The outbox made `method`; the callback waiting for its result runs."""
    waiter = _waiter(waiting, method)
    if waiter is not None and waiter.then is not None and isinstance(result, Message):
        await waiter.then(result)


async def failed(waiting: Waiting, method: TelegramMethod[Any], error: Exception) -> bool:
    """Telegram refused `method`; True when a handler had said what to do instead (done)."""
    waiter = _waiter(waiting, method)
    if waiter is None or waiter.instead is None or not isinstance(error, TelegramBadRequest):
        return False
    if not _unchanged(error):
        await waiter.instead()
    return True
