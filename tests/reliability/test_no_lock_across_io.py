"""No database transaction is held across a call to Telegram: a person whose reply is held up
by flood control (429, retry_after 11 s, longer than SQLite's 10 s busy timeout) does not make
other people's updates fail with "database is locked"; every reply still arrives once."""

from __future__ import annotations

import asyncio

from aiogram.types import Update
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import app_config, create_bot, create_dispatcher
from bot.settings import Settings
from tests import factories
from tests.e2e.conftest import fake
from tests.fake_api import FakeBotAPI, JSONDict
from tests.reliability.test_api_faults import logged, replies

__all__ = ["fake"]
SLOW, OTHER, THIRD = 101, 102, 103
WAIT = 60.0


async def test_a_flood_wait_in_one_chat_holds_up_nobody_else(
    fake: FakeBotAPI, session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    users: dict[int, JSONDict] = {}
    for tg in (SLOW, OTHER, THIRD):
        await factories.employee(session, tg, "programmer", f"dev{tg}", language="en")
        users[tg] = fake.user(tg, f"Dev{tg}", f"dev{tg}", "en")
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr(fake.token),
        telegram_api_base=fake.base_url,
        admin_ids=frozenset({1}),
    )
    bot = create_bot(settings)
    dp = create_dispatcher(app_config(settings, fake.bot_username), sessionmaker)

    def update(tg: int, text: str) -> Update:
        raw = fake.make_message_update(users[tg], text)
        return Update.model_validate(raw, context={"bot": bot})

    fake.fail_next("sendMessage", 429, retry_after=11, chat_id=SLOW)
    try:
        # /help writes nothing but the update's own record: the transaction that holds it
        # must be over before the reply goes out.
        slow = asyncio.create_task(dp.feed_update(bot, update(SLOW, "/help")))
        # The bot is now waiting out the 11 s in the first person's chat...
        await fake.wait_for(lambda c: c["status"] == 429, WAIT)
        # ...while two other people log their time.
        await asyncio.gather(
            dp.feed_update(bot, update(OTHER, "/log 2h first")),
            dp.feed_update(bot, update(THIRD, "/log 3h second")),
        )
        assert replies(fake, OTHER, "first") == 1
        assert replies(fake, THIRD, "second") == 1
        assert not any("went wrong" in m["text"] for m in fake.messages_to(OTHER))
        await asyncio.wait_for(slow, WAIT)
    finally:
        await bot.session.close()
    [help_text] = [m["text"] for m in fake.messages_to(SLOW)]
    assert "/log" in help_text
    held = [c["status"] for c in fake.calls_of("sendMessage") if c["params"]["chat_id"] == SLOW]
    assert held == [429, 200]
    assert await logged(sessionmaker) == {
        (OTHER, "first"): 1,
        (THIRD, "second"): 1,
    }
