"""Whether the bot can still write to a person: Telegram answers 403 once they block it."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee


async def mark_unreachable(session: AsyncSession, telegram_id: int) -> bool:
    """The person behind this chat blocked the bot; False when the chat is nobody's."""
    result = await session.execute(
        update(Employee)
        .where(Employee.telegram_id == telegram_id)
        .values(unreachable=True)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mark_reachable(session: AsyncSession, employee_id: int) -> None:
    """A message got through again (they unblocked the bot)."""
    await session.execute(
        update(Employee)
        .where(Employee.id == employee_id)
        .values(unreachable=False)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
