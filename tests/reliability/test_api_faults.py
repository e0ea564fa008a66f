"""Telegram misbehaving while the bot process runs: flood control (429 with retry_after), server
errors (500, 502) and answers slower than the client waits (TELEGRAM_TIMEOUT), on the replies
of handlers and on getUpdates. The bot keeps polling, every reply arrives once, every /log is
saved once, and the process does not exit."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Employee, TimeEntry
from tests import factories
from tests.e2e.conftest import ADMIN, BotProcess, StartBot, free_port
from tests.fake_api import CLIENT_GONE, FakeBotAPI, JSONDict

DEV = 101
DEV2 = 102  # faults go to programmers: a scheduled job might write to the admin meanwhile
SECRET = "reliability-secret"
# Short, so a hung request fails within seconds instead of a minute; a long poll waits this
# plus its own 10 s.
TIMEOUT_S = 2
POLL_WAIT = TIMEOUT_S + 10
WAIT = 45.0


async def company(session: AsyncSession, fake: FakeBotAPI) -> list[JSONDict]:
    """The admin and two programmers, as Telegram users."""
    await factories.employee(session, ADMIN, "admin", "boss", language="en")
    users = [fake.user(ADMIN, "Boris", "boss", "en")]
    for tg in (DEV, DEV2):
        await factories.employee(session, tg, "programmer", f"dev{tg}", language="en")
        users.append(fake.user(tg, f"Dev{tg}", f"dev{tg}", "en"))
    return users


async def logged(sessionmaker: async_sessionmaker[AsyncSession]) -> Counter[tuple[int, str]]:
    async with sessionmaker() as session:
        rows = await session.execute(
            select(Employee.telegram_id, TimeEntry.comment).join(
                Employee, Employee.id == TimeEntry.employee_id
            )
        )
        return Counter((tg, comment) for tg, comment in rows.all())


def statuses(fake: FakeBotAPI, method: str, comment: str | None = None) -> list[int]:
    """Statuses of the calls of `method`; of sendMessage, those of the reply to one /log."""
    return [
        c["status"]
        for c in fake.calls_of(method)
        if comment is None or f"Comment: {comment}" in str(c["params"].get("text"))
    ]


def replies(fake: FakeBotAPI, chat_id: int, comment: str) -> int:
    return sum(f"Comment: {comment}" in m.get("text", "") for m in fake.messages_to(chat_id))


async def reply_to(fake: FakeBotAPI, chat_id: int, comment: str) -> str:
    call = await fake.wait_for(
        lambda c: (
            c["method"] == "sendMessage"
            and c["status"] == 200
            and c["params"]["chat_id"] == chat_id
            and f"Comment: {comment}" in c["result"]["text"]
        ),
        WAIT,
    )
    return str(call["result"]["text"])


async def stops_cleanly(bot: BotProcess) -> None:
    assert bot.proc.returncode is None, f"the bot exited:\n{bot.log()}"
    assert await bot.stop() == 0
    assert "Traceback" not in bot.log()


async def test_replies_wait_out_flood_control_and_retry_server_errors(
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, dev, dev2 = await company(session, fake)
    bot = await start_bot(TELEGRAM_TIMEOUT=str(TIMEOUT_S))
    fake.fail_next("sendMessage", 429, retry_after=2, chat_id=DEV2)
    fake.fail_next("sendMessage", 500, chat_id=DEV)
    fake.fail_next("sendMessage", 502, chat_id=DEV)
    # both at once: one person's flood wait must not hold up the other's reply
    fake.send_text(dev2, "/log 30m flood")
    fake.send_text(dev, "/log 45m errors")

    assert "Logged" in await reply_to(fake, DEV2, "flood")
    assert "Logged" in await reply_to(fake, DEV, "errors")
    assert statuses(fake, "sendMessage", "flood") == [429, 200]
    assert statuses(fake, "sendMessage", "errors") == [500, 502, 200]
    wait = [c["at"] for c in fake.calls_of("sendMessage") if c["params"]["chat_id"] == DEV2]
    assert wait[1] - wait[0] >= 2, "retry_after was not waited out"
    assert replies(fake, DEV2, "flood") == 1 and replies(fake, DEV, "errors") == 1
    assert await logged(sessionmaker) == {(DEV2, "flood"): 1, (DEV, "errors"): 1}
    await stops_cleanly(bot)


async def test_a_reply_slower_than_the_timeout_is_sent_again(
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, dev, _ = await company(session, fake)
    bot = await start_bot(TELEGRAM_TIMEOUT=str(TIMEOUT_S))
    fake.delay_next("sendMessage", TIMEOUT_S + 2, chat_id=DEV)
    fake.send_text(dev, "/log 1h slow")

    assert "Logged" in await reply_to(fake, DEV, "slow")
    # the first attempt timed out on the bot's side and was dropped; the retry got through
    gone = await fake.wait_for(lambda c: c["status"] == 499, WAIT)
    assert gone["method"] == "sendMessage" and gone["error"] == CLIENT_GONE
    assert sorted(statuses(fake, "sendMessage", "slow")) == [200, 499]
    assert "timeout" in bot.log().lower()
    assert replies(fake, DEV, "slow") == 1
    # the update was handled once: the retry is of the request, not of the handler
    assert await logged(sessionmaker) == {(DEV, "slow"): 1}
    await stops_cleanly(bot)


async def test_polling_survives_a_hung_poll_server_errors_and_flood_control(
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    boss, _, _ = await company(session, fake)
    bot = await start_bot(TELEGRAM_TIMEOUT=str(TIMEOUT_S))
    fake.send_text(boss, "/log 5m before")
    await reply_to(fake, ADMIN, "before")

    # the next poll hangs past the bot's patience, the two after it fail
    fake.delay_next("getUpdates", POLL_WAIT + 2)
    fake.fail_next("getUpdates", 502)
    fake.fail_next("getUpdates", 429, retry_after=1)
    # sent while polling is in trouble: it waits in Telegram's queue meanwhile
    fake.send_text(boss, "/log 10m during")
    await reply_to(fake, ADMIN, "during")
    await fake.wait_for(lambda c: c["method"] == "getUpdates" and c["status"] == 429, WAIT)
    await fake.wait_for(lambda c: c["method"] == "getUpdates" and c["status"] == 499, WAIT)
    # the hung poll is dropped (499) at about the time the later ones fail, in either order
    assert sorted(s for s in statuses(fake, "getUpdates") if s != 200) == [429, 499, 502]

    fake.send_text(boss, "/log 15m after")
    assert "Logged" in await reply_to(fake, ADMIN, "after")
    assert "Failed to fetch updates" in bot.log()
    for comment in ("before", "during", "after"):
        assert replies(fake, ADMIN, comment) == 1
    assert await logged(sessionmaker) == {
        (ADMIN, "before"): 1,
        (ADMIN, "during"): 1,
        (ADMIN, "after"): 1,
    }
    await stops_cleanly(bot)


async def test_a_reply_telegram_keeps_refusing_is_given_up_without_a_false_apology(
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, dev, _ = await company(session, fake)
    bot = await start_bot(TELEGRAM_TIMEOUT=str(TIMEOUT_S))
    # the reply and all of its retries fail; Telegram is back right after
    fake.fail_next("sendMessage", 502, times=4, chat_id=DEV)
    fake.send_text(dev, "/log 20m unanswered")
    # one person's updates are handled in order, so this one's reply comes after the bot
    # has finished with the first
    fake.send_text(dev, "/log 25m next")
    assert "Logged" in await reply_to(fake, DEV, "next")

    assert statuses(fake, "sendMessage", "unanswered") == [502, 502, 502, 502]
    # the time was logged, so the person must not be told that something went wrong: the
    # one message they got is the answer to the next /log
    assert ["Comment: next" in m["text"] for m in fake.messages_to(DEV)] == [True]
    assert await logged(sessionmaker) == {(DEV, "unanswered"): 1, (DEV, "next"): 1}
    assert "reply not delivered" in bot.log()
    await stops_cleanly(bot)


async def test_webhook_replies_through_telegram_faults_and_answers_each_post(
    fake: FakeBotAPI,
    start_bot: StartBot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, dev, _ = await company(session, fake)
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg/hook"
    bot = await start_bot(
        TELEGRAM_TIMEOUT=str(TIMEOUT_S),
        WEBHOOK_URL=hook,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    fake.fail_next("sendMessage", 429, retry_after=1, chat_id=DEV)
    fake.fail_next("sendMessage", 502, chat_id=DEV)
    update = fake.make_message_update(dev, "/log 40m hooked")
    # the reply is retried while Telegram waits for the answer to its post
    assert await fake.post_update_to(hook, update, SECRET) == 200
    assert "Logged" in await reply_to(fake, DEV, "hooked")
    assert statuses(fake, "sendMessage", "hooked") == [429, 502, 200]

    # a reply that cannot be delivered still ends in 200, or Telegram would post it for ever
    fake.fail_next("sendMessage", 500, times=4, chat_id=DEV)
    lost = fake.make_message_update(dev, "/log 50m hook-unanswered")
    assert await fake.post_update_to(hook, lost, SECRET) == 200
    # Telegram posting the first update again changes nothing
    assert await fake.post_update_to(hook, update, SECRET) == 200
    assert statuses(fake, "sendMessage", "hook-unanswered") == [500, 500, 500, 500]
    assert not any("went wrong" in m["text"] for m in fake.messages_to(DEV))
    assert replies(fake, DEV, "hooked") == 1
    assert await logged(sessionmaker) == {(DEV, "hooked"): 1, (DEV, "hook-unanswered"): 1}
    await stops_cleanly(bot)
