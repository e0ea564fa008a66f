"""Task messages going out: the card with its buttons, edits in place, notices to other people."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import after_send
from handlers.common import notify
from services import clock, task_card
from services.config import AppConfig
from services.task_flow import Notice
from services.tasks import Scope
from views.i18n import Translator, reader
from views.keyboards import card_keyboard, notice_keyboard
from views.tasks import render_card

log = logging.getLogger(__name__)


async def edit(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace a message the bot sent earlier; one too old to edit stays as is."""

    async def leave_it() -> None:
        log.info("message %s not edited", message.message_id)

    await after_send.edit(message.edit_text(text, reply_markup=markup), leave_it)


async def card_reply(
    session: AsyncSession, scope: Scope, task_id: int, tr: Translator, config: AppConfig
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card of a task the viewer can see, with its buttons; refused like /task N."""
    today = clock.today(config.timezone)
    card = await task_card.load_card(session, scope, task_id, today, config.holidays_country)
    text = render_card(card, tr, hours=scope.is_staff, tz=config.timezone)
    return text, card_keyboard(card.actions, card.task.id, tr)


async def deliver(bot: Bot, notices: Iterable[Notice], config: AppConfig) -> None:
    """Tell each recipient in their own language, with a button to open the task."""
    for notice in notices:
        tr = reader(notice.recipient.language, config.default_language)
        fields = dict(notice.fields)
        await notify(
            bot,
            notice.recipient.telegram_id,
            tr(notice.key, **fields),
            reply_markup=notice_keyboard(notice.task_id, notice.review_buttons, tr),
        )
