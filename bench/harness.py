"""The bot as the measures drive it: the real Dispatcher (bot.app.create_dispatcher) with the
recording fake Bot API session of the handler tests, fed Update objects built beforehand, so
that only the handling of an update is timed."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message, Update
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.data import Company
from bot.app import create_dispatcher
from bot.startup import settle_heap
from models.db import create_sessionmaker
from services.config import AppConfig
from tests.tg import BOT_TOKEN, BotClient, FakeSession

_update_ids = itertools.count(1)


class TimedSession(FakeSession):
    """The recording fake session, also noting when the first request of a round was made."""

    def __init__(self) -> None:
        super().__init__()
        self.first_at: float | None = None

    async def make_request(self, bot: Bot, method: Any, timeout: Any = None) -> Any:  # noqa: ASYNC109
        if self.first_at is None:
            self.first_at = time.perf_counter()
        return await super().make_request(bot, method, timeout)


@dataclass(frozen=True)
class Timing:
    count: int
    seconds: float
    latencies: list[float]  # seconds, one per update
    replies: int = 0  # Bot API calls the bot made in answer

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def quantile_ms(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class Harness:
    """One bot with its dispatcher and fake session."""

    def __init__(self, dp: Dispatcher) -> None:
        self.timed = TimedSession()
        self.bot = Bot(BOT_TOKEN, session=self.timed)
        self.client = BotClient(dp, self.bot)
        self.dp = dp

    @classmethod
    def full(cls, engine: AsyncEngine, company: Company) -> Harness:
        config = AppConfig(admin_ids=frozenset({company.admin_tg}), bot_username="crm_bench_bot")
        harness = cls(create_dispatcher(config, create_sessionmaker(engine)))
        people = [company.admin_tg, *company.staff_tg]
        harness.know({tg: company.username(tg) for tg in people})
        return harness

    @classmethod
    def echo(cls) -> Harness:
        """A bare aiogram dispatcher whose one handler answers the text: the baseline."""
        router = Router(name="echo")

        @router.message()
        async def echo(message: Message) -> None:
            await message.answer(message.text or "")

        dp = Dispatcher()
        dp.include_router(router)
        return cls(dp)

    def know(self, usernames: Mapping[int, str]) -> None:
        """Telegram sends each person's username with every update."""
        for user, username in usernames.items():
            self.client.user(user, username)

    def updates(self, messages: Sequence[tuple[int, str]]) -> list[Update]:
        """(Telegram id, text) pairs as updates, each with an update_id never used before."""
        return [
            self.client.message_update(user, text, update_id=next(_update_ids))
            for user, text in messages
        ]

    async def one(self, user: int, text: str) -> tuple[float, float, list[str]]:
        """Feed one message: seconds to the bot's first answer, seconds to the end of the
        handling, and the texts the bot sent."""
        (update,) = self.updates([(user, text)])
        self.timed.first_at = None
        start = time.perf_counter()
        reply = await self.client.feed(update)
        elapsed = time.perf_counter() - start
        first = (self.timed.first_at or start + elapsed) - start
        self.session.requests.clear()
        return first, elapsed, reply.texts

    @property
    def session(self) -> FakeSession:
        return self.client.session

    async def run(self, updates: Sequence[Update], concurrency: int) -> Timing:
        """Feed every update, at most `concurrency` at a time, as polling hands them out."""
        latencies: list[float] = []
        queue = iter(updates)
        # The batch built for this run (thousands of Update objects a bot never holds at once)
        # out of the garbage collector's sight, so that its young-generation collections walk
        # what the handling creates, not the harness's input (they took 2–10 ms each otherwise).
        settle_heap()

        async def worker() -> None:
            for update in queue:
                start = time.perf_counter()
                await self.dp.feed_update(self.bot, update)
                latencies.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(max(1, concurrency))))
        seconds = time.perf_counter() - start
        replies = len(self.session.requests)
        self.session.requests.clear()
        return Timing(len(updates), seconds, latencies, replies)

    async def close(self) -> None:
        await self.bot.session.close()
