"""/help by topic and role, the command menus, and the answer to a mistyped command."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.methods import SetMyCommands
from aiogram.types import BotCommandScopeChat, BotCommandScopeDefault

from bot.runner import set_default_menus
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, PROG, TESTER, Team
from tests.tg import BOT_TOKEN, BotClient, FakeSession

MEANT = "Возможно, вы имели в виду: "


def _sections(text: str) -> dict[str, list[str]]:
    """Topic title -> the commands listed under it."""
    out: dict[str, list[str]] = {}
    title = ""
    for line in text.splitlines()[1:]:
        if line.startswith("/"):
            out[title].append(line.split()[0][1:])
        elif line:
            title = line
            out[title] = []
    return out


async def test_a_programmer_sees_their_topics_and_no_admin_syntax(
    client: BotClient, team: Team
) -> None:
    reply = await client.send(PROG, "/help")
    assert reply.text.startswith("Ваши команды (программист):")
    assert _sections(reply.text) == {
        "Время": [
            "log",
            "timer",
            "stop",
            "undo",
            "hours",
            "timesheet",
            "schedule",
            "payroll",
            "leave",
            "balance",
            "remind",
        ],
        "Задачи": ["tasks", "task", "comment"],
        "Общее": ["me", "lang", "help"],
    }
    assert "/schedule — мой график и отсутствия" in reply.text
    assert "/start" not in reply.text and "КОД" not in reply.text
    assert "e5" not in reply.text and "админ" not in reply.text.lower()
    for line in reply.text.splitlines():
        assert not line.startswith("/") or " — " in line, line


async def test_an_admin_sees_every_topic_in_order(client: BotClient, team: Team) -> None:
    reply = await client.send(ADMIN, "/help")
    sections = _sections(reply.text)
    assert list(sections) == ["Время", "Задачи", "Команда", "Администрирование", "Общее"]
    assert sections["Администрирование"] == [
        "role", "listed", "deactivate", "group", "absence", "holiday", "pay", "bonus", "deduct",
        "unlock", "tabel", "jobs",
    ]  # fmt: skip
    assert "/schedule — график: /schedule e5; задать: /schedule e5 8 8 8 8 8 0 0 с 01.04.2026" in (
        reply.text
    )
    assert "/absence — отсутствие: /absence @ivan отпуск 16.03 20.03" in reply.text


@pytest.mark.parametrize(
    ("sender", "topics"),
    [
        (EXTERNAL, ["Задачи", "Общее"]),
        (TESTER, ["Время", "Задачи", "Общее"]),
        (MANAGER, ["Время", "Задачи", "Команда", "Общее"]),
    ],
)
async def test_topics_by_role(
    client: BotClient, team: Team, sender: int, topics: list[str]
) -> None:
    reply = await client.send(sender, "/help")
    assert list(_sections(reply.text)) == topics


async def test_help_in_english(client: BotClient, team: Team) -> None:
    await client.send(MANAGER, "/lang en")
    reply = await client.send(MANAGER, "/help")
    assert list(_sections(reply.text)) == ["Time", "Tasks", "Team", "General"]
    assert "/tasks — the open tasks of my groups, by status and person" in reply.text


async def test_strangers_default_menu_is_start_alone() -> None:
    bot = Bot(BOT_TOKEN, session=FakeSession())
    await set_default_menus(bot)
    calls = [r for r in bot.session.requests if isinstance(r, SetMyCommands)]  # type: ignore[attr-defined]
    assert {c.language_code for c in calls} == {"ru", "en"}
    for call in calls:
        assert isinstance(call.scope, BotCommandScopeDefault)
        assert [c.command for c in call.commands] == ["start"]
    await bot.session.close()


async def test_a_persons_menu_follows_their_role(client: BotClient, team: Team) -> None:
    await client.send(ADMIN, "/role @ivan tester")
    menus = [r for r in client.session.requests if isinstance(r, SetMyCommands)]
    assert isinstance(menus[-1].scope, BotCommandScopeChat) and menus[-1].scope.chat_id == PROG
    assert "review" in [c.command for c in menus[-1].commands]
    assert "team" not in [c.command for c in menus[-1].commands]


@pytest.mark.parametrize(
    ("sender", "text", "answer"),
    [
        (PROG, "/taks", "Команды /taks нет. " + MEANT + "/tasks, /task. Все команды: /help"),
        (PROG, "/Lgo 2ч", "Команды /lgo нет. " + MEANT + "/log. Все команды: /help"),
        (MANAGER, "/tema", "Команды /tema нет. " + MEANT + "/team. Все команды: /help"),
        # /team is not theirs, so it is not offered
        (PROG, "/tema", "Команды /tema нет. Список доступных команд: /help"),
        (EXTERNAL, "/lgo", "Команды /lgo нет. Список доступных команд: /help"),
        (PROG, "/xyzzy", "Команды /xyzzy нет. Список доступных команд: /help"),
        (PROG, "/плюс", "Такой команды нет. Список доступных команд: /help"),
        # a command that exists but is not theirs is still "not available"
        (PROG, "/plan", "Команда /plan вам недоступна. Список доступных команд: /help"),
    ],
)  # fmt: skip
async def test_a_mistyped_command_gets_the_closest_allowed_ones(
    client: BotClient, team: Team, sender: int, text: str, answer: str
) -> None:
    for form in ("text", "caption"):
        reply = await client.send(sender, text, form=form)
        assert reply.texts == [answer], (form, reply)


async def test_a_mistyped_command_in_english(client: BotClient, team: Team) -> None:
    reply = await client.send(PROG, "/taks", lang="en")
    assert reply.texts == [
        "There is no command /taks. Did you mean /tasks, /task? All commands: /help"
    ]
