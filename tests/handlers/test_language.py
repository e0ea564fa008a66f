"""A person's language (SPEC §1): Telegram's at /start, kept in step until /lang picks one,
and every message to them in it, pushes from other people's actions included."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee
from tests.conftest import ADMIN_TG
from tests.handlers.test_people import admin_with_group, invite
from tests.tg import BotClient

EN_USER = 100


async def _language(session: AsyncSession) -> tuple[str | None, bool]:
    session.expire_all()
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == EN_USER))
    assert emp is not None
    return emp.language, emp.language_chosen


async def test_an_english_speaker_gets_every_push_in_english_without_lang(
    client: BotClient, session: AsyncSession
) -> None:
    await admin_with_group(client)
    token = await invite(client, ADMIN_TG, "programmer backend")
    joined = await client.send(EN_USER, f"/start {token}", username="ann", lang="en")
    assert "programmer" in joined.text
    assert await _language(session) == ("en", False)

    # The admin writes in Russian; what reaches the programmer is in English.
    schedule = await client.send(ADMIN_TG, "/schedule @ann 8 8 8 8 8 0 0")
    [notice] = schedule.to(EN_USER)
    assert notice.startswith("Your working schedule from")
    pay = await client.send(ADMIN_TG, "/pay @ann salary 100000")
    [notice] = pay.to(EN_USER)
    assert "salary" in notice and "оклад" not in notice
    task = await client.send(ADMIN_TG, "/newtask Fix login | @ann | 4h")
    [notice] = task.to(EN_USER)
    assert notice.startswith("Task #1") and "assigned to you" in notice


async def test_the_language_follows_telegram_until_the_person_picks_one(
    client: BotClient, session: AsyncSession
) -> None:
    await admin_with_group(client)
    token = await invite(client, ADMIN_TG, "programmer backend")
    await client.send(EN_USER, f"/start {token}", username="ann", lang="de")
    assert await _language(session) == ("ru", False)  # not supported: DEFAULT_LANGUAGE

    reply = await client.send(EN_USER, "/me", lang="en-GB")
    assert "Groups:" in reply.text
    assert await _language(session) == ("en", False)

    await client.send(EN_USER, "/lang ru", lang="en")
    assert await _language(session) == ("ru", True)
    reply = await client.send(EN_USER, "/me", lang="en")
    assert "Группы:" in reply.text
    assert await _language(session) == ("ru", True)
