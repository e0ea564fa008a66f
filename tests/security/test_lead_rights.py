"""Lead rights end with the role (SPEC §1: a group's lead is a manager): a demoted, deactivated
or expired lead loses task creation, the open /newtask dialog and the lag digest at once; the
digest of a group without a usable lead goes to the admins."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.runner import JobRunner
from models import DevGroup, Task
from services import clock
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.jobs.data import sent_to
from tests.jobs.data import team as job_team
from tests.tasks.conftest import ADMIN, MANAGER, Team, fresh
from tests.tg import BotClient

DIGEST = "Отставание от плана в ваших группах"


async def _tasks(session: AsyncSession) -> int:
    session.expire_all()
    return await session.scalar(select(func.count()).select_from(Task)) or 0


async def test_a_demoted_manager_loses_the_group_and_the_open_dialog_at_once(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(MANAGER, "/newtask")
    description = await tg.send(MANAGER, "Тайный план")
    assignee = await tg.click(MANAGER, description.button("Пропустить"))
    estimate = await tg.click(MANAGER, assignee.button("@ivan"))
    deadline = await tg.click(MANAGER, estimate.button("8 ч"))
    tester = await tg.click(MANAGER, deadline.button("через неделю"))
    confirm = await tg.click(MANAGER, tester.button("Пропустить"))
    assert "«Тайный план»" in confirm.text

    assert "программист" in (await tg.send(ADMIN, "/role @mgr programmer")).text
    backend = await fresh(session, DevGroup, team.backend.id)
    assert isinstance(backend, DevGroup) and backend.lead_id is None

    created = await tg.click(MANAGER, confirm.button("Создать"))
    assert "больше не действует" in created.text and "создана" not in created.text
    assert await _tasks(session) == 0
    # The dialog is gone: a typed line is no longer its next answer.
    assert "Кто исполнитель" not in (await tg.send(MANAGER, "Ещё одна задача")).text
    assert "вам недоступна" in (await tg.send(MANAGER, "/newtask")).text
    assert await _tasks(session) == 0


async def test_a_deactivated_lead_leaves_the_group_without_a_lead(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(ADMIN, "/deactivate @mgr")
    backend = await fresh(session, DevGroup, team.backend.id)
    assert isinstance(backend, DevGroup) and backend.lead_id is None
    groups = await tg.send(ADMIN, "/groups")
    assert "backend — руководитель: —" in groups.text


async def test_the_digest_of_a_demoted_lead_goes_to_the_admins(
    client: BotClient, api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await job_team(session)
    mike = data.mike
    reply = await client.send(ADMIN_TG, f"/role {mike.code} programmer")
    assert "программист" in reply.text
    await runner.run("lag_alerts")
    assert not [text for text in sent_to(api, mike.telegram_id) if DIGEST in text]
    [digest] = sent_to(api, ADMIN_TG)
    assert digest.startswith(DIGEST)
    assert "Группа backend:" in digest and "Группа mobile:" in digest


async def test_an_expired_external_once_a_lead_gets_no_digest(
    client: BotClient, api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await job_team(session)
    mike = data.mike
    await client.send(ADMIN_TG, f"/role {mike.code} external")
    clock.set_now(clock.now() + timedelta(days=8))  # Thursday 19 March: access ended
    await runner.run("lag_alerts")
    assert sent_to(api, mike.telegram_id) == []
    [digest] = sent_to(api, ADMIN_TG)
    assert digest.startswith(DIGEST) and "Группа mobile:" in digest


async def test_a_deactivated_lead_gets_no_digest_and_the_admins_do(
    client: BotClient, api: FakeBotAPI, runner: JobRunner, session: AsyncSession
) -> None:
    data = await job_team(session)
    await client.send(ADMIN_TG, f"/deactivate {data.mike.code}")
    await runner.run("lag_alerts")
    assert sent_to(api, data.mike.telegram_id) == []
    [digest] = sent_to(api, ADMIN_TG)
    assert digest.startswith(DIGEST) and "Группа backend:" in digest
