"""`python -m bot` at start: a bad setting or a refused token is one line naming the setting,
with no token and no traceback, and a non-zero exit; Telegram out of reach is waited out."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests import factories
from tests.e2e.conftest import ROOT, TOKEN, StartBot, bot_env, fake, free_port, start_bot
from tests.fake_api import FakeBotAPI

__all__ = ["fake", "start_bot"]
WAIT = 60.0


async def run_to_exit(module: str, env: dict[str, str], *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        *args,
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), WAIT)
    return int(proc.returncode or 0), out.decode(), err.decode()


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("base", ["http//127.0.0.1:1", "127.0.0.1:8081", "http://[::1"])
@pytest.mark.parametrize("module", ["bot", "jobs"])
async def test_a_malformed_api_base_is_one_line_naming_it(
    fake: FakeBotAPI, database_url: str, engine: AsyncEngine, module: str, base: str
) -> None:
    env = bot_env(fake, database_url, TELEGRAM_API_BASE=base)
    code, out, err = await run_to_exit(module, env, *(["list"] if module == "jobs" else []))
    assert code == 2
    assert lines(err) == [
        "Setting TELEGRAM_API_BASE is invalid: expected http://host:port of a Bot API server"
    ]
    assert TOKEN not in out + err and TOKEN.split(":")[1] not in out + err


async def test_a_token_telegram_refuses_stops_at_once_naming_bot_token(
    fake: FakeBotAPI, database_url: str, engine: AsyncEngine
) -> None:
    wrong = "654321:Another-token-Telegram-refuses"
    code, out, err = await run_to_exit("bot", bot_env(fake, database_url, BOT_TOKEN=wrong))
    assert code == 2
    assert "Traceback" not in err
    [line] = [line for line in lines(err) if "BOT_TOKEN" in line]
    assert line.startswith("Setting BOT_TOKEN is refused by Telegram (401 Unauthorized)")
    assert lines(err)[-1] == line
    assert wrong not in out + err and wrong.split(":")[1] not in out + err
    assert [c["status"] for c in fake.calls_of("getMe")] == [401]


async def test_no_admin_possible_is_one_line_naming_admin_ids(
    fake: FakeBotAPI, database_url: str, engine: AsyncEngine
) -> None:
    code, _, err = await run_to_exit("bot", bot_env(fake, database_url, ADMIN_IDS=""))
    assert code == 2
    assert lines(err)[-1].startswith("Setting ADMIN_IDS is required: there is no admin yet")
    assert "Traceback" not in err
    assert fake.calls_of("getUpdates") == []


async def test_an_admin_in_the_database_is_enough_without_admin_ids(
    fake: FakeBotAPI, start_bot: StartBot, session: AsyncSession
) -> None:
    await factories.employee(session, 7, "admin", "boss")
    bot = await start_bot(ADMIN_IDS="")
    fake.send_text(fake.user(7, "Boris", "boss", "en"), "/help")
    assert "/team" in (await fake.wait_reply(7, WAIT))["result"]["text"]
    assert await bot.stop() == 0


def _count(log: Path, needle: str) -> int:
    return log.read_text(errors="replace").count(needle) if log.exists() else 0


async def _log_lines(log: Path, needle: str, count: int, proc: asyncio.subprocess.Process) -> int:
    """Waits until the log holds `count` lines with `needle`, or the process has exited."""
    found = 0
    for _ in range(int(WAIT * 10)):
        found = _count(log, needle)
        if found >= count or proc.returncode is not None:
            return found
        await asyncio.sleep(0.1)
    return found


async def test_telegram_out_of_reach_is_waited_out_with_a_line_per_attempt(
    fake: FakeBotAPI, database_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    # Nothing listens on this port: every connection is refused, as with no network.
    down = f"http://127.0.0.1:{free_port()}"
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=ROOT,
            env=bot_env(fake, database_url, TELEGRAM_API_BASE=down),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=out,
        )
    try:
        attempts = await _log_lines(log, "Telegram is not reachable (attempt", 4, proc)
        assert proc.returncode is None, log.read_text()
        assert attempts >= 4
    finally:
        if proc.returncode is None:
            proc.terminate()
        await asyncio.wait_for(proc.wait(), WAIT)
    text = log.read_text()
    assert proc.returncode == 0, text
    assert "Traceback" not in text
    assert TOKEN not in text and TOKEN.split(":")[1] not in text


async def test_the_start_goes_on_once_telegram_answers_again(
    fake: FakeBotAPI, start_bot: StartBot
) -> None:
    fake.fail_next("getMe", 502, times=3)
    fake.fail_next("getMe", 429, retry_after=1)
    bot = await start_bot()
    assert [c["status"] for c in fake.calls_of("getMe")] == [502, 502, 502, 429, 200]
    assert bot.log().count("Telegram is not reachable (attempt") == 4
    assert "Traceback" not in bot.log()
    fake.send_text(fake.user(1, "Boris", "boss", "en"), "/help")
    await fake.wait_reply(1, WAIT)
    assert await bot.stop() == 0
