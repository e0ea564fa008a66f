"""Webhook mode: an aiohttp server that takes Telegram's updates on the path of WEBHOOK_URL,
refuses requests without the right secret header, and answers health checks on /healthz."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings

log = logging.getLogger("bot.webhook")
HEALTH_PATH = "/healthz"
# A load balancer gives up on a health check long before this; a hung database must not
# hang the check with it.
HEALTH_TIMEOUT = 5.0

Probe = Callable[[], Awaitable[object]]


def database_probe(engine: AsyncEngine) -> Probe:
    async def probe() -> None:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    return probe


async def _check(probe: Probe) -> str:
    try:
        await asyncio.wait_for(probe(), HEALTH_TIMEOUT)
    except Exception as error:  # any failure means "not reachable", and is worth a log line
        log.warning("health check failed: %s", type(error).__name__)
        return "unreachable"
    return "ok"


def health_handler(probes: dict[str, Probe]) -> Callable[[web.Request], Awaitable[web.Response]]:
    """200 with {"status": "ok", "db": "ok", ...} when every probe passes, else 503."""

    async def healthz(request: web.Request) -> web.Response:
        checks = {name: await _check(probe) for name, probe in probes.items()}
        healthy = all(state == "ok" for state in checks.values())
        body = {"status": "ok" if healthy else "unavailable", **checks}
        return web.json_response(body, status=200 if healthy else 503)

    return healthz


def build_app(
    settings: Settings, bot: Bot, dp: Dispatcher, probes: dict[str, Probe]
) -> web.Application:
    """The web application: updates on the webhook path, health on /healthz."""
    assert settings.webhook_secret is not None  # settings refuse a webhook without one
    app = web.Application()
    # Updates are handled before Telegram gets its answer: an update lost with a crashed
    # replica is delivered again, and the processed-update record makes it act once.
    SimpleRequestHandler(
        dispatcher=dp,
        bot=bot,
        secret_token=settings.webhook_secret.get_secret_value(),
        handle_in_background=False,
    ).register(app, path=settings.webhook_path)
    app.router.add_get(HEALTH_PATH, health_handler(probes))
    setup_application(app, dp, bot=bot)
    return app


async def register_webhook(settings: Settings, bot: Bot, dp: Dispatcher) -> None:
    """Tell Telegram where to post. Every replica does it with the same URL and secret, so
    it does no harm when several start at once."""
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    await bot.set_webhook(
        url=settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=dp.resolve_used_update_types(),
        drop_pending_updates=False,
    )


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def serve_webhook(
    settings: Settings, bot: Bot, dp: Dispatcher, probes: dict[str, Probe]
) -> None:
    """Listen on WEBHOOK_HOST:WEBHOOK_PORT until SIGTERM or SIGINT. The webhook is left set
    on the way out: the other replicas keep taking updates."""
    stop = _stop_event()
    runner = web.AppRunner(build_app(settings, bot, dp, probes), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
        await site.start()
        await register_webhook(settings, bot, dp)
        log.info(
            "webhook server on %s:%s, path %s",
            settings.webhook_host,
            settings.webhook_port,
            settings.webhook_path,
        )
        await stop.wait()
        log.info("stopping the webhook server")
    finally:
        await runner.cleanup()
