"""bot.polling against the fake Bot API: an update is confirmed to Telegram only once handled,
a stop lets the batch in hand finish (or leaves it unconfirmed when cut off), and a finished
batch is confirmed on the way out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from bot.polling import Poller
from tests.fake_api import FakeBotAPI

USER = 1001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    client = Bot(api.token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    yield client
    await client.session.close()


class Gate:
    """A dispatcher whose message handler records the text and waits until let through."""

    def __init__(self) -> None:
        self.open = asyncio.Event()
        self.seen: list[str] = []
        self.arrived = asyncio.Event()
        self.done: list[str] = []
        self.dp = Dispatcher()
        self.dp.message.register(self.handle)

    async def handle(self, message: Message) -> None:
        self.seen.append(message.text or "")
        self.arrived.set()
        await self.open.wait()
        self.done.append(message.text or "")

    async def until_seen(self, count: int) -> None:
        async with asyncio.timeout(10):
            while len(self.seen) < count:
                self.arrived.clear()
                await self.arrived.wait()


def polls(api: FakeBotAPI) -> int:
    return len(api.calls_of("getUpdates"))


async def test_a_batch_is_confirmed_only_after_every_update_in_it_is_handled(
    api: FakeBotAPI, bot: Bot
) -> None:
    gate = Gate()
    user = api.user(USER)
    for text in ("one", "two", "three"):
        api.send_text(user, text)
    poller = Poller(gate.dp, bot, poll_timeout=1)
    running = asyncio.create_task(poller.run(handle_signals=False))
    await gate.until_seen(3)
    polled = polls(api)
    await asyncio.sleep(1.5)  # longer than a poll: none is made while the batch is in hand
    assert polls(api) == polled
    assert len(api.pending_updates()) == 3

    gate.open.set()
    await api.wait_for(lambda c: c["method"] == "getUpdates", 10, since=len(api.calls))
    assert api.pending_updates() == []
    assert sorted(gate.done) == ["one", "three", "two"]
    poller.stop()
    await asyncio.wait_for(running, 10)


async def test_a_stop_waits_for_the_batch_and_confirms_it(api: FakeBotAPI, bot: Bot) -> None:
    gate = Gate()
    api.send_text(api.user(USER), "one")
    poller = Poller(gate.dp, bot, poll_timeout=1, stop_grace=10)
    running = asyncio.create_task(poller.run(handle_signals=False))
    await gate.until_seen(1)
    poller.stop()
    await asyncio.sleep(0.1)
    assert not running.done()
    gate.open.set()
    await asyncio.wait_for(running, 10)
    assert gate.done == ["one"]
    assert api.pending_updates() == []  # confirmed on the way out, not sent again


async def test_a_batch_cut_off_by_a_stop_stays_unconfirmed(api: FakeBotAPI, bot: Bot) -> None:
    gate = Gate()
    api.send_text(api.user(USER), "one")
    poller = Poller(gate.dp, bot, poll_timeout=1, stop_grace=0.2)
    running = asyncio.create_task(poller.run(handle_signals=False))
    await gate.until_seen(1)
    poller.stop()
    await asyncio.wait_for(running, 10)
    assert gate.done == []
    # Telegram sends it again to the next process
    assert [u["message"]["text"] for u in api.pending_updates()] == ["one"]
