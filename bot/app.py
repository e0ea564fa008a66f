"""Composition root: the bot, the dispatcher and everything they are given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.methods import GetMe, GetUpdates
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot import errors
from bot.inline_filters import run_filters_inline
from bot.middlewares import ChatMigrationMiddleware, DbSessionMiddleware, IdentityMiddleware
from bot.scheduling import create_sender
from bot.sender import RetryMiddleware, Sender
from bot.settings import Settings
from bot.textlimit import TextLimitMiddleware
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
        week_approval=settings.week_approval,
        week_approval_time=settings.week_approval_time,
        balance_from=settings.balance_from,
        bot_username=bot_username,
        webapp_url=settings.webapp_url,
    )


def create_bot(settings: Settings) -> Bot:
    api = None
    if settings.telegram_api_base:
        api = TelegramAPIServer.from_base(settings.telegram_api_base.rstrip("/"))
    timeout = settings.telegram_timeout
    session = AiohttpSession(api=api, timeout=timeout) if api else AiohttpSession(timeout=timeout)
    # getMe is only asked at start, where bot.startup waits out an outage with its own log.
    session.middleware(RetryMiddleware(ignore_methods=(GetUpdates, GetMe)))
    session.middleware(TextLimitMiddleware())
    return Bot(
        settings.bot_token.get_secret_value(), session=session, default=DefaultBotProperties()
    )


def _sender_for(
    sessionmaker: async_sessionmaker[AsyncSession], sender: Sender | None
) -> Callable[[Bot], Sender]:
    made: dict[int, Sender] = {}

    def sender_for(bot: Bot) -> Sender:
        if sender is not None:
            return sender
        if id(bot) not in made:
            made[id(bot)] = create_sender(bot, sessionmaker)
        return made[id(bot)]

    return sender_for


def create_dispatcher(
    config: AppConfig,
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    storage: BaseStorage | None = None,
    events_isolation: BaseEventIsolation | None = None,
    sender: Sender | None = None,
    **workflow_data: Any,
) -> Dispatcher:
    """`sender` sends the notices handlers make; the process's one sender (shared with the
    scheduled jobs, so one limiter paces everything), else one per bot made here."""
    dp = Dispatcher(
        storage=storage or MemoryStorage(),
        events_isolation=events_isolation or SimpleEventIsolation(),
        default_language=config.default_language,
        sessionmaker=sessionmaker,
        **workflow_data,
    )
    dp.update.outer_middleware(DbSessionMiddleware(sessionmaker, _sender_for(sessionmaker, sender)))
    # before IdentityMiddleware: Telegram's note of a group's upgrade may come from anyone
    dp.update.outer_middleware(ChatMigrationMiddleware())
    dp.update.outer_middleware(IdentityMiddleware(config))
    dp.errors.register(errors.on_error)
    dp.include_router(handlers.setup())
    run_filters_inline(dp)
    return dp
