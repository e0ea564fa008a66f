"""A bound group chat that Telegram turns into a supergroup keeps getting its group's alerts:
the service message about the move, or a send refused with the new id, moves the binding."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram.exceptions import TelegramMigrateToChat
from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update, User
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from jobs.runner import JobRunner
from models import DevGroup
from services import clock
from services.config import AppConfig
from tests.jobs.conftest import no_wait
from tests.jobs.data import TEAM_CHAT, team
from tests.tg import BotClient

SUPERGROUP = -1009990001
STRANGER = 777


def runner_for(
    client: BotClient, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> JobRunner:
    limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000, group_per_minute=10_000)
    sender = create_sender(client.bot, sessionmaker, limiter, sleep=no_wait, jitter=0)
    return JobRunner(sessionmaker, sender, config)


def service_message(
    update_id: int, chat: Chat, *, to: int | None = None, since: int | None = None
) -> Update:
    """Telegram's note of the upgrade (`to`: in the old chat, `since`: in the new one); it
    comes from whoever upgraded the group."""
    message = Message(
        message_id=update_id,
        date=datetime.now(UTC),
        chat=chat,
        from_user=User(id=STRANGER, is_bot=False, first_name="Someone"),
        migrate_to_chat_id=to,
        migrate_from_chat_id=since,
    )
    return Update(update_id=update_id, message=message)


async def bindings(session: AsyncSession) -> dict[str, int | None]:
    session.expire_all()
    return dict((await session.execute(select(DevGroup.name, DevGroup.chat_id))).all())


def sends_to(client: BotClient, chat_id: int, start: int = 0) -> list[Any]:
    return [
        r
        for r in client.session.requests[start:]
        if isinstance(r, SendMessage) and r.chat_id == chat_id
    ]


async def test_the_upgrade_message_moves_the_binding_and_the_next_alert_follows(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    await team(session)
    # another chat's upgrade changes nothing of ours
    other = await client.feed(service_message(900, Chat(id=-555, type="group"), to=-100555))
    assert other.requests == []
    assert await bindings(session) == {"backend": TEAM_CHAT, "mobile": None}

    reply = await client.feed(service_message(901, Chat(id=TEAM_CHAT, type="group"), to=SUPERGROUP))
    assert reply.requests == []  # nobody is answered, the stranger included
    assert await bindings(session) == {"backend": SUPERGROUP, "mobile": None}
    # the twin note in the new chat finds nothing left to move
    await client.feed(service_message(902, Chat(id=SUPERGROUP, type="supergroup"), since=TEAM_CHAT))
    assert await bindings(session) == {"backend": SUPERGROUP, "mobile": None}

    report = await runner_for(client, sessionmaker, config).run("lag_alerts")
    assert (report.status, report.sent, report.failed) == ("done", 4, 0)
    assert sends_to(client, TEAM_CHAT) == []
    (alert,) = sends_to(client, SUPERGROUP)
    assert "в backend" in alert.text and "#1" in alert.text


async def test_the_note_in_the_new_chat_alone_moves_the_binding(
    client: BotClient, session: AsyncSession
) -> None:
    await team(session)
    await client.feed(service_message(903, Chat(id=SUPERGROUP, type="supergroup"), since=TEAM_CHAT))
    assert await bindings(session) == {"backend": SUPERGROUP, "mobile": None}


async def test_a_send_refused_for_the_old_id_moves_the_binding_and_goes_again(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    await team(session)
    refused = SendMessage(chat_id=TEAM_CHAT, text="…")
    client.session.fail_next(
        "SendMessage",
        TelegramMigrateToChat(refused, "group chat was upgraded", SUPERGROUP),
        chat_id=TEAM_CHAT,
    )
    runner = runner_for(client, sessionmaker, config)
    report = await runner.run("lag_alerts")
    assert (report.status, report.sent, report.failed) == ("done", 4, 0)
    assert sends_to(client, TEAM_CHAT) == []  # refused: not recorded by the fake session
    (alert,) = sends_to(client, SUPERGROUP)
    assert "в backend" in alert.text
    assert await bindings(session) == {"backend": SUPERGROUP, "mobile": None}

    # the next day's alert goes to the new id straight away
    clock.set_now(datetime(2026, 3, 12, 9, 0, tzinfo=UTC))
    start = len(client.session.requests)
    await runner.run("lag_alerts")
    assert len(sends_to(client, SUPERGROUP, start)) == 1


async def test_a_chat_moving_again_is_given_up_after_one_resend(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    await team(session)
    for old, new in ((TEAM_CHAT, SUPERGROUP), (SUPERGROUP, SUPERGROUP - 1)):
        refused = SendMessage(chat_id=old, text="…")
        client.session.fail_next(
            "SendMessage", TelegramMigrateToChat(refused, "upgraded", new), chat_id=old
        )
    report = await runner_for(client, sessionmaker, config).run("lag_alerts")
    assert (report.sent, report.failed) == (3, 1)
    assert sends_to(client, SUPERGROUP - 1) == []
    assert await bindings(session) == {"backend": SUPERGROUP, "mobile": None}
