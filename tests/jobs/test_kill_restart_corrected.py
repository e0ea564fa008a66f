"""The corrected summary after /unlock, killed while sending and run again: each person whose
total changed gets it once (beyond at most the one in flight at the kill), nobody else gets
anything, and every ledger key of the correction ends "sent"."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.payroll_summary import PARALLEL_SENDS
from models import Employee, PayAdjustment, SentMessage
from services import payroll_freeze
from services.config import AppConfig
from tests.conftest import ADMIN_TG
from tests.fake_api import FakeBotAPI
from tests.jobs.data import FEB
from tests.jobs.test_kill_restart import TIMEOUT, delivered, jobs_cli, paid_company

CHANGED = 9  # of the 14 paid people


async def test_corrected_summary_killed_and_run_again(
    session: AsyncSession, database_url: str, tmp_path: Path, config: AppConfig
) -> None:
    chats = await paid_company(session)
    await payroll_freeze.freeze(session, FEB, config)
    admin = await session.scalar(select(Employee).where(Employee.telegram_id == ADMIN_TG))
    assert admin is not None
    await payroll_freeze.unlock(session, admin, FEB)
    people = {emp.telegram_id: emp for emp in await session.scalars(select(Employee))}
    for chat in chats[:CHANGED]:
        session.add(
            PayAdjustment(
                employee_id=people[chat].id, month=FEB, kind="bonus", amount=Decimal(1000)
            )
        )
    await session.commit()

    async with FakeBotAPI(rate_limit_per_sec=3) as api:
        first = await jobs_cli(api, database_url, tmp_path)
        await api.wait_for(lambda _: sum(delivered(api).values()) >= 3, timeout=TIMEOUT)
        first.send_signal(signal.SIGKILL)
        await asyncio.wait_for(first.wait(), TIMEOUT)
        at_kill = delivered(api)
        assert 3 <= sum(at_kill.values()) < CHANGED + 2, "the run was not cut off mid-way"
        second = await jobs_cli(api, database_url, tmp_path)
        out, err = await asyncio.wait_for(second.communicate(), TIMEOUT)
        assert second.returncode == 0, err.decode()
        assert "выполнено" in out.decode()
        final = delivered(api)
        texts = {
            int(call["params"]["chat_id"]): call["params"].get("text", "")
            for call in api.calls
            if call["method"] == "sendMessage" and call["status"] == 200
        }

    for chat in chats[:CHANGED]:
        assert final[(chat, "sendMessage")] >= 1, f"{chat} missed"
        assert texts[chat].startswith("Исправленный расчёт за февраль 2026")
    for chat in chats[CHANGED:]:
        assert final[(chat, "sendMessage")] == 0, f"{chat} got a correction it does not need"
    assert final[(ADMIN_TG, "sendDocument")] >= 1
    # Only a message in flight at the kill may arrive twice (delivered, not yet marked sent):
    # never more than the sends the job keeps in flight at once, and each at most twice.
    doubled = {key: n for key, n in final.items() if n > 1}
    assert all(n == 2 and key in at_kill for key, n in doubled.items()), doubled
    assert len(doubled) <= PARALLEL_SENDS
    session.expire_all()
    keys = Counter(
        (row.recipient.split(":", 1)[-1][:2], row.status)
        for row in await session.scalars(select(SentMessage))
    )
    assert keys == {("v2", "sent"): CHANGED + 2}
