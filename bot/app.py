"""Composition root: the bot, the dispatcher and everything they are given."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import errors
from bot.inline_filters import run_filters_inline
from bot.middlewares import DbSessionMiddleware, IdentityMiddleware
from bot.sender import RetryMiddleware
from bot.settings import Settings
from handlers import feature_routers
from services.config import AppConfig


def app_config(settings: Settings, bot_username: str = "bot") -> AppConfig:
    return AppConfig(
        timezone=settings.timezone,
        default_language=settings.default_language,
        currency=settings.currency,
        holidays_country=settings.holidays_country,
        admin_ids=settings.admin_ids,
        lag_alert_hours=settings.lag_alert_hours,
        lag_alert_time=settings.lag_alert_time,
        reminder_time=settings.reminder_time,
        payroll_day=settings.payroll_day,
        payroll_time=settings.payroll_time,
        external_days=settings.external_days,
        bot_username=bot_username,
    )


def create_bot(settings: Settings) -> Bot:
    api = None
    if settings.telegram_api_base:
        api = TelegramAPIServer.from_base(settings.telegram_api_base.rstrip("/"))
    timeout = settings.telegram_timeout
    session = AiohttpSession(api=api, timeout=timeout) if api else AiohttpSession(timeout=timeout)
    session.middleware(RetryMiddleware())
    return Bot(
        settings.bot_token.get_secret_value(), session=session, default=DefaultBotProperties()
    )


def create_dispatcher(
    config: AppConfig,
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    storage: BaseStorage | None = None,
    events_isolation: BaseEventIsolation | None = None,
    **workflow_data: Any,
) -> Dispatcher:
    dp = Dispatcher(
        storage=storage or MemoryStorage(),
        events_isolation=events_isolation or SimpleEventIsolation(),
        default_language=config.default_language,
        sessionmaker=sessionmaker,
        **workflow_data,
    )
    dp.update.outer_middleware(DbSessionMiddleware(sessionmaker))
    dp.update.outer_middleware(IdentityMiddleware(config))
    dp.errors.register(errors.on_error)
    dp.include_routers(*feature_routers())
    run_filters_inline(dp)
    return dp
