"""The calendar and plan texts exist in both languages with the same placeholders."""

from __future__ import annotations

import string
import tomllib

import pytest

from services.i18n import LOCALES_DIR


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("name", ["calendar.toml", "plan.toml"])
def test_same_keys_and_placeholders_in_ru_and_en(name: str) -> None:
    ru = tomllib.loads((LOCALES_DIR / "ru" / name).read_text("utf-8"))
    en = tomllib.loads((LOCALES_DIR / "en" / name).read_text("utf-8"))
    assert ru.keys() == en.keys()
    for key in ru:
        assert fields(ru[key]) == fields(en[key]), key


def test_weekday_names_are_seven_words() -> None:
    for lang in ("ru", "en"):
        texts = tomllib.loads((LOCALES_DIR / lang / "calendar.toml").read_text("utf-8"))
        assert len(texts["calendar-weekdays"].split()) == 7
