"""The ledger of messages sent by jobs: each (job, period, recipient) is delivered once.

A sender claims a key before sending (an INSERT: the unique constraint lets exactly one
claimant win, in this process, another replica or a second run), sends, then marks the key
"sent". A failed send marks it "failed" (or "blocked"), and a later run may claim it again.

A claim left "claimed" means a send was in flight when its process died. The run that next
holds the job's run lease (only one can, see jobs/runner.py) turns such claims into
"interrupted", which a run may claim again: the message in flight at the moment of a crash
may therefore arrive twice, and nothing is ever lost.

Every function commits its own short transaction, so a claim is visible to others before the
message goes out. Portable SQL: plain INSERT and conditional UPDATE, for SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models import SentMessage
from services import clock

CLAIMED = "claimed"
SENT = "sent"
FAILED = "failed"
BLOCKED = "blocked"
INTERRUPTED = "interrupted"
# A later run may try these again.
RETRYABLE = (FAILED, BLOCKED, INTERRUPTED)


def _key(job: str, period: str, recipient: str) -> list:
    return [
        SentMessage.job == job,
        SentMessage.period == period,
        SentMessage.recipient == recipient,
    ]


async def claim(session: AsyncSession, job: str, period: str, recipient: str) -> bool:
    """True when this caller may send now; False when the key was sent or is being sent."""
    now = clock.utcnow_naive()
    session.add(SentMessage(job=job, period=period, recipient=recipient, claimed_at=now))
    try:
        await session.commit()
        return True
    except IntegrityError:
        await session.rollback()
    result = await session.execute(
        update(SentMessage)
        .where(*_key(job, period, recipient), SentMessage.status.in_(RETRYABLE))
        .values(status=CLAIMED, claimed_at=now, sent_at=None)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def mark(session: AsyncSession, job: str, period: str, recipient: str, status: str) -> None:
    """Record the outcome of a claimed send: SENT, FAILED or BLOCKED."""
    values: dict[str, object] = {"status": status}
    if status == SENT:
        values["sent_at"] = clock.utcnow_naive()
    await session.execute(
        update(SentMessage)
        .where(*_key(job, period, recipient), SentMessage.status == CLAIMED)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    await session.commit()


async def interrupt_orphans(session: AsyncSession, job: str, period: str) -> int:
    """Claims of a dead run become claimable again. Call only while holding the run lease."""
    result = await session.execute(
        update(SentMessage)
        .where(
            SentMessage.job == job,
            SentMessage.period == period,
            SentMessage.status == CLAIMED,
        )
        .values(status=INTERRUPTED)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def counts(session: AsyncSession, job: str, period: str) -> Counter[str]:
    """How many keys of a run are in each status."""
    rows = await session.execute(
        select(SentMessage.status, func.count())
        .where(SentMessage.job == job, SentMessage.period == period)
        .group_by(SentMessage.status)
    )
    return Counter({status: int(n) for status, n in rows})


async def status_of(session: AsyncSession, job: str, period: str, recipient: str) -> str | None:
    return await session.scalar(select(SentMessage.status).where(*_key(job, period, recipient)))
