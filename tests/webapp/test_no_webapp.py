"""Without WEBAPP_URL the chat offers no app."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tests.tasks.conftest import MANAGER, PROG, Team, make_task
from tests.tg import BotClient
from tests.webapp.test_wiring import web_apps


async def test_no_open_button_without_webapp_url(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await make_task(session, team, assignee=team.prog)
    hours = await tg.send(PROG, "/hours")
    plan = await tg.send(MANAGER, "/plan")
    assert hours.of("SendMessage") and plan.of("SendMessage")
    assert web_apps(hours) == [] and web_apps(plan) == []
