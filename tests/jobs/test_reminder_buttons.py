"""The log reminder's buttons, pressed by their label: each logs the rest of the reminded day
once, through the rules of /log, and the reminder itself says what was logged. And the weekly
approval digest, edited the same way."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from handlers.week_views import decide_keyboard, without_person
from jobs.runner import JobRunner
from models import Employee, TimeEntry, Timer
from services import clock
from services.config import AppConfig
from tests.jobs.conftest import no_wait
from tests.jobs.data import team
from tests.pay import helpers as h
from tests.tg import BotClient, Reply
from views.i18n import Translator

TODAY = date(2026, 3, 11)
IVAN, OLGA = 101, 102
STALE = "Эта кнопка больше не действует. Начните заново: /newtask или /tasks"


class Reminder:
    """The reminder a person got, and their presses of its buttons."""

    def __init__(self, client: BotClient, chat_id: int) -> None:
        (sent,) = [
            r
            for r in client.session.requests
            if isinstance(r, SendMessage) and r.chat_id == chat_id
        ]
        assert isinstance(sent.reply_markup, InlineKeyboardMarkup)
        self.client, self.chat_id = client, chat_id
        self.text: str = sent.text
        self.markup: InlineKeyboardMarkup = sent.reply_markup

    def labels(self) -> list[str]:
        return [b.text for row in self.markup.inline_keyboard for b in row]

    def data(self, label: str) -> str:
        for row in self.markup.inline_keyboard:
            for button in row:
                if button.text == label:
                    return button.callback_data or ""
        raise AssertionError(f"no button {label!r} in {self.labels()}")

    async def press(self, label: str, by: int | None = None, lang: str = "ru") -> Reply:
        return await self.client.click(
            by or self.chat_id,
            self.data(label),
            message_text=self.text,
            reply_markup=self.markup,
            lang=lang,
        )


async def remind(
    client: BotClient, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> None:
    limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000)
    sender = create_sender(client.bot, sessionmaker, limiter, sleep=no_wait)
    await JobRunner(sessionmaker, sender, config).run("log_reminders")


async def entries(session: AsyncSession, employee_id: int) -> list[tuple[int | None, date, int]]:
    session.expire_all()
    rows = await session.scalars(
        select(TimeEntry).where(TimeEntry.employee_id == employee_id).order_by(TimeEntry.id)
    )
    return [(e.task_id, e.day, e.minutes) for e in rows if e.day >= date(2026, 3, 1)]


def edited(reply: Reply) -> Any:
    """The one confirmation: the reminder edited; the press itself is answered silently."""
    assert reply.of("SendMessage") == [], reply
    (answer,) = reply.of("AnswerCallbackQuery")
    assert not answer.text and not answer.show_alert
    (edit,) = reply.of("EditMessageText")
    return edit


def alert(reply: Reply) -> str:
    assert reply.of("SendMessage", "EditMessageText") == [], reply
    (answer,) = reply.of("AnswerCallbackQuery")
    assert answer.show_alert
    return str(answer.text)


async def test_a_press_the_next_morning_logs_the_reminded_day_once(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    ivan = (await team(session)).staff.ivan.id
    await remind(client, sessionmaker, config)
    reminder = Reminder(client, IVAN)
    assert reminder.labels() == [
        "Записать 8 ч на #1 за сегодня",
        "Записать 8 ч на #4 за сегодня",
        "Записать 8 ч за сегодня без задачи",
        "Записать 8 ч на #1 за 10.03 (вт)",
    ]
    assert "Или нажмите кнопку ниже" in reminder.text

    clock.set_now(datetime(2026, 3, 12, 6, 0, tzinfo=UTC))  # pressed the next morning
    reply = await reminder.press("Записать 8 ч на #1 за сегодня")
    edit = edited(reply)
    assert edit.text.startswith(reminder.text + "\n\n✅ Записано 8 ч за 11.03.2026: #1 «Task of")
    assert "За 11.03.2026: 8 ч из 8 ч по графику." in edit.text
    # Undo, and the button of the other short day; today's other buttons are gone
    labels = [b.text for row in edit.reply_markup.inline_keyboard for b in row]
    assert labels == ["↶ Отменить", "Записать 8 ч на #1 за 10.03 (вт)"]
    assert await entries(session, ivan) == [(1, TODAY, 480)]

    # the same button again, or another of that day: nothing more is logged
    again = await reminder.press("Записать 8 ч на #1 за сегодня")
    assert alert(again) == (
        "За 11.03.2026 уже записано 8 ч из 8 ч: день заполнен, кнопка ничего не добавила."
    )
    assert alert(await reminder.press("Записать 8 ч за сегодня без задачи")).startswith(
        "За 11.03.2026 уже записано 8 ч"
    )
    assert await entries(session, ivan) == [(1, TODAY, 480)]

    tuesday = await reminder.press("Записать 8 ч на #1 за 10.03 (вт)")
    assert "✅ Записано 8 ч за 10.03.2026" in edited(tuesday).text
    assert await entries(session, ivan) == [
        (1, TODAY, 480),
        (1, date(2026, 3, 10), 480),
    ]


async def test_time_logged_since_the_reminder_stops_the_button(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    ivan = (await team(session)).staff.ivan.id
    await remind(client, sessionmaker, config)
    reminder = Reminder(client, IVAN)
    await client.send(IVAN, "/log 3ч #1 ревью")
    reply = await reminder.press("Записать 8 ч за сегодня без задачи")
    assert alert(reply) == (
        "За 11.03.2026 после напоминания записано ещё время: всего 3 ч из 8 ч, не хватает 5 ч. "
        "Кнопка ничего не добавила — запишите остаток командой /log."
    )
    assert await entries(session, ivan) == [(1, TODAY, 180)]


async def test_in_english(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    olga = (await team(session)).staff.olga.id
    await remind(client, sessionmaker, config)
    reminder = Reminder(client, OLGA)  # speaks English
    assert reminder.labels() == [
        "Log 8 h on #2 for today",
        "Log 8 h for today, no task",
        "Log 8 h on #2 for Tue 10 Mar",
    ]
    assert "Or tap a button below: the time is logged, with no comment" in reminder.text
    reply = await reminder.press("Log 8 h for today, no task", lang="en")
    assert "✅ Logged 8 h on 11 Mar 2026: general work." in edited(reply).text
    assert await entries(session, olga) == [(None, TODAY, 480)]


async def test_someone_elses_or_forged_buttons_are_refused(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    staff = (await team(session)).staff
    ivan, olga = staff.ivan.id, staff.olga.id
    external = await h.person(session, 160, "external")
    await h.schedule(session, external)
    external_id = external.id
    await remind(client, sessionmaker, config)
    reminder = Reminder(client, IVAN)
    # olga (English) presses ivan's button for his task #1: she is not on it
    refused = await reminder.press("Записать 8 ч на #1 за сегодня", by=OLGA)
    assert alert(refused).startswith("Time on task #1 is logged by its assignee and tester")
    external_press = await reminder.press("Записать 8 ч за сегодня без задачи", by=160)
    assert alert(external_press) == "Внешние представители не записывают часы."
    day = TODAY.toordinal()
    for forged in (f"rl:{day}:0:0", f"rl:{day}:0:-60", "rl:0:0:60", f"rl:{day}:-1:60"):
        assert alert(await client.click(IVAN, forged)) == STALE, forged
    tomorrow = await client.click(IVAN, f"rl:{day + 1}:0:60")
    assert "будущ" in alert(tomorrow)
    assert await entries(session, ivan) == []
    assert await entries(session, olga) == []
    assert await entries(session, external_id) == []


async def test_the_stop_button_stops_the_named_timer_and_keeps_the_log_buttons(
    client: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
) -> None:
    ivan = (await team(session)).staff.ivan.id
    session.add(
        Timer(employee_id=ivan, task_id=1, started_at=clock.utcnow_naive() - timedelta(hours=2))
    )
    await session.commit()
    await remind(client, sessionmaker, config)
    reminder = Reminder(client, IVAN)
    assert reminder.labels()[:2] == [
        "⏹ Остановить таймер по задаче #1",
        "Записать 8 ч на #1 за сегодня",
    ]
    assert "остановите его кнопкой ниже или командой /stop" in reminder.text

    edit = edited(await reminder.press("⏹ Остановить таймер по задаче #1"))
    assert "\n\n✅ Таймер по задаче #1 остановлен: записано 2 ч" in edit.text
    labels = [b.text for row in edit.reply_markup.inline_keyboard for b in row]
    assert labels == reminder.labels()[1:]  # Stop is gone, every log button stays
    assert await entries(session, ivan) == [(1, TODAY, 120)]
    assert await session.get(Timer, ivan) is None

    again = await reminder.press("⏹ Остановить таймер по задаче #1")
    assert "таймер" in alert(again).lower()
    # the timer's two hours count: the 8-hour button no longer fits the day
    late = await reminder.press("Записать 8 ч на #1 за сегодня")
    assert "всего 2 ч из 8 ч, не хватает 6 ч" in alert(late)
    assert await entries(session, ivan) == [(1, TODAY, 120)]


def test_a_decided_week_leaves_the_deciders_keyboard() -> None:
    """Approve in a digest edits the digest: the approved person's buttons go, the others stay."""
    people = [Employee(id=4, full_name="Ivan"), Employee(id=5, full_name="Petr")]
    markup = decide_keyboard(people, date(2026, 3, 9), Translator("ru"))
    left = without_person(markup, 4)
    assert left is not None
    assert [b.text for row in left.inline_keyboard for b in row] == [
        "✅ Утвердить e5",
        "↩ Вернуть e5",
    ]
    assert without_person(left, 5) is None
