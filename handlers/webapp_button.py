"""The "open the app" button under /hours and /plan, when the Mini App is on (WEBAPP_URL)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message, WebAppInfo

from services.config import AppConfig
from views.i18n import Translator


def with_webapp(
    markup: InlineKeyboardMarkup | None,
    message: Message,
    config: AppConfig,
    tr: Translator,
    screen: str,
) -> InlineKeyboardMarkup | None:
    """`markup` with one more row that opens the app on `screen`. Telegram allows web_app
    buttons in private chats only; elsewhere, and without WEBAPP_URL, `markup` is unchanged."""
    if not config.webapp_url or message.chat.type != "private":
        return markup
    button = InlineKeyboardButton(
        text=tr("webapp-open"), web_app=WebAppInfo(url=f"{config.webapp_url}?screen={screen}")
    )
    rows = list(markup.inline_keyboard) if markup is not None else []
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [button]])
