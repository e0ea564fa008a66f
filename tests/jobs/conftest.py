"""Jobs end to end: a real aiogram Bot and the project's Sender talking to the fake Bot API on
loopback, the job runner over the test database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from bot.sender import Sender
from jobs.runner import JobRunner
from services.config import AppConfig
from tests.fake_api import FakeBotAPI


async def no_wait(_seconds: float) -> None:
    """Retries and flood waits happen at once: tests count messages, not seconds."""


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    fake = FakeBotAPI()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def tg_bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    bot = Bot(api.token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    try:
        yield bot
    finally:
        await bot.session.close()


@pytest.fixture
def sender(tg_bot: Bot, sessionmaker: async_sessionmaker[AsyncSession]) -> Sender:
    # The production sender, with limits and waits that keep tests fast.
    limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000, group_per_minute=10_000)
    return create_sender(tg_bot, sessionmaker, limiter, sleep=no_wait, jitter=0)


@pytest.fixture
def runner(
    sessionmaker: async_sessionmaker[AsyncSession], sender: Sender, config: AppConfig
) -> JobRunner:
    return JobRunner(sessionmaker, sender, config, holder="test-runner")
