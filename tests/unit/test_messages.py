"""Every message of both languages rendered with sample data (SPEC §10): nothing untranslated,
no field left unfilled, no English enum value in Russian, numbers and dates written the
language's way, and every text within Telegram's limits."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from services.textsplit import MESSAGE_LIMIT, utf16_len
from views.i18n import LANGUAGES, Translator, fields, keys

DAY = date(2026, 11, 30)
HOURS = Decimal("10.5")
COUNT = 5
DATE_FIELDS = {"date", "day", "first", "last", "deadline", "start", "forecast", "finish", "today"}
NUMBER_FIELDS = {"lag", "planned", "lag_days", "overload"}
COUNT_FIELDS = {
    "id", "count", "days", "late", "max", "sent", "skipped", "failed", "page", "pages",
    "tasks", "year", "number", "seconds", "missing", "minutes", "hours", "value",
}  # fmt: skip
WRITTEN = {
    "ru": {"date": "30.11.2026", "number": "10,5"},
    "en": {"date": "30 Nov 2026", "number": "10.5"},
}
# Values stored in English that Russian text must show in words, never as they are stored.
ENUMS = re.compile(
    r"\b(in_progress|fixed_by_hours|hourly|salary|vacation|sick|dayoff|cancelled|"
    r"programmer|tester|external|manager|admin)\b"
)
# Where a word is something to type (a command and its arguments, a list of accepted keywords),
# it stays as the command takes it.
COMMAND = re.compile(
    r"/[a-z]+(?:(?!\. |\.$)[^\n;,)])*|(?<=: )[a-z_]+(?:, [a-z_|]+)+|[a-z_]+\|[a-z_|]+"
)
# A keyword in a syntax description: "hourly СТАВКА", "vacation (отпуск)", "tester [K]".
SYNTAX = re.compile(r"[a-z_]+(?= [A-ZА-ЯЁ]{2,}| \[| \([а-яё])")


def sample(name: str) -> object:
    if name in DATE_FIELDS:
        return DAY
    if name in NUMBER_FIELDS:
        return HOURS
    if name in COUNT_FIELDS:
        return COUNT
    return "Образец" if name != "ref" else "e5"


def rendered(lang: str) -> dict[str, str]:
    tr = Translator(lang)
    return {key: tr(key, **{n: sample(n) for n in fields(lang, key)}) for key in keys(lang)}


def test_both_languages_have_the_same_keys() -> None:
    assert keys("ru") == keys("en"), keys("ru") ^ keys("en")
    assert len(keys("ru")) > 400


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_completely(lang: str) -> None:
    for key, text in rendered(lang).items():
        assert text != key, (lang, key)
        assert text.strip(), (lang, key)
        assert not re.search(r"\{|\}|\$[a-z_]+", text), (lang, key, text)
        assert utf16_len(text) <= MESSAGE_LIMIT, (lang, key)
        if key.startswith("cmd-"):
            assert 3 <= len(text) <= 256, (lang, key)  # a command menu description


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers_and_dates_are_written_the_language_way(lang: str) -> None:
    for key, text in rendered(lang).items():
        used = fields(lang, key)
        assert "2026-11-30" not in text, (lang, key, text)
        if used & DATE_FIELDS:
            assert WRITTEN[lang]["date"] in text, (lang, key, text)
        if used & NUMBER_FIELDS:
            assert WRITTEN[lang]["number"] in text, (lang, key, text)


def test_russian_texts_show_no_stored_english_values() -> None:
    for key, text in rendered("ru").items():
        prose = SYNTAX.sub("", COMMAND.sub("", text))
        assert not ENUMS.search(prose), (key, text)
