"""One confirmation for a press of a button under a message the bot sent (a reminder, a
request, a question): that message is edited to say what the press did, and the press itself
gets no toast. When Telegram no longer lets the message be edited (too old), the confirmation
comes as a new message instead."""

from __future__ import annotations

from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from handlers import after_send
from services.textsplit import MESSAGE_LIMIT, utf16_len


async def confirm(
    callback: CallbackQuery,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    keep: bool = True,
) -> None:
    """`keep`: the message's own text stays above the confirmation (a reminder still worth
    reading); else the confirmation replaces it (a question the press has answered).
    `markup` is the message's keyboard afterwards (None: no buttons)."""
    message = callback.message
    if not isinstance(message, Message):
        await callback.answer(text[:200])
        return
    await callback.answer()
    combined = f"{message.text}\n\n✅ {text}" if keep and message.text else text
    shown = combined if utf16_len(combined) <= MESSAGE_LIMIT else text

    async def send_instead() -> None:
        await message.answer(text, reply_markup=markup)

    await after_send.edit(message.edit_text(shown, reply_markup=markup), send_instead)
