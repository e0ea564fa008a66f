"""The Mini App's server on a local port, over the test database, with the small company of
the task tests; `signed(...)` makes the initData Telegram would hand the app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.config import AppConfig
from tests.tasks.conftest import Team, make_task, team, tg  # noqa: F401 - fixtures
from tests.tg import BOT_TOKEN
from webapp.auth import sign_init_data
from webapp.server import create_app

__all__ = ["Team", "make_task"]


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
