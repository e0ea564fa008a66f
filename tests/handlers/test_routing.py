"""Each dispatcher gets routers of its own: building one never takes them from another."""

from __future__ import annotations

from aiogram import Bot, Router
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.app import create_dispatcher
from services.config import AppConfig
from tests.tasks.conftest import PROG, Team
from tests.tg import BOT_TOKEN, BotClient, FakeSession


def _tree(router: Router) -> list[Router]:
    out = [router]
    for child in router.sub_routers:
        out += _tree(child)
    return out


def test_every_setup_builds_a_new_tree() -> None:
    first, second = _tree(handlers.setup()), _tree(handlers.setup())
    assert [r.name for r in first] == [r.name for r in second]
    assert not {id(r) for r in first} & {id(r) for r in second}
    assert first[-1].name == "handlers.fallback"  # the catch-all comes last


async def test_two_dispatchers_in_one_process_both_answer(
    client: BotClient,
    team: Team,
    config: AppConfig,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    other = BotClient(
        create_dispatcher(config, sessionmaker), Bot(BOT_TOKEN, session=FakeSession())
    )
    # one database, so each update needs an id of its own
    for update_id, bot_client in enumerate((client, other, client), start=100):
        reply = await bot_client.send(PROG, "/me", update_id=update_id)
        assert "@ivan" in reply.text or "e4" in reply.text, reply
    await other.bot.session.close()
