"""Webhook mode of the running bot: it registers the webhook with its secret, answers the
updates Telegram posts with that secret, refuses the others without acting on them, and
answers health checks. With TEST_REDIS_URL the dialog state is in Redis and /healthz says so."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession, ClientTimeout
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import DevGroup, ProcessedUpdate
from tests.conftest import REDIS_URL
from tests.e2e.conftest import ADMIN, StartBot, free_port
from tests.fake_api import FakeBotAPI

SECRET = "e2e_Webhook-secret"


async def _get(url: str) -> tuple[int, Any]:
    async with (
        ClientSession(timeout=ClientTimeout(total=10)) as http,
        http.get(url) as response,
    ):
        return response.status, await response.json()


async def test_webhook_takes_updates_with_the_secret_only(
    fake: FakeBotAPI, start_bot: StartBot, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg/hook"
    extra = {"REDIS_URL": REDIS_URL} if REDIS_URL else {}
    bot = await start_bot(
        WEBHOOK_URL=hook,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
        **extra,
    )
    assert fake.webhook_url == hook and fake.webhook_secret == SECRET

    status, health = await _get(f"http://127.0.0.1:{port}/healthz")
    assert status == 200
    assert health == {"status": "ok", "db": "ok", **({"redis": "ok"} if REDIS_URL else {})}

    boss = fake.user(ADMIN, "Boris", "boss", "en")
    start = fake.make_message_update(boss, "/start")
    assert await fake.post_update_to(hook, start, SECRET) == 200
    assert "administrator" in str((await fake.wait_reply(ADMIN))["result"]["text"])

    sent_before = len(fake.messages_to(ADMIN))
    forged = fake.make_message_update(boss, "/group new forged")
    for secret in ("wrong", "", None, SECRET.upper()):
        assert await fake.post_update_to(hook, forged, secret) in (401, 403), secret
    elsewhere = f"http://127.0.0.1:{port}/other"
    assert await fake.post_update_to(elsewhere, forged, SECRET) == 404
    # Telegram retries an update it could not deliver: the same update twice acts once
    assert await fake.post_update_to(hook, start, SECRET) == 200
    groups = fake.make_message_update(boss, "/groups")
    assert await fake.post_update_to(hook, groups, SECRET) == 200
    assert "no development groups" in str((await fake.wait_reply(ADMIN))["result"]["text"])
    assert len(fake.messages_to(ADMIN)) == sent_before + 1

    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(DevGroup)) == 0
        assert await session.get(ProcessedUpdate, forged["update_id"]) is None
    assert fake.calls_of("getUpdates") == []

    # a replica going away leaves the webhook to the others
    assert await bot.stop() == 0
    assert fake.calls_of("deleteWebhook") == [] and fake.webhook_url == hook
