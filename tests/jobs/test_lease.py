"""Leases: one holder at a time, renewal, expiry and takeover."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services import clock, lease

TTL = timedelta(seconds=60)


def later(seconds: float) -> None:
    clock.set_now(clock.now() + timedelta(seconds=seconds))


async def test_second_holder_is_refused_while_the_first_holds(session: AsyncSession) -> None:
    assert await lease.acquire(session, "scheduler", "a", TTL)
    assert not await lease.acquire(session, "scheduler", "b", TTL)
    held = await lease.current(session, "scheduler")
    assert held is not None and held[0] == "a"
    # another name is another lease
    assert await lease.acquire(session, "run:lag_alerts:2026-03-11", "b", TTL)


async def test_renewal_keeps_the_lease(session: AsyncSession) -> None:
    assert await lease.acquire(session, "scheduler", "a", TTL)
    later(50)
    assert await lease.acquire(session, "scheduler", "a", TTL)
    later(50)  # 100 s after the first take, 50 after the renewal
    assert not await lease.acquire(session, "scheduler", "b", TTL)


async def test_an_expired_lease_is_taken_over(session: AsyncSession) -> None:
    assert await lease.acquire(session, "scheduler", "a", TTL)
    later(61)
    assert await lease.current(session, "scheduler") is None
    assert await lease.acquire(session, "scheduler", "b", TTL)
    # the old holder comes back: it has lost the lease
    assert not await lease.acquire(session, "scheduler", "a", TTL)
    held = await lease.current(session, "scheduler")
    assert held is not None and held[0] == "b"


async def test_release_frees_at_once_and_only_for_the_holder(session: AsyncSession) -> None:
    assert await lease.acquire(session, "scheduler", "a", TTL)
    assert not await lease.release(session, "scheduler", "b")
    assert not await lease.acquire(session, "scheduler", "b", TTL)
    assert await lease.release(session, "scheduler", "a")
    assert await lease.acquire(session, "scheduler", "b", TTL)


def test_holder_names_differ() -> None:
    names = {lease.new_holder() for _ in range(5)}
    assert len(names) == 5 and all(len(n) <= 64 for n in names)
