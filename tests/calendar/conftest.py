"""People for the calendar commands: the admin (registered through /start), two programmers,
an external representative."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, Employee, HolidayOverride, Schedule
from tests import factories
from tests.conftest import ADMIN_TG
from tests.tg import BotClient

IVAN_TG, OLGA_TG, EXTERNAL_TG = 100, 101, 300


@dataclass
class Staff:
    ivan: Employee
    olga: Employee
    external: Employee


@pytest.fixture
async def staff(client: BotClient, session: AsyncSession) -> Staff:
    await client.send(ADMIN_TG, "/start", username="boss")
    ivan = await factories.employee(session, IVAN_TG, "programmer", "ivan")
    olga = await factories.employee(session, OLGA_TG, "programmer", "olga", language="en")
    external = await factories.employee(session, EXTERNAL_TG, "external", "guest")
    # Telegram sends each person's username with every update.
    for telegram_id, username in ((IVAN_TG, "ivan"), (OLGA_TG, "olga"), (EXTERNAL_TG, "guest")):
        client.user(telegram_id, username)
    return Staff(ivan, olga, external)


async def counts(session: AsyncSession) -> tuple[int, int, int]:
    """Rows of schedules, absences and holiday overrides: what bad input must not change."""
    session.expire_all()
    return (
        await session.scalar(select(func.count()).select_from(Schedule)) or 0,
        await session.scalar(select(func.count()).select_from(Absence)) or 0,
        await session.scalar(select(func.count()).select_from(HolidayOverride)) or 0,
    )
