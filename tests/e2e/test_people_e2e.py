"""People as they use the running bot: the admin starts it, makes groups, invites a
programmer who joins by the link; /team, /help, /role and /group add; Russian and English."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Employee
from tests.e2e.conftest import ADMIN, StartBot
from tests.fake_api import FakeBotAPI

LINK = re.compile(r"https://t\.me/crm_test_bot\?start=([A-Za-z0-9_-]+)")
IVAN = 100


async def say(fake: FakeBotAPI, user: dict[str, object], text: str) -> str:
    """Sends a message as the person and returns the text of the bot's answer to them."""
    fake.send_text(user, text)
    call = await fake.wait_reply(int(str(user["id"])))
    return str(call["result"]["text"])


async def test_admin_invites_a_programmer_in_russian(
    fake: FakeBotAPI, start_bot: StartBot, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await start_bot()
    boss = fake.user(ADMIN, "Борис", "boss", "ru")
    ivan = fake.user(IVAN, "Иван", "ivan", "ru")

    assert "администратор" in await say(fake, boss, "/start")
    assert "Группа backend создана" in await say(fake, boss, "/group new backend")
    invite = await say(fake, boss, "/invite programmer backend")
    token = LINK.search(invite)
    assert token, invite
    joined = await say(fake, ivan, f"/start {token.group(1)}")
    assert "программист" in joined

    team = await say(fake, boss, "/team")
    assert "@boss" in team and "@ivan" in team and "backend" in team
    help_text = await say(fake, ivan, "/help")
    assert "/log" in help_text and "/hours" in help_text and "/role" not in help_text
    assert "недоступна" in await say(fake, ivan, "/team")

    assert "тестировщик" in await say(fake, boss, "/role @ivan tester")
    await say(fake, boss, "/group new web")
    assert "Группа web: Иван (e2) теперь участник" in await say(fake, boss, "/group add web @ivan")
    groups = await say(fake, boss, "/groups")
    assert groups.count("Иван (e2)") == 2, groups

    async with sessionmaker() as session:
        ivan_row = await session.scalar(select(Employee).where(Employee.telegram_id == IVAN))
    assert ivan_row is not None and ivan_row.role == "tester"
    # the joined person's own command menu was set for their chat
    menus = [c for c in fake.calls_of("setMyCommands") if c["status"] == 200]
    assert any(c["params"].get("scope", {}).get("chat_id") == IVAN for c in menus)


async def test_people_with_english_telegram_or_lang_en_get_english(
    fake: FakeBotAPI, start_bot: StartBot
) -> None:
    await start_bot()
    boss = fake.user(ADMIN, "Boris", "boss", "en")
    ivan = fake.user(IVAN, "Ivan", "ivan", "ru")

    assert "administrator" in await say(fake, boss, "/start")
    assert "created" in await say(fake, boss, "/group new backend")
    token = LINK.search(await say(fake, boss, "/invite programmer backend"))
    assert token
    assert "программист" in await say(fake, ivan, f"/start {token.group(1)}")
    assert await say(fake, ivan, "/lang en") == "Language: English."
    help_text = await say(fake, ivan, "/help")
    assert help_text.startswith("Your commands (programmer)")
    team = await say(fake, boss, "/team")
    assert "Staff (2)" in team and "@ivan" in team
    assert "tester" in await say(fake, boss, "/role @ivan tester")
    assert "already in the group backend" in await say(fake, boss, "/group add backend @ivan")
    await say(fake, boss, "/group new web")
    assert "added to the group web" in await say(fake, boss, "/group add web @ivan")
