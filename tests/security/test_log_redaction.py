"""What reaches the log when a handler fails, with logging set up as `python -m bot` sets it
up, at DEBUG: the bot token, the webhook secret and invite tokens are never in it."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest
from aiohttp import ClientConnectionError
from pydantic import SecretStr

from bot.logs import setup_logging
from bot.runner import log_secrets
from bot.settings import Settings
from tests.conftest import ADMIN_TG
from tests.tg import BOT_TOKEN, BotClient

WEBHOOK_SECRET = "Hook_Secret-for-redaction-42"
LINK = re.compile(r"https://t\.me/crm_test_bot\?start=([A-Za-z0-9_-]+)")


def _settings() -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr("123456789:AAFakeTokenForTestsOnly_abcdefghijkl"),
        webhook_url="https://bot.example.com/tg/hook",
        webhook_secret=SecretStr(WEBHOOK_SECRET),
    )


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """The process's logging as `python -m bot` sets it up, at DEBUG, written to a buffer."""
    root, events = logging.getLogger(), logging.getLogger("aiogram.event")
    handlers, level, events_level = root.handlers[:], root.level, events.level
    setup_logging("DEBUG", [BOT_TOKEN, WEBHOOK_SECRET])
    buffer = io.StringIO()
    (handler,) = root.handlers
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    try:
        yield buffer
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        events.setLevel(events_level)


def test_the_runner_redacts_the_token_and_the_webhook_secret() -> None:
    settings = _settings()
    assert log_secrets(settings) == [
        "123456789:AAFakeTokenForTestsOnly_abcdefghijkl",
        WEBHOOK_SECRET,
    ]


async def test_a_failing_handler_logs_no_token_or_secret(
    debug_log: io.StringIO, client: BotClient
) -> None:
    await client.send(ADMIN_TG, "/start", username="boss")
    # What aiohttp says when Telegram cannot be reached: the URL carries the token.
    client.session.fail_next(
        "SendMessage",
        ClientConnectionError(
            f"https://api.telegram.org/bot{BOT_TOKEN}/sendMessage ({WEBHOOK_SECRET})"
        ),
    )
    reply = await client.send(ADMIN_TG, "/me")
    assert reply.text.startswith("Извините, что-то пошло не так") and "Код ошибки" in reply.text
    assert "Traceback" not in reply.text and "ClientConnectionError" not in reply.text
    logged = debug_log.getvalue()
    assert "unhandled error ref=" in logged and "Traceback" in logged
    assert "<redacted>" in logged
    assert BOT_TOKEN not in logged and WEBHOOK_SECRET not in logged
    assert BOT_TOKEN.split(":")[1] not in logged


async def invite(client: BotClient) -> tuple[str, str]:
    """An admin's answer to /invite, and the token in its link."""
    await client.send(ADMIN_TG, "/start", username="boss")
    await client.send(ADMIN_TG, "/group new backend")
    made = await client.send(ADMIN_TG, "/invite programmer backend")
    match = LINK.search(made.text)
    assert match is not None
    return made.text, match.group(1)


async def test_an_invite_token_in_a_failing_update_is_not_logged(
    debug_log: io.StringIO, client: BotClient
) -> None:
    text, token = await invite(client)
    # The newcomer's menu cannot be set: the update fails after the token was read.
    client.session.fail_next("SetMyCommands", RuntimeError("menu failed"))
    await client.send(300, f"/start {token}")
    # and the link itself fails to go out
    client.session.fail_next("SendMessage", RuntimeError(f"could not send {text}"))
    await client.send(ADMIN_TG, "/invite tester backend")
    logged = debug_log.getvalue()
    assert logged.count("unhandled error ref=") == 2
    assert "/start <redacted>" in logged
    assert token not in logged
    assert not re.search(r"start=[A-Za-z0-9_-]{8,}", logged)
