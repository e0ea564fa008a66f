"""Buttons of leave, weekly approval and long timers come from the client: forged or stale ones
are answered with a refusal and change no row."""

from __future__ import annotations

from datetime import date
from typing import cast

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

import models
from tests.leave.conftest import MANAGER, PROG, Team
from tests.tg import BotClient

MONDAY = date(2026, 3, 2).toordinal()
HUGE = str(10**30)


async def counts(session: AsyncSession) -> dict[str, int]:
    out = {}
    for table in models.Base.metadata.sorted_tables:
        if table.name != "processed_updates":
            out[table.name] = int(
                cast(int, await session.scalar(select(func.count()).select_from(table)))
            )
    return out


@pytest.mark.parametrize(
    ("who", "data"),
    [
        (MANAGER, "lv:ok:999"),  # no such request
        (MANAGER, "lv:no:999"),
        (MANAGER, "lv:ok:0"),
        (MANAGER, f"lv:ok:{HUGE}"),
        (MANAGER, "lv:zz:1"),
        (PROG, "wk:s:0"),
        (PROG, f"wk:s:{HUGE}"),
        (PROG, f"wk:s:{MONDAY + 1}"),  # not a Monday
        (PROG, f"wk:s:{date(2026, 3, 9).toordinal()}"),  # this week is not over
        (PROG, f"wk:ok:{MONDAY}:4"),  # a programmer approves their own week
        (MANAGER, f"wk:ok:{MONDAY}:9"),  # the web group's person
        (MANAGER, f"wk:ok:{MONDAY}:999"),
        (MANAGER, f"wk:back:{MONDAY}:9"),
        (PROG, "tw:123"),  # no timer running
        (PROG, "tw:abc"),
        (PROG, "st:all:123"),
    ],
)
async def test_forged_buttons_change_nothing(
    who: int, data: str, client: BotClient, session: AsyncSession, team: Team
) -> None:
    before = await counts(session)
    reply = await client.click(who, data)
    assert reply.of("AnswerCallbackQuery")
    assert reply.texts and "Код ошибки" not in reply.text, reply  # not the apology
    assert await counts(session) == before


async def test_the_request_of_another_group_cannot_be_declined_by_forging_the_dialog(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    await client.send(PROG, "/leave отгул 20.03")
    before = await counts(session)
    refused = await client.click(9999, "lv:no:1")  # a stranger
    assert "только для сотрудников" in refused.text
    assert await counts(session) == before
