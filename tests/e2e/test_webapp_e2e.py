"""`python -m bot` with WEBAPP_URL: the Mini App's server answers beside polling and beside the
webhook server, and the chat's menu button opens it; without WEBAPP_URL there is neither."""

from __future__ import annotations

import pytest
from aiohttp import ClientSession, ClientTimeout

from tests.e2e.conftest import StartBot, free_port
from tests.fake_api import FakeBotAPI

APP = "https://app.example.com/"


async def _status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with (
        ClientSession(timeout=ClientTimeout(total=10)) as http,
        http.get(url, headers=headers) as response,
    ):
        return response.status, await response.text()


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_bot_serves_the_mini_app(fake: FakeBotAPI, start_bot: StartBot, mode: str) -> None:
    port = free_port()
    extra = {"WEBAPP_URL": APP, "WEBAPP_HOST": "127.0.0.1", "WEBAPP_PORT": str(port)}
    if mode == "webhook":
        hook_port = free_port()
        extra |= {
            "WEBHOOK_URL": f"http://127.0.0.1:{hook_port}/tg/hook",
            "WEBHOOK_SECRET": "e2e-secret",
            "WEBHOOK_HOST": "127.0.0.1",
            "WEBHOOK_PORT": str(hook_port),
        }
    bot = await start_bot(**extra)
    (menu,) = fake.calls_of("setChatMenuButton")
    button = menu["params"]["menu_button"]
    assert button["type"] == "web_app" and button["web_app"]["url"] == APP
    status, page = await _status(f"http://127.0.0.1:{port}/")
    assert status == 200 and 'src="static/app.js"' in page
    status, script = await _status(f"http://127.0.0.1:{port}/static/week.js")
    assert status == 200 and "api/week/cell" in script
    assert await _status(f"http://127.0.0.1:{port}/api/me", {"Authorization": "tma x"}) == (
        401,
        '{"error": "unauthorized"}',
    )
    assert await bot.stop() == 0


async def test_without_webapp_url_no_button(fake: FakeBotAPI, start_bot: StartBot) -> None:
    await start_bot()
    assert fake.calls_of("setChatMenuButton") == []
