"""models.db.execute runs a Core statement on the session's connection: the same transaction
as the session's own statements, and the session's pending changes flushed first."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee
from models.db import execute
from tests import factories

_COUNT = select(func.count()).select_from(Employee)
_NAME = select(Employee.full_name).where(Employee.telegram_id == 501)


async def test_pending_changes_are_flushed_first(session: AsyncSession) -> None:
    emp = await factories.employee(session, 501, "programmer")
    emp.full_name = "Renamed"  # dirty, not yet flushed
    assert (await execute(session, _NAME)).scalar_one() == "Renamed"
    session.add(Employee(telegram_id=502, role="tester", full_name="New", listed=True))
    assert (await execute(session, _COUNT)).scalar_one() == 2
    await session.delete(emp)
    assert (await execute(session, _COUNT)).scalar_one() == 1
    await session.rollback()
    assert (await execute(session, _COUNT)).scalar_one() == 1  # only the committed one


async def test_each_transaction_gets_its_own_connection(session: AsyncSession) -> None:
    await factories.employee(session, 501, "programmer")  # commits
    assert (await execute(session, _COUNT)).scalar_one() == 1
    session.add(Employee(telegram_id=502, role="tester", full_name="New", listed=True))
    await session.commit()
    # the transaction of the first read ended with the commit; this one sees the new row
    assert (await execute(session, _COUNT)).scalar_one() == 2
    await session.close()
    assert (await execute(session, _NAME)).scalar_one() == "User501"
