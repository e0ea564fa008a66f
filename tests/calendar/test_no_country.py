"""HOLIDAYS_COUNTRY empty: no public holidays, only the days the admin adds."""

from __future__ import annotations

import pytest

from services.config import AppConfig
from tests.calendar.conftest import IVAN_TG, Staff
from tests.conftest import ADMIN_TG
from tests.tg import BotClient


@pytest.fixture
def config() -> AppConfig:
    return AppConfig(admin_ids=frozenset({ADMIN_TG}), holidays_country="")


async def test_only_added_days_are_holidays(client: BotClient, staff: Staff) -> None:
    empty = await client.send(ADMIN_TG, "/holiday")
    assert empty.text.startswith("Праздники 2026 (—):\nПраздников нет.")
    await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01")
    week = await client.send(IVAN_TG, "/schedule")
    assert "Пн 09.03: 8 ч" in week.text.split("\n")
    await client.send(ADMIN_TG, "/holiday add 2026-03-10 Founders day")
    listed = await client.send(ADMIN_TG, "/holiday")
    assert "10.03.2026 Вт — Founders day (добавлен)" in listed.text.split("\n")
    not_one = await client.send(ADMIN_TG, "/holiday remove 2026-03-09")
    assert not_one.text.startswith("09.03.2026 и так не праздник")
