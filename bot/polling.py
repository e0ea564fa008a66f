"""Long polling that confirms an update to Telegram only after it has been handled.

Telegram keeps an update until a later getUpdates passes an offset past it. aiogram's own
polling asks for the next batch (and so confirms the last one) while the handlers of the last
batch are still running, so a process killed at that moment loses those updates. Here a batch
is handled to the end first; only then does the next getUpdates confirm it. A process killed
mid-batch gets the whole batch again after its restart: the updates it had finished are
skipped by their processed_updates record (bot.middlewares), the others are handled.

Within a batch updates run concurrently, as in aiogram; the per-person lock of the dispatcher
(events isolation) keeps one person's updates in the order Telegram sent them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.dispatcher import DEFAULT_BACKOFF_CONFIG
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.types import Update
from aiogram.utils.backoff import Backoff

log = logging.getLogger("bot.polling")
T = TypeVar("T")

POLL_TIMEOUT = 10  # seconds Telegram holds an empty getUpdates open
# On SIGTERM the batch in hand gets this long to finish; what is cut off then is rolled back
# and, being unconfirmed, comes again after the restart.
STOP_GRACE = 10.0
CONFIRM_TIMEOUT = 5.0


class Poller:
    """Polls until stop() (SIGTERM or SIGINT with handle_signals); `data` goes to handlers."""

    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        *,
        poll_timeout: int = POLL_TIMEOUT,
        stop_grace: float = STOP_GRACE,
        **data: Any,
    ) -> None:
        self.dp = dp
        self.bot = bot
        self.poll_timeout = poll_timeout
        self.stop_grace = stop_grace
        self.data = {"dispatcher": dp, "bots": (bot,), **dp.workflow_data, **data}
        self.stopping = asyncio.Event()
        self.offset: int | None = None
        self._confirmed: int | None = None

    def stop(self, sig: signal.Signals | None = None) -> None:
        if sig is not None:
            log.warning("Received %s signal", sig.name)
        self.stopping.set()

    async def run(self, *, handle_signals: bool = True) -> None:
        if handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(sig, self.stop, sig)
        allowed = self.dp.resolve_used_update_types()
        await self.dp.emit_startup(bot=self.bot, **self.data)
        log.info("Start polling")
        try:
            await self._loop(allowed)
            await self._confirm()
        finally:
            log.info("Polling stopped")
            await self.dp.emit_shutdown(bot=self.bot, **self.data)

    async def _loop(self, allowed: list[str]) -> None:
        backoff = Backoff(config=DEFAULT_BACKOFF_CONFIG)
        # The client must wait longer than Telegram holds the poll open.
        request_timeout = int(self.bot.session.timeout + self.poll_timeout)
        while not self.stopping.is_set():
            request = GetUpdates(
                offset=self.offset, timeout=self.poll_timeout, allowed_updates=allowed
            )
            try:
                updates = await self._unless_stopped(self.bot(request, request_timeout))
            except Exception as error:
                log.error("Failed to fetch updates - %s: %s", type(error).__name__, error)
                delay = next(backoff)
                log.warning("Sleep for %.1f seconds and try again", delay)
                await self._unless_stopped(asyncio.sleep(delay))
                continue
            if updates is None:
                return
            if backoff.counter:
                log.info("Connection established after %d failed polls", backoff.counter)
                backoff.reset()
            self._confirmed = self.offset
            if updates:
                if not await self._handle_batch(updates):
                    return  # cut off by a stop: not confirmed, so it all comes again
                self.offset = updates[-1].update_id + 1

    async def _unless_stopped(self, work: Awaitable[T]) -> T | None:
        """The result of `work`, or None (and `work` cancelled) once a stop is asked for."""
        task = asyncio.ensure_future(work)
        stopped = asyncio.ensure_future(self.stopping.wait())
        try:
            await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return None

    async def _handle_batch(self, updates: list[Update]) -> bool:
        """Handles the batch; False if a stop cut it off before every update was done."""
        tasks = [asyncio.create_task(self._handle(update)) for update in updates]
        stopped = asyncio.ensure_future(self.stopping.wait())
        try:
            pending: set[asyncio.Future[Any]] = set(tasks)
            while pending and not stopped.done():
                _, pending = await asyncio.wait(
                    pending | {stopped}, return_when=asyncio.FIRST_COMPLETED
                )
                pending.discard(stopped)
            if pending:
                _, pending = await asyncio.wait(pending, timeout=self.stop_grace)
        finally:
            stopped.cancel()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return not any(task.cancelled() for task in tasks)

    async def _handle(self, update: Update) -> None:
        try:
            response = await self.dp.feed_update(self.bot, update, **self.data)
            if isinstance(response, TelegramMethod):
                await self.dp.silent_call_request(self.bot, response)
        except Exception:
            # As in aiogram: an update whose handling failed counts as handled, so one bad
            # update cannot come back for ever. (The error router has logged and answered.)
            log.exception("update %s failed", update.update_id)

    async def _confirm(self) -> None:
        """Tell Telegram that the last batch is done, so it is not sent again after a restart."""
        if self.offset is None or self.offset == self._confirmed:
            return
        request = GetUpdates(offset=self.offset, timeout=0, limit=1)
        try:
            await asyncio.wait_for(self.bot(request), CONFIRM_TIMEOUT)
        except Exception as error:
            log.warning("could not confirm the last updates: %s", error)


async def poll(dp: Dispatcher, bot: Bot, **data: Any) -> None:
    await Poller(dp, bot, **data).run()
