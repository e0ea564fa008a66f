"""The webhook application in-process: the secret header decides whether an update is
handled, /healthz reports the database, start-up hooks run as they do when polling."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, cast

import pytest
from aiogram import Dispatcher
from aiogram.methods import SendMessage
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.settings import Settings
from bot.webhook import build_app, database_probe
from models import ProcessedUpdate
from models.db import create_engine
from tests.conftest import ADMIN_TG
from tests.tg import BOT_TOKEN, BotClient

SECRET = "Hook_Secret-42"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _settings() -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=BOT_TOKEN,  # type: ignore[arg-type]
        webhook_url="https://bot.example.com/tg/hook",
        webhook_secret=SECRET,  # type: ignore[arg-type]
    )


@pytest.fixture
async def web(client: BotClient, engine: AsyncEngine) -> AsyncIterator[TestClient[Any, Any]]:
    started: list[str] = []

    async def on_startup(dispatcher: Dispatcher) -> None:
        started.append("startup")

    client.dp.startup.register(on_startup)
    app = build_app(_settings(), client.bot, client.dp, {"db": database_probe(engine)})
    async with TestClient(TestServer(app, host="127.0.0.1")) as web_client:
        web_client.started = started  # type: ignore[attr-defined]
        yield web_client


def _body(client: BotClient, text: str, update_id: int) -> dict[str, Any]:
    update = client.message_update(ADMIN_TG, text, username="boss", update_id=update_id)
    return json.loads(update.model_dump_json(exclude_none=True, by_alias=True))


async def _processed(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(ProcessedUpdate)) or 0


async def test_update_with_the_secret_is_handled(
    web: TestClient[Any, Any], client: BotClient, session: AsyncSession
) -> None:
    body = _body(client, "/start", 501)
    response = await web.post("/tg/hook", json=body, headers={HEADER: SECRET})
    assert response.status == 200
    sent = [
        cast(SendMessage, r) for r in client.session.requests if type(r).__name__ == "SendMessage"
    ]
    assert len(sent) == 1 and "администратор" in sent[0].text
    assert await session.get(ProcessedUpdate, 501) is not None
    assert web.started == ["startup"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("headers", [{HEADER: "wrong"}, {HEADER: ""}, {}, {HEADER: SECRET + "x"}])
async def test_update_without_the_secret_is_refused(
    web: TestClient[Any, Any],
    client: BotClient,
    session: AsyncSession,
    headers: dict[str, str],
) -> None:
    response = await web.post("/tg/hook", json=_body(client, "/start", 502), headers=headers)
    assert response.status in (401, 403)
    assert client.session.requests == []
    assert await _processed(session) == 0


async def test_only_the_webhook_path_takes_updates(
    web: TestClient[Any, Any], client: BotClient
) -> None:
    elsewhere = await web.post("/", json=_body(client, "/start", 503), headers={HEADER: SECRET})
    assert elsewhere.status == 404
    assert (await web.get("/tg/hook")).status == 405
    assert client.session.requests == []


async def test_health_reports_the_database(web: TestClient[Any, Any]) -> None:
    response = await web.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok", "db": "ok"}


async def _redis_down() -> None:
    raise ConnectionRefusedError("redis is down")


async def _health(client: BotClient, probes: dict[str, Any]) -> tuple[int, dict[str, str]]:
    app = build_app(_settings(), client.bot, client.dp, probes)
    async with TestClient(TestServer(app, host="127.0.0.1")) as web_client:
        response = await web_client.get("/healthz")
        return response.status, await response.json()


async def test_health_is_503_when_the_database_is_down(client: BotClient) -> None:
    # Nothing listens on port 1: the connection is refused at once.
    missing = create_engine("postgresql+asyncpg://root@127.0.0.1:1/crm")
    try:
        status, body = await _health(client, {"db": database_probe(missing)})
    finally:
        await missing.dispose()
    assert status == 503
    assert body == {"status": "unavailable", "db": "unreachable"}


async def test_health_is_503_when_redis_is_down(client: BotClient, engine: AsyncEngine) -> None:
    status, body = await _health(client, {"db": database_probe(engine), "redis": _redis_down})
    assert status == 503
    assert body == {"status": "unavailable", "db": "ok", "redis": "unreachable"}
