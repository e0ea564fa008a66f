"""/unbindchat: in the bound chat or in private by the group's name, by the group's lead or an
admin; everyone else, an unbound chat and an unknown group get a clear answer and nothing
changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup
from tests.tasks.conftest import ADMIN, MANAGER, MANAGER2, PROG, Team
from tests.tg import BotClient

CHAT = -1001


async def bindings(session: AsyncSession) -> dict[str, int | None]:
    session.expire_all()
    return dict((await session.execute(select(DevGroup.name, DevGroup.chat_id))).all())


async def test_the_lead_unbinds_in_the_chat_and_another_manager_may_not(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/bindchat backend", chat_id=CHAT)
    await tg.send(MANAGER2, "/bindchat web", chat_id=CHAT - 1)
    refused = await tg.send(MANAGER2, "/unbindchat", chat_id=CHAT)
    assert refused.text == (
        "К этому чату привязаны группы: backend. "
        "Отвязать их могут только их руководители или администратор."
    )
    refused = await tg.send(MANAGER2, "/unbindchat backend")
    assert refused.text == "Вы не руководите группой backend."
    denied = await tg.send(PROG, "/unbindchat", chat_id=CHAT)
    assert denied.text.startswith("Команда /unbindchat вам недоступна")
    assert await bindings(session) == {"backend": CHAT, "web": CHAT - 1}

    done = await tg.send(MANAGER, "/unbindchat", chat_id=CHAT)
    assert done.to(CHAT) == [
        "Группа backend больше не привязана к чату. Её оповещения получает руководитель "
        "группы, а если его нет — администраторы."
    ]
    assert await bindings(session) == {"backend": None, "web": CHAT - 1}
    again = await tg.send(MANAGER, "/unbindchat", chat_id=CHAT)
    assert again.text == (
        "К этому чату не привязана ни одна группа. Привязать: /bindchat ИМЯ_ГРУППЫ"
    )


async def test_an_admin_unbinds_by_name_in_private(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER2, "/bindchat web", chat_id=CHAT)
    done = await tg.send(ADMIN, "/unbindchat WEB")
    assert "больше не привязана к чату" in done.text
    assert await bindings(session) == {"backend": None, "web": None}
    assert (await tg.send(ADMIN, "/unbindchat web")).text == (
        "Группа web не привязана ни к одному чату."
    )
    unknown = await tg.send(ADMIN, "/unbindchat mobile")
    assert unknown.text == "Группа «mobile» не найдена. Список групп: /groups"
    usage = await tg.send(MANAGER, "/unbindchat")
    assert usage.text.startswith("Формат: /unbindchat в привязанном групповом чате")
    assert (await tg.send(MANAGER, "/unbindchat backend web")).text.startswith("Формат:")


async def test_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(MANAGER, "/lang en")
    await tg.send(MANAGER, "/bindchat backend", chat_id=CHAT)
    done = await tg.send(MANAGER, "/unbindchat backend")
    assert done.text == (
        "The group backend is no longer bound to a chat. "
        "Its alerts go to its lead, or to the admins when it has none."
    )
    assert await bindings(session) == {"backend": None, "web": None}
