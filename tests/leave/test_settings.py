"""WEEK_APPROVAL, WEEK_APPROVAL_TIME and BALANCE_FROM from the environment."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic import ValidationError

from bot.app import app_config
from bot.settings import Settings, describe_error

TOKEN = "123456:TEST-token"


def settings(**values: str) -> Settings:
    return Settings(_env_file=None, bot_token=TOKEN, **values)  # type: ignore[call-arg, arg-type]


def test_defaults_and_values_reach_the_config() -> None:
    default = app_config(settings(balance_from=""))
    assert (default.week_approval, default.week_approval_time, default.balance_from) == (
        False,
        time(10, 0),
        None,
    )
    set_ = app_config(
        settings(week_approval="on", week_approval_time="09:30", balance_from="2026-01-01")
    )
    assert (set_.week_approval, set_.week_approval_time, set_.balance_from) == (
        True,
        time(9, 30),
        date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [("balance_from", "2026-13-01"), ("week_approval", "maybe"), ("week_approval_time", "25:00")],
)
def test_a_wrong_value_names_the_setting(name: str, value: str) -> None:
    with pytest.raises(ValidationError) as error:
        settings(**{name: value})
    assert describe_error(error.value).startswith(f"Setting {name.upper()} is invalid")
