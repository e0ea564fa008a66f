"""A timer left running past the working day: one question with two buttons, pressed by label."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from jobs import timer_watch
from models import TimeEntry, Timer
from services import clock
from services.config import AppConfig
from tests.jobs.conftest import no_wait
from tests.leave.conftest import PROG, Team
from tests.tasks.conftest import make_task
from tests.tg import BotClient, Reply


def moscow(hour: int, minute: int = 0) -> None:
    clock.set_now(datetime(2026, 3, 11, hour - 3, minute, tzinfo=UTC))


async def watch(
    client: BotClient, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> tuple[int, Reply]:
    limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000)
    sender = create_sender(client.bot, sessionmaker, limiter, sleep=no_wait)
    start = len(client.session.requests)
    sent = await timer_watch.run(sessionmaker, sender, config)
    return sent, Reply(client.session.requests[start:])


async def entries(session: AsyncSession) -> list[tuple[date, int]]:
    rows = await session.execute(select(TimeEntry.day, TimeEntry.minutes).order_by(TimeEntry.id))
    return [(day, minutes) for day, minutes in rows]


def labels(reply: Reply) -> list[str]:
    (message,) = reply.of("SendMessage")
    markup = message.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [button.text for row in markup.inline_keyboard for button in row]


async def test_a_timer_past_the_working_day_is_asked_about_once(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    team: Team,
) -> None:
    task = await make_task(session, team, assignee=team.prog, status="in_progress")
    session.add(
        TimeEntry(employee_id=team.prog.id, day=date(2026, 3, 11), minutes=60, created_by=1)
    )
    await session.commit()
    moscow(9)
    await client.send(PROG, f"/timer #{task.id}")

    moscow(15, 59)  # 6 h 59 min: the day had 7 hours left
    assert (await watch(client, sessionmaker, config))[0] == 0
    moscow(16, 30)
    sent, asked = await watch(client, sessionmaker, config)
    assert sent == 1
    assert asked.to(PROG) == [
        f"Таймер на задаче #{task.id} идёт уже 7 ч 30 мин — дольше вашего рабочего дня. Остановить?"
    ]
    assert labels(asked) == [
        "⏹ Остановить сейчас (7 ч 30 мин)",
        "⏹ Остановить в конце рабочего дня (7 ч)",
    ]
    moscow(17)
    assert (await watch(client, sessionmaker, config))[0] == 0  # once per timer

    stopped = await client.click(PROG, asked.button("в конце рабочего дня"))
    assert f"Таймер по задаче #{task.id} остановлен: записано 7 ч" in stopped.text
    assert await entries(session) == [(date(2026, 3, 11), 60), (date(2026, 3, 11), 420)]
    assert await session.get(Timer, team.prog.id, populate_existing=True) is None

    again = await client.click(PROG, asked.button("в конце рабочего дня"))
    assert again.text.startswith("Таймер не запущен.")
    late = await client.click(PROG, asked.button("Остановить сейчас"))
    assert late.text.startswith("Таймер не запущен.")
    assert len(await entries(session)) == 2


async def test_stop_now_logs_all_of_it(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    team: Team,
) -> None:
    task = await make_task(session, team, assignee=team.prog, status="in_progress")
    moscow(8)
    await client.send(PROG, f"/timer #{task.id}")
    moscow(18)
    sent, asked = await watch(client, sessionmaker, config)
    assert sent == 1
    stopped = await client.click(PROG, asked.button("Остановить сейчас"))
    assert "записано 10 ч" in stopped.text
    assert await entries(session) == [(date(2026, 3, 11), 600)]
