"""`python -m jobs` from the shell: the list, and a clear line for a wrong name."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


async def jobs_cli(env: dict[str, str], cwd: Path, *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "jobs", *args, cwd=cwd, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), TIMEOUT)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_list_and_wrong_arguments(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    # `engine` empties the database when the tests run on PostgreSQL.
    bare = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
    env = {
        **bare,
        "BOT_TOKEN": "123456:TEST",
        "TELEGRAM_API_BASE": "http://127.0.0.1:9",  # nothing is sent by these commands
        "DATABASE_URL": database_url,
        "DEFAULT_LANGUAGE": "en",
    }
    code, out, err = await jobs_cli(env, tmp_path, "list")
    assert code == 0, err
    for name in ("lag_alerts", "log_reminders", "payroll_summary"):
        assert f"({name})" in out
    assert out.count("Last run: never") == 4 and "Next run:" in out
    assert "(week_approval) — off (WEEK_APPROVAL=off)" in out

    code, _, err = await jobs_cli(env, tmp_path, "run", "backup")
    assert code == 2 and err.strip().startswith("There is no job “backup”")

    code, _, err = await jobs_cli(env, tmp_path, "launch")
    assert code == 2 and err.startswith("usage: python -m jobs")

    code, _, err = await jobs_cli(bare, tmp_path, "list")
    assert code == 2 and err.strip() == "Setting BOT_TOKEN is required (see .env.example)"
