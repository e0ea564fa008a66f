"""The Mini App's settings, and the buttons in chat that open it."""

from __future__ import annotations

import pytest
from aiogram.types import InlineKeyboardMarkup

from services.config import AppConfig
from tests.conftest import ADMIN_TG
from tests.scale.test_scale_settings import HOOK, _error, _settings
from tests.tasks.conftest import MANAGER, PROG, Team, make_task
from tests.tg import BotClient, Reply

APP = "https://app.example.com/crm/"


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"webapp_url": "http://app.example.com/"}, "Setting WEBAPP_URL is invalid: expected"),
        ({"webapp_url": "app.example.com"}, "Setting WEBAPP_URL is invalid"),
        ({"webapp_url": APP + "?x=1"}, "Setting WEBAPP_URL is invalid"),
        ({"webapp_port": "70000"}, "Setting WEBAPP_PORT is invalid"),
        (
            {
                "webhook_url": HOOK,
                "webhook_secret": "s",
                "webhook_port": "9000",
                "webapp_port": "9000",
            },
            "Setting WEBAPP_PORT is invalid: expected a port other than WEBHOOK_PORT's",
        ),
    ],
)
def test_bad_webapp_setting_is_named(env: dict[str, str], line: str) -> None:
    assert _error(**env).startswith(line)


def test_webapp_settings_defaults_and_empty() -> None:
    settings = _settings(webapp_url="")
    assert settings.webapp_url is None and settings.webapp_port == 8090
    assert _settings(webapp_url=f" {APP} ").webapp_url == APP


@pytest.fixture
def config() -> AppConfig:
    return AppConfig(admin_ids=frozenset({ADMIN_TG}), bot_username="crm_test_bot", webapp_url=APP)


def web_apps(reply: Reply) -> list[tuple[str, str]]:
    out = []
    for request in reply.of("SendMessage"):
        markup = getattr(request, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            out += [
                (b.text, b.web_app.url)
                for row in markup.inline_keyboard
                for b in row
                if b.web_app is not None
            ]
    return out


async def test_hours_and_plan_answers_open_the_app(tg: BotClient, session, team: Team) -> None:
    await make_task(session, team, assignee=team.prog)
    hours = await tg.send(PROG, "/hours", lang="en")
    assert web_apps(hours) == [("Open the app", APP + "?screen=week")]
    plan = await tg.send(MANAGER, "/plan")
    assert web_apps(plan) == [("Открыть приложение", APP + "?screen=plan")]
    # Telegram takes web_app buttons in private chats only.
    in_group = await tg.send(MANAGER, "/plan", chat_id=-100)
    assert in_group.of("SendMessage") and web_apps(in_group) == []
