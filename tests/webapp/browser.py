"""Debian's Chromium driven by Playwright, opening the Mini App with a stubbed
`window.Telegram.WebApp` that carries a validly signed initData (as Telegram's client would)."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, Route, ViewportSize, async_playwright

from tests.webapp.conftest import signed

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
]
PHONE: ViewportSize = {"width": 360, "height": 740}
# Where to save screenshots of each screen (the docs' pictures); unset: none are saved.
SHOTS = os.environ.get("WEBAPP_SCREENSHOTS", "")

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg_color": "#ffffff",
        "text_color": "#000000",
        "hint_color": "#999999",
        "link_color": "#2481cc",
        "button_color": "#2481cc",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#efeff3",
        "section_bg_color": "#ffffff",
        "accent_text_color": "#2481cc",
        "destructive_text_color": "#e53935",
        "section_separator_color": "#e7e7e7",
    },
    "dark": {
        "bg_color": "#17212b",
        "text_color": "#f5f5f5",
        "hint_color": "#708499",
        "link_color": "#6ab3f3",
        "button_color": "#5288c1",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#232e3c",
        "section_bg_color": "#17212b",
        "accent_text_color": "#6ab2f2",
        "destructive_text_color": "#ec3942",
        "section_separator_color": "#111921",
    },
}

STUB = """
window.Telegram = { WebApp: {
  initData: %(init)s,
  initDataUnsafe: { user: %(user)s },
  colorScheme: %(scheme)s,
  themeParams: %(theme)s,
  ready() {}, expand() {}, onEvent() {},
  HapticFeedback: { notificationOccurred() {} },
} };
"""


def stub(telegram_id: int, lang: str, scheme: str, init_data: str | None = None) -> str:
    user = {"id": telegram_id, "first_name": f"User{telegram_id}", "language_code": lang}
    return STUB % {
        "init": json.dumps(init_data if init_data is not None else signed(telegram_id, lang)),
        "user": json.dumps(user),
        "scheme": json.dumps(scheme),
        "theme": json.dumps(THEMES[scheme]),
    }


async def serve(app: web.Application) -> AsyncIterator[str]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/"))
    finally:
        await server.close()


async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


class MiniApp:
    """One phone-sized page of the app, for one person; JavaScript errors are collected."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base
        self.errors: list[str] = []

    async def open(
        self,
        telegram_id: int,
        lang: str = "ru",
        scheme: str = "light",
        query: str = "",
        init_data: str | None = None,
    ) -> Page:
        context = await self.browser.new_context(
            viewport=PHONE, device_scale_factor=2, accept_downloads=True
        )
        await context.add_init_script(stub(telegram_id, lang, scheme, init_data))
        page = await context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        await page.route("**/*", self._local_only)
        await page.goto(self.base + query)
        return page

    async def _local_only(self, route: Route) -> None:
        # Nothing leaves the machine: the stub stands in for Telegram's script.
        if route.request.url.startswith(self.base):
            await route.continue_()
        else:
            await route.abort()


async def shot(page: Page, name: str) -> None:
    if SHOTS:
        await page.evaluate("document.getElementById('toast').hidden = true")
        await page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def texts_of(items: list[Any]) -> list[str]:
    return [str(item).strip() for item in items]
