"""People whose standing changes, as they meet the bot: who left is told so and stays out (an
ADMIN_IDS admin too), who comes back gets exactly the new invite, `@name` follows the person who
holds the name now, and EXTERNAL_DAYS sets an external's access whichever way they got it."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, GroupMember
from services.config import AppConfig
from tests import factories
from tests.tasks.conftest import ADMIN, MANAGER, OUTSIDER, PROG, PROG2, Team, fresh, make_task
from tests.tg import BotClient

SECOND_ADMIN = 2
DEACTIVATED = (
    "Ваш доступ к боту отключён с 11.03.2026. "
    "Вернуть его может администратор: попросите у него новое приглашение."
)


@pytest.fixture
def config() -> AppConfig:
    """Two ids in ADMIN_IDS (one admin deactivates the other) and externals for 3 days."""
    return AppConfig(
        admin_ids=frozenset({ADMIN, SECOND_ADMIN}), bot_username="crm_test_bot", external_days=3
    )


async def _link(tg: BotClient, sender: int, args: str) -> str:
    reply = await tg.send(sender, f"/invite {args}")
    return reply.text.split("start=")[1].split()[0]


async def test_a_deactivated_person_is_told_since_when_and_who_can_restore(
    tg: BotClient, team: Team
) -> None:
    await tg.send(ADMIN, "/deactivate @ivan")
    assert (await tg.send(PROG, "/start")).text == DEACTIVATED
    assert (await tg.send(PROG, "/tasks")).text == DEACTIVATED
    english = await tg.send(PROG, "/me", lang="en")
    assert english.text == (
        "Your access to the bot was turned off on 11 Mar 2026. "
        "An admin can restore it: ask them for a new invite."
    )
    stored = await tg.send(ADMIN, "/team")
    assert "User20" not in stored.text


async def test_a_deactivated_admin_from_admin_ids_stays_out(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    assert "администратор" in (await tg.send(SECOND_ADMIN, "/start", username="deputy")).text
    assert "отключ" in (await tg.send(ADMIN, "/deactivate @deputy")).text
    assert (await tg.send(SECOND_ADMIN, "/start")).text == DEACTIVATED
    assert (await tg.send(SECOND_ADMIN, "/team")).text == DEACTIVATED
    deputy = await session.scalar(
        select(Employee)
        .where(Employee.telegram_id == SECOND_ADMIN)
        .execution_options(populate_existing=True)
    )
    assert deputy is not None and deputy.active is False
    assert isinstance(deputy.deactivated_at, datetime)
    # An invite still brings them back, with the invite's role; the date is cleared.
    token = await _link(tg, ADMIN, "manager")
    assert "руководитель проекта" in (await tg.send(SECOND_ADMIN, f"/start {token}")).text
    back = await fresh(session, Employee, deputy.id)
    assert isinstance(back, Employee)
    assert (back.active, back.role, back.deactivated_at) == (True, "manager", None)


async def test_a_person_invited_back_gets_exactly_the_invites_group(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    hidden = await make_task(session, team, assignee=team.prog2, title="Old group work")
    assert "Old group work" in (await tg.send(PROG, f"/task {hidden.id}")).text
    await tg.send(ADMIN, "/deactivate @ivan")
    token = await _link(tg, ADMIN, "tester web")
    joined = await tg.send(PROG, f"/start {token}")
    assert "тестировщик" in joined.text
    assert "Группы: web" in (await tg.send(PROG, "/me")).text
    refused = await tg.send(PROG, f"/task {hidden.id}")
    assert f"Задача #{hidden.id} не найдена" in refused.text
    assert "Old group work" not in (await tg.send(PROG, "/tasks")).text
    groups = set(
        await session.scalars(
            select(GroupMember.group_id).where(GroupMember.employee_id == team.prog.id)
        )
    )
    assert groups == {team.web.id}


async def test_the_inviting_manager_is_told_who_joined(tg: BotClient, team: Team) -> None:
    token = await _link(tg, MANAGER, "programmer backend")
    joined = await tg.send(700, f"/start {token}", username="newbie")
    assert joined.to(MANAGER) == ["По вашему приглашению присоединился User700 (e9): программист."]
    assert "User700" in joined.to(700)[0]


async def test_a_username_follows_its_newest_holder(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    # ivan gave his username up in Telegram; anna took it and writes to the bot first.
    await tg.send(OUTSIDER, "/me", username="ivan")
    reply = await tg.send(ADMIN, "/listed @ivan off")
    assert "User22 (e8)" in reply.text
    anna = await fresh(session, Employee, team.outsider.id)
    ivan = await fresh(session, Employee, team.prog.id)
    assert isinstance(anna, Employee) and isinstance(ivan, Employee)
    assert (anna.username, anna.listed) == ("ivan", False)
    assert (ivan.username, ivan.listed) == (None, True)
    team_list = await tg.send(ADMIN, "/team")
    assert team_list.text.count("@ivan") == 1


async def test_a_name_two_people_hold_is_refused_with_their_numbers(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    # Rows from before usernames were kept unique: both say "petr".
    twin = await factories.employee(session, 701, "programmer", "petr")
    reply = await tg.send(ADMIN, "/role @petr tester")
    assert reply.text == (
        f"Имя «@petr» есть у нескольких сотрудников: e5, {twin.code}. "
        "Укажите нужного по номеру, например e5."
    )
    for emp_id in (team.prog2.id, twin.id):
        stored = await fresh(session, Employee, emp_id)
        assert isinstance(stored, Employee) and stored.role == "programmer"
    assert "тестировщик" in (await tg.send(ADMIN, f"/role {twin.code} tester")).text


async def test_role_external_gives_external_days_of_access(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(ADMIN, "/role @petr external")
    assert "Доступ до 14.03.2026 12:00" in (await tg.send(PROG2, "/me")).text
    petr = await fresh(session, Employee, team.prog2.id)
    assert isinstance(petr, Employee) and petr.access_until == datetime(2026, 3, 14, 9, 0)
