"""The one-message question a decision asks (why a leave is declined, what to fix in a
returned week): asked under the decision's buttons, left with "отмена"/"cancel" or /cancel
(handlers/escape.py)."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from handlers.escape import send_question
from views.i18n import Translator
from views.keyboards import cancel_keyboard


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
        await send_question(callback.message, state, question, cancel_keyboard(tr))


def answer_of(message: Message) -> str:
    """The text typed in answer ("отмена" and commands never get here)."""
    return (message.text or "").strip()
