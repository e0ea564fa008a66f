"""The last line of defence: log the update with a reference code, apologise to the person
(unless Telegram itself failed: then the reply, not the action, is what went missing)."""

from __future__ import annotations

import logging
import secrets

from aiogram.exceptions import (
    TelegramAPIError,
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import ErrorEvent

from views.i18n import Translator, pick_language

log = logging.getLogger("bot.errors")
# Telegram down, overloaded or unreachable for longer than bot.sender.RetryMiddleware retries.
# Replies go out only after the update's transaction has been committed (bot.outbox), so the
# person's action has been done: an apology would tell them it failed (and invite them to do
# it twice), and would itself go into the same outage.
_TELEGRAM_OUTAGE = (TelegramServerError, TelegramNetworkError, TelegramRetryAfter)


def reference_code() -> str:
    return secrets.token_hex(4).upper()


async def on_error(event: ErrorEvent, default_language: str = "ru") -> bool:
    code = reference_code()
    update = event.update
    error = event.exception
    if isinstance(error, _TELEGRAM_OUTAGE) and not isinstance(error, TelegramEntityTooLarge):
        log.error(
            "reply not delivered ref=%s update=%s: %s: %s",
            code,
            update.update_id,
            type(error).__name__,
            error,
        )
        return True
    log.error(
        "unhandled error ref=%s update=%s",
        code,
        update.model_dump_json(exclude_none=True)[:4000],
        exc_info=event.exception,
    )
    user = update.event.from_user if hasattr(update.event, "from_user") else None
    tr = Translator(pick_language(None, user.language_code if user else None, default_language))
    text = tr("error-apology", code=code)
    try:
        if update.message is not None:
            await update.message.answer(text)
        elif update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
    except TelegramAPIError:
        log.warning("could not deliver the apology for ref=%s", code)
    return True
