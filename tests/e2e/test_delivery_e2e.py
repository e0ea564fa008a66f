"""What Telegram does in real life, against the running bot: an update delivered twice,
flood control and server errors on sendMessage, faults on getUpdates; then a stop signal."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Invite, ProcessedUpdate
from tests.e2e.conftest import ADMIN, StartBot
from tests.e2e.test_people_e2e import say
from tests.fake_api import FakeBotAPI


def _statuses(fake: FakeBotAPI, method: str, since: int = 0) -> list[int]:
    return [c["status"] for c in fake.calls[since:] if c["method"] == method]


async def test_redelivered_update_acts_once(
    fake: FakeBotAPI, start_bot: StartBot, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await start_bot()
    boss = fake.user(ADMIN, "Boris", "boss", "en")
    await say(fake, boss, "/start")
    await say(fake, boss, "/group new web")
    update_id = fake.send_text(boss, "/invite programmer web")
    assert "t.me/crm_test_bot?start=" in str((await fake.wait_reply(ADMIN))["result"]["text"])
    fake.redeliver(update_id)
    # the person's next message is handled after the redelivered one (one person's updates
    # are handled in order), so its answer shows the redelivery has been dealt with
    assert "web" in await say(fake, boss, "/groups")
    links = [m for m in fake.messages_to(ADMIN) if "?start=" in m.get("text", "")]
    assert len(links) == 1
    assert len(fake.messages_to(ADMIN)) == 4
    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Invite)) == 1
        assert await session.get(ProcessedUpdate, update_id) is not None


async def test_flood_control_and_server_errors_on_replies_are_retried(
    fake: FakeBotAPI, start_bot: StartBot
) -> None:
    await start_bot()
    boss = fake.user(ADMIN, "Boris", "boss", "en")
    fake.fail_next("sendMessage", 429, retry_after=1, chat_id=ADMIN)
    assert "administrator" in await say(fake, boss, "/start")
    assert _statuses(fake, "sendMessage") == [429, 200]

    mark = len(fake.calls)
    fake.fail_next("sendMessage", 500, chat_id=ADMIN)
    fake.fail_next("sendMessage", 502, chat_id=ADMIN)
    assert "Your commands (administrator)" in await say(fake, boss, "/help")
    assert _statuses(fake, "sendMessage", mark) == [500, 502, 200]
    # each reply reached the person once
    assert len(fake.messages_to(ADMIN)) == 2


async def test_keeps_polling_after_telegram_faults_and_stops_on_sigterm(
    fake: FakeBotAPI, start_bot: StartBot
) -> None:
    bot = await start_bot()
    boss = fake.user(ADMIN, "Boris", "boss", "en")
    assert "administrator" in await say(fake, boss, "/start")
    mark = len(fake.calls)
    fake.fail_next("getUpdates", 502)
    fake.fail_next("getUpdates", 429, retry_after=1)
    # the next two polls fail (the one open now, if any, ends with this update)
    assert "Your commands" in await say(fake, boss, "/help")
    await fake.wait_for(
        lambda c: c["method"] == "getUpdates" and c["status"] == 429, 30, since=mark
    )
    assert "Staff (1)" in await say(fake, boss, "/team")
    assert [s for s in _statuses(fake, "getUpdates", mark) if s != 200][:2] == [502, 429]

    assert await bot.stop() == 0
    assert "Polling stopped" in bot.log() and "Traceback" not in bot.log()
