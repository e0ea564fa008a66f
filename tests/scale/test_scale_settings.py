"""Settings for several replicas: webhook, secret, Redis; the empty values of .env.example
mean "not used"; ENV_FILE chooses the settings file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings, describe_error, load_settings

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"
HOOK = "https://bot.example.com/tg/hook"
_SETTING_NAMES = {name.upper() for name in Settings.model_fields} | {"ENV_FILE"}


def _settings(**env: str) -> Settings:
    return Settings(_env_file=None, bot_token=TOKEN, **env)  # type: ignore[call-arg, arg-type]


def _error(**env: str) -> str:
    with pytest.raises(ValidationError) as info:
        _settings(**env)
    return describe_error(info.value)


def test_webhook_without_secret_names_the_secret() -> None:
    assert _error(webhook_url=HOOK) == "Setting WEBHOOK_SECRET is required when WEBHOOK_URL is set"
    assert _error(webhook_url=HOOK, webhook_secret="") == (
        "Setting WEBHOOK_SECRET is required when WEBHOOK_URL is set"
    )


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"webhook_url": "bot.example.com/hook"}, "Setting WEBHOOK_URL is invalid: expected https"),
        ({"webhook_url": "ftp://bot.example.com/h"}, "Setting WEBHOOK_URL is invalid"),
        ({"webhook_url": HOOK + "?a=1", "webhook_secret": "s"}, "Setting WEBHOOK_URL is invalid"),
        ({"webhook_url": HOOK, "webhook_secret": "has space"}, "Setting WEBHOOK_SECRET is invalid"),
        ({"webhook_url": HOOK, "webhook_secret": "x" * 257}, "Setting WEBHOOK_SECRET is invalid"),
        ({"redis_url": "127.0.0.1:6379"}, "Setting REDIS_URL is invalid: expected redis://"),
        ({"webhook_port": "0"}, "Setting WEBHOOK_PORT is invalid"),
    ],
)
def test_bad_scale_setting_is_named(env: dict[str, str], line: str) -> None:
    assert _error(**env).startswith(line)


def test_webhook_path_is_the_path_of_the_url() -> None:
    settings = _settings(webhook_url=HOOK, webhook_secret="Abc_123-x", redis_url="redis://r:6379/2")
    assert settings.webhook_path == "/tg/hook"
    assert settings.redis_url == "redis://r:6379/2"
    assert _settings(webhook_url="https://b.example.com", webhook_secret="s").webhook_path == "/"


def test_empty_values_as_in_env_example_mean_not_used() -> None:
    settings = _settings(webhook_url="", webhook_secret="", redis_url=" ", telegram_api_base="")
    assert settings.webhook_url is None and settings.webhook_secret is None
    assert settings.redis_url is None and settings.telegram_api_base is None


def test_env_example_starts_polling_with_memory_state(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("ENV_FILE", str(ROOT / ".env.example"))
    settings = load_settings()
    assert settings.webhook_url is None and settings.redis_url is None
    assert settings.bot_token.get_secret_value().startswith("123456:")


def test_empty_env_file_setting_reads_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text(f"BOT_TOKEN={TOKEN}\nREDIS_URL=redis://r:6379/0\n")
    monkeypatch.chdir(tmp_path)
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.delenv("ENV_FILE", raising=False)
    assert load_settings().redis_url == "redis://r:6379/0"
    monkeypatch.setenv("ENV_FILE", "")
    with pytest.raises(ValidationError) as info:
        load_settings()
    assert describe_error(info.value) == "Setting BOT_TOKEN is required (see .env.example)"


def test_start_with_webhook_but_no_secret_prints_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k.upper() not in _SETTING_NAMES}
    env.update(BOT_TOKEN=TOKEN, WEBHOOK_URL=HOOK, ENV_FILE="", PYTHONPATH=str(ROOT))
    env["DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
    proc = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "Setting WEBHOOK_SECRET is required when WEBHOOK_URL is set"
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "crm.db").exists()


def test_start_with_redis_down_stops_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k.upper() not in _SETTING_NAMES}
    env.update(
        BOT_TOKEN=TOKEN,
        ENV_FILE="",
        PYTHONPATH=str(ROOT),
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}",
        REDIS_URL="redis://127.0.0.1:1/0",  # nothing listens on port 1
        TELEGRAM_API_BASE="http://127.0.0.1:1",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("The bot stopped: RuntimeError: Redis at REDIS_URL is not reachable")
