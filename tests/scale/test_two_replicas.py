"""Two replicas, one scheduler: two `python -m bot` processes on one PostgreSQL and one Redis,
both webhook replicas behind the same URL and secret, started at the same moment on a day when
all three jobs are due (the catch-up on start runs them). Each alert, reminder and summary
reaches its recipient once, one process runs the jobs, and both keep answering updates.

The processes run with their clock moved to Wednesday 11 March 2026 at the real time of day
(tests/scale/replica.py), so the lagging tasks of tests/jobs/data.py apply and the test does
not depend on the day it runs. The jobs are due at 01:00-01:30 and the company time zone is
one where it is now between 02:00 and 22:00: their cron triggers (real time) stay out of the
way, and what sends is the catch-up of each process that becomes the leader. While the payroll
is being sent, the admin runs it by hand on both replicas: neither sends anything again."""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp import ClientError, ClientSession, ClientTimeout
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs.scheduler import LEASE, RENEW_EVERY
from models import Employee, JobRun, Lease, SentMessage
from tests.conftest import ADMIN_TG, PG_URL, REDIS_URL
from tests.e2e.conftest import BotProcess, bot_env, free_port
from tests.fake_api import FakeBotAPI
from tests.jobs.data import SENDS, TEAM_CHAT, team
from tests.pay import helpers as h

pytestmark = pytest.mark.skipif(
    not (PG_URL.startswith("postgresql") and REDIS_URL),
    reason="two replicas need a shared PostgreSQL and Redis: "
    "set TEST_DATABASE_URL=postgresql+asyncpg://... and TEST_REDIS_URL=redis://...",
)

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 11)  # a Wednesday, a working day in Russia
MONTH = "2026-02"  # the payroll due on 10 March covers February
PAID = 12  # paid employees besides the team's
SECRET = "two-replicas_secret"
START_TIMEOUT = 90.0
JOBS_TIMEOUT = 120.0
LEADER_LINE = "this process now runs the scheduled jobs"
SENDS_PER_SEC = 5  # the fake's limit: the runs take seconds, long enough to run one by hand
BUSY = "прямо сейчас выполняет другая копия бота"
NOTHING_NEW = "Ничего нового не отправлено"


def company_clock() -> tuple[str, float]:
    """A time zone where it is now between 02:00 and 22:00, and the seconds that move the
    clock to the same time of day on DAY there."""
    real = datetime.now(UTC)
    for name in ("Europe/Moscow", "Asia/Tokyo"):  # never both in 22:00-02:00
        local = real.astimezone(ZoneInfo(name))
        if 2 <= local.hour < 22:
            moved = local.replace(year=DAY.year, month=DAY.month, day=DAY.day)
            return name, (moved.astimezone(UTC) - real).total_seconds()
    raise AssertionError("unreachable: Moscow and Tokyo are six hours apart")


async def seed(session: AsyncSession) -> list[Employee]:
    """The team of tests/jobs/data.py (lagging tasks, February pay) and PAID more people on
    February's payroll, with a schedule (so they are reminded to log time too)."""
    await team(session)
    extra = []
    for n in range(PAID):
        emp = await h.person(session, 300 + n)
        await h.schedule(session, emp)
        await h.pay(session, emp, "salary", str(60_000 + 1000 * n), month=date(2026, 2, 1))
        extra.append(emp)
    return extra


async def start_replica(env: dict[str, str], log_path: Path) -> BotProcess:
    with log_path.open("wb") as log_file:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.scale.replica",
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
        )
    return BotProcess(proc, log_path)


async def healthy(port: int) -> bool:
    try:
        async with (
            ClientSession(timeout=ClientTimeout(total=5)) as http,
            http.get(f"http://127.0.0.1:{port}/healthz") as response,
        ):
            return response.status == 200
    except (ClientError, OSError, TimeoutError):
        return False


def alive(bots: list[BotProcess]) -> None:
    for bot in bots:
        assert bot.proc.returncode is None, f"a replica exited:\n{bot.log()[-4000:]}"


async def wait_ready(fake: FakeBotAPI, hook: str, bots: list[BotProcess], ports: list[int]) -> None:
    """Both registered the webhook and answer their health check."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        alive(bots)
        registered = [c for c in fake.calls_of("setWebhook") if c["params"]["url"] == hook]
        if len(registered) >= len(bots) and all([await healthy(p) for p in ports]):
            return
        await asyncio.sleep(0.2)
    raise AssertionError("the replicas were not ready in time:\n" + fake.describe_calls())


def is_answer(call: dict[str, Any]) -> bool:
    """The bot's answer to /jobs run, not a job's message."""
    text = str(call["params"].get("text", ""))
    return BUSY in text or NOTHING_NEW in text


def deliveries(fake: FakeBotAPI) -> Counter[tuple[int, str]]:
    """What the jobs delivered: (chat, method) of each successful send."""
    return Counter(
        (int(call["params"]["chat_id"]), call["method"])
        for call in fake.calls
        if call["method"] in SENDS and call["status"] == 200 and not is_answer(call)
    )


async def run_by_hand_meanwhile(fake: FakeBotAPI, ports: list[int]) -> list[str]:
    """Once the first payroll summary is out, the admin sends `/jobs run payroll_summary` to
    both replicas at once: the one sending it and the other. Returns their answers."""

    def payroll_sent(call: dict[str, Any]) -> bool:
        text = str(call["params"].get("text", ""))
        return call["status"] == 200 and ("Ваша оплата за" in text or "Your pay for" in text)

    await fake.wait_for(payroll_sent, JOBS_TIMEOUT)
    boss = fake.user(ADMIN_TG, "Boss", "boss", "ru")
    command = f"/jobs run payroll_summary {MONTH}"
    statuses = await asyncio.gather(
        *(
            fake.post_update_to(
                f"http://127.0.0.1:{port}/tg/hook", fake.make_message_update(boss, command), SECRET
            )
            for port in ports
        )
    )
    assert statuses == [200, 200]
    return [
        str(call["params"]["text"])
        for call in fake.calls_of("sendMessage")
        if call["status"] == 200 and is_answer(call)
    ]


async def wait_jobs(
    fake: FakeBotAPI, sessionmaker: async_sessionmaker[AsyncSession], bots: list[BotProcess]
) -> None:
    """Until the three runs are over and every message they claimed has reached the fake."""
    deadline = time.monotonic() + JOBS_TIMEOUT
    while time.monotonic() < deadline:
        alive(bots)
        async with sessionmaker() as session:
            runs = list(await session.scalars(select(JobRun)))
            sent = await session.scalar(
                select(func.count()).select_from(SentMessage).where(SentMessage.status == "sent")
            )
        finished = {run.job for run in runs if run.finished_at is not None}
        over = all(run.finished_at is not None for run in runs)
        # a run marks each message sent once it is delivered: more deliveries than marks
        # are messages sent twice, which check_once names
        if len(finished) == 3 and over and (sent or 0) <= sum(deliveries(fake).values()):
            return
        await asyncio.sleep(0.5)
    raise AssertionError("the jobs did not finish in time:\n" + fake.describe_calls())


def ledger_chat(recipient: str, chats: dict[int, int]) -> tuple[int, str]:
    """The chat and Bot API method of a ledger key: e5, e5:p1, e5:xlsx, lead:e5, chat:-100123."""
    who, _, part = recipient.removeprefix("lead:").partition(":")
    if who == "chat":
        return int(part), "sendMessage"
    return chats[int(who.removeprefix("e"))], "sendDocument" if part == "xlsx" else "sendMessage"


async def test_two_replicas_send_each_scheduled_message_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    database_url: str,
    tmp_path: Path,
) -> None:
    extra = await seed(session)
    zone, offset = company_clock()
    ports = [free_port(), free_port()]
    hook = f"http://127.0.0.1:{free_port()}/tg/hook"  # the load balancer's address
    async with FakeBotAPI(rate_limit_per_sec=SENDS_PER_SEC) as fake:
        settings = {
            "REDIS_URL": REDIS_URL,
            "WEBHOOK_URL": hook,
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_HOST": "127.0.0.1",
            "TIMEZONE": zone,
            "LAG_ALERT_TIME": "01:00",
            "REMINDER_TIME": "01:30",
            "PAYROLL_DAY": "10",
            "PAYROLL_TIME": "01:00",
            "TEST_CLOCK_OFFSET": str(offset),
        }
        bots: list[BotProcess] = []
        try:
            bots = list(
                await asyncio.gather(
                    *(
                        start_replica(
                            bot_env(fake, database_url, WEBHOOK_PORT=str(port), **settings),
                            tmp_path / f"replica-{n}.log",
                        )
                        for n, port in enumerate(ports)
                    )
                )
            )
            await wait_ready(fake, hook, bots, ports)
            ready = time.monotonic()
            answers = await run_by_hand_meanwhile(fake, ports)
            await wait_jobs(fake, sessionmaker, bots)
            # A while longer: any second run would have started by now, and the follower
            # has tried to take the scheduler lease again (it tries every RENEW_EVERY s).
            await asyncio.sleep(max(3.0, RENEW_EVERY + 3 - (time.monotonic() - ready)))
            alive(bots)
            # Each replica answered: busy (the run was still sending) or nothing new.
            print("answers to /jobs run:", answers)
            assert len(answers) == 2 and all(BUSY in a or NOTHING_NEW in a for a in answers)
            await check_once(fake, session, extra)
            await check_leader(session, bots)
            await check_both_answer(fake, ports)
        finally:
            codes = [await bot.stop() for bot in bots]
            for bot in bots:
                print(f"--- log of replica {bot.proc.pid} ---\n{bot.log()[-6000:]}")
    assert codes == [0, 0]
    session.expire_all()
    assert await session.scalar(select(func.count()).select_from(Lease)) == 0


async def check_once(fake: FakeBotAPI, session: AsyncSession, extra: list[Employee]) -> None:
    chats = {emp.id: emp.telegram_id for emp in await session.scalars(select(Employee))}
    code = {emp.telegram_id: emp.code for emp in await session.scalars(select(Employee))}

    runs = list(await session.scalars(select(JobRun)))
    by_hand = [r for r in runs if r.trigger == "manual"]  # the ones that were not busy
    assert all((r.job, r.status, r.sent) == ("payroll_summary", "done", 0) for r in by_hand)
    runs = [r for r in runs if r.trigger != "manual"]
    assert sorted((r.job, r.period, r.trigger, r.status) for r in runs) == [
        ("lag_alerts", DAY.isoformat(), "catchup", "done"),
        ("log_reminders", DAY.isoformat(), "catchup", "done"),
        ("payroll_summary", MONTH, "catchup", "done"),
    ]
    assert all(r.skipped == 0 and r.failed == 0 for r in runs)

    claims = list(await session.scalars(select(SentMessage)))
    keys = Counter((m.job, m.period, m.recipient) for m in claims)
    assert max(keys.values()) == 1
    assert {m.status for m in claims} == {"sent"}
    by_job: dict[str, set[str]] = defaultdict(set)
    for m in claims:
        by_job[m.job].add(m.recipient)

    # who gets what
    paid = [101, 102, 103] + [emp.telegram_id for emp in extra]  # 104 has left, 105 is unpaid
    admin = code[ADMIN_TG]
    assert {k for k in by_job["payroll_summary"] if ":" not in k} == {code[t] for t in paid}
    assert f"{admin}:xlsx" in by_job["payroll_summary"]
    assert by_job["lag_alerts"] == {code[101], code[103], f"lead:{code[150]}", f"chat:{TEAM_CHAT}"}
    assert {code[t] for t in [101, 102, 103, 105]} <= by_job["log_reminders"]

    # each claimed message arrived once, and nothing else was sent
    expected = Counter(ledger_chat(m.recipient, chats) for m in claims)
    assert deliveries(fake) == expected
    assert sum(r.sent for r in runs) == len(claims)
    for tg in paid:
        texts = [m.get("text", "") for m in fake.messages_to(tg)]
        own = [t for t in texts if "Ваша оплата за" in t or "Your pay for" in t]
        assert len(own) == 1, (tg, texts)
    assert deliveries(fake)[(ADMIN_TG, "sendDocument")] == 1


async def check_leader(session: AsyncSession, bots: list[BotProcess]) -> None:
    """One process ran the jobs; it holds the scheduler lease, the other only follows."""
    leaders = [bot for bot in bots if LEADER_LINE in bot.log()]
    assert len(leaders) == 1, [bot.log()[-2000:] for bot in bots]
    session.expire_all()
    held = await session.get(Lease, LEASE)
    assert held is not None and held.holder.split(":")[1] == str(leaders[0].proc.pid)
    for bot in bots:
        assert "could not run" not in bot.log() and "Traceback" not in bot.log()


async def check_both_answer(fake: FakeBotAPI, ports: list[int]) -> None:
    """Both replicas take updates: /start from the admin to one, from Ivan to the other."""
    for port, tg in zip(ports, (ADMIN_TG, 101), strict=True):
        user = fake.user(tg, f"User{tg}", f"user{tg}", "ru")
        update = fake.make_message_update(user, "/start")
        url = f"http://127.0.0.1:{port}/tg/hook"
        assert await fake.post_update_to(url, update, SECRET) == 200
        reply = await fake.wait_reply(tg, timeout=30)
        assert reply["result"]["text"]
