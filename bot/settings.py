"""Settings from the environment or `.env` (SPEC §9)."""

from __future__ import annotations

import os
import re
from datetime import date, time
from decimal import Decimal
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# What Telegram accepts as secret_token in setWebhook.
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def _url(value: str | None, schemes: tuple[str, ...], expected: str) -> str | None:
    """A URL of one of `schemes` with a host and no query or fragment, stripped."""
    if value is None:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in schemes or not parts.hostname:
        raise ValueError(expected)
    if parts.query or parts.fragment:
        raise ValueError("expected a URL without ?query or #fragment")
    return value.strip()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr
    database_url: str = "sqlite+aiosqlite:///crm.db"
    telegram_api_base: str | None = None
    # Seconds to wait for an answer from the Bot API (a long poll waits this much longer).
    telegram_timeout: float = Field(60.0, gt=0, le=600)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    timezone: str = "Europe/Moscow"
    default_language: str = "ru"
    currency: str = "RUB"
    holidays_country: str = "RU"
    redis_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = Field(None, validate_default=True)
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(8080, ge=1, le=65535)
    webapp_url: str | None = None
    webapp_host: str = "0.0.0.0"
    webapp_port: int = Field(8090, ge=1, le=65535)
    lag_alert_time: time = time(10, 0)
    lag_alert_hours: Decimal = Field(Decimal(4), gt=0, le=1000)
    reminder_time: time = time(18, 30)
    payroll_day: int = Field(1, ge=1, le=28)
    payroll_time: time = time(9, 0)
    external_days: int = Field(7, ge=1, le=365)
    week_approval: bool = False
    week_approval_time: time = time(10, 0)
    balance_from: date | None = None
    log_level: str = "INFO"

    @field_validator(
        "telegram_api_base",
        "redis_url",
        "webhook_url",
        "webhook_secret",
        "webapp_url",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # `.env.example` lists every setting with an empty value for "not used".
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        raw = value.get_secret_value()
        head, _, tail = raw.partition(":")
        if not head.isascii() or not head.isdigit() or len(tail) < 3:
            raise ValueError("expected the form 123456:ABC... from @BotFather")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError:
                raise ValueError("expected Telegram user ids separated by commas") from None
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("default_language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in ("ru", "en"):
            raise ValueError("expected ru or en")
        return value

    @field_validator("balance_from", mode="before")
    @classmethod
    def _no_balance_start(cls, value: object) -> object:
        # Empty in `.env.example`: each person's balance starts on their first schedule.
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("holidays_country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.strip().upper()
        if value:
            import holidays

            if value not in holidays.list_supported_countries():
                raise ValueError(f"unknown country code {value!r}")
        return value

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("expected sqlite+aiosqlite:///FILE or postgresql+asyncpg://...")
        return value

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        value = value.strip().upper()
        if not (3 <= len(value) <= 5 and value.isalpha()):
            raise ValueError("expected a currency code such as RUB")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("expected redis://host:6379/0")
        return value

    @field_validator("telegram_api_base")
    @classmethod
    def _api_base(cls, value: str | None) -> str | None:
        # The token goes into every request's path: a base the HTTP client cannot use would
        # stop the start with the whole URL, token included, in its error.
        if value is None:
            return None
        value = value.strip().rstrip("/")
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 - raises ValueError when out of range
        except ValueError:
            raise ValueError("expected http://host:port of a Bot API server") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("expected http://host:port of a Bot API server")
        if parts.query or parts.fragment or any(c in value for c in "{} \t\n"):
            raise ValueError("expected a URL without ?query, #fragment, spaces or braces")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        return _url(value, ("https", "http"), "expected https://host/path that Telegram can reach")

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if value is None:
            if info.data.get("webhook_url"):
                raise PydanticCustomError(
                    "required_with", "required when {other} is set", {"other": "WEBHOOK_URL"}
                )
            return None
        if not _SECRET_RE.match(value.get_secret_value()):
            raise ValueError("expected 1-256 characters: letters, digits, _ and -")
        return value

    @field_validator("webapp_url")
    @classmethod
    def _webapp_url(cls, value: str | None) -> str | None:
        # Telegram opens Mini Apps only from https addresses.
        return _url(value, ("https",), "expected the public https://host/path of the Mini App")

    @field_validator("webapp_port")
    @classmethod
    def _webapp_port(cls, value: int, info: ValidationInfo) -> int:
        if info.data.get("webhook_url") and value == info.data.get("webhook_port"):
            raise ValueError("expected a port other than WEBHOOK_PORT's")
        return value

    @property
    def webhook_path(self) -> str:
        """Where the webhook server takes updates: the path of WEBHOOK_URL."""
        return urlsplit(self.webhook_url or "").path or "/"


def describe_error(error: ValidationError) -> str:
    """One line naming the first bad setting, for the start-up message."""
    first = error.errors()[0]
    name = str(first["loc"][0]).upper() if first["loc"] else "SETTINGS"
    if first["type"] == "missing":
        return f"Setting {name} is required (see .env.example)"
    if first["type"] == "required_with":
        return f"Setting {name} is required when {first['ctx']['other']} is set"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"Setting {name} is invalid: {message}"


def load_settings() -> Settings:
    """Settings from the environment and the file ENV_FILE (default `.env`; empty: none)."""
    env_file = os.environ.get("ENV_FILE", ".env") or None
    return Settings(_env_file=env_file)  # type: ignore[call-arg]
