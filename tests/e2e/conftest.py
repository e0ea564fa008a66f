"""`python -m bot` as a separate process against the fake Bot API on 127.0.0.1, on the test
database (a copy of the migrated SQLite file, or PostgreSQL with TEST_DATABASE_URL)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from tests.fake_api import FakeBotAPI

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456:E2E-test-token"
ADMIN = 1
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(fake: FakeBotAPI, database_url: str, **extra: str) -> dict[str, str]:
    """The parent's environment without any bot setting, so neither the developer's shell
    nor a `.env` file changes what the test runs; then the test's own settings."""
    names = {name.upper() for name in Settings.model_fields} | {"ENV_FILE"}
    env = {k: v for k, v in os.environ.items() if k not in names and not k.startswith("TEST_")}
    env.update(
        BOT_TOKEN=fake.token,
        TELEGRAM_API_BASE=fake.base_url,
        DATABASE_URL=database_url,
        ADMIN_IDS=str(ADMIN),
        ENV_FILE="",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@dataclass
class BotProcess:
    proc: asyncio.subprocess.Process
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    async def stop(self) -> int:
        """SIGTERM, as systemd or an orchestrator stops it; killed if it hangs."""
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        return int(self.proc.returncode or 0)


StartBot = Callable[..., Awaitable[BotProcess]]


def _ready(env: dict[str, str]) -> Callable[[dict[str, Any]], bool]:
    """The Bot API call that shows a bot process is ready: its setWebhook in webhook mode;
    when polling, deleteWebhook, which comes just before the first long poll (the fake
    records a call once it has answered it, so not getUpdates itself)."""
    hook = env.get("WEBHOOK_URL")
    if hook:
        return lambda call: call["method"] == "setWebhook" and call["params"]["url"] == hook
    return lambda call: call["method"] == "deleteWebhook"


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(token=TOKEN) as api:
        yield api


@pytest.fixture
async def start_bot(
    fake: FakeBotAPI, database_url: str, engine: AsyncEngine, tmp_path: Path
) -> AsyncIterator[StartBot]:
    """Starts bot processes (ready once they poll, or once the webhook is set); every one
    is stopped at the end, and its log shown when the test failed."""
    started: list[BotProcess] = []

    async def start(**extra: str) -> BotProcess:
        log_path = tmp_path / f"bot-{len(started)}.log"
        since = len(fake.calls)
        with log_path.open("wb") as log_file:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=ROOT,
                env=bot_env(fake, database_url, **extra),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
            )
        bot = BotProcess(proc, log_path)
        started.append(bot)
        waiting = asyncio.ensure_future(fake.wait_for(_ready(extra), START_TIMEOUT, since=since))
        exited = asyncio.ensure_future(proc.wait())
        await asyncio.wait({waiting, exited}, return_when=asyncio.FIRST_COMPLETED)
        exited.cancel()
        if not waiting.done():
            waiting.cancel()
            raise AssertionError(f"the bot exited before it was ready:\n{bot.log()}")
        waiting.result()
        return bot

    try:
        yield start
    finally:
        for bot in started:
            await bot.stop()
            print(f"--- log of bot process {bot.proc.pid} ---\n{bot.log()[-6000:]}")
