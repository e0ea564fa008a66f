"""Telegram's sending limits as async token buckets shared by everything that sends."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

GROUP_WINDOW = 60.0
# The pace the bot actually sends at, a little under Telegram's 30 a second. Sends leave the
# limiter exactly 1/30 s apart but reach Telegram after a varying delay (event loop, HTTP), so
# at 30/s some one-second window now and then holds 31 of them; each such message costs a 429
# and a wait of more than a second, which loses far more than the 2/s kept in reserve.
SAFE_PER_SECOND = 28.0
# Beyond this many known chats the limiter drops the idle ones, so a long-running bot doesn't
# keep a state object for every chat it ever wrote to.
_SWEEP_THRESHOLD = 512

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class _ChatState:
    lock: asyncio.Lock
    sent: deque[float]
    waiters: int = 0


class RateLimiter:
    """Async token buckets: global (30/s), per private chat (1/s), per group chat (20/min).

    ``clock`` and ``sleep`` are injectable (defaults ``time.monotonic`` / ``asyncio.sleep``) so
    tests run with a fake clock and no real waiting.

    The global and per-chat buckets hold a single token, i.e. sends are spaced evenly
    (1/30 s apart overall, 1 s apart per chat) rather than allowed in bursts: Telegram's flood
    control reacts to bursts well inside a second.  A group chat (negative ``chat_id``; channels
    included) additionally gets at most ``group_per_minute`` sends in any 60 s window.

    One instance must be shared by everything that sends with the same bot, otherwise the
    global limit is not global.
    """

    def __init__(
        self,
        per_second: float = 30,
        per_chat_per_second: float = 1,
        group_per_minute: int = 20,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if per_second <= 0 or per_chat_per_second <= 0 or group_per_minute <= 0:
            raise ValueError("rate limits must be positive")
        self._global_interval = 1.0 / per_second
        self._chat_interval = 1.0 / per_chat_per_second
        self._group_limit = int(group_per_minute)
        self._clock = clock
        self._sleep = sleep
        self._next_global = float("-inf")
        self._chats: dict[int, _ChatState] = {}

    async def acquire(self, chat_id: int) -> None:
        """Wait until one more message to ``chat_id`` is within every limit, and count it."""
        state = self._chats.get(chat_id)
        if state is None:
            if len(self._chats) >= _SWEEP_THRESHOLD:
                self._sweep()
            history = self._group_limit if chat_id < 0 else 1
            state = _ChatState(lock=asyncio.Lock(), sent=deque(maxlen=history))
            self._chats[chat_id] = state
        state.waiters += 1
        try:
            # Sends to one chat are serialised so each one sees the previous one's real time;
            # sends to other chats don't queue behind a chat that is cooling down.
            async with state.lock:
                await self._wait_until(self._chat_ready_at(chat_id, state))
                # The global slot is claimed only once the chat itself is ready, so a waiting
                # chat never holds a slot another chat could use right now.  Claiming is
                # synchronous, so concurrent callers can't take the same slot.
                slot = max(self._clock(), self._next_global)
                self._next_global = slot + self._global_interval
                await self._wait_until(slot)
                state.sent.append(self._clock())
        finally:
            state.waiters -= 1

    def _chat_ready_at(self, chat_id: int, state: _ChatState) -> float:
        ready = self._clock()
        if state.sent:
            ready = max(ready, state.sent[-1] + self._chat_interval)
        if chat_id < 0 and len(state.sent) >= self._group_limit:
            ready = max(ready, state.sent[-self._group_limit] + GROUP_WINDOW)
        return ready

    async def _wait_until(self, moment: float) -> None:
        delay = moment - self._clock()
        if delay > 0:
            await self._sleep(delay)

    def _sweep(self) -> None:
        now = self._clock()
        horizon = max(GROUP_WINDOW, self._chat_interval)
        idle = [
            chat_id
            for chat_id, state in self._chats.items()
            if state.waiters == 0 and (not state.sent or state.sent[-1] + horizon <= now)
        ]
        for chat_id in idle:
            del self._chats[chat_id]
