"""Every command × every role, against the SPEC's table written out here independently of
services/permissions.py: a role that may not use a command is told so and nothing else
happens; strangers and expired externals get only the refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

import models
from services import clock
from tests import factories
from tests.tg import BotClient

EVERYONE = {"admin", "manager", "programmer", "tester", "external"}
STAFF = {"admin", "manager", "programmer", "tester"}
SPEC_TABLE: dict[str, set[str]] = {
    "help": EVERYONE,
    "me": EVERYONE,
    "lang": EVERYONE,
    "tasks": EVERYONE,
    "task": EVERYONE,
    "comment": EVERYONE,
    "log": STAFF,
    "timer": STAFF,
    "stop": STAFF,
    "undo": STAFF,
    "hours": STAFF,
    "timesheet": STAFF,
    "schedule": STAFF,
    "payroll": STAFF,
    "leave": STAFF,
    "balance": STAFF,
    "remind": STAFF,
    "review": {"admin", "manager", "tester"},
    "newtask": {"admin", "manager"},
    "edit": {"admin", "manager"},
    "assign": {"admin", "manager"},
    "cancel": {"admin", "manager"},
    "plan": {"admin", "manager"},
    "team": {"admin", "manager"},
    "groups": {"admin", "manager"},
    "invite": {"admin", "manager"},
    "bindchat": {"admin", "manager"},
    "unbindchat": {"admin", "manager"},
    "role": {"admin"},
    "listed": {"admin"},
    "deactivate": {"admin"},
    "group": {"admin"},
    "absence": {"admin"},
    "holiday": {"admin"},
    "pay": {"admin"},
    "bonus": {"admin"},
    "deduct": {"admin"},
    "unlock": {"admin"},
    "tabel": {"admin"},
    "jobs": {"admin"},
}
ROLES = ["admin", "manager", "programmer", "tester", "external", "expired", "stranger"]
TG = {role: 500 + i for i, role in enumerate(ROLES)}
DENIED = "вам недоступна"
REFUSAL = "только для сотрудников"
REFUSALS = {
    "stranger": "Этот бот работает только для сотрудников компании. "
    "Если вас пригласили, откройте ссылку-приглашение.",
    # SPEC §1: told that access ended, since when, and who can restore it
    "expired": "Ваш доступ внешнего представителя закончился 11.03.2026. "
    "Вернуть его может администратор: попросите у него новое приглашение.",
}
HELP = "Список доступных команд: /help"
EDITED = {
    False: "Изменённые сообщения бот не читает: отправьте команду или запись времени новым "
    "сообщением. Последнюю запись времени отменяет /undo.",
    True: "Изменённые сообщения бот не читает: отправьте команду или комментарий новым сообщением.",
}


async def _people(session: AsyncSession) -> None:
    for role in ROLES[:5]:
        await factories.employee(session, TG[role], role, username=f"u_{role}")
    expired = await factories.employee(session, TG["expired"], "external", username="u_exp")
    expired.access_until = clock.utcnow_naive() - timedelta(hours=1)
    await session.commit()


async def row_counts(session: AsyncSession) -> dict[str, int]:
    """Rows per table, but for the record of processed updates (written for every update)."""
    session.expire_all()
    out = {}
    for table in models.Base.metadata.sorted_tables:
        if table.name != "processed_updates":
            out[table.name] = await session.scalar(select(func.count()).select_from(table)) or 0
    return out


@pytest.mark.parametrize("form", ["text", "caption", "edited"])
@pytest.mark.parametrize("command", sorted(SPEC_TABLE))
async def test_command_for_every_role(
    command: str, form: str, client: BotClient, session: AsyncSession
) -> None:
    """Typed or as the caption of a photo the command gets the same answer; an edited message
    is never run (registered people are told to send it anew, strangers get nothing)."""
    await _people(session)
    for role in ROLES:
        before = await row_counts(session)
        reply = await client.send(TG[role], f"/{command}", form=form)
        session.expire_all()
        if form == "edited":
            refused = role in ("stranger", "expired")
            assert reply.texts == ([] if refused else [EDITED[role == "external"]]), (role, reply)
            assert await row_counts(session) == before, (command, role)
            continue
        assert reply.texts, (command, role)
        if role in ("stranger", "expired"):
            assert reply.text == REFUSALS[role], (command, role)
            assert await row_counts(session) == before
        elif role in SPEC_TABLE[command]:
            assert DENIED not in reply.text and REFUSAL not in reply.text, (command, role, reply)
        else:
            assert reply.texts == [f"Команда /{command} вам недоступна. {HELP}"], (role, reply)
            assert await row_counts(session) == before, (command, role)


def test_help_table_matches_spec() -> None:
    from services.permissions import COMMANDS

    assert {k: set(v) for k, v in COMMANDS.items() if k != "start"} == SPEC_TABLE


@pytest.mark.parametrize("role", ROLES[:5])
async def test_help_lists_exactly_the_allowed_commands(
    role: str, client: BotClient, session: AsyncSession
) -> None:
    await _people(session)
    reply = await client.send(TG[role], "/help")
    listed = {line.split()[0][1:] for line in reply.text.splitlines() if line.startswith("/")}
    assert listed == {c for c, roles in SPEC_TABLE.items() if role in roles}
