"""The one-message question a decision asks (why a leave is declined, what to fix in a
returned week): asked under the decision's buttons, left with "отмена"/"cancel" or /cancel."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from views.i18n import Translator
from views.keyboards import cancel_keyboard

CANCEL_WORDS = frozenset({"отмена", "cancel"})


async def ask(
    callback: CallbackQuery,
    state: FSMContext,
    step: State,
    data: dict[str, Any],
    question: str,
    tr: Translator,
) -> None:
    await state.set_state(step)
    await state.set_data(data)
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(question, reply_markup=cancel_keyboard(tr))


async def answer_of(message: Message, state: FSMContext, tr: Translator) -> str | None:
    """The text typed in answer, or None when the person left the question (the dialog ends)."""
    text = (message.text or "").strip()
    if text.lower() in CANCEL_WORDS:
        await state.clear()
        await message.answer(tr("dialog-cancelled"))
        return None
    return text
