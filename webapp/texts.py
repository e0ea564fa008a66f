"""The front end's words: every `webapp-*` key of the locale files, in one language."""

from __future__ import annotations

from views.i18n import Translator, keys

PREFIX = "webapp-"


def webapp_texts(lang: str) -> dict[str, str]:
    tr = Translator(lang)
    return {key: tr(key) for key in sorted(keys(tr.lang)) if key.startswith(PREFIX)}
