"""Secrets stay in the environment or `.env` and out of reprs and git; SQL is only built by
SQLAlchemy with bound parameters, so what people type is stored as text and never run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from aiogram.client.default import Default
from aiogram.methods import SendMessage
from pydantic import SecretStr, ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import create_bot
from bot.settings import Settings, describe_error
from models import DevGroup, Task, TaskEvent
from tests.tasks.conftest import MANAGER, PROG, Team, make_task
from tests.tg import BotClient

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"
SECRET = "Hook_Secret-42"
CODE = ("bot", "handlers", "services", "models", "jobs", "migrations")
INJECTION = "'); DROP TABLE tasks; --"


def test_settings_never_print_the_token_or_the_webhook_secret() -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr(TOKEN),
        webhook_url="https://bot.example.com/hook",
        webhook_secret=SecretStr(SECRET),
    )
    for shown in (repr(settings), str(settings), settings.model_dump_json()):
        assert TOKEN not in shown and SECRET not in shown
    assert settings.bot_token.get_secret_value() == TOKEN


def test_a_malformed_token_is_named_but_not_shown() -> None:
    bad = "not-a-token-but-a-secret-value"
    with pytest.raises(ValidationError) as info:
        Settings(_env_file=None, bot_token=SecretStr(bad))  # type: ignore[call-arg]
    line = describe_error(info.value)
    assert line.startswith("Setting BOT_TOKEN is invalid") and bad not in line


def test_env_files_with_secrets_are_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text().split()
    assert ".env" in ignored and "*.db" in ignored
    example = (ROOT / ".env.example").read_text()
    assert "BOT_TOKEN=123456:replace-with-your-token" in example
    assert "\nWEBHOOK_SECRET=\n" in example


def _sql_calls_with_built_strings(path: Path) -> list[str]:
    """Calls of text(), execute() or exec_driver_sql() whose first argument is an f-string,
    a concatenation or a %/format() call: the ways a typed value ends up inside SQL."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in ("text", "execute", "exec_driver_sql"):
            continue
        first = node.args[0]
        built = isinstance(first, ast.JoinedStr | ast.BinOp) or (
            isinstance(first, ast.Call) and getattr(first.func, "attr", None) == "format"
        )
        if built:
            found.append(f"{path}:{node.lineno}")
    return found


def test_no_sql_is_built_from_strings() -> None:
    files = [p for folder in CODE for p in (ROOT / folder).rglob("*.py")]
    assert len(files) > 50
    assert [hit for p in files for hit in _sql_calls_with_built_strings(p)] == []


def test_the_check_finds_sql_built_from_strings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "conn.execute(text(f'SELECT * FROM t WHERE name = {name}'))\n"
        "conn.exec_driver_sql('DELETE FROM t WHERE id = ' + ident)\n"
        "session.execute('SELECT {}'.format(x))\n"
        "conn.execute(text('SELECT 1 WHERE a = :a'), {'a': name})\n"
    )
    found = sorted(_sql_calls_with_built_strings(bad))
    assert found == [f"{bad}:1", f"{bad}:2", f"{bad}:3"]


async def test_sql_in_what_people_type_is_stored_as_text(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(PROG, f"/comment {task.id} {INJECTION}")
    assert f"Комментарий к задаче #{task.id} добавлен." in reply.text
    created = await tg.send(MANAGER, f"/newtask {INJECTION} | @ivan | 2h")
    assert "создана" in created.text, created.text
    session.expire_all()
    titles = set(await session.scalars(select(Task.title)))
    assert titles == {"Fix login", INJECTION}
    comments = list(
        await session.scalars(select(TaskEvent.text).where(TaskEvent.kind == "comment"))
    )
    assert INJECTION in comments
    refused = await tg.send(1, "/group new x';DROP--")
    assert "не подходит" in refused.text, refused.text
    assert await session.scalar(select(func.count()).select_from(DevGroup)) == 2


async def test_markup_in_what_people_type_is_shown_as_typed(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    bot = create_bot(Settings(_env_file=None, bot_token=SecretStr(TOKEN)))  # type: ignore[call-arg]
    try:
        assert bot.default.parse_mode is None  # plain text: no HTML or Markdown is parsed
    finally:
        await bot.session.close()
    title = '<a href="tg://user?id=1">boss</a> *bold* [x](http://evil.example)'
    task = await make_task(session, team, assignee=team.prog, title=title)
    card = await tg.send(PROG, f"/task {task.id}")
    [sent] = card.of("SendMessage")
    assert isinstance(sent, SendMessage)
    assert f"#{task.id} {title}" in sent.text
    assert sent.entities is None and sent.parse_mode in (None, Default("parse_mode"))
