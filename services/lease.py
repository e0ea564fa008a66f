"""Named leases in the database: one holder at a time, until the lease expires.

The scheduler's replicas use the lease "scheduler" to elect the one that fires jobs, and each
run of a job holds "run:<job>:<period>" so two runs of the same period never overlap. A holder
renews its lease well before it expires; when a holder dies, another takes over once the lease
has expired.

Portable SQL: a conditional UPDATE (free or already mine), and an INSERT on first use, where a
unique violation means another holder was first.
"""

from __future__ import annotations

import os
import secrets
import socket
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models import Lease
from services import clock


def new_holder() -> str:
    """A name for this process that no other process shares (host, pid, random)."""
    host = socket.gethostname()[:32] or "host"
    return f"{host}:{os.getpid()}:{secrets.token_hex(4)}"


async def acquire(session: AsyncSession, name: str, holder: str, ttl: timedelta) -> bool:
    """Take or renew the lease `name` for `ttl`; False while another holder has it."""
    now = clock.utcnow_naive()
    result = await session.execute(
        update(Lease)
        .where(Lease.name == name, or_(Lease.expires_at < now, Lease.holder == holder))
        .values(holder=holder, expires_at=now + ttl)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        await session.commit()
        return True
    session.add(Lease(name=name, holder=holder, expires_at=now + ttl))
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        return False
    return True


async def release(session: AsyncSession, name: str, holder: str) -> bool:
    """Give the lease up at once, if this holder still has it."""
    result = await session.execute(
        delete(Lease)
        .where(Lease.name == name, Lease.holder == holder)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def current(session: AsyncSession, name: str) -> tuple[str, datetime] | None:
    """Who holds the lease and until when (naive UTC), or None when nobody does."""
    row = (
        await session.execute(
            select(Lease.holder, Lease.expires_at).where(
                Lease.name == name, Lease.expires_at >= clock.utcnow_naive()
            )
        )
    ).first()
    return (row[0], row[1]) if row else None
