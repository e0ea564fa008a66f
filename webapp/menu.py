"""The chat's menu button that opens the Mini App."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import MenuButtonWebApp, WebAppInfo

from views.i18n import Translator


async def set_menu_button(bot: Bot, url: str, tr: Translator) -> None:
    """Every private chat with the bot gets the button; people without a screen of their own
    (strangers, externals) are told inside the app that there is nothing for them."""
    await bot.set_chat_menu_button(
        menu_button=MenuButtonWebApp(text=tr("webapp-menu"), web_app=WebAppInfo(url=url))
    )
