"""Outgoing messages within Telegram's limits (SPEC §7).

Scheduled jobs (alerts, payroll summaries) send to many people at once, so every such message goes
through :class:`Sender`: it paces requests with a shared :class:`RateLimiter`, waits out flood
control, retries transient failures a bounded number of times and reports people who blocked the
bot instead of failing the whole run.  Handlers' notices to other people take the same way
(bot.outbox).  :class:`RetryMiddleware` gives ordinary handler replies the same retry policy at
the session level.

Nothing here logs message texts or captions (they carry personal data such as pay) and error
strings are scrubbed of the bot token, which aiohttp may include in request URLs.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import Awaitable, Callable, Collection
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, SendDocument, SendMessage, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile, Message

from bot.ratelimit import RateLimiter, Sleep
from services.textsplit import split_text

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response
    from aiogram.methods.base import TelegramType
    from aiogram.types import (
        ForceReply,
        InlineKeyboardMarkup,
        ReplyKeyboardMarkup,
        ReplyKeyboardRemove,
    )

    ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply

__all__ = [
    "RETRY_AFTER_MARGIN",
    "RetryMiddleware",
    "SendResult",
    "Sender",
    "describe_failure",
    "sending_now",
]

logger = logging.getLogger(__name__)

# retry_after is a whole number of seconds and Telegram's counter may tick just after it.
RETRY_AFTER_MARGIN = 0.25
MAX_BACKOFF = 30.0
DEFAULT_JITTER = 0.25
_ERROR_LIMIT = 200

_TOKEN_RE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
_BLOCKED_MARKERS = ("chat not found",)


# Set while Sender is making a request, so a RetryMiddleware on the same session steps aside
# instead of multiplying the two retry budgets.
_sender_retries: ContextVar[bool] = ContextVar("sender_retries", default=False)


def sending_now() -> bool:
    """True inside a request the Sender is making (other middlewares leave it alone)."""
    return _sender_retries.get()


def _redact(text: str) -> str:
    return _TOKEN_RE.sub("<token>", text)


def describe_failure(exc: BaseException) -> str:
    detail = exc.message if isinstance(exc, TelegramAPIError) else str(exc)
    first_line = detail.splitlines()[0] if detail else ""
    summary = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    return _redact(summary)[:_ERROR_LIMIT]


def _backoff_delay(attempt: int, base: float, jitter: float) -> float:
    delay = min(base * 2**attempt, MAX_BACKOFF)
    # Jitter spreads retries of many concurrent sends so they don't hit a recovering server
    # in lockstep.
    return delay + random.uniform(0, delay * jitter) if jitter > 0 else delay


# --------------------------------------------------------------------------------------------
# Sending


@dataclass
class SendResult:
    ok: bool
    message_id: int | None = None
    blocked: bool = False  # 403: the person blocked the bot / chat not found
    error: str | None = None  # short reason when not ok


@dataclass
class _Attempts:
    failures: int = 0
    flood_waits: int = 0
    moved_to: int | None = None  # the supergroup a group chat became, once Telegram said so


class Sender:
    """The one way scheduled jobs send messages: paced, retried, never raising on API errors.

    * flood control (429): waits ``retry_after`` plus :data:`RETRY_AFTER_MARGIN` and tries again,
      at most ``max_flood_waits`` times per message; these waits don't use up ``max_retries``;
    * 5xx, network errors, timeouts: waits ``base_backoff * 2**n`` (plus up to ``jitter`` of
      that, capped at :data:`MAX_BACKOFF`) and tries again, so a message gets at most
      ``1 + max_retries`` attempts;
    * 403, or "chat not found": awaits ``on_blocked(chat_id)`` and returns ``blocked=True``;
    * the group chat became a supergroup (TelegramMigrateToChat): awaits
      ``on_migrated(old_id, new_id)`` (bindings follow the chat) and sends once more, to the new
      id; a second such answer is given up;
    * any other API error: logged, returned as ``ok=False``, not retried.

    Every attempt, retries included, goes through the limiter.  A network error after Telegram
    has accepted a message can't be told apart from one before, so a retry may rarely deliver a
    duplicate; for alerts and summaries that beats losing the message.
    """

    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter | None = None,
        *,
        max_retries: int = 5,
        base_backoff: float = 0.5,
        on_blocked: Callable[[int], Awaitable[None]] | None = None,
        on_migrated: Callable[[int, int], Awaitable[None]] | None = None,
        sleep: Sleep = asyncio.sleep,
        max_flood_waits: int = 10,
        jitter: float = DEFAULT_JITTER,
    ) -> None:
        if max_retries < 0 or max_flood_waits < 0:
            raise ValueError("retry limits must not be negative")
        self._bot = bot
        self._limiter = limiter if limiter is not None else RateLimiter(sleep=sleep)
        self._max_retries = max_retries
        self._base_backoff = base_backoff
        self._on_blocked = on_blocked
        self._on_migrated = on_migrated
        self._sleep = sleep
        self._max_flood_waits = max_flood_waits
        self._jitter = jitter

    async def send_text(
        self,
        chat_id: int,
        text: str,
        reply_markup: ReplyMarkup | None = None,
        parse_mode: str | None = None,
    ) -> SendResult:
        """Send ``text``, split into several messages if it is too long.

        ``reply_markup`` goes on the last part.  Sending stops at the first part that fails (a
        reader is better served by a clean cut than by a message with a hole in it) and that
        part's result is returned; otherwise the last part's.  ``parse_mode=None`` leaves the
        bot's default parse mode in effect.
        """
        parts = split_text(text)
        if not parts:
            return SendResult(ok=False, error="empty text")
        result = SendResult(ok=False)
        for index, part in enumerate(parts):
            is_last = index == len(parts) - 1
            extra: dict[str, Any] = {} if parse_mode is None else {"parse_mode": parse_mode}
            method = SendMessage(
                chat_id=chat_id,
                text=part,
                reply_markup=reply_markup if is_last else None,
                **extra,
            )
            result = await self._deliver(chat_id, method)
            if not result.ok:
                if len(parts) > 1:
                    logger.warning(
                        "Stopped sending to chat %s at part %d of %d",
                        chat_id,
                        index + 1,
                        len(parts),
                    )
                break
        return result

    async def send_document(
        self, chat_id: int, data: bytes, filename: str, caption: str | None = None
    ) -> SendResult:
        method = SendDocument(
            chat_id=chat_id, document=BufferedInputFile(data, filename=filename), caption=caption
        )
        return await self._deliver(chat_id, method)

    async def send_photo(
        self, chat_id: int, data: bytes, filename: str, caption: str | None = None
    ) -> SendResult:
        method = SendPhoto(
            chat_id=chat_id, photo=BufferedInputFile(data, filename=filename), caption=caption
        )
        return await self._deliver(chat_id, method)

    async def send_method(
        self, chat_id: int, method: SendMessage | SendDocument | SendPhoto
    ) -> SendResult:
        """A message built elsewhere (a handler's notice), sent like the others."""
        return await self._deliver(chat_id, method)

    async def _deliver(self, chat_id: int, method: TelegramMethod[Message]) -> SendResult:
        name = type(method).__name__
        attempts = _Attempts()
        while True:
            await self._limiter.acquire(chat_id)
            outcome = await self._attempt(chat_id, name, method, attempts)
            if outcome is not None:
                return outcome
            if attempts.moved_to is not None and attempts.moved_to != chat_id:
                await self._migrated(chat_id, attempts.moved_to)
                chat_id = attempts.moved_to
                method = method.model_copy(update={"chat_id": chat_id})

    async def _attempt(
        self, chat_id: int, name: str, method: TelegramMethod[Message], attempts: _Attempts
    ) -> SendResult | None:
        """One request; a result when done, ``None`` when it should be tried again."""
        token = _sender_retries.set(True)
        try:
            message = await self._bot(method)
        except TelegramRetryAfter as exc:
            if attempts.flood_waits >= self._max_flood_waits:
                return self._give_up(chat_id, name, f"flood control: {exc.retry_after}s wait")
            attempts.flood_waits += 1
            logger.warning(
                "Flood control on %s to chat %s: waiting %ss (wait %d of %d)",
                name,
                chat_id,
                exc.retry_after,
                attempts.flood_waits,
                self._max_flood_waits,
            )
            await self._sleep(exc.retry_after + RETRY_AFTER_MARGIN)
            return None
        except TelegramEntityTooLarge as exc:
            # A subclass of TelegramNetworkError, but sending the same file again can't help.
            return self._give_up(chat_id, name, describe_failure(exc))
        except (TelegramServerError, TelegramNetworkError, TimeoutError) as exc:
            reason = describe_failure(exc)
            if attempts.failures >= self._max_retries:
                return self._give_up(chat_id, name, reason)
            delay = _backoff_delay(attempts.failures, self._base_backoff, self._jitter)
            attempts.failures += 1
            logger.warning(
                "%s to chat %s failed (%s); retry %d of %d in %.2fs",
                name,
                chat_id,
                reason,
                attempts.failures,
                self._max_retries,
                delay,
            )
            await self._sleep(delay)
            return None
        except TelegramForbiddenError as exc:
            return await self._blocked(chat_id, name, describe_failure(exc))
        except TelegramBadRequest as exc:
            if any(marker in exc.message.lower() for marker in _BLOCKED_MARKERS):
                return await self._blocked(chat_id, name, describe_failure(exc))
            return self._give_up(chat_id, name, describe_failure(exc))
        except TelegramMigrateToChat as exc:
            if attempts.moved_to is not None or exc.migrate_to_chat_id == chat_id:
                return self._give_up(chat_id, name, f"chat migrated to {exc.migrate_to_chat_id}")
            attempts.moved_to = exc.migrate_to_chat_id
            logger.info("Chat %s became %s: sending there", chat_id, exc.migrate_to_chat_id)
            return None
        except (TelegramAPIError, ClientDecodeError) as exc:
            return self._give_up(chat_id, name, describe_failure(exc))
        finally:
            _sender_retries.reset(token)
        return SendResult(ok=True, message_id=message.message_id)

    def _give_up(self, chat_id: int, name: str, reason: str) -> SendResult:
        logger.error("%s to chat %s not delivered: %s", name, chat_id, reason)
        return SendResult(ok=False, error=reason)

    async def _migrated(self, old_chat_id: int, new_chat_id: int) -> None:
        if self._on_migrated is None:
            return
        try:
            await self._on_migrated(old_chat_id, new_chat_id)
        except Exception:
            # The message still goes to the new chat; the binding follows on the next failure
            # or the migration's service message.
            logger.exception("on_migrated failed for chat %s", old_chat_id)

    async def _blocked(self, chat_id: int, name: str, reason: str) -> SendResult:
        logger.info("%s to chat %s: recipient unreachable (%s)", name, chat_id, reason)
        if self._on_blocked is not None:
            try:
                await self._on_blocked(chat_id)
            except Exception:
                # Recording the unreachable person is secondary to finishing the run for
                # everyone else.
                logger.exception("on_blocked failed for chat %s", chat_id)
        return SendResult(ok=False, blocked=True, error=reason)


# --------------------------------------------------------------------------------------------
# Session middleware


class RetryMiddleware(BaseRequestMiddleware):
    """Retries any request on flood control, 5xx and network errors; re-raises past the limits.

    Register with ``bot.session.middleware(RetryMiddleware())``.  Requests made by
    :class:`Sender` pass straight through, as it applies its own policy.  ``GetUpdates`` is left
    alone by default because the dispatcher's polling loop already backs off on its own.
    """

    def __init__(
        self,
        *,
        max_flood_waits: int = 3,
        max_retries: int = 3,
        base_backoff: float = 0.5,
        jitter: float = DEFAULT_JITTER,
        sleep: Sleep = asyncio.sleep,
        ignore_methods: Collection[type[TelegramMethod[Any]]] = (GetUpdates,),
    ) -> None:
        if max_retries < 0 or max_flood_waits < 0:
            raise ValueError("retry limits must not be negative")
        self._max_flood_waits = max_flood_waits
        self._max_retries = max_retries
        self._base_backoff = base_backoff
        self._jitter = jitter
        self._sleep = sleep
        self._ignore = tuple(ignore_methods)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if _sender_retries.get() or isinstance(method, self._ignore):
            return await make_request(bot, method)
        name = type(method).__name__
        chat_id = getattr(method, "chat_id", None)
        failures = 0
        flood_waits = 0
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if flood_waits >= self._max_flood_waits:
                    raise
                flood_waits += 1
                logger.warning(
                    "Flood control on %s to chat %s: waiting %ss", name, chat_id, exc.retry_after
                )
                await self._sleep(exc.retry_after + RETRY_AFTER_MARGIN)
            except TelegramEntityTooLarge:
                raise
            except (TelegramServerError, TelegramNetworkError, TimeoutError) as exc:
                if failures >= self._max_retries:
                    raise
                delay = _backoff_delay(failures, self._base_backoff, self._jitter)
                failures += 1
                logger.warning(
                    "%s to chat %s failed (%s); retry %d of %d in %.2fs",
                    name,
                    chat_id,
                    describe_failure(exc),
                    failures,
                    self._max_retries,
                    delay,
                )
                await self._sleep(delay)
