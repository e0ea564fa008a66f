"""Locale texts: every user-facing string lives in locales/<lang>/*.toml.

Keys are kebab-case; values are `str.format` templates with named fields.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = ("ru", "en")


@cache
def catalog(lang: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.toml")):
        with path.open("rb") as fh:
            for key, value in tomllib.load(fh).items():
                if key in texts:
                    raise ValueError(f"duplicate locale key {key!r} in {path}")
                texts[key] = value
    return texts


def pick_language(saved: str | None, telegram_code: str | None, default: str) -> str:
    """A person's language: their /lang choice, else Telegram's, else the default."""
    if saved in LANGUAGES:
        return saved
    if telegram_code:
        short = telegram_code.split("-")[0].lower()
        if short in LANGUAGES:
            return short
    return default


class Translator:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self._texts = catalog(self.lang)

    def __call__(self, key: str, **fields: object) -> str:
        template = self._texts.get(key)
        if template is None:
            return key
        return template.format(**fields) if fields else template

    def has(self, key: str) -> bool:
        return key in self._texts
