"""Start-up and shutdown of one bot process."""

from __future__ import annotations

import logging

from aiogram import Bot, Dispatcher
from aiogram.types import BotCommandScopeDefault

from bot.app import app_config, create_bot, create_dispatcher
from bot.logs import setup_logging
from bot.scheduling import attach_scheduler, create_jobs
from bot.settings import Settings
from handlers.common import menu_for
from models.db import create_engine, create_sessionmaker, migrate
from services.i18n import LANGUAGES, Translator

log = logging.getLogger("bot")


async def set_default_menus(bot: Bot) -> None:
    """The menu strangers and newcomers see, in each language; people get their own
    role's menu on /start."""
    for lang in LANGUAGES:
        await bot.set_my_commands(
            menu_for("external", Translator(lang)),
            scope=BotCommandScopeDefault(),
            language_code=lang,
        )


async def run(settings: Settings) -> None:
    setup_logging(settings.log_level, [settings.bot_token.get_secret_value()])
    engine = create_engine(settings.database_url)
    await migrate(engine)
    bot = create_bot(settings)
    try:
        me = await bot.get_me()
        config = app_config(settings, me.username or "bot")
        sessionmaker = create_sessionmaker(engine)
        job_runner, scheduler = create_jobs(bot, sessionmaker, config)
        dp = create_dispatcher(config, sessionmaker, job_runner=job_runner)
        attach_scheduler(dp, scheduler)
        await set_default_menus(bot)
        await _serve(settings, bot, dp)
    finally:
        await bot.session.close()
        await engine.dispose()


async def _serve(settings: Settings, bot: Bot, dp: Dispatcher) -> None:
    log.info("polling for updates")
    await bot.delete_webhook(drop_pending_updates=False)
    await dp.start_polling(bot, handle_signals=True, close_bot_session=False)
