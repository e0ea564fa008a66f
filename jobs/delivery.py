"""Sending a job's messages through the ledger: claim, send, mark.

Jobs get the outbound sender from the composition root (bot/ builds it around the Bot with
Telegram's limits and retries) and only know it by the protocol below.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services import ledger, reach

log = logging.getLogger(__name__)

SENT = "sent"
SKIPPED = "skipped"
FAILED = "failed"
BLOCKED = "blocked"


class SendOutcome(Protocol):
    ok: bool
    blocked: bool
    error: str | None


class OutboundSender(Protocol):
    async def send_text(
        self, chat_id: int, text: str, reply_markup: Any = None, parse_mode: str | None = None
    ) -> SendOutcome: ...

    async def send_document(
        self, chat_id: int, data: bytes, filename: str, caption: str | None = None
    ) -> SendOutcome: ...


@dataclass(frozen=True)
class Recipient:
    """One person or one group chat. `key` is its part of the ledger key (e5, chat:-100123)."""

    key: str
    chat_id: int
    lang: str
    label: str  # how the admins' report names it
    employee_id: int | None = None
    unreachable: bool = False


class RunStopped(Exception):
    """The run lost its lease: another process may be running the same period now."""


@dataclass
class Delivery:
    sessionmaker: async_sessionmaker[AsyncSession]
    sender: OutboundSender
    job: str
    period: str
    should_stop: Callable[[], bool] = lambda: False
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    transient: int = 0  # failures a later run may retry (not the blocked ones)
    unreachable: list[str] = field(default_factory=list)

    async def text(self, to: Recipient, text: str, reply_markup: Any = None, part: str = "") -> str:
        return await self._deliver(
            to, part, lambda: self.sender.send_text(to.chat_id, text, reply_markup)
        )

    async def document(
        self, to: Recipient, data: bytes, filename: str, caption: str | None = None, part: str = ""
    ) -> str:
        return await self._deliver(
            to, part, lambda: self.sender.send_document(to.chat_id, data, filename, caption)
        )

    async def _deliver(
        self, to: Recipient, part: str, send: Callable[[], Awaitable[SendOutcome]]
    ) -> str:
        if self.should_stop():
            raise RunStopped(self.job)
        key = f"{to.key}:{part}" if part else to.key
        async with self.sessionmaker() as session:
            if not await ledger.claim(session, self.job, self.period, key):
                self.skipped += 1
                return SKIPPED
        try:
            result = await send()
        except Exception:
            # Not an API error (the sender returns those): a bug must not stop the others.
            log.exception("%s %s: sending to %s failed", self.job, self.period, key)
            await self._mark(key, ledger.FAILED)
            self.failed += 1
            self.transient += 1
            return FAILED
        if result.ok:
            await self._mark(key, ledger.SENT)
            self.sent += 1
            if to.unreachable and to.employee_id is not None:
                async with self.sessionmaker() as session:
                    await reach.mark_reachable(session, to.employee_id)
            return SENT
        self.failed += 1
        if result.blocked:
            await self._mark(key, ledger.BLOCKED)
            if to.label not in self.unreachable:
                self.unreachable.append(to.label)
            return BLOCKED
        self.transient += 1
        await self._mark(key, ledger.FAILED)
        log.warning("%s %s: not delivered to %s: %s", self.job, self.period, key, result.error)
        return FAILED

    async def _mark(self, key: str, status: str) -> None:
        async with self.sessionmaker() as session:
            await ledger.mark(session, self.job, self.period, key, status)


async def in_parallel(
    items: Sequence[tuple[Any, ...]], send: Callable[..., Awaitable[None]], workers: int
) -> None:
    """`send(*item)` for every item, at most `workers` at a time. The first error (RunStopped
    included) stops the others and is raised."""
    queue = iter(items)

    async def work() -> None:
        for item in queue:
            await send(*item)

    tasks = [asyncio.create_task(work()) for _ in range(max(1, min(workers, len(items))))]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
