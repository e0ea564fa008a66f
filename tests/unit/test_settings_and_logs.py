"""Settings stop the start with one clear line; the token never reaches a log line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.app import create_bot
from bot.logs import RedactingFilter
from bot.settings import Settings, describe_error

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"


def _errors(**env: str) -> str:
    with pytest.raises(ValidationError) as info:
        Settings(_env_file=None, **env)  # type: ignore[call-arg, arg-type]
    return describe_error(info.value)


def test_missing_token_is_named() -> None:
    assert _errors() == "Setting BOT_TOKEN is required (see .env.example)"


@pytest.mark.parametrize(
    ("field", "value", "name"),
    [
        ("timezone", "Mars/Olympus", "TIMEZONE"),
        ("admin_ids", "1,two", "ADMIN_IDS"),
        ("payroll_day", "31", "PAYROLL_DAY"),
        ("telegram_timeout", "0", "TELEGRAM_TIMEOUT"),
        ("lag_alert_time", "25:00", "LAG_ALERT_TIME"),
        ("database_url", "mysql://x", "DATABASE_URL"),
        ("default_language", "de", "DEFAULT_LANGUAGE"),
        ("holidays_country", "XX", "HOLIDAYS_COUNTRY"),
    ],
)
def test_bad_setting_is_named(field: str, value: str, name: str) -> None:
    line = _errors(bot_token=TOKEN, **{field: value})
    assert line.startswith(f"Setting {name} is invalid"), line


def test_good_settings_parse() -> None:
    s = Settings(_env_file=None, bot_token=TOKEN, admin_ids="5, 6;7")  # type: ignore[call-arg, arg-type]
    assert s.admin_ids == frozenset({5, 6, 7})
    assert s.database_url == "sqlite+aiosqlite:///crm.db"


async def test_telegram_timeout_is_the_bot_sessions() -> None:
    default = create_bot(Settings(_env_file=None, bot_token=TOKEN))  # type: ignore[call-arg, arg-type]
    quick = create_bot(
        Settings(_env_file=None, bot_token=TOKEN, telegram_timeout="2.5")  # type: ignore[call-arg, arg-type]
    )
    try:
        assert default.session.timeout == 60 and quick.session.timeout == 2.5
    finally:
        await default.session.close()
        await quick.session.close()


def test_start_without_token_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN"}}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "Setting BOT_TOKEN is required (see .env.example)"
    assert "Traceback" not in proc.stderr + proc.stdout


def test_redacting_filter_hides_token_in_message_args_and_traceback() -> None:
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    logger = logging.getLogger("test.redact")
    handler = Collect()
    handler.addFilter(RedactingFilter([TOKEN]))
    logger.addHandler(handler)
    try:
        logger.warning("calling https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"bad url /bot{TOKEN}/sendMessage")
        except RuntimeError:
            logger.exception("failed")
        logger.warning("other shaped 987654321:BBsomethingThatLooksLikeAToken12345")
    finally:
        logger.removeHandler(handler)
    joined = "\n".join(records)
    assert TOKEN not in joined
    assert "BBsomethingThatLooksLikeAToken12345" not in joined
    assert joined.count("<redacted>") >= 3
