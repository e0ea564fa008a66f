"""BALANCE_FROM: the balance starts on that day instead of the first schedule."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.config import AppConfig
from tests.conftest import ADMIN_TG
from tests.leave.conftest import PROG, Team
from tests.leave.test_balance import norm, work
from tests.tg import BotClient


@pytest.fixture
def config() -> AppConfig:
    return AppConfig(
        admin_ids=frozenset({ADMIN_TG}),
        bot_username="crm_test_bot",
        balance_from=date(2026, 3, 1),
    )


async def test_months_before_balance_from_do_not_count(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    await work(session, team.prog, date(2026, 1, 1), 60)  # far under January's norm
    mar = await norm(session, team.prog, date(2026, 3, 1), date(2026, 3, 11))
    await work(session, team.prog, date(2026, 3, 1), mar + 90)
    reply = await client.send(PROG, "/balance")
    assert "январь" not in reply.text
    assert reply.text.endswith("Итого с 01.03.2026: +1 ч 30 мин — переработка.")
