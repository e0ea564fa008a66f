"""Scheduled jobs wired to this bot: the one outbound sender, the job runner, the scheduler."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import SAFE_PER_SECOND, RateLimiter
from bot.sender import Sender
from jobs.prune import schedule_pruning
from jobs.runner import JobRunner
from jobs.scheduler import JobScheduler
from services import group_chats, reach
from services.config import AppConfig


def create_sender(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    limiter: RateLimiter | None = None,
    **options: Any,
) -> Sender:
    """The sender every job and broadcast uses; a 403 marks the person unreachable, a group
    chat that became a supergroup takes its bindings along. `limiter` and `options` (Sender's
    keywords) let tests pace it differently."""

    async def on_blocked(chat_id: int) -> None:
        async with sessionmaker() as session:
            await reach.mark_unreachable(session, chat_id)

    async def on_migrated(old_chat_id: int, new_chat_id: int) -> None:
        async with sessionmaker() as session:
            await group_chats.move_chat(session, old_chat_id, new_chat_id)

    limiter = limiter or RateLimiter(per_second=SAFE_PER_SECOND)
    return Sender(bot, limiter, on_blocked=on_blocked, on_migrated=on_migrated, **options)


def create_jobs(
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    sender: Sender | None = None,
) -> tuple[JobRunner, JobScheduler]:
    runner = JobRunner(sessionmaker, sender or create_sender(bot, sessionmaker), config)
    scheduler = JobScheduler(runner)
    schedule_pruning(scheduler.scheduler, sessionmaker, config.timezone)
    return runner, scheduler


def attach_scheduler(dp: Dispatcher, scheduler: JobScheduler) -> None:
    """The scheduler starts and stops with the dispatcher (polling or webhook)."""
    dp.startup.register(scheduler.start)
    dp.shutdown.register(scheduler.stop)
