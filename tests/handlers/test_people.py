"""People and groups through the real Dispatcher."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Invite, ProcessedUpdate
from services import clock
from tests.conftest import ADMIN_TG
from tests.tg import BotClient

LINK = re.compile(r"https://t\.me/crm_test_bot\?start=([A-Za-z0-9_-]+)")


async def admin_with_group(client: BotClient) -> None:
    await client.send(ADMIN_TG, "/start", username="boss")
    await client.send(ADMIN_TG, "/group new backend")


async def invite(client: BotClient, sender: int, args: str) -> str:
    reply = await client.send(sender, f"/invite {args}")
    match = LINK.search(reply.text)
    assert match, reply.text
    return match.group(1)


async def test_admin_starts_and_invites_a_programmer(
    client: BotClient, session: AsyncSession
) -> None:
    reply = await client.send(ADMIN_TG, "/start", username="boss")
    assert "администратор" in reply.text
    await client.send(ADMIN_TG, "/group new backend")
    token = await invite(client, ADMIN_TG, "programmer backend")
    joined = await client.send(100, f"/start {token}", username="ivan")
    assert "программист" in joined.text
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == 100))
    assert emp is not None and emp.role == "programmer" and emp.listed
    members = await session.scalar(
        select(func.count()).select_from(GroupMember).where(GroupMember.employee_id == emp.id)
    )
    assert members == 1
    # the token is stored hashed and is single-use
    stored = await session.scalar(select(Invite.token_hash))
    assert stored is not None and stored != token and len(stored) == 64
    again = await client.send(101, f"/start {token}")
    assert "недействительно" in again.text
    assert await session.scalar(select(Employee).where(Employee.telegram_id == 101)) is None


async def test_team_lists_people_in_english(client: BotClient) -> None:
    await admin_with_group(client)
    await client.send(ADMIN_TG, "/lang en")
    reply = await client.send(ADMIN_TG, "/team")
    assert "Staff (1)" in reply.text
    assert "@boss" in reply.text and "administrator" in reply.text


async def test_stranger_gets_refusal_revealing_nothing(client: BotClient) -> None:
    await admin_with_group(client)
    for text in ("/team", "/help", "hello", "/start", "/start not-a-real-token-123"):
        reply = await client.send(555, text)
        assert reply.texts, text
        assert "backend" not in reply.text and "boss" not in reply.text


async def test_expired_external_is_refused(client: BotClient) -> None:
    await admin_with_group(client)
    token = await invite(client, ADMIN_TG, "external backend 1")
    await client.send(200, f"/start {token}")
    card = await client.send(200, "/me")
    assert "внешний представитель" in card.text and "Доступ до 12.03.2026" in card.text
    clock.set_now(clock.now().replace(day=13))
    refused = await client.send(200, "/help")
    assert refused.text.startswith("Ваш доступ внешнего представителя закончился 12.03.2026.")


async def test_redelivered_update_is_handled_once(client: BotClient, session: AsyncSession) -> None:
    await client.send(ADMIN_TG, "/start")
    update = client.message_update(ADMIN_TG, "/group new web", update_id=777)
    first = await client.feed(update)
    second = await client.feed(update)
    assert "создана" in first.text and second.texts == []
    assert await session.scalar(select(func.count()).select_from(DevGroup)) == 1
    assert await session.get(ProcessedUpdate, 777) is not None


async def test_bad_group_name_changes_nothing(client: BotClient, session: AsyncSession) -> None:
    await client.send(ADMIN_TG, "/start")
    for bad in (
        "/group new a b",
        "/group new " + "x" * 4000,
        "/group new <b>",
        "/group",
        "/group lead",
    ):
        reply = await client.send(ADMIN_TG, bad)
        assert "Формат" in reply.text or "не подходит" in reply.text, (bad, reply.text)
    assert await session.scalar(select(func.count()).select_from(DevGroup)) == 0


async def test_bad_input_after_a_new_username_gets_its_error_text(
    client: BotClient, session: AsyncSession
) -> None:
    await client.send(ADMIN_TG, "/start", username="boss")
    reply = await client.send(ADMIN_TG, "/group lead nosuch e1", username="boss_renamed")
    assert "не найдена" in reply.text
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == ADMIN_TG))
    assert emp is not None and emp.username == "boss"  # the rejected update changed nothing


async def test_a_cyrillic_group_name_is_found_in_any_letter_case(
    client: BotClient, session: AsyncSession
) -> None:
    """SQLite's lower() folds ASCII letters only, so the case is compared in Python."""
    await client.send(ADMIN_TG, "/start", username="boss")
    assert "создана" in (await client.send(ADMIN_TG, "/group new Бэкенд")).text
    assert "уже есть" in (await client.send(ADMIN_TG, "/group new бЭКЕНД")).text
    for name in ("Бэкенд", "бэкенд", "БЭКЕНД"):
        reply = await client.send(ADMIN_TG, f"/group add {name} @boss")
        assert "Группа Бэкенд: User1 (e1) теперь участник" in reply.text or "уже" in reply.text, (
            name,
            reply,
        )
    assert await session.scalar(select(func.count()).select_from(DevGroup)) == 1
