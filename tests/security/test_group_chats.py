"""Group chats: strangers there get silence, an invite is redeemed only in a private chat,
and only a group's lead (or an admin) can send its alerts to a chat."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Invite
from tests.tasks.conftest import ADMIN, MANAGER, MANAGER2, Team
from tests.tg import BotClient

CHAT = -1001
LINK = re.compile(r"https://t\.me/crm_test_bot\?start=([A-Za-z0-9_-]+)")


async def test_strangers_in_a_group_chat_get_silence(tg: BotClient, session: AsyncSession) -> None:
    made = await tg.send(ADMIN, "/invite programmer backend")
    match = LINK.search(made.text)
    assert match is not None
    for text in ("/tasks", "/help", "/task 1", "hello", f"/start {match.group(1)}"):
        reply = await tg.send(777, text, chat_id=CHAT)
        assert reply.requests == [], text
    session.expire_all()
    assert await session.scalar(select(Employee).where(Employee.telegram_id == 777)) is None
    assert await session.scalar(select(Invite.used_by)) is None
    # the same link still works in a private chat
    assert "программист" in (await tg.send(777, f"/start {match.group(1)}")).text


async def test_only_the_lead_or_an_admin_binds_a_chat_to_a_group(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    backend_id, web_id = team.backend.id, team.web.id
    refused = await tg.send(MANAGER2, "/bindchat backend", chat_id=CHAT)
    assert refused.text == "Вы не руководите группой backend."
    session.expire_all()
    assert (await session.get(DevGroup, backend_id)).chat_id is None  # type: ignore[union-attr]
    done = await tg.send(MANAGER, "/bindchat backend", chat_id=CHAT)
    assert "привязан к группе backend" in done.text
    assert "привязан к группе web" in (await tg.send(ADMIN, "/bindchat web", chat_id=CHAT - 1)).text
    session.expire_all()
    rows = await session.execute(select(DevGroup.id, DevGroup.chat_id))
    bound = {group_id: chat_id for group_id, chat_id in rows}
    assert bound == {backend_id: CHAT, web_id: CHAT - 1}
    assert await session.scalar(select(func.count()).select_from(DevGroup)) == 2


async def test_a_member_sending_start_in_a_group_is_sent_to_the_private_chat(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await tg.send(MANAGER, "/start", chat_id=CHAT)
    assert reply.text == (
        "Команда /start работает в личном чате со мной: откройте бота и отправьте её там."
    )
    # a command the person may not use is still refused as such in a group
    denied = await tg.send(MANAGER, "/role @ivan tester", chat_id=CHAT)
    assert denied.text.startswith("Команда /role вам недоступна")
