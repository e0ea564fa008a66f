"""A command is the same command however it arrives: typed, as the caption of a photo, in any
letter case, with the bot's name; an edited message never runs one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import TimeEntry
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, PROG, Team, make_task
from tests.tg import BotClient

DENIED_TEAM = "Команда /team вам недоступна. Список доступных команд: /help"
EDITED = (
    "Изменённые сообщения бот не читает: отправьте команду или запись времени "
    "новым сообщением. Последнюю запись времени отменяет /undo."
)
EDITED_EXTERNAL = (
    "Изменённые сообщения бот не читает: отправьте команду или комментарий новым сообщением."
)


async def _entries(session: AsyncSession) -> int:
    session.expire_all()
    return await session.scalar(select(func.count()).select_from(TimeEntry)) or 0


async def test_an_externals_captioned_team_is_refused_like_the_typed_one(
    client: BotClient, team: Team
) -> None:
    """A photo captioned /team used to list the whole staff to an external."""
    typed = await client.send(EXTERNAL, "/team")
    captioned = await client.send(EXTERNAL, "/team", form="caption")
    assert typed.texts == [DENIED_TEAM]
    assert captioned.texts == [DENIED_TEAM]
    assert "@ivan" not in captioned.text and "@boss" not in captioned.text


@pytest.mark.parametrize(
    ("sender", "command"),
    [
        (EXTERNAL, "groups"),
        (EXTERNAL, "jobs"),
        (EXTERNAL, "holiday"),
        (EXTERNAL, "review"),
        (EXTERNAL, "newtask"),
        (EXTERNAL, "hours"),
        (EXTERNAL, "schedule"),
        (EXTERNAL, "undo"),
        (EXTERNAL, "stop"),
        (PROG, "team"),
        (PROG, "groups"),
        (PROG, "holiday"),
        (MANAGER, "jobs"),
    ],
)
async def test_a_captioned_command_gets_the_typed_refusal(
    client: BotClient, team: Team, sender: int, command: str
) -> None:
    typed = await client.send(sender, f"/{command}")
    captioned = await client.send(sender, f"/{command}", form="caption")
    assert "недоступна" in typed.text
    assert captioned.texts == typed.texts


async def test_a_captioned_log_logs_like_the_typed_one(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    await make_task(session, team, assignee=team.prog)
    typed = await client.send(PROG, "/log 2ч #1 форма")
    captioned = await client.send(PROG, "/log 1ч #1 скриншот", form="caption")
    assert "2 ч" in typed.text and "1 ч" in captioned.text
    assert await _entries(session) == 2


@pytest.mark.parametrize("text", ["/Log 2ч #1", "/LOG 2ч #1", "/Log@CRM_test_bot 2ч #1"])
async def test_a_command_in_any_letter_case(
    client: BotClient, team: Team, session: AsyncSession, text: str
) -> None:
    await make_task(session, team, assignee=team.prog)
    reply = await client.send(PROG, text)
    assert "недоступна" not in reply.text and "2 ч" in reply.text, reply
    assert await _entries(session) == 1


async def test_capitalised_commands_in_text_and_caption(client: BotClient, team: Team) -> None:
    for form in ("text", "caption"):
        tasks = await client.send(PROG, "/Tasks", form=form)
        assert "недоступна" not in tasks.text and "нет такой" not in tasks.text.lower(), tasks
        assert tasks.texts == (await client.send(PROG, "/tasks")).texts
        denied = await client.send(PROG, "/Team", form=form)
        assert denied.texts == ["Команда /team вам недоступна. Список доступных команд: /help"]


async def test_start_in_any_case_redeems_an_invite(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    reply = await client.send(ADMIN, "/invite programmer backend")
    token = reply.text.split("start=")[1].split()[0]
    joined = await client.send(777, f"/Start {token}", username="newbie")
    assert "программист" in joined.text, joined
    help_reply = await client.send(777, "/HELP")
    assert "/log" in help_reply.text


async def test_an_edited_command_is_not_run(
    client: BotClient, team: Team, session: AsyncSession
) -> None:
    """Running an edit would log the same hours twice; the person is told to send it anew."""
    await make_task(session, team, assignee=team.prog)
    await client.send(PROG, "/log 2ч #1")
    edited = await client.send(PROG, "/log 3ч #1", form="edited")
    assert edited.texts == [EDITED]
    assert await _entries(session) == 1
    denied = await client.send(EXTERNAL, "/team", form="edited")
    assert denied.texts == [EDITED_EXTERNAL]
    in_group = await client.send(PROG, "/log 3ч #1", form="edited", chat_id=-1001)
    assert in_group.texts == []
    stranger = await client.send(999, "/team", form="edited")
    assert stranger.texts == []
    assert await _entries(session) == 1
