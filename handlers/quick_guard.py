"""A double tap on a quick-log button logs once.

Two taps of [+1 h] are two updates with different ids, so the exactly-once record of updates
does not see them as one. The last quick log of each person is kept in the FSM storage, under
its own key beside the dialog's (destiny "quick-log": leaving a dialog does not forget it, and
it never mixes with a dialog's answers): the same button (same message, task and minutes) pressed
again within WINDOW is a repeat. The FSM storage is Redis when several bot processes run, and
the per-person update lock (the events isolation, also in Redis then) makes the read and the
write of one tap happen before the next tap of the same person is handled, so two processes
cannot both log."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from services import clock

WINDOW = timedelta(seconds=5)
DESTINY = "quick-log"


def _key(state: FSMContext) -> StorageKey:
    return replace(state.key, destiny=DESTINY)


def tap_of(message_id: int, task_id: int, minutes: int) -> dict[str, Any]:
    return {"message": message_id, "task": task_id, "minutes": minutes}


async def is_repeat(storage: BaseStorage, state: FSMContext, tap: dict[str, Any]) -> bool:
    last = (await storage.get_data(_key(state))).get("last")
    if not isinstance(last, dict) or last.get("tap") != tap:
        return False
    at = last.get("at")
    return isinstance(at, int | float) and clock.now().timestamp() - at < WINDOW.total_seconds()


async def remember(storage: BaseStorage, state: FSMContext, tap: dict[str, Any]) -> None:
    await storage.set_data(_key(state), {"last": {"tap": tap, "at": clock.now().timestamp()}})
