"""Checks before the bot takes updates: an admin can exist, and Telegram answers.

Each failure that a person must fix stops the start with one line naming the setting
(:class:`StartupError`); an outage of the network or of Telegram is waited out instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import Iterator

from aiogram import Bot
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import User
from aiogram.utils.backoff import Backoff, BackoffConfig
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.sender import RETRY_AFTER_MARGIN, describe_failure
from jobs.context import admins

log = logging.getLogger("bot.startup")
# From a second up to a minute between attempts, for as long as the outage lasts.
TELEGRAM_BACKOFF = BackoffConfig(min_delay=1.0, max_delay=60.0, factor=1.5, jitter=0.1)


class StartupError(Exception):
    """A setting keeps the bot from starting; the message is the one line to show."""


async def check_admins(
    sessionmaker: async_sessionmaker[AsyncSession], admin_ids: frozenset[int]
) -> None:
    """SPEC §1: without ADMIN_IDS and without an active admin nobody could ever manage the
    bot (admins are only made by admins), so it does not start."""
    if admin_ids:
        return
    async with sessionmaker() as session:
        if await admins(session):
            return
    raise StartupError(
        "Setting ADMIN_IDS is required: there is no admin yet "
        "(give the Telegram user ids of the first admins, e.g. ADMIN_IDS=123456789)"
    )


async def wait_for_telegram(bot: Bot, stop: asyncio.Event | None = None) -> User | None:
    """The bot's own user (kept by `bot.me()` for later), once Telegram answers; None if a
    stop (SIGTERM, SIGINT) came first. A refused token raises StartupError at once."""
    stop = stop or asyncio.Event()
    backoff = Backoff(TELEGRAM_BACKOFF)
    attempt = 0
    with _stop_on_signals(stop):
        while not stop.is_set():
            attempt += 1
            try:
                return await bot.me()
            except TelegramUnauthorizedError:
                raise StartupError(
                    "Setting BOT_TOKEN is refused by Telegram (401 Unauthorized): "
                    "copy the token again from @BotFather"
                ) from None
            except TelegramNotFound:
                raise StartupError(
                    "Setting BOT_TOKEN or TELEGRAM_API_BASE is wrong: the Bot API answered "
                    "404 Not Found to getMe"
                ) from None
            except (TelegramNetworkError, TelegramServerError, TelegramRetryAfter) as error:
                delay = (
                    error.retry_after + RETRY_AFTER_MARGIN
                    if isinstance(error, TelegramRetryAfter)
                    else next(backoff)
                )
                log.warning(
                    "Telegram is not reachable (attempt %d: %s); trying again in %.1f s",
                    attempt,
                    describe_failure(error),
                    delay,
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), delay)
    log.info("stopped while waiting for Telegram")
    return None


@contextlib.contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def settle_heap() -> None:
    """What start-up loaded (modules, routers, texts, the engine's metadata) stays for the
    process's life: collected once and then moved out of the garbage collector's sight
    (`gc.freeze`), so that a full collection while serving walks only what updates create
    instead of the whole heap (a full collection of a large heap took about 220 ms, landing
    on whichever update was running)."""
    gc.collect()
    gc.freeze()
