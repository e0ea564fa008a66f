"""Sender, RateLimiter, split_text and RetryMiddleware against a scripted fake session."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
from collections import deque
from collections.abc import AsyncGenerator, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import SendDocument, SendMessage, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile, Chat, InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.types import Message as TgMessage
from hypothesis import given
from hypothesis import strategies as st

from bot.ratelimit import RateLimiter
from bot.sender import MAX_BACKOFF, RETRY_AFTER_MARGIN, RetryMiddleware, Sender, SendResult
from services.textsplit import split_text

EPS = 1e-9
TOKEN = "123456789:AAH-realistic_looking_token_value_0123"

Outcome = Callable[[TelegramMethod[Any]], Any]


# --------------------------------------------------------------------------------------------
# Fakes


class FakeClock:
    """Time that moves only when someone sleeps, by exactly the requested amount."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        self.now += max(delay, 0.0)
        await asyncio.sleep(0)


class VirtualTime:
    """Virtual clock for concurrent tasks: advances to the earliest timer once all are idle."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = 0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + max(delay, 0.0), self._seq, future))
        self._seq += 1
        await future

    async def run(self, coros: list[Coroutine[Any, Any, Any]]) -> list[Any]:
        tasks = [asyncio.ensure_future(coro) for coro in coros]
        while True:
            for _ in range(50):
                await asyncio.sleep(0)
            if all(task.done() for task in tasks):
                return [task.result() for task in tasks]
            assert self._timers, "tasks blocked with no timer pending"
            when, _, future = heapq.heappop(self._timers)
            self.now = max(self.now, when)
            future.set_result(None)


@dataclass
class Call:
    method: TelegramMethod[Any]
    at: float

    @property
    def name(self) -> str:
        return type(self.method).__name__

    @property
    def chat_id(self) -> int:
        return int(self.method.chat_id)  # type: ignore[attr-defined]


def ok(method: TelegramMethod[Any]) -> None:
    return None


def retry_after(seconds: int) -> Outcome:
    return lambda m: TelegramRetryAfter(method=m, message="Too Many Requests", retry_after=seconds)


def server_error(m: TelegramMethod[Any]) -> Exception:
    return TelegramServerError(method=m, message="Internal Server Error")


def network_error(m: TelegramMethod[Any]) -> Exception:
    return TelegramNetworkError(method=m, message="ClientConnectorError: connection reset")


def timeout_error(m: TelegramMethod[Any]) -> Exception:
    return TimeoutError()


def forbidden(m: TelegramMethod[Any]) -> Exception:
    return TelegramForbiddenError(method=m, message="Forbidden: bot was blocked by the user")


def chat_not_found(m: TelegramMethod[Any]) -> Exception:
    return TelegramBadRequest(method=m, message="Bad Request: chat not found")


def bad_entities(m: TelegramMethod[Any]) -> Exception:
    return TelegramBadRequest(method=m, message="Bad Request: can't parse entities")


def too_large(m: TelegramMethod[Any]) -> Exception:
    return TelegramEntityTooLarge(method=m, message="Request Entity Too Large")


class FakeSession(BaseSession):
    """Records each request with the fake time and answers from a script.

    A scripted outcome returns ``None`` for success (a ``Message`` is built) or an exception to
    raise; once the script runs out, ``default`` answers.
    """

    def __init__(self, clock: Callable[[], float], default: Outcome = ok) -> None:
        super().__init__()
        self.clock = clock
        self.default = default
        self.script: deque[Outcome] = deque()
        self.calls: list[Call] = []
        self.delivered: list[Call] = []

    def queue(self, *outcomes: Outcome) -> None:
        self.script.extend(outcomes)

    async def make_request(  # BaseSession's signature, hence the `timeout` name
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        call = Call(method=method, at=self.clock())
        self.calls.append(call)
        outcome = (self.script.popleft() if self.script else self.default)(method)
        if isinstance(outcome, BaseException):
            raise outcome
        self.delivered.append(call)
        chat_id = call.chat_id
        return TgMessage(
            message_id=len(self.delivered),
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type="private" if chat_id > 0 else "group"),
            text=getattr(method, "text", None),
        )

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> FakeSession:
    return FakeSession(clock)


@pytest.fixture
def bot(session: FakeSession) -> Bot:
    return Bot(TOKEN, session=session)


@pytest.fixture
def limiter(clock: FakeClock) -> RateLimiter:
    return RateLimiter(clock=clock, sleep=clock.sleep)


def make_sender(
    bot: Bot, clock: FakeClock, limiter: RateLimiter | None = None, **kw: Any
) -> Sender:
    limiter = limiter or RateLimiter(clock=clock, sleep=clock.sleep)
    kw.setdefault("jitter", 0.0)
    return Sender(bot, limiter, sleep=clock.sleep, **kw)


def fast_limiter(clock: FakeClock | VirtualTime) -> RateLimiter:
    """Limits loose enough not to interfere with the timing under test."""
    return RateLimiter(
        per_second=1e6,
        per_chat_per_second=1e6,
        group_per_minute=10**6,
        clock=clock,
        sleep=clock.sleep,
    )


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


def max_in_window(times: list[float], window: float) -> int:
    """Most events in any half-open window [t, t + window)."""
    ordered = sorted(times)
    return max(sum(1 for t in ordered if start <= t < start + window - EPS) for start in ordered)


# --------------------------------------------------------------------------------------------
# Rate limits


async def test_100_messages_to_100_chats_take_at_least_3_3_seconds(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    sender = make_sender(bot, clock)
    for i in range(100):
        assert (await sender.send_text(1000 + i, "alert")).ok

    times = [call.at for call in session.calls]
    assert len(session.delivered) == 100
    assert times[0] == 0.0
    assert times[-1] - times[0] >= 3.3 - EPS
    assert times[-1] == pytest.approx(99 / 30)
    assert min(gaps(times)) >= 1 / 30 - EPS
    assert max_in_window(times, 1.0) == 30


async def test_messages_to_one_private_chat_are_a_second_apart(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    sender = make_sender(bot, clock)
    for i in range(5):
        assert (await sender.send_text(42, f"line {i}")).ok

    times = [call.at for call in session.calls]
    assert len(times) == 5
    assert all(gap >= 1.0 - EPS for gap in gaps(times))
    assert times == pytest.approx([0.0, 1.0, 2.0, 3.0, 4.0])


async def test_group_chat_gets_20_messages_a_minute(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    sender = make_sender(bot, clock)
    for i in range(25):
        assert (await sender.send_text(-100500, f"line {i}")).ok

    times = [call.at for call in session.calls]
    assert len(times) == 25
    # The first 20 go at the per-chat pace of one a second ...
    assert times[:20] == pytest.approx([float(i) for i in range(20)])
    # ... and the 21st waits until a minute after the 1st, the 22nd after the 2nd, and so on.
    assert times[20] - times[0] >= 60.0 - EPS
    assert times[20:] == pytest.approx([60.0, 61.0, 62.0, 63.0, 64.0])
    assert max_in_window(times, 60.0) == 20


async def test_group_limit_counts_per_group(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    sender = make_sender(bot, clock)
    for i in range(21):
        await sender.send_text(-1, f"a{i}")
    # Another group isn't held back by the first one's full minute.
    await sender.send_text(-2, "b")
    to_b = [call.at for call in session.calls if call.chat_id == -2]
    assert to_b == pytest.approx([60.0 + 1 / 30])


async def test_private_chats_are_not_limited_per_minute(clock: FakeClock) -> None:
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    for _ in range(25):
        await limiter.acquire(7)
    assert clock.now == pytest.approx(24.0)


async def test_custom_rates(clock: FakeClock) -> None:
    limiter = RateLimiter(
        per_second=10, per_chat_per_second=2, group_per_minute=3, clock=clock, sleep=clock.sleep
    )
    stamps = []
    for _ in range(5):
        await limiter.acquire(-5)
        stamps.append(clock.now)
    assert stamps == pytest.approx([0.0, 0.5, 1.0, 60.0, 60.5])


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        RateLimiter(per_second=0)
    with pytest.raises(ValueError):
        RateLimiter(group_per_minute=0)


async def test_concurrent_sends_keep_limits_and_a_busy_chat_blocks_nobody() -> None:
    vt = VirtualTime()
    session = FakeSession(vt)
    sender = Sender(
        Bot(TOKEN, session=session), RateLimiter(clock=vt, sleep=vt.sleep), sleep=vt.sleep
    )
    busy = [sender.send_text(1, f"part {i}") for i in range(5)]
    others = [sender.send_text(100 + i, "alert") for i in range(40)]
    results = await vt.run(busy + others)

    assert all(result.ok for result in results)
    assert len(session.delivered) == 45
    all_times = sorted(call.at for call in session.calls)
    assert min(gaps(all_times)) >= 1 / 30 - EPS
    busy_times = [call.at for call in session.calls if call.chat_id == 1]
    assert all(gap >= 1.0 - EPS for gap in gaps(busy_times))
    assert busy_times[-1] >= 4.0 - EPS
    # The 40 other chats fit into the global pace alone: 45 slots, the last at 44/30 s.
    other_times = [call.at for call in session.calls if call.chat_id >= 100]
    assert max(other_times) <= 44 / 30 + EPS


# --------------------------------------------------------------------------------------------
# Retries


async def test_429_waits_retry_after_then_succeeds(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(retry_after(3))
    result = await make_sender(bot, clock).send_text(42, "hello")

    assert result.ok
    assert result.message_id == 1
    assert len(session.calls) == 2
    assert len(session.delivered) == 1
    assert session.calls[1].at - session.calls[0].at == pytest.approx(3 + RETRY_AFTER_MARGIN)
    assert session.calls[1].at - session.calls[0].at >= 3.0
    assert clock.sleeps == [3 + RETRY_AFTER_MARGIN]


async def test_429_does_not_use_up_max_retries(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(retry_after(1), retry_after(1), server_error, retry_after(1))
    result = await make_sender(bot, clock, max_retries=1).send_text(42, "hello")

    assert result.ok
    assert len(session.calls) == 5


async def test_429_forever_gives_up_after_max_flood_waits(
    clock: FakeClock,
) -> None:
    session = FakeSession(clock, default=retry_after(2))
    sender = make_sender(Bot(TOKEN, session=session), clock, max_flood_waits=10)
    result = await sender.send_text(42, "hello")

    assert not result.ok
    assert not result.blocked
    assert result.error is not None and "flood" in result.error
    assert len(session.calls) == 11
    assert len(session.delivered) == 0
    assert clock.sleeps.count(2 + RETRY_AFTER_MARGIN) == 10


async def test_500_twice_then_success_is_delivered_once_after_backoff(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(server_error, server_error)
    sender = make_sender(bot, clock, limiter=fast_limiter(clock), base_backoff=0.5)
    result = await sender.send_text(42, "hello")

    assert result.ok
    assert len(session.calls) == 3
    assert len(session.delivered) == 1
    assert [call.at for call in session.calls] == pytest.approx([0.0, 0.5, 1.5])
    assert clock.sleeps == [0.5, 1.0]


async def test_500_forever_gives_up_after_max_retries(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    sender = make_sender(
        Bot(TOKEN, session=session), clock, limiter=fast_limiter(clock), max_retries=5
    )
    result = await sender.send_text(42, "hello")

    assert not result.ok
    assert not result.blocked
    assert result.error == "TelegramServerError: Internal Server Error"
    # One attempt plus max_retries retries.
    assert len(session.calls) == 6
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]


async def test_zero_retries_means_one_attempt(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    sender = make_sender(Bot(TOKEN, session=session), clock, max_retries=0)
    assert not (await sender.send_text(42, "hello")).ok
    assert len(session.calls) == 1


async def test_backoff_is_capped(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    sender = make_sender(
        Bot(TOKEN, session=session), clock, limiter=fast_limiter(clock), max_retries=8
    )
    await sender.send_text(42, "hello")
    assert max(clock.sleeps) == MAX_BACKOFF
    assert len(session.calls) == 9


async def test_backoff_jitter_stays_within_bounds(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    sender = make_sender(
        Bot(TOKEN, session=session),
        clock,
        limiter=fast_limiter(clock),
        max_retries=4,
        base_backoff=1.0,
        jitter=0.25,
    )
    await sender.send_text(42, "hello")
    assert len(clock.sleeps) == 4
    for n, delay in enumerate(clock.sleeps):
        assert 2**n <= delay <= 2**n * 1.25


@pytest.mark.parametrize("failure", [network_error, timeout_error])
async def test_network_errors_and_timeouts_are_retried(
    bot: Bot, session: FakeSession, clock: FakeClock, failure: Outcome
) -> None:
    session.queue(failure)
    result = await make_sender(bot, clock, limiter=fast_limiter(clock)).send_text(42, "hello")
    assert result.ok
    assert len(session.calls) == 2
    assert clock.sleeps == [0.5]


async def test_retries_still_keep_the_per_chat_pace(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(server_error)
    await make_sender(bot, clock, base_backoff=0.1).send_text(42, "hello")
    assert [call.at for call in session.calls] == pytest.approx([0.0, 1.0])


async def test_file_too_large_is_not_retried(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(too_large)
    result = await make_sender(bot, clock).send_document(42, b"x", "report.xlsx")
    assert not result.ok
    assert len(session.calls) == 1


# --------------------------------------------------------------------------------------------
# Blocked people and other refusals


async def test_403_marks_blocked_and_the_run_continues(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    blocked: list[int] = []

    async def on_blocked(chat_id: int) -> None:
        blocked.append(chat_id)

    sender = make_sender(bot, clock, on_blocked=on_blocked)
    session.queue(ok, forbidden)
    results = [await sender.send_text(chat_id, "alert") for chat_id in (10, 20, 30, 40)]

    assert [r.ok for r in results] == [True, False, True, True]
    assert results[1].blocked
    assert results[1].message_id is None
    assert results[1].error is not None and "blocked" in results[1].error
    assert blocked == [20]
    assert [call.chat_id for call in session.calls] == [10, 20, 30, 40]
    assert [call.chat_id for call in session.delivered] == [10, 30, 40]


async def test_chat_not_found_counts_as_blocked(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    blocked: list[int] = []

    async def on_blocked(chat_id: int) -> None:
        blocked.append(chat_id)

    session.queue(chat_not_found)
    result = await make_sender(bot, clock, on_blocked=on_blocked).send_photo(
        77, b"\x89PNG", "chart.png"
    )
    assert result == SendResult(
        ok=False, blocked=True, error="TelegramBadRequest: Bad Request: chat not found"
    )
    assert blocked == [77]
    assert len(session.calls) == 1


async def test_other_bad_request_fails_without_retry(
    bot: Bot, session: FakeSession, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    called: list[int] = []

    async def on_blocked(chat_id: int) -> None:
        called.append(chat_id)

    session.queue(bad_entities)
    with caplog.at_level(logging.ERROR, logger="bot.sender"):
        result = await make_sender(bot, clock, on_blocked=on_blocked).send_text(5, "<b>x")
    assert not result.ok
    assert not result.blocked
    assert result.error == "TelegramBadRequest: Bad Request: can't parse entities"
    assert called == []
    assert len(session.calls) == 1
    assert any("can't parse entities" in record.getMessage() for record in caplog.records)


async def test_failing_on_blocked_does_not_stop_the_run(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    async def on_blocked(chat_id: int) -> None:
        raise RuntimeError("database is down")

    sender = make_sender(bot, clock, on_blocked=on_blocked)
    session.queue(forbidden)
    first = await sender.send_text(1, "a")
    second = await sender.send_text(2, "b")
    assert first.blocked
    assert second.ok


# --------------------------------------------------------------------------------------------
# Privacy


async def test_logs_hold_neither_texts_nor_the_token(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Salary for March: 123456 RUB"

    def leaky_network_error(m: TelegramMethod[Any]) -> Exception:
        return TelegramNetworkError(
            method=m,
            message=f"ClientResponseError: 502, url='https://api.telegram.org/bot{TOKEN}/x'",
        )

    session = FakeSession(clock, default=leaky_network_error)
    sender = make_sender(Bot(TOKEN, session=session), clock, max_retries=2)
    session.queue(retry_after(1))
    with caplog.at_level(logging.DEBUG):
        result = await sender.send_text(9, secret)
        await sender.send_document(9, b"data", "pay.xlsx", caption=secret)

    assert not result.ok
    assert result.error is not None
    assert TOKEN not in result.error
    assert "<token>" in result.error
    assert caplog.records
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert secret not in logged
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged


# --------------------------------------------------------------------------------------------
# Texts, documents, photos


async def test_long_text_is_sent_in_parts_with_markup_on_the_last(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    text = "\n".join(f"{i:04d} " + "x" * 94 for i in range(100))  # 100 lines, 9,999 chars
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="OK", callback_data="ok")]]
    )
    result = await make_sender(bot, clock).send_text(42, text, reply_markup=markup)

    sent = [call.method for call in session.calls]
    assert all(isinstance(method, SendMessage) for method in sent)
    assert len(sent) == 3
    assert [m.reply_markup for m in sent] == [None, None, markup]  # type: ignore[attr-defined]
    assert "\n".join(m.text for m in sent) == text  # type: ignore[attr-defined]
    assert result.ok
    assert result.message_id == 3


async def test_parse_mode_is_passed_or_left_to_the_bot_default(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    sender = make_sender(bot, clock)
    await sender.send_text(1, "<b>a</b>", parse_mode="HTML")
    await sender.send_text(2, "plain")
    first, second = (call.method for call in session.calls)
    assert first.parse_mode == "HTML"  # type: ignore[attr-defined]
    assert isinstance(second.parse_mode, Default)  # type: ignore[attr-defined]


async def test_send_text_stops_at_the_first_failed_part(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.queue(ok, bad_entities)
    result = await make_sender(bot, clock).send_text(42, "y" * 9000)
    assert len(session.calls) == 2
    assert len(session.delivered) == 1
    assert not result.ok
    assert result.message_id is None


async def test_blocked_on_a_middle_part_reports_once(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    blocked: list[int] = []

    async def on_blocked(chat_id: int) -> None:
        blocked.append(chat_id)

    session.queue(ok, forbidden)
    result = await make_sender(bot, clock, on_blocked=on_blocked).send_text(42, "y" * 9000)
    assert result.blocked
    assert blocked == [42]
    assert len(session.calls) == 2


@pytest.mark.parametrize("text", ["", "  \n \n"])
async def test_blank_text_is_not_sent(
    bot: Bot, session: FakeSession, clock: FakeClock, text: str
) -> None:
    result = await make_sender(bot, clock).send_text(42, text)
    assert not result.ok
    assert result.error == "empty text"
    assert session.calls == []


async def test_send_document_and_photo(bot: Bot, session: FakeSession, clock: FakeClock) -> None:
    sender = make_sender(bot, clock)
    doc = await sender.send_document(42, b"PK\x03\x04", "payroll.xlsx", caption="March")
    photo = await sender.send_photo(-42, b"\x89PNG", "plan.png")

    assert doc.ok and doc.message_id == 1
    assert photo.ok and photo.message_id == 2
    sent_doc, sent_photo = (call.method for call in session.calls)
    assert isinstance(sent_doc, SendDocument)
    assert isinstance(sent_doc.document, BufferedInputFile)
    assert sent_doc.document.filename == "payroll.xlsx"
    assert sent_doc.document.data == b"PK\x03\x04"
    assert sent_doc.caption == "March"
    assert isinstance(sent_photo, SendPhoto)
    assert isinstance(sent_photo.photo, BufferedInputFile)
    assert sent_photo.photo.filename == "plan.png"
    assert sent_photo.chat_id == -42


# --------------------------------------------------------------------------------------------
# split_text


def test_split_10000_chars_into_3_parts_on_line_breaks() -> None:
    text = "\n".join("w" * 99 for _ in range(100))[:10_000]
    assert len(text) == 9_999
    text += "z"
    parts = split_text(text)
    assert len(parts) == 3
    assert all(len(part) <= 4096 for part in parts)
    assert "\n".join(parts) == text
    assert all(not part.startswith("\n") and not part.endswith("\n") for part in parts)


def test_split_keeps_words_whole() -> None:
    words = [f"word{i:05d}" for i in range(1200)]  # no line breaks, ~12,000 chars
    text = " ".join(words)
    parts = split_text(text)
    assert len(parts) == 3
    assert all(len(part) <= 4096 for part in parts)
    assert " ".join(parts) == text
    assert [w for part in parts for w in part.split(" ")] == words


def test_split_hard_splits_a_5000_char_word() -> None:
    word = "a" * 5000
    parts = split_text(word)
    assert [len(part) for part in parts] == [4096, 904]
    assert "".join(parts) == word


def test_split_prefers_paragraphs_then_lines_then_spaces() -> None:
    assert split_text("aaaa bbbb\n\ncc dd\nee", limit=12) == ["aaaa bbbb", "cc dd\nee"]
    assert split_text("aaaa\nbbbb cc", limit=10) == ["aaaa", "bbbb cc"]
    assert split_text("aa bb cc dd", limit=6) == ["aa bb", "cc dd"]
    # A separator right after a full part is used rather than cutting the next word.
    assert split_text("abcdef ghi", limit=6) == ["abcdef", "ghi"]


def test_split_drops_a_whole_run_of_blank_lines() -> None:
    assert split_text("a\n\n\n" + "b " * 10, limit=20) == ["a", "b " * 10]
    # A paragraph break early in the window loses to a later line break.
    assert split_text("a\n\nbbbbbbbb\ncc dd", limit=14) == ["a\n\nbbbbbbbb", "cc dd"]


def test_split_short_and_blank_texts() -> None:
    assert split_text("hello") == ["hello"]
    assert split_text("x" * 4096) == ["x" * 4096]
    assert split_text("") == []
    assert split_text("   ") == []
    with pytest.raises(ValueError):
        split_text("abc", limit=0)


def test_split_counts_utf16_units_like_telegram() -> None:
    text = "😀" * 3000  # 6,000 UTF-16 code units
    parts = split_text(text)
    assert [len(part) for part in parts] == [2048, 952]
    assert "".join(parts) == text


def _no_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@given(
    text=st.text(alphabet=st.sampled_from("ab \n😀é"), max_size=300),
    limit=st.integers(min_value=2, max_value=40),
)
def test_split_properties(text: str, limit: int) -> None:
    parts = split_text(text, limit=limit)
    assert all(len(part.encode("utf-16-le")) // 2 <= limit for part in parts)
    assert all(part.strip() for part in parts)
    # Only whitespace is ever dropped.
    assert _no_space("".join(parts)) == _no_space(text)


@given(
    words=st.lists(st.text(alphabet="abc", min_size=1, max_size=8), max_size=60),
    seps=st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=60, max_size=60),
)
def test_split_never_cuts_a_word_that_fits(words: list[str], seps: list[str]) -> None:
    text = "".join(word + sep for word, sep in zip(words, seps, strict=False))
    parts = split_text(text, limit=10)
    assert [w for part in parts for w in part.split()] == words


# --------------------------------------------------------------------------------------------
# RetryMiddleware


async def test_middleware_retries_429_then_returns_the_result(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.middleware(RetryMiddleware(sleep=clock.sleep))
    session.queue(retry_after(3))
    message = await bot.send_message(chat_id=42, text="hi")

    assert isinstance(message, TgMessage)
    assert message.message_id == 1
    assert len(session.calls) == 2
    assert len(session.delivered) == 1
    assert clock.sleeps == [3 + RETRY_AFTER_MARGIN]
    assert session.calls[1].at - session.calls[0].at == pytest.approx(3 + RETRY_AFTER_MARGIN)


async def test_middleware_reraises_429_after_the_limit(clock: FakeClock) -> None:
    session = FakeSession(clock, default=retry_after(2))
    session.middleware(RetryMiddleware(max_flood_waits=3, sleep=clock.sleep))
    with pytest.raises(TelegramRetryAfter):
        await Bot(TOKEN, session=session).send_message(chat_id=42, text="hi")
    assert len(session.calls) == 4
    assert clock.sleeps == [2 + RETRY_AFTER_MARGIN] * 3


async def test_middleware_backs_off_on_server_errors_and_reraises(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    session.middleware(
        RetryMiddleware(max_retries=2, base_backoff=0.5, jitter=0.0, sleep=clock.sleep)
    )
    with pytest.raises(TelegramServerError):
        await Bot(TOKEN, session=session).send_message(chat_id=42, text="hi")
    assert len(session.calls) == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_middleware_recovers_from_network_error(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.middleware(RetryMiddleware(jitter=0.0, sleep=clock.sleep))
    session.queue(network_error, server_error)
    message = await bot.send_message(chat_id=42, text="hi")
    assert message.message_id == 1
    assert len(session.calls) == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_middleware_does_not_retry_bad_requests(
    bot: Bot, session: FakeSession, clock: FakeClock
) -> None:
    session.middleware(RetryMiddleware(sleep=clock.sleep))
    session.queue(bad_entities)
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(chat_id=42, text="hi")
    assert len(session.calls) == 1
    assert clock.sleeps == []


async def test_middleware_steps_aside_for_sender(clock: FakeClock) -> None:
    session = FakeSession(clock, default=server_error)
    session.middleware(RetryMiddleware(max_retries=3, sleep=clock.sleep))
    sender = make_sender(Bot(TOKEN, session=session), clock, max_retries=2)
    result = await sender.send_text(42, "hi")
    assert not result.ok
    # Sender's budget alone, not multiplied by the middleware's.
    assert len(session.calls) == 3
