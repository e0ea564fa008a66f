"""The last guard on the way out: no text or caption longer than Telegram accepts.

Telegram refuses a message over 4,096 UTF-16 units (a caption over 1,024) and the person then
gets nothing at all. Views cut or page their texts to fit; anything that still does not fit is
cut here with "…", and logged, rather than lost.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType

from services.textsplit import CAPTION_LIMIT, MESSAGE_LIMIT, fit, utf16_len

log = logging.getLogger(__name__)

CALLBACK_ANSWER_LIMIT = 200


def _limits(method: TelegramMethod[Any]) -> dict[str, int]:
    if isinstance(method, AnswerCallbackQuery):
        return {"text": CALLBACK_ANSWER_LIMIT}
    return {"text": MESSAGE_LIMIT, "caption": CAPTION_LIMIT}


class TextLimitMiddleware(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        cuts = {}
        for field, limit in _limits(method).items():
            value = getattr(method, field, None)
            if isinstance(value, str) and utf16_len(value) > limit:
                cuts[field] = fit(value, limit)
        if cuts:
            log.warning(
                "%s: %s cut to Telegram's limit", type(method).__name__, ", ".join(sorted(cuts))
            )
            method = method.model_copy(update=cuts)
        return await make_request(bot, method)
