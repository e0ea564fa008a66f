"""The front end's words: every `webapp-*` key of the locale files, in one language."""

from __future__ import annotations

from services.i18n import catalog

PREFIX = "webapp-"


def webapp_texts(lang: str) -> dict[str, str]:
    return {key: value for key, value in catalog(lang).items() if key.startswith(PREFIX)}
