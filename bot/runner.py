"""Start-up and shutdown of one bot process: polling, or the webhook server when
WEBHOOK_URL is set; dialog state in Redis when REDIS_URL is set."""

from __future__ import annotations

import logging

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import BotCommandScopeDefault
from aiohttp import web
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import app_config, create_bot, create_dispatcher
from bot.logs import setup_logging
from bot.polling import poll
from bot.scheduling import attach_scheduler, create_jobs, create_sender
from bot.settings import Settings
from bot.startup import check_admins, settle_heap, wait_for_telegram
from bot.webhook import Probe, database_probe, serve_webhook
from handlers.common import stranger_menu
from models.db import create_engine, create_sessionmaker, migrate
from services.config import AppConfig
from views.i18n import LANGUAGES, Translator
from webapp.menu import set_menu_button
from webapp.server import create_app, start_webapp

log = logging.getLogger("bot")
# Dialogs left half-way are forgotten after a week rather than kept in Redis for ever.
FSM_TTL_SECONDS = 7 * 24 * 3600


def fsm_backends(
    settings: Settings, prefix: str = "crm-fsm"
) -> tuple[BaseStorage, BaseEventIsolation]:
    """Dialog state and the per-person update lock: in Redis, shared by every replica, when
    REDIS_URL is set; in this process's memory otherwise. Keys start with `prefix`."""
    if not settings.redis_url:
        return MemoryStorage(), SimpleEventIsolation()
    storage = RedisStorage.from_url(
        settings.redis_url,
        key_builder=DefaultKeyBuilder(prefix=prefix, with_bot_id=True, with_destiny=True),
        state_ttl=FSM_TTL_SECONDS,
        data_ttl=FSM_TTL_SECONDS,
    )
    return storage, storage.create_isolation()


async def check_redis(storage: BaseStorage) -> None:
    """Without Redis no update can be handled; better to stop at once and say why."""
    if isinstance(storage, RedisStorage):
        try:
            await storage.redis.ping()
        except (RedisError, OSError) as error:
            raise RuntimeError(f"Redis at REDIS_URL is not reachable ({error})") from None


def health_probes(engine: AsyncEngine, storage: BaseStorage) -> dict[str, Probe]:
    probes: dict[str, Probe] = {"db": database_probe(engine)}
    if isinstance(storage, RedisStorage):
        probes["redis"] = storage.redis.ping
    return probes


async def set_default_menus(bot: Bot) -> None:
    """The menu strangers and newcomers see, in each language; people get their own
    role's menu on /start."""
    for lang in LANGUAGES:
        await bot.set_my_commands(
            stranger_menu(Translator(lang)),
            scope=BotCommandScopeDefault(),
            language_code=lang,
        )


def log_secrets(settings: Settings) -> list[str]:
    """What the log filter blanks out wherever it appears: the token and the webhook secret."""
    secrets = [settings.bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    return secrets


async def start_miniapp(
    settings: Settings,
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> web.AppRunner | None:
    """The Mini App's server and the menu button that opens it, when WEBAPP_URL is set."""
    if not settings.webapp_url:
        return None
    app = create_app(settings.bot_token.get_secret_value(), sessionmaker, config)
    runner = await start_webapp(app, settings.webapp_host, settings.webapp_port)
    await set_menu_button(bot, settings.webapp_url, Translator(config.default_language))
    return runner


async def run(settings: Settings) -> None:
    setup_logging(settings.log_level, log_secrets(settings))
    engine = create_engine(settings.database_url)
    storage, isolation = fsm_backends(settings)
    miniapp: web.AppRunner | None = None
    bot = create_bot(settings)
    try:
        await migrate(engine)
        await check_redis(storage)
        sessionmaker = create_sessionmaker(engine)
        await check_admins(sessionmaker, settings.admin_ids)
        me = await wait_for_telegram(bot)
        if me is None:
            return
        config = app_config(settings, me.username or "bot")
        # One sender, so one limiter paces the jobs' messages and the handlers' notices.
        sender = create_sender(bot, sessionmaker)
        job_runner, scheduler = create_jobs(bot, sessionmaker, config, sender)
        dp = create_dispatcher(
            config,
            sessionmaker,
            storage=storage,
            events_isolation=isolation,
            sender=sender,
            job_runner=job_runner,
        )
        attach_scheduler(dp, scheduler)
        await set_default_menus(bot)
        miniapp = await start_miniapp(settings, bot, sessionmaker, config)
        settle_heap()
        await _serve(settings, bot, dp, health_probes(engine, storage))
    finally:
        if miniapp is not None:
            await miniapp.cleanup()
        await storage.close()
        await bot.session.close()
        await engine.dispose()


async def _serve(settings: Settings, bot: Bot, dp: Dispatcher, probes: dict[str, Probe]) -> None:
    if settings.webhook_url:
        await serve_webhook(settings, bot, dp, probes)
        return
    log.info("polling for updates")
    await bot.delete_webhook(drop_pending_updates=False)
    await poll(dp, bot)
