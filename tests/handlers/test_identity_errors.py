"""Bad input from someone whose Telegram profile changed since their last message."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, ProcessedUpdate
from tests import factories
from tests.conftest import ADMIN_TG
from tests.tg import BotClient


async def test_refreshed_profile_and_bad_input_still_get_the_error_text(
    client: BotClient, session: AsyncSession
) -> None:
    await client.send(ADMIN_TG, "/start", username="boss")
    await factories.employee(session, 100, "programmer", "ivan")
    # A new username: the profile is saved first, then the command is refused.
    reply = await client.send(100, "/lang xx", username="ivan_new")
    assert reply.text == "Формат: /lang ru или /lang en"
    session.expire_all()
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == 100))
    assert emp is not None and emp.username == "ivan_new"
    assert len(list(await session.scalars(select(ProcessedUpdate)))) == 2
