"""The Mini App in a real browser at phone width: set hours in the week grid and find them
through /hours in chat; the plan with a task card; the payroll table and its file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Task
from services.config import AppConfig
from tests.tasks.conftest import ADMIN, MANAGER, PROG, Team, entries_of, make_task
from tests.tg import BOT_TOKEN, BotClient
from tests.webapp.browser import MiniApp, chromium, serve, shot
from tests.webapp.conftest import add_hours, pay_and_hours
from webapp.server import create_app


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async for found in chromium():
        yield found


@pytest.fixture
async def miniapp(
    browser: Browser, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> AsyncIterator[MiniApp]:
    app = create_app(BOT_TOKEN, sessionmaker, config)
    async for base in serve(app):
        found = MiniApp(browser, base)
        yield found
        assert found.errors == []


async def set_cell(page: Page, day: str, task: str, value: str) -> None:
    await page.click(f'.cell[data-day="{day}"][data-task="{task}"]')
    await page.fill(".hours-input", value)
    await page.click("form.editor button[type=submit]")


async def test_hours_set_in_the_grid_reach_the_chat(
    miniapp: MiniApp, tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    page = await miniapp.open(PROG)
    await expect(page.locator(".period")).to_contain_text("9")
    assert await page.locator(".tab").count() == 0  # one screen: no tabs
    await set_cell(page, "2026-03-11", str(task.id), "2,5")
    cell = page.locator(f'.cell[data-day="2026-03-11"][data-task="{task.id}"]')
    await expect(cell).to_have_text("2,5")
    await expect(page.locator("#toast")).to_have_text("Сохранено")
    await set_cell(page, "2026-03-10", "general", "1:30")
    await expect(page.locator('.cell[data-day="2026-03-10"][data-task="general"]')).to_have_text(
        "1,5"
    )
    await expect(page.locator(".summary")).to_have_text("Итого: 4\xa0ч из 32\xa0ч по графику")
    # The future and the days before the task's start take nothing.
    assert await page.locator('.cell[data-day="2026-03-12"][data-task="general"]').is_disabled()
    assert await page.locator(f'.cell[data-day="2026-03-10"][data-task="{task.id}"]').is_disabled()
    # A wrong value is explained in the editor and changes nothing.
    await set_cell(page, "2026-03-11", "general", "abc")
    await expect(page.locator("form.editor .error")).to_contain_text("Не понял «abc»")
    await page.click("form.editor button.secondary")
    await shot(page, "week-light")
    dark = await miniapp.open(PROG, "en", "dark")
    await expect(dark.locator(".summary")).to_have_text("Total: 4\xa0h of 32\xa0h scheduled")
    await shot(dark, "week-dark")

    reply = await tg.send(PROG, "/hours")
    assert f"#{task.id} Fix login: 2 ч 30 мин" in reply.text
    assert "Общая работа: 1 ч 30 мин" in reply.text
    assert "Итого: 4 ч" in reply.text
    entries = await entries_of(session, team.prog)
    assert sorted((e.day, e.task_id, e.minutes) for e in entries) == [
        (date(2026, 3, 10), None, 90),
        (date(2026, 3, 11), task.id, 150),
    ]
    stored = await session.get(Task, task.id, populate_existing=True)
    assert stored is not None and stored.logged_min == 150


async def test_a_double_tap_on_save_writes_once(
    miniapp: MiniApp, session: AsyncSession, team: Team
) -> None:
    page = await miniapp.open(PROG)
    await page.click('.cell[data-day="2026-03-11"][data-task="general"]')
    await page.fill(".hours-input", "3")
    await page.dblclick("form.editor button[type=submit]")
    await expect(page.locator('.cell[data-day="2026-03-11"][data-task="general"]')).to_have_text(
        "3"
    )
    assert [e.minutes for e in await entries_of(session, team.prog)] == [180]


async def test_previous_week_and_english(
    miniapp: MiniApp, session: AsyncSession, team: Team
) -> None:
    await add_hours(session, team.prog, date(2026, 3, 3), 480)
    page = await miniapp.open(PROG, "en", "dark")
    await expect(page.locator(".summary")).to_contain_text("Total:")
    await page.click('.nav[aria-label="Back"]')
    await expect(page.locator('.cell[data-day="2026-03-03"][data-task="general"]')).to_have_text(
        "8"
    )
    await expect(page.locator(".summary")).to_have_text("Total: 8\xa0h of 40\xa0h scheduled")
    assert not await page.locator('.nav[aria-label="Forward"]').is_disabled()
    await page.click('.nav[aria-label="Forward"]')
    await expect(page.locator(".summary")).to_contain_text("Total: 0\xa0h")


async def test_plan_screen_opens_a_task_card(
    miniapp: MiniApp, tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    behind = await make_task(
        session,
        team,
        title="Checkout page",
        assignee=team.prog2,
        estimate_min=3600,
        deadline=date(2026, 3, 13),
    )
    behind.start_date = date(2026, 3, 2)  # started last week and nothing logged: it lags
    await session.commit()
    await tg.send(PROG, f"/log 2h #{task.id}")
    await tg.send(PROG, f"/comment {task.id} Login works, tests next")
    for scheme, lang in (("light", "ru"), ("dark", "en")):
        page = await miniapp.open(MANAGER, lang, scheme, query="?screen=plan")
        tabs = page.locator(".tab")
        await expect(tabs).to_have_count(2)
        await expect(page.locator('.tab[aria-selected="true"]')).to_have_attribute(
            "data-screen", "plan"
        )
        await expect(page.locator(".card.task")).to_have_count(2)
        await expect(page.locator(".card.person")).to_have_count(2)
        # The worst first: the task that lags and will miss its deadline.
        await expect(page.locator(".card.task").first).to_contain_text("Checkout page")
        await expect(page.locator(".card.task .fact.warn").first).to_be_visible()
        await shot(page, f"plan-{scheme}")
        await page.click(f'.card.task[data-task="{task.id}"]')
        card = page.locator(".taskcard")
        await expect(card).to_contain_text(f"#{task.id} Fix login")
        await expect(card).to_contain_text(f"User{PROG}")
        await expect(card.locator(".comment")).to_have_text(
            f"User{PROG} (e{team.prog.id}): Login works, tests next"
        )
        await shot(page, f"task-{scheme}")
        await page.click(".taskcard button.primary")
        await expect(card).to_be_hidden()
    await page.click('.tab[data-screen="week"]')
    await expect(page.locator(".grid .rowtitle").first).to_have_text("General work")
    await expect(page.locator(".card.task")).to_have_count(0)


async def test_payroll_table_and_download(
    miniapp: MiniApp, session: AsyncSession, team: Team
) -> None:
    await pay_and_hours(session, team.prog, 1000, minutes=450)
    await pay_and_hours(session, team.tester, 900)
    await pay_and_hours(session, team.manager, 150000, "salary")
    for scheme, lang in (("light", "ru"), ("dark", "en")):
        page = await miniapp.open(ADMIN, lang, scheme, query="?screen=payroll")
        rows = page.locator("table.pay tbody tr")
        await expect(rows).to_have_count(3)
        await expect(page.locator(f'tr[data-code="e{team.prog.id}"]')).to_contain_text("7")
        await shot(page, f"payroll-{scheme}")
    async with page.expect_download() as waiting:
        await page.click('button[data-file="csv"]')
    download = await waiting.value
    assert download.suggested_filename.endswith(".csv")
    content = (await download.path()).read_bytes().decode("utf-8-sig")
    assert content.startswith("employee,full_name,telegram_id")
    await page.click('.nav[aria-label="Back"]')
    await expect(page.locator(".notice")).to_have_text(
        "Nobody has pay settings in force this month."
    )


async def test_a_forged_init_data_shows_nothing(miniapp: MiniApp, team: Team) -> None:
    page = await miniapp.open(PROG, init_data="user=%7B%22id%22%3A20%7D&auth_date=1&hash=00")
    await expect(page.locator(".notice")).to_have_text(
        "Откройте приложение из чата с ботом: без этого данные не показываются."
    )
    assert await page.locator(".cell").count() == 0
