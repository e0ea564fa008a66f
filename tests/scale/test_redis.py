"""Redis shared by replicas (TEST_REDIS_URL): a dialog begun on one dispatcher goes on on
another, and one person's updates are handled one at a time whichever replica takes them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, StorageKey
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.runner import fsm_backends
from services.config import AppConfig
from tests.conftest import ADMIN_TG, REDIS_URL, drop_redis_keys, redis_settings
from tests.tg import BOT_ID, BotClient

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL is not set")

Backends = tuple[BaseStorage, BaseEventIsolation]


class Poll(StatesGroup):
    colour = State()


@pytest.fixture
async def replicas() -> AsyncIterator[Callable[[], Backends]]:
    """Makes the FSM backends of one more replica: its own connections, the shared Redis."""
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    made: list[BaseStorage] = []

    def make() -> Backends:
        storage, isolation = fsm_backends(redis_settings(), prefix)
        made.append(storage)
        return storage, isolation

    yield make
    assert isinstance(made[0], RedisStorage)
    await drop_redis_keys(made[0], prefix)
    for storage in made:
        await storage.close()


def _with_poll(dp: Dispatcher) -> Dispatcher:
    """A two-step dialog on top of the bot's routers (the dispatcher's own handlers are
    tried before its routers)."""

    async def ask(message: Message, state: FSMContext) -> None:
        await state.set_state(Poll.colour)
        await state.update_data(asked_by=message.from_user.id if message.from_user else 0)
        await message.answer("Which colour?")

    async def answer(message: Message, state: FSMContext) -> None:
        data = await state.get_data()
        await state.clear()
        await message.answer(f"{message.text}, asked by {data['asked_by']}")

    dp.message.register(ask, Command("poll"))
    dp.message.register(answer, StateFilter(Poll.colour))
    return dp


async def test_dialog_begun_on_one_replica_goes_on_on_another(
    client: BotClient,
    config: AppConfig,
    sessionmaker: async_sessionmaker[AsyncSession],
    replicas: Callable[[], Backends],
) -> None:
    first_storage, first_isolation = replicas()
    second_storage, second_isolation = replicas()
    # The feature routers belong to one dispatcher at a time in a process, so the second
    # replica is made first and keeps only the dialog; real replicas are separate processes.
    second_dp = create_dispatcher(
        config, sessionmaker, storage=second_storage, events_isolation=second_isolation
    )
    first_dp = create_dispatcher(
        config, sessionmaker, storage=first_storage, events_isolation=first_isolation
    )
    first = BotClient(_with_poll(first_dp), client.bot)
    second = BotClient(_with_poll(second_dp), client.bot)

    started = await first.feed(client.message_update(ADMIN_TG, "/start", username="boss"))
    assert "администратор" in started.text
    assert (await first.feed(client.message_update(ADMIN_TG, "/poll"))).text == "Which colour?"
    reply = await second.feed(client.message_update(ADMIN_TG, "blue"))
    assert reply.text == f"blue, asked by {ADMIN_TG}"
    key = StorageKey(bot_id=BOT_ID, chat_id=ADMIN_TG, user_id=ADMIN_TG)
    assert await first_storage.get_state(key) is None
    # the dialog is over on both: plain text goes to the bot's own handlers again
    again = await first.feed(client.message_update(ADMIN_TG, "green"))
    assert again.texts and "asked by" not in again.text


async def _holder(
    isolation: BaseEventIsolation,
    key: StorageKey,
    log: list[str],
    name: str,
    release: asyncio.Event,
) -> None:
    async with isolation.lock(key):
        log.append(f"{name} in")
        await release.wait()
        log.append(f"{name} out")


async def _until(condition: Callable[[], bool], step: Callable[[], Awaitable[Any]]) -> None:
    for _ in range(200):
        if condition():
            return
        await step()
    raise AssertionError("the condition never became true")


async def test_one_person_is_handled_by_one_replica_at_a_time(
    replicas: Callable[[], Backends],
) -> None:
    (_, first), (_, second) = replicas(), replicas()
    assert isinstance(first, RedisEventIsolation) and isinstance(second, RedisEventIsolation)
    same = StorageKey(bot_id=BOT_ID, chat_id=7, user_id=7)
    other = StorageKey(bot_id=BOT_ID, chat_id=8, user_id=8)
    log: list[str] = []
    release_a, release_b, release_c = asyncio.Event(), asyncio.Event(), asyncio.Event()
    a = asyncio.create_task(_holder(first, same, log, "a", release_a))
    await _until(lambda: "a in" in log, lambda: asyncio.sleep(0.01))
    b = asyncio.create_task(_holder(second, same, log, "b", release_b))
    c = asyncio.create_task(_holder(second, other, log, "c", release_c))
    try:
        # another person is not held up ...
        await _until(lambda: "c in" in log, lambda: asyncio.sleep(0.01))
        # ... while the same person's next update waits for the first (give it every chance
        # to get in wrongly: the lock is polled every 0.1 s)
        await asyncio.sleep(0.5)
        assert "b in" not in log
        release_a.set()
        await _until(lambda: "b in" in log, lambda: asyncio.sleep(0.01))
        release_b.set()
        release_c.set()
        await asyncio.wait_for(asyncio.gather(a, b, c), 10)
    finally:
        for task in (a, b, c):
            task.cancel()
    assert log.index("a out") < log.index("b in")
