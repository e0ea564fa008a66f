"""The Mini App's server on a local port, over the test database, with the small company of
the task tests; `signed(...)` makes the initData Telegram would hand the app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from decimal import Decimal

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Employee, PaySetting, TimeEntry
from services.config import AppConfig
from tests.tasks.conftest import Team, make_task, team, tg  # noqa: F401 - fixtures
from tests.tg import BOT_TOKEN
from webapp.auth import sign_init_data
from webapp.server import create_app

__all__ = ["Team", "make_task"]


async def pay_and_hours(
    session: AsyncSession,
    emp: Employee,
    amount: int,
    pay_type: str = "hourly",
    *,
    minutes: int = 0,
    day: date = date(2026, 3, 10),
) -> None:
    """A pay setting in force from March 2026 and, when `minutes`, an entry on `day`."""
    session.add(
        PaySetting(
            employee_id=emp.id,
            effective_month=date(2026, 3, 1),
            pay_type=pay_type,
            amount=Decimal(amount),
            k=Decimal(1),
        )
    )
    await add_hours(session, emp, day, minutes)


async def add_hours(session: AsyncSession, emp: Employee, day: date, minutes: int) -> None:
    if minutes:
        session.add(
            TimeEntry(employee_id=emp.id, day=day, minutes=minutes, comment="", created_by=emp.id)
        )
    await session.commit()


def signed(
    telegram_id: int,
    lang: str = "ru",
    *,
    token: str = BOT_TOKEN,
    auth_date: datetime | None = None,
) -> str:
    user = {"id": telegram_id, "first_name": f"User{telegram_id}", "language_code": lang}
    return sign_init_data(token, user, auth_date)


def auth(telegram_id: int, lang: str = "ru", **kwargs: object) -> dict[str, str]:
    return {"Authorization": "tma " + signed(telegram_id, lang, **kwargs)}  # type: ignore[arg-type]


@pytest.fixture
async def api(
    sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> AsyncIterator[TestClient]:
    app = create_app(BOT_TOKEN, sessionmaker, config)
    async with TestClient(TestServer(app)) as client:
        yield client
