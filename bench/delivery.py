"""The real payroll_summary job with the real sender, against the fake Bot API on loopback
enforcing Telegram's 30 messages a second (a sliding window; a message over it gets a 429)."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.table import Row
from bot.scheduling import create_sender
from jobs.runner import JobRunner
from models.db import create_sessionmaker
from services.config import AppConfig
from tests.fake_api import FakeBotAPI
from tests.tg import BOT_TOKEN

API_LIMIT = 30  # messages a second, as Telegram
TARGET_RATE = 27.0
SENDS = ("sendMessage", "sendDocument", "sendPhoto")


@dataclass(frozen=True)
class Delivered:
    recipients: int  # people who got their summary
    messages: int  # every message delivered (admins' tables and file too)
    per_second: float  # between the first and the last summary to a person other than the admin
    too_many: int  # 429 answers
    status: str


async def run_summary(engine: AsyncEngine, admin_tg: int, period: str) -> Delivered:
    config = AppConfig(admin_ids=frozenset({admin_tg}), bot_username="crm_bench_bot")
    sessionmaker = create_sessionmaker(engine)
    async with FakeBotAPI(token=BOT_TOKEN, rate_limit_per_sec=API_LIMIT) as api:
        server = TelegramAPIServer.from_base(api.base_url)
        bot = Bot(api.token, session=AiohttpSession(api=server))
        try:
            runner = JobRunner(sessionmaker, create_sender(bot, sessionmaker), config)
            report = await runner.run("payroll_summary", period)
        finally:
            await bot.session.close()
        ok = [c for c in api.calls if c["method"] in SENDS and c["status"] == 200]
        chats = {int(c["params"]["chat_id"]) for c in ok}
        # The rate of the people's own summaries: the admin's table pages and file that follow
        # go to one chat, which Telegram allows one message a second.
        own = [c for c in ok if int(c["params"]["chat_id"]) != admin_tg]
        span = own[-1]["at"] - own[0]["at"] if len(own) > 1 else 0.0
        rate = (len(own) - 1) / span if span > 0 else 0.0
        return Delivered(len(chats), len(ok), rate, api.too_many, report.status)


def summary_row(result: Delivered, people: int) -> Row:
    return Row(
        f"payroll_summary to {people:,} people (fake API, {API_LIMIT} msg/s limit)",
        f"{result.per_second:.1f} msg/s, {result.too_many} × 429, {result.messages:,} messages, "
        f"{result.recipients:,}/{people:,} people reached, run {result.status}",
        f"≥ {TARGET_RATE:.0f} msg/s, 0 × 429",
        result.per_second >= TARGET_RATE and result.too_many == 0 and result.recipients == people,
    )
