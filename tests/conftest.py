"""Shared fixtures: a migrated database per test (SQLite by default, PostgreSQL when
TEST_DATABASE_URL is set), the real Dispatcher with a recording fake session (dialog state in
Redis when TEST_REDIS_URL is set), a frozen clock."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import models
from bot.app import create_dispatcher
from bot.runner import fsm_backends
from bot.settings import Settings
from bot.textlimit import TextLimitMiddleware
from models.db import create_engine, create_sessionmaker, migrate
from services import clock
from services.config import AppConfig
from tests.tg import BOT_TOKEN, BotClient, FakeSession

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
ADMIN_TG = 1
_template: dict[str, Path | bool] = {}


def _sqlite_template(tmp_root: Path) -> Path:
    """Migrate once into a template file; each test copies it (much faster than migrating)."""
    path = _template.get("sqlite")
    if isinstance(path, Path) and path.exists():
        return path
    path = tmp_root / "template.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")

    async def build() -> None:
        await migrate(engine)
        await engine.dispose()

    asyncio.run(build())
    _template["sqlite"] = path
    return path


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    if PG_URL:
        return None
    return _sqlite_template(tmp_path_factory.mktemp("db"))


async def _reset_postgres(engine: AsyncEngine) -> None:
    if not _template.get("pg"):
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await migrate(engine)
        _template["pg"] = True
    names = ", ".join(t.name for t in models.Base.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def database_url(tmp_path: Path, sqlite_template: Path | None) -> str:
    if PG_URL:
        return PG_URL
    path = tmp_path / "crm.db"
    assert sqlite_template is not None
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    if PG_URL:
        await _reset_postgres(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as s:
        yield s


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    # Wednesday 2026-03-11, 12:00 in Moscow (Monday 9 March is a RU public holiday).
    clock.set_now(datetime(2026, 3, 11, 9, 0, tzinfo=UTC))
    yield
    clock.set_now(None)


@pytest.fixture
def config() -> AppConfig:
    return AppConfig(admin_ids=frozenset({ADMIN_TG}), bot_username="crm_test_bot")


def redis_settings() -> Settings:
    return Settings(_env_file=None, bot_token=BOT_TOKEN, redis_url=REDIS_URL)  # type: ignore[call-arg, arg-type]


async def drop_redis_keys(storage: RedisStorage, prefix: str) -> None:
    """Remove this test's keys only: the Redis database may be shared with other runs."""
    keys = [key async for key in storage.redis.scan_iter(match=f"{prefix}:*")]
    if keys:
        await storage.redis.delete(*keys)


@pytest.fixture
async def fsm() -> AsyncIterator[tuple[BaseStorage | None, BaseEventIsolation | None]]:
    """Dialog storage and update isolation for the dispatcher: in Redis under a key prefix of
    this test's own when TEST_REDIS_URL is set (so every dialog in the handler tests must keep
    its data JSON-serialisable, as on several replicas), else the in-memory defaults."""
    if not REDIS_URL:
        yield None, None
        return
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    storage, isolation = fsm_backends(redis_settings(), prefix)
    assert isinstance(storage, RedisStorage)
    try:
        yield storage, isolation
    finally:
        await drop_redis_keys(storage, prefix)
        await storage.close()


@pytest.fixture
async def client(
    config: AppConfig,
    sessionmaker: async_sessionmaker[AsyncSession],
    fsm: tuple[BaseStorage | None, BaseEventIsolation | None],
) -> AsyncIterator[BotClient]:
    bot = Bot(BOT_TOKEN, session=FakeSession())
    bot.session.middleware(TextLimitMiddleware())  # as bot.app.create_bot does
    storage, isolation = fsm
    dp = create_dispatcher(config, sessionmaker, storage=storage, events_isolation=isolation)
    yield BotClient(dp, bot)
    await bot.session.close()
