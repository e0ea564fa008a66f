"""`python -m bot` starts the scheduler with the dispatcher: a payroll run missed while the bot
was down is made up at start, and a stop gives the leases back."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import JobRun, Lease
from services.units import previous_month
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.pay import helpers as h

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


def recent_payroll_day() -> date:
    """A day at most 4 days back that can be PAYROLL_DAY (1-28), in the real Moscow today."""
    today = datetime.now(ZoneInfo("Europe/Moscow")).date()
    day = today
    while day.day > 28:
        day -= timedelta(days=1)
    return day


async def test_the_bot_makes_up_a_missed_payroll_on_start(
    session: AsyncSession, database_url: str, tmp_path: Path
) -> None:
    due = recent_payroll_day()
    month = previous_month(due)
    await h.person(session, ADMIN_TG, "admin")
    for tg in (201, 202):
        emp = await h.person(session, tg)
        await h.pay(session, emp, "salary", "70000", month=month)
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env.update(
        BOT_TOKEN="123456:TEST",
        DATABASE_URL=database_url,
        ADMIN_IDS=str(ADMIN_TG),
        PAYROLL_DAY=str(due.day),
        PAYROLL_TIME="00:00",
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="WARNING",
    )
    async with FakeBotAPI() as api:
        env["TELEGRAM_API_BASE"] = api.base_url
        bot = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await api.wait_for(
                lambda c: c["method"] == "sendDocument" and c["status"] == 200, timeout=TIMEOUT
            )
            for chat in (201, 202):
                await api.wait_reply(chat, timeout=TIMEOUT, since=0)
        finally:
            bot.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(bot.communicate(), TIMEOUT)
    assert bot.returncode == 0, err.decode()[-2000:]
    assert [len(api.messages_to(chat)) for chat in (201, 202)] == [1, 1]
    run = await session.scalar(select(JobRun).where(JobRun.job == "payroll_summary"))
    assert run is not None
    assert (run.period, run.trigger, run.status) == (month.strftime("%Y-%m"), "catchup", "done")
    assert await session.scalar(select(func.count()).select_from(Lease)) == 0
