"""The record of handled Telegram updates (models.ProcessedUpdate), which makes each act once.

Telegram sends an update again only while it has not been confirmed, and keeps an unconfirmed
update for at most a day; a record older than that can never be needed again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from models import ProcessedUpdate


async def prune(session: AsyncSession, before: datetime) -> int:
    """Deletes the records of updates handled before `before` (naive UTC); how many."""
    result = await session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < before)
    )
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)
