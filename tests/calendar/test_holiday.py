"""/holiday through the real Dispatcher: one override row per day, intuitive add/remove."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import HolidayOverride
from tests.calendar.conftest import IVAN_TG, Staff, counts
from tests.conftest import ADMIN_TG
from tests.tg import BotClient


async def overrides(session: AsyncSession) -> list[tuple[date, str, str]]:
    session.expire_all()
    rows = await session.scalars(select(HolidayOverride).order_by(HolidayOverride.day))
    return [(o.day, o.kind, o.name) for o in rows]


async def test_list_of_the_year_in_both_languages(client: BotClient, staff: Staff) -> None:
    ru = await client.send(ADMIN_TG, "/holiday")
    lines = ru.text.split("\n")
    assert lines[0] == "Праздники 2026 (RU):"
    assert "09.03.2026 Пн — Международный женский день (выходной)" in lines
    assert "01.05.2026 Пт — Праздник Весны и Труда" in lines
    assert lines[-1].startswith("Добавить: /holiday add")
    await client.send(ADMIN_TG, "/lang en")
    en = await client.send(ADMIN_TG, "/holiday 2027")
    assert en.text.startswith("Holidays 2027 (RU):\n1 Jan 2027 Fri — New Year Holidays")
    assert "International Women's Day" in en.text


async def test_add_a_company_holiday_then_rename_it_then_remove_it(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01")
    added = await client.send(ADMIN_TG, "/holiday add 13.03.2026 Company   day")
    assert added.text == "13.03.2026 — праздник: Company day."
    renamed = await client.send(ADMIN_TG, "/holiday add 2026-03-13 Корпоратив")
    assert renamed.text == "13.03.2026 — праздник: Корпоратив."
    assert await overrides(session) == [(date(2026, 3, 13), "add", "Корпоратив")]
    listed = await client.send(ADMIN_TG, "/holiday")
    assert "13.03.2026 Пт — Корпоратив (добавлен)" in listed.text.split("\n")
    week = await client.send(IVAN_TG, "/schedule")
    assert "Пт 13.03: 0 ч (праздник)" in week.text
    assert "Эта неделя (09.03.2026 – 15.03.2026): 24 ч" in week.text

    removed = await client.send(ADMIN_TG, "/holiday remove 2026-03-13")
    assert removed.text == "13.03.2026 теперь обычный рабочий день."
    assert await overrides(session) == []
    again = await client.send(ADMIN_TG, "/holiday remove 2026-03-13")
    assert again.text == "13.03.2026 и так не праздник: убирать нечего. Список: /holiday"


async def test_a_country_holiday_made_a_working_day_and_back(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01")
    removed = await client.send(ADMIN_TG, "/holiday remove 2026-03-09")
    assert removed.text == "09.03.2026 теперь обычный рабочий день."
    assert await overrides(session) == [(date(2026, 3, 9), "remove", "")]
    twice = await client.send(ADMIN_TG, "/holiday remove 2026-03-09")
    assert twice.text == "09.03.2026 уже сделан рабочим днём. Ничего не изменено."
    listed = await client.send(ADMIN_TG, "/holiday")
    assert (
        "09.03.2026 Пн — Международный женский день (выходной) (убран: рабочий день)"
        in listed.text.split("\n")
    )
    week = await client.send(IVAN_TG, "/schedule")
    assert "Пн 09.03: 8 ч" in week.text.split("\n")

    restored = await client.send(ADMIN_TG, "/holiday add 2026-03-09")
    assert restored.text == "09.03.2026 снова праздник: Международный женский день (выходной)."
    assert await overrides(session) == []
    already = await client.send(ADMIN_TG, "/holiday add 2026-03-09 Another name")
    assert already.text.startswith("09.03.2026 уже праздник: Международный женский день")
    assert await overrides(session) == []


async def test_add_without_a_name(client: BotClient, session: AsyncSession, staff: Staff) -> None:
    reply = await client.send(ADMIN_TG, "/holiday add 2026-12-30")
    assert reply.text == "30.12.2026 — праздник: выходной."
    assert await overrides(session) == [(date(2026, 12, 30), "add", "")]


async def test_programmer_may_not_change_holidays(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    reply = await client.send(IVAN_TG, "/holiday add 2026-03-13")
    assert "/holiday вам недоступна" in reply.text
    assert await counts(session) == (0, 0, 0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("add", "Формат: /holiday добавить|удалить|сокращённый|рабочий"),
        ("remove", "Формат: /holiday добавить|удалить|сокращённый|рабочий"),
        ("move 2026-03-13", "Не понял действие «move»: пишите добавить, удалить"),
        ("2026-03-13", "Не понял действие «2026-03-13»"),
        ("add 2026-13-01", "«2026-13-01» — не дата"),
        ("add 13/03/2026", "«13/03/2026» — не дата"),
        ("remove 2041-01-01", "Дата 01.01.2041 слишком далеко"),
        ("add 2026-03-13 " + "x" * 4000, "Название слишком длинное: 4000 символов"),
        ("add " + "2" * 4000, "— не дата"),
        ("1999", "Год должен быть с 2016 по 2028"),
        ("9" * 4000, "Год должен быть"),
        ("remove 2026-03-12", "12.03.2026 и так не праздник"),
    ],
)
async def test_bad_input_changes_nothing_and_shows_an_example(
    client: BotClient, session: AsyncSession, staff: Staff, args: str, expected: str
) -> None:
    reply = await client.send(ADMIN_TG, f"/holiday {args}")
    assert expected in reply.text, reply.text
    assert "например" in reply.text.lower() or "/holiday" in reply.text
    assert len(reply.text) < 400
    assert await counts(session) == (0, 0, 0)


async def test_bad_input_in_english(client: BotClient, session: AsyncSession, staff: Staff) -> None:
    await client.send(ADMIN_TG, "/lang en")
    reply = await client.send(ADMIN_TG, "/holiday add")
    assert reply.text == (
        "Format: /holiday add|remove|short|workday YYYY-MM-DD [NAME] or /holiday [YEAR], "
        "for example: /holiday add 2026-12-30 Company day, /holiday short 2026-12-30"
    )
    date_error = await client.send(ADMIN_TG, "/holiday remove 31.02.2026")
    assert date_error.text.startswith("«31.02.2026» is not a date.")
    assert await counts(session) == (0, 0, 0)


async def test_short_and_workday_corrections(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    await client.send(ADMIN_TG, "/schedule @ivan 8 8 8 8 8 0 0 from 2026-03-01")
    short = await client.send(ADMIN_TG, "/holiday short 2026-03-12")
    assert short.text == "12.03.2026 — сокращённый день: на час короче по графику каждого."
    again = await client.send(ADMIN_TG, "/holiday short 2026-03-12")
    assert again.text == "12.03.2026 уже сокращённый день. Ничего не изменено."
    saturday = await client.send(ADMIN_TG, "/holiday workday 14.03.2026")
    assert saturday.text == "14.03.2026 — рабочий день: часы по графику понедельника."
    weekday = await client.send(ADMIN_TG, "/holiday workday 2026-03-13")
    assert weekday.text == "13.03.2026 и так рабочий день. Ничего не изменено."
    assert await overrides(session) == [
        (date(2026, 3, 12), "short", ""),
        (date(2026, 3, 14), "workday", ""),
    ]
    week = (await client.send(IVAN_TG, "/schedule")).text.split("\n")
    assert "Чт 12.03: 7 ч" in week
    assert "Сб 14.03: 8 ч" in week
    listed = (await client.send(ADMIN_TG, "/holiday")).text.split("\n")
    assert "12.03.2026 Чт — сокращённый день (на час короче)" in listed
    assert "14.03.2026 Сб — рабочий день" in listed
    assert "30.04.2026 Чт — сокращённый день (на час короче)" in listed  # the country's

    cleared = await client.send(ADMIN_TG, "/holiday remove 2026-03-12")
    assert cleared.text.startswith("12.03.2026: поправка снята")
    ordinary = await client.send(ADMIN_TG, "/holiday remove 2026-04-30")
    assert ordinary.text.startswith("30.04.2026 теперь обычный день своей недели")
    assert await overrides(session) == [
        (date(2026, 3, 14), "workday", ""),
        (date(2026, 4, 30), "remove", ""),
    ]
    week = (await client.send(IVAN_TG, "/schedule")).text.split("\n")
    assert "Чт 12.03: 8 ч" in week


async def test_short_and_workday_bad_input_changes_nothing(
    client: BotClient, session: AsyncSession, staff: Staff
) -> None:
    before = await counts(session)
    bad = await client.send(ADMIN_TG, "/holiday short 2026-02-30")
    assert "не дата" in bad.text
    usage = await client.send(ADMIN_TG, "/holiday shorter 2026-03-12")
    assert usage.text.startswith("Не понял действие «shorter»")
    refused = await client.send(IVAN_TG, "/holiday workday 2026-03-14")
    assert "workday" not in refused.text
    assert await counts(session) == before
