"""`python -m jobs run payroll_summary 2026-02` killed while sending, then run again: nobody is
missed, and nobody gets a second message beyond the one in flight at the moment of the kill."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import JobRun, SentMessage
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.jobs.data import FEB, SENDS
from tests.pay import helpers as h

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 14
TIMEOUT = 90


async def paid_company(session: AsyncSession) -> list[int]:
    await h.person(session, ADMIN_TG, "admin")
    chats = []
    for n in range(PEOPLE):
        emp = await h.person(session, 200 + n)
        await h.pay(session, emp, "salary", str(50_000 + n), month=FEB)
        chats.append(emp.telegram_id)
    return chats


async def jobs_cli(api: FakeBotAPI, database_url: str, cwd: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.isupper() or k in ("PATH", "HOME")}
    env.update(
        BOT_TOKEN=api.token,
        TELEGRAM_API_BASE=api.base_url,
        DATABASE_URL=database_url,
        ADMIN_IDS=str(ADMIN_TG),
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="WARNING",
    )
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "jobs",
        "run",
        "payroll_summary",
        "2026-02",
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def delivered(api: FakeBotAPI) -> Counter[tuple[int, str]]:
    return Counter(
        (int(call["params"]["chat_id"]), call["method"])
        for call in api.calls
        if call["method"] in SENDS and call["status"] == 200
    )


async def test_killed_mid_run_and_run_again(
    session: AsyncSession, database_url: str, tmp_path: Path
) -> None:
    chats = await paid_company(session)
    # Three messages a second at most: the run is still sending when it is killed.
    async with FakeBotAPI(rate_limit_per_sec=3) as api:
        first = await jobs_cli(api, database_url, tmp_path)
        await api.wait_for(lambda _: sum(delivered(api).values()) >= 4, timeout=TIMEOUT)
        first.send_signal(signal.SIGKILL)
        await asyncio.wait_for(first.wait(), TIMEOUT)
        at_kill = delivered(api)
        assert 4 <= sum(at_kill.values()) < PEOPLE + 2, "the run was not cut off mid-way"

        second = await jobs_cli(api, database_url, tmp_path)
        out, err = await asyncio.wait_for(second.communicate(), TIMEOUT)
        assert second.returncode == 0, err.decode()
        assert "выполнено" in out.decode()
        assert "Жду до 25 с" in err.decode()  # the killed run's lease had to expire
        final = delivered(api)

    for chat in chats:
        assert final[(chat, "sendMessage")] >= 1, f"{chat} missed"
    assert final[(ADMIN_TG, "sendMessage")] >= 1
    assert final[(ADMIN_TG, "sendDocument")] >= 1
    doubled = {key: n for key, n in final.items() if n > 1}
    assert sum(n - 1 for n in doubled.values()) <= 1, doubled
    # what arrived before the kill was not sent again, apart from at most the one in flight
    again = sum(final[key] - 1 for key in at_kill if final[key] > 1)
    assert again <= 1
    statuses = Counter(await session.scalars(select(SentMessage.status)))
    assert statuses == {"sent": PEOPLE + 2}
    runs = list(await session.scalars(select(JobRun).order_by(JobRun.id)))
    assert [r.status for r in runs] == ["interrupted", "done"]
