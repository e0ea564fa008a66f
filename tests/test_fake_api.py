"""FakeBotAPI driven by a real aiogram Bot, so the fake speaks the protocol aiogram parses."""

from __future__ import annotations

import asyncio
import struct
import time
import zlib
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    ChatMemberAdministrator,
    ChatMemberMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiohttp import ClientSession, ClientTimeout, web

from tests.fake_api import CLIENT_GONE, FakeBotAPI

USER_ID = 1001


def make_bot(api: FakeBotAPI, token: str | None = None) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
    return Bot(token or api.token, session=session)


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=d, callback_data=d)] for d in data]
    )


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(tag + data))
        return struct.pack(">I", len(data)) + tag + data + crc

    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    fake = FakeBotAPI()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    client = make_bot(api)
    try:
        yield client
    finally:
        await client.session.close()


# --------------------------------------------------------------------------- basics


async def test_base_url_is_loopback(api: FakeBotAPI) -> None:
    assert api.base_url.startswith("http://127.0.0.1:")
    assert api.port > 0


async def test_get_me(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 123456
    assert me.is_bot
    assert me.username == "crm_test_bot"
    assert me.first_name


async def test_send_message_returns_incrementing_ids_and_is_recorded(
    api: FakeBotAPI, bot: Bot
) -> None:
    first = await bot.send_message(USER_ID, "one")
    second = await bot.send_message(USER_ID, "two", reply_markup=keyboard("a:1"))
    other_chat = await bot.send_message(2002, "elsewhere")

    assert isinstance(first, Message)
    assert (first.message_id, second.message_id, other_chat.message_id) == (1, 2, 1)
    assert first.chat.id == USER_ID and first.chat.type == "private"
    assert first.from_user is not None and first.from_user.is_bot
    assert first.text == "one"
    assert second.reply_markup is not None
    assert second.reply_markup.model_dump() == keyboard("a:1").model_dump()

    sends = api.calls_of("sendMessage")
    assert [c["params"]["text"] for c in sends] == ["one", "two", "elsewhere"]
    assert sends[0]["params"]["chat_id"] == USER_ID
    assert sends[1]["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a:1"
    assert all(c["status"] == 200 for c in sends)
    assert [m["text"] for m in api.messages_to(USER_ID)] == ["one", "two"]


async def test_html_is_parsed_like_telegram(bot: Bot) -> None:
    sent = await bot.send_message(
        USER_ID, "  <b>Итого</b>: 5 &lt; 7 &amp; more\n", parse_mode="HTML"
    )
    assert sent.text == "Итого: 5 < 7 & more"
    assert sent.entities is not None
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 5)]

    with pytest.raises(TelegramBadRequest, match="Unsupported start tag"):
        await bot.send_message(USER_ID, "a <br> b", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(USER_ID, "5 < 7", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="Can't find end tag"):
        await bot.send_message(USER_ID, "<b>open", parse_mode="HTML")
    # The same text without parse_mode is plain text and is fine.
    assert (await bot.send_message(USER_ID, "5 < 7")).text == "5 < 7"


async def test_text_validation(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(USER_ID, "x" * 5000)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER_ID, "   ")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER_ID, "pick", reply_markup=keyboard("я" * 33))
    assert (await bot.send_message(USER_ID, "x" * 4096)).text == "x" * 4096
    assert await bot.send_message(USER_ID, "pick", reply_markup=keyboard("d" * 64))


# --------------------------------------------------------------------------- updates


async def test_get_updates_long_polls_and_offset_confirms(api: FakeBotAPI, bot: Bot) -> None:
    user = api.user(USER_ID, "Anna", "anna")
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()

    started = time.monotonic()
    update_id = api.send_text(user, "/start payload")
    updates = await asyncio.wait_for(poll, 3)
    assert time.monotonic() - started < 2

    assert [u.update_id for u in updates] == [update_id]
    message = updates[0].message
    assert message is not None and message.text == "/start payload"
    assert message.from_user is not None and message.from_user.username == "anna"
    assert message.chat.id == USER_ID
    assert message.entities is not None
    assert (message.entities[0].type, message.entities[0].length) == ("bot_command", 6)

    # Not confirmed yet: Telegram hands the same update out again.
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [update_id]

    assert await bot.get_updates(offset=update_id + 1, timeout=0) == []
    assert api.pending_updates() == []


async def test_empty_long_poll_waits_for_its_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 3


async def test_redeliver_hands_the_same_update_out_twice(api: FakeBotAPI, bot: Bot) -> None:
    user = api.user(USER_ID)
    first = api.send_text(user, "hello")
    second = api.send_text(user, "again")
    updates = await bot.get_updates(timeout=1)
    assert [u.update_id for u in updates] == [first, second]
    assert await bot.get_updates(offset=second + 1, timeout=0) == []

    api.redeliver(first)
    redelivered = await bot.get_updates(offset=second + 1, timeout=1)
    assert [u.update_id for u in redelivered] == [first]
    assert redelivered[0].message is not None and redelivered[0].message.text == "hello"
    assert await bot.get_updates(offset=first + 1, timeout=0) == []


async def test_click_delivers_callback_query(api: FakeBotAPI, bot: Bot) -> None:
    user = api.user(USER_ID)
    sent = await bot.send_message(USER_ID, "Done?", reply_markup=keyboard("task:7:done"))
    message = api.messages_to(USER_ID)[-1]
    assert message["message_id"] == sent.message_id

    with pytest.raises(AssertionError, match="no button"):
        api.click(user, message, "task:8:done")

    update_id = api.click(user, message, "task:7:done")
    (update,) = await bot.get_updates(timeout=1)
    assert update.update_id == update_id
    query = update.callback_query
    assert query is not None and query.data == "task:7:done"
    assert query.from_user.id == USER_ID
    assert query.message is not None and query.message.message_id == sent.message_id

    assert await bot.answer_callback_query(query.id, text="ok")
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id)


async def test_conflicts_like_telegram(api: FakeBotAPI, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert await bot.get_updates(timeout=0) == []
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, 3)

    assert await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="s3cret_-x")
    assert api.webhook_url == "http://127.0.0.1:9/hook"
    assert api.webhook_secret == "s3cret_-x"
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)
    info = await bot.get_webhook_info()
    assert info.url == "http://127.0.0.1:9/hook"
    with pytest.raises(TelegramBadRequest, match="secret token"):
        await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="not allowed!")

    api.send_text(api.user(USER_ID), "queued")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == []


# --------------------------------------------------------------------------- faults


async def test_fail_next_429_raises_retry_after(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(USER_ID, "hi")
    assert caught.value.retry_after == 7
    assert "retry after 7" in caught.value.message
    assert (await bot.send_message(USER_ID, "hi")).text == "hi"
    assert [c["status"] for c in api.calls_of("sendMessage")] == [429, 200]
    assert api.messages_to(USER_ID)[0]["message_id"] == 1


async def test_fail_next_403_raises_forbidden(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 403)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(USER_ID, "hi")
    assert await bot.send_message(USER_ID, "hi")


async def test_fail_next_5xx_raises_server_error(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 500, times=2)
    api.fail_next("getMe", 502)
    for _ in range(2):
        with pytest.raises(TelegramServerError, match="Internal Server Error"):
            await bot.send_message(USER_ID, "hi")
    with pytest.raises(TelegramServerError):
        await bot.get_me()
    assert await bot.send_message(USER_ID, "hi")
    assert await bot.get_me()


async def test_fail_next_can_target_one_chat(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 403, chat_id=2002)
    assert await bot.send_message(USER_ID, "fine")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(2002, "blocked once")


async def test_delay_next_holds_calls_and_drops_those_the_caller_gave_up_on(
    api: FakeBotAPI,
) -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url), timeout=0.5)
    impatient = Bot(api.token, session=session)
    try:
        api.delay_next("sendMessage", 0.2, chat_id=USER_ID)
        api.delay_next("sendMessage", 1.5, chat_id=USER_ID)
        assert (await impatient.send_message(2002, "not delayed")).text == "not delayed"
        started = time.monotonic()
        # shorter than the caller's timeout: only slower
        assert (await impatient.send_message(USER_ID, "slow")).text == "slow"
        assert time.monotonic() - started >= 0.2
        # longer: the caller times out and the message is never sent
        with pytest.raises(TelegramNetworkError, match="timeout"):
            await impatient.send_message(USER_ID, "too slow")
        gone = await api.wait_for(lambda c: c["status"] == 499, timeout=5)
        assert gone["params"]["text"] == "too slow" and gone["error"] == CLIENT_GONE
        assert (await impatient.send_message(USER_ID, "again")).text == "again"
    finally:
        await session.close()
    assert [m["text"] for m in api.messages_to(USER_ID)] == ["slow", "again"]
    assert [c["status"] for c in api.calls_of("sendMessage")] == [200, 200, 499, 200]


async def test_delay_next_then_fault(api: FakeBotAPI, bot: Bot) -> None:
    api.delay_next("getMe", 0.2)
    api.fail_next("getMe", 502)
    started = time.monotonic()
    with pytest.raises(TelegramServerError):
        await bot.get_me()
    assert time.monotonic() - started >= 0.2
    assert await bot.get_me()
    with pytest.raises(ValueError, match="positive"):
        api.delay_next("getMe", 0)


async def test_block_chat(api: FakeBotAPI, bot: Bot) -> None:
    api.block_chat(USER_ID)
    for _ in range(2):
        with pytest.raises(TelegramForbiddenError, match="blocked"):
            await bot.send_message(USER_ID, "hi")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_document(USER_ID, BufferedInputFile(b"x", filename="a.txt"))
    assert await bot.send_message(2002, "others still work")
    api.unblock_chat(USER_ID)
    assert await bot.send_message(USER_ID, "hi")


async def test_wrong_token_and_unknown_method(api: FakeBotAPI) -> None:
    stranger = make_bot(api, token="654321:WRONG")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()

    url = f"{api.base_url}/bot{api.token}/frobnicate"
    async with (
        ClientSession(timeout=ClientTimeout(total=5)) as session,
        session.post(url, data={"x": "1"}) as response,
    ):
        body = await response.json()
    assert response.status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}


async def test_rate_limit_answers_429() -> None:
    limited = FakeBotAPI(rate_limit_per_sec=5)
    await limited.start()
    client = make_bot(limited)
    try:
        outcomes = []
        for i in range(8):
            try:
                await client.send_message(USER_ID + i, f"n{i}")
                outcomes.append("ok")
            except TelegramRetryAfter as error:
                assert error.retry_after == 1
                outcomes.append("429")
        assert outcomes == ["ok"] * 5 + ["429"] * 3
        assert limited.too_many == 3
        # Other methods are not counted.
        assert await client.get_me()

        await asyncio.sleep(1.05)
        assert await client.send_message(USER_ID, "after the window")
    finally:
        await client.session.close()
        await limited.stop()


async def test_per_chat_rate_limit() -> None:
    limited = FakeBotAPI(per_chat_per_sec=1)
    await limited.start()
    client = make_bot(limited)
    try:
        assert await client.send_message(USER_ID, "one")
        assert await client.send_message(2002, "another chat")
        with pytest.raises(TelegramRetryAfter):
            await client.send_message(USER_ID, "two")
        assert limited.too_many == 1
    finally:
        await client.session.close()
        await limited.stop()


# --------------------------------------------------------------------------- messages


async def test_edit_and_delete(api: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(USER_ID, "Task 7", reply_markup=keyboard("t:7"))
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "Task 7", chat_id=USER_ID, message_id=sent.message_id, reply_markup=keyboard("t:7")
        )

    edited = await bot.edit_message_text("Task 7 done", chat_id=USER_ID, message_id=sent.message_id)
    assert isinstance(edited, Message) and edited.text == "Task 7 done"
    # An edit that does not repeat the keyboard removes it, as on Telegram.
    assert edited.reply_markup is None
    current = api.message(USER_ID, sent.message_id)
    assert current is not None and "reply_markup" not in current
    assert api.messages_to(USER_ID)[0]["text"] == "Task 7"

    marked = await bot.edit_message_reply_markup(
        chat_id=USER_ID, message_id=sent.message_id, reply_markup=keyboard("t:8")
    )
    assert isinstance(marked, Message) and marked.reply_markup is not None
    assert marked.reply_markup.model_dump() == keyboard("t:8").model_dump()

    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER_ID, message_id=999)
    assert await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)
    assert api.message(USER_ID, sent.message_id) is None


async def test_send_document_records_bytes(api: FakeBotAPI, bot: Bot) -> None:
    data = b"PK\x03\x04 fake workbook \x00\xff"
    sent = await bot.send_document(
        USER_ID, BufferedInputFile(data, filename="payroll.xlsx"), caption="March"
    )
    assert sent.document is not None
    assert sent.document.file_name == "payroll.xlsx"
    assert sent.document.file_size == len(data)
    assert sent.caption == "March"

    call = api.calls_of("sendDocument")[-1]
    assert call["files"] == {"document": data}
    assert call["filenames"] == {"document": "payroll.xlsx"}
    assert call["params"]["chat_id"] == USER_ID
    assert call["params"]["caption"] == "March"

    # A file_id Telegram gave back can be sent again without uploading.
    again = await bot.send_document(2002, sent.document.file_id)
    assert again.document is not None and again.document.file_name == "payroll.xlsx"

    with pytest.raises(TelegramBadRequest, match="file must be non-empty"):
        await bot.send_document(USER_ID, BufferedInputFile(b"", filename="empty.csv"))
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await bot.send_document(
            USER_ID, BufferedInputFile(b"1", filename="a.csv"), caption="c" * 1025
        )


async def test_send_photo(api: FakeBotAPI, bot: Bot) -> None:
    png = tiny_png(40, 30)
    sent = await bot.send_photo(USER_ID, BufferedInputFile(png, filename="plan.png"))
    assert sent.photo is not None
    assert (sent.photo[-1].width, sent.photo[-1].height) == (40, 30)
    assert api.calls_of("sendPhoto")[-1]["files"] == {"photo": png}

    again = await bot.send_photo(2002, sent.photo[-1].file_id)
    assert again.photo is not None and again.photo[-1].width == 40

    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(USER_ID, BufferedInputFile(b"not an image", filename="x.png"))


async def test_chat_lookups_and_settings(api: FakeBotAPI, bot: Bot) -> None:
    api.user(USER_ID, "Anna", "anna")
    chat = await bot.get_chat(USER_ID)
    assert (chat.id, chat.type, chat.username) == (USER_ID, "private", "anna")

    group = api.group(-1001234, "Dev team")
    member = await bot.get_chat_member(group["id"], USER_ID)
    assert isinstance(member, ChatMemberAdministrator)
    assert member.user.id == USER_ID
    api.set_member_status(group["id"], USER_ID, "member")
    assert isinstance(await bot.get_chat_member(group["id"], USER_ID), ChatMemberMember)

    assert await bot.send_chat_action(USER_ID, "typing")
    assert await bot.set_my_commands([BotCommand(command="start", description="Start")])
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    assert await bot.delete_my_commands()
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start Now", description="x")])


async def test_strict_chats_refuse_to_write_first() -> None:
    strict = FakeBotAPI(strict_chats=True)
    await strict.start()
    client = make_bot(strict)
    try:
        with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
            await client.send_message(USER_ID, "hi")
        strict.send_text(strict.user(USER_ID), "/start")
        assert await client.send_message(USER_ID, "hi")
    finally:
        await client.session.close()
        await strict.stop()


# --------------------------------------------------------------------------- waiting


async def test_wait_reply_walks_through_replies(api: FakeBotAPI, bot: Bot) -> None:
    user = api.user(USER_ID)
    api.send_text(user, "/report")

    async def answer() -> None:
        await asyncio.sleep(0.1)
        await bot.send_message(2002, "not for this chat")
        await bot.send_message(USER_ID, "first")
        await bot.send_document(USER_ID, BufferedInputFile(b"csv", filename="r.csv"))

    task = asyncio.create_task(answer())
    try:
        first = await api.wait_reply(USER_ID, timeout=5)
        second = await api.wait_reply(USER_ID, timeout=5)
    finally:
        await task
    assert first["method"] == "sendMessage" and first["result"]["text"] == "first"
    assert second["method"] == "sendDocument" and second["files"]["document"] == b"csv"

    found = await api.wait_for(lambda c: c["params"]["text"] == "not for this chat", timeout=1)
    assert found["params"]["chat_id"] == 2002


async def test_wait_for_timeout_lists_recent_calls(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(USER_ID, "something else")
    started = time.monotonic()
    with pytest.raises(AssertionError, match="something else") as caught:
        await api.wait_reply(2002, timeout=0.3)
    assert time.monotonic() - started < 2
    assert "sendMessage -> 200" in str(caught.value)


async def test_dispatcher_polls_end_to_end(api: FakeBotAPI, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("Привет!", reply_markup=keyboard("menu:tasks"))

    @dp.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await query.answer()
        assert isinstance(query.message, Message)
        await query.message.edit_text(f"Chosen {query.data}")

    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, close_bot_session=False)
    )
    try:
        user = api.user(USER_ID, "Anna")
        api.send_text(user, "/start")
        reply = await api.wait_reply(USER_ID, timeout=5)
        assert reply["result"]["text"] == "Привет!"

        api.click(user, reply["result"], "menu:tasks")
        edited = await api.wait_reply(USER_ID, timeout=5)
        assert edited["method"] == "editMessageText"
        assert edited["result"]["text"] == "Chosen menu:tasks"
        await api.wait_for(lambda c: c["method"] == "answerCallbackQuery", timeout=5)
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 5)


async def test_post_update_to_webhook(api: FakeBotAPI) -> None:
    received: list[tuple[dict[str, object], str | None]] = []

    async def hook(request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        received.append((await request.json(), secret))
        return web.Response(status=200 if secret == "s3cret" else 403)

    app = web.Application()
    app.router.add_post("/webhook", hook)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        url = f"http://127.0.0.1:{port}/webhook"
        update = api.make_message_update(api.user(USER_ID), "/start")
        assert await api.post_update_to(url, update, "s3cret") == 200
        assert await api.post_update_to(url, update, "wrong") == 403
        assert await api.post_update_to(url, update, None) == 403
    finally:
        await runner.cleanup()

    assert [secret for _, secret in received] == ["s3cret", "wrong", None]
    body = received[0][0]
    assert body["update_id"] == update["update_id"]
    message = body["message"]
    assert isinstance(message, dict) and message["text"] == "/start"


async def test_make_callback_update_can_forge_data(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(USER_ID, "Pick", reply_markup=keyboard("ok"))
    message = api.messages_to(USER_ID)[-1]
    forged = api.make_callback_update(api.user(USER_ID), message, "admin:1", check=False)
    assert forged["callback_query"]["data"] == "admin:1"
    assert forged["callback_query"]["message"]["message_id"] == message["message_id"]
    assert api.pending_updates() == []


async def test_stop_does_not_wait_for_a_pending_long_poll(api: FakeBotAPI, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    await api.stop()
    assert await asyncio.wait_for(poll, 5) == []
    assert time.monotonic() - started < 3
