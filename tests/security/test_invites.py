"""Invite links as a stranger meets them: one use, seven days, nothing to learn from a bad
token, and one winner when two people open the same link at the same moment."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, GroupMember, Invite
from services import clock, people
from tests.conftest import ADMIN_TG
from tests.tg import BotClient, Reply

LINK = re.compile(r"https://t\.me/crm_test_bot\?start=([A-Za-z0-9_-]+)")
INVALID = (
    "Приглашение недействительно: ссылка уже использована, устарела или неверна. Попросите новую."
)


async def _invite(client: BotClient, args: str = "programmer backend") -> str:
    await client.send(ADMIN_TG, "/start", username="boss")
    await client.send(ADMIN_TG, "/group new backend")
    reply = await client.send(ADMIN_TG, f"/invite {args}")
    match = LINK.search(reply.text)
    assert match, reply.text
    return match.group(1)


async def _employees(session: AsyncSession) -> int:
    session.expire_all()
    return await session.scalar(select(func.count()).select_from(Employee)) or 0


async def test_the_token_has_144_random_bits_and_only_its_hash_is_stored(
    client: BotClient, session: AsyncSession
) -> None:
    tokens = {await _invite(client)}
    second = LINK.search((await client.send(ADMIN_TG, "/invite tester")).text)
    assert second is not None
    tokens.add(second.group(1))
    assert len(tokens) == 2
    for token in tokens:
        assert len(token) == 24  # secrets.token_urlsafe(18): 18 random bytes
    stored = set(await session.scalars(select(Invite.token_hash)))
    assert len(stored) == 2 and not stored & tokens
    assert all(len(h) == 64 for h in stored)


async def test_two_people_opening_one_link_at_once_make_one_employee(
    client: BotClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = await _invite(client)
    lookup = people.by_telegram

    async def slow_lookup(s: AsyncSession, telegram_id: int) -> Employee | None:
        # A slow database: both updates read the unused invite before either writes.
        found = await lookup(s, telegram_id)
        await asyncio.sleep(0.05)
        return found

    monkeypatch.setattr(people, "by_telegram", slow_lookup)
    start = len(client.session.requests)
    await asyncio.gather(
        client.send(300, f"/start {token}", username="first"),
        client.send(301, f"/start {token}", username="second"),
    )
    sent = Reply(client.session.requests[start:])
    answers = [sent.to(300), sent.to(301)]
    joined = [a for a in answers if len(a) == 1 and "программист" in a[0]]
    refused = [a for a in answers if a == [INVALID]]
    assert len(joined) == 1 and len(refused) == 1, answers
    assert await _employees(session) == 2  # the admin and one newcomer
    invite = await session.scalar(select(Invite))
    assert invite is not None and invite.used_by is not None
    members = await session.scalar(select(func.count()).select_from(GroupMember))
    assert members == 1


async def test_a_used_link_is_refused_and_reveals_nothing(
    client: BotClient, session: AsyncSession
) -> None:
    token = await _invite(client)
    assert "программист" in (await client.send(300, f"/start {token}")).text
    again = await client.send(301, f"/start {token}")
    assert again.text == INVALID
    assert "backend" not in again.text and "boss" not in again.text
    assert await _employees(session) == 2
    # the person who used it opening it again is simply greeted: nothing is redeemed twice
    assert "программист, ваш номер e2" in (await client.send(300, f"/start {token}")).text
    assert await _employees(session) == 2


async def test_a_registered_person_opening_a_link_does_not_use_it_up(
    client: BotClient, session: AsyncSession
) -> None:
    token = await _invite(client)
    assert "администратор" in (await client.send(ADMIN_TG, f"/start {token}")).text
    invite = await session.scalar(select(Invite))
    assert invite is not None and invite.used_by is None
    assert "программист" in (await client.send(300, f"/start {token}")).text


async def test_a_link_expires_after_seven_days(client: BotClient, session: AsyncSession) -> None:
    token = await _invite(client)
    start = clock.now()
    clock.set_now(start + timedelta(days=7))
    assert (await client.send(300, f"/start {token}")).text == INVALID
    assert await _employees(session) == 1
    clock.set_now(start + timedelta(days=6, hours=23))
    assert "программист" in (await client.send(301, f"/start {token}")).text


async def test_forged_and_malformed_tokens_get_the_same_answer(
    client: BotClient, session: AsyncSession
) -> None:
    token = await _invite(client)
    for forged in (
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        "x" * 24,
        token + "x" * 100,
        "'; DROP TABLE employees; --",
        "../../etc/passwd",
        "%00" * 10,
    ):
        reply = await client.send(300, f"/start {forged}")
        assert reply.text == INVALID, forged
    assert await _employees(session) == 1
    assert "программист" in (await client.send(300, f"/start {token}")).text


async def test_a_manager_invites_only_staff_below_them_into_groups_they_lead(
    client: BotClient, session: AsyncSession
) -> None:
    await _invite(client)
    mgr_token = await _invite(client, "manager backend")
    await client.send(10, f"/start {mgr_token}", username="mgr")
    await client.send(ADMIN_TG, "/group lead backend @mgr")
    for role in ("admin", "manager"):
        reply = await client.send(10, f"/invite {role} backend")
        assert LINK.search(reply.text) is None, role
        assert "может пригласить только" in reply.text
    await client.send(ADMIN_TG, "/group new web")
    elsewhere = await client.send(10, "/invite programmer web")
    assert LINK.search(elsewhere.text) is None
    assert "группу, которой вы руководите" in elsewhere.text
    assert LINK.search((await client.send(10, "/invite programmer backend")).text)
    assert await session.scalar(select(func.count()).select_from(Invite)) == 3


async def test_a_deactivated_person_comes_back_only_with_a_new_invite_and_its_role(
    client: BotClient, session: AsyncSession
) -> None:
    token = await _invite(client, "tester backend")
    await client.send(300, f"/start {token}", username="olga")
    assert "отключ" in (await client.send(ADMIN_TG, "/deactivate @olga")).text.lower()
    assert (await client.send(300, f"/start {token}")).text == INVALID
    fresh_link = LINK.search((await client.send(ADMIN_TG, "/invite external backend 2")).text)
    assert fresh_link is not None
    back = await client.send(300, f"/start {fresh_link.group(1)}")
    assert "внешний представитель" in back.text
    session.expire_all()
    emp = await session.scalar(select(Employee).where(Employee.telegram_id == 300))
    assert emp is not None and emp.active and emp.role == "external" and not emp.listed
    assert emp.access_until == clock.utcnow_naive() + timedelta(days=2)
    assert await _employees(session) == 2
