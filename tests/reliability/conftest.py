"""Fixtures of the reliability tests: the bot as a separate process against the fake Bot API
(`fake`, `start_bot`, from the end-to-end tests), and the seeded world driven through the real
Dispatcher, reset between examples only when an example wrote something (`fuzz`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.e2e.conftest import fake, start_bot  # noqa: F401
from tests.reliability import world
from tests.tg import BotClient, Reply

MESSAGE_LIMIT = 4096
ALERT_LIMIT = 200


@dataclass
class Fuzz:
    client: BotClient
    session: AsyncSession
    baseline: dict[str, str | None]
    dirty: bool = False
    resets: int = 0

    async def fresh(self) -> None:
        """Back to the seeded world when the last example wrote anything; dialogs end."""
        await world.clear_dialogs(self.client.dp.fsm.storage)
        if self.dirty:
            await world.wipe(self.session)
            await world.seed(self.session)
            self.resets += 1
        self.dirty = True  # until the database is seen unchanged

    async def send(
        self,
        sender: int,
        command: str,
        args: str = "",
        *,
        group: bool = False,
        mention: str = "",
        form: str = "text",
    ) -> Reply:
        """`form`: typed ("text"), under a photo ("caption") or changed afterwards ("edited")."""
        text = f"/{command}{mention} {args}" if args else f"/{command}{mention}"
        chat_id = world.GROUP_CHAT if group else None
        return await self.client.send(sender, text, chat_id=chat_id, form=form)

    async def click(self, sender: int, data: str) -> Reply:
        return await self.client.click(sender, data)

    async def changed(self) -> list[str]:
        changed = world.changed_tables(self.baseline, await world.snapshot(self.session))
        self.dirty = bool(changed)
        return changed


@pytest.fixture
async def fuzz(client: BotClient, session: AsyncSession) -> AsyncIterator[Fuzz]:
    await world.seed(session)
    for telegram_id, username in world.USERNAMES.items():
        client.user(telegram_id, username)
    for telegram_id in world.PEOPLE:  # the first update of each person refreshes their profile
        await client.send(telegram_id, "/help")
    yield Fuzz(client, session, await world.snapshot(session))


def check_texts(reply: Reply, what: object) -> None:
    """Texts Telegram accepts, and never the apology for an unexpected error."""
    assert not world.apologised(reply.texts), (what, reply)
    for method in reply.of("SendMessage", "EditMessageText"):
        text = getattr(method, "text", None) or ""
        assert 0 < len(text.strip()) <= MESSAGE_LIMIT, (what, text[:200])
        assert not world.BARE_KEY.fullmatch(text), (what, text)
    for method in reply.of("AnswerCallbackQuery"):
        alert = getattr(method, "text", None) or ""
        assert len(alert) <= ALERT_LIMIT, (what, alert)
        assert not world.BARE_KEY.fullmatch(alert), (what, alert)
