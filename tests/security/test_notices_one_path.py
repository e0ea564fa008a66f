"""Notices from handlers (assignment, review, comments, calendar and pay changes) leave through
the shared sender, like the scheduled jobs' messages: paced by its limiter, and a recipient who
blocked the bot is marked unreachable while the change itself stands."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import SendMessage, TelegramMethod
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from models import Employee, Task
from services.config import AppConfig
from tests.tasks.conftest import ADMIN, MANAGER, PROG, TESTER, Team, make_task
from tests.tg import BOT_TOKEN, BotClient, FakeSession


class BlockedBy(FakeSession):
    """Telegram as seen by a bot that some people have blocked."""

    def __init__(self, *blocked: int) -> None:
        super().__init__()
        self.blocked = set(blocked)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: Any = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> Any:
        if isinstance(method, SendMessage) and method.chat_id in self.blocked:
            raise TelegramForbiddenError(method=method, message="bot was blocked by the user")
        return await super().make_request(bot, method, timeout)


class Paced(RateLimiter):
    """The limiter, noting each chat it let a message go to."""

    def __init__(self) -> None:
        super().__init__(per_second=1000, per_chat_per_second=1000, group_per_minute=1000)
        self.chats: list[int] = []

    async def acquire(self, chat_id: int) -> None:
        self.chats.append(chat_id)
        await super().acquire(chat_id)


@pytest.fixture
async def blocked(
    config: AppConfig, sessionmaker: async_sessionmaker[AsyncSession], team: Team
) -> AsyncIterator[tuple[BotClient, Paced]]:
    bot = Bot(BOT_TOKEN, session=BlockedBy(PROG, TESTER))
    limiter = Paced()
    sender = create_sender(bot, sessionmaker, limiter)
    yield BotClient(create_dispatcher(config, sessionmaker, sender=sender), bot), limiter
    await bot.session.close()


async def unreachable(session: AsyncSession, telegram_id: int) -> bool:
    session.expire_all()
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == telegram_id))
    assert emp is not None
    return emp.unreachable


@pytest.mark.parametrize(
    ("actor", "command", "recipient"),
    [
        (MANAGER, "/assign {task} @ivan", PROG),
        (MANAGER, "/comment {task} Please look at the login form", PROG),
        (ADMIN, "/schedule @ivan 8 8 8 8 8 0 0", PROG),
        (ADMIN, "/absence @ivan vacation 2026-03-20", PROG),
        (ADMIN, "/pay @ivan salary 70000", PROG),
    ],
)
async def test_a_notice_to_someone_who_blocked_the_bot_marks_them_unreachable(
    blocked: tuple[BotClient, Paced],
    session: AsyncSession,
    team: Team,
    actor: int,
    command: str,
    recipient: int,
) -> None:
    client, limiter = blocked
    assignee = None if command.startswith("/assign") else team.prog
    task = await make_task(session, team, assignee=assignee)
    reply = await client.send(actor, command.format(task=task.id))
    assert reply.to(actor), reply  # the person who made the change is answered
    assert reply.to(recipient) == []
    assert recipient in limiter.chats
    assert await unreachable(session, recipient)


async def test_a_review_notice_is_paced_and_marks_a_blocked_tester(
    blocked: tuple[BotClient, Paced], session: AsyncSession, team: Team
) -> None:
    client, limiter = blocked
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    task_id = task.id
    await client.click(PROG, f"t:review:{task_id}:0:1")
    session.expire_all()
    assert await session.scalar(select(Task.status).where(Task.id == task_id)) == "review"
    assert TESTER in limiter.chats
    assert await unreachable(session, TESTER)
    assert not await unreachable(session, MANAGER)
