"""Both languages have the same keys with the same fields; every command has help texts."""

from __future__ import annotations

import string

from services.i18n import catalog
from services.permissions import COMMANDS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_ru_and_en_have_the_same_keys_and_fields() -> None:
    ru, en = catalog("ru"), catalog("en")
    assert set(ru) == set(en), set(ru) ^ set(en)
    for key in ru:
        assert _fields(ru[key]) == _fields(en[key]), key


def test_every_command_has_help_and_menu_text() -> None:
    for lang in ("ru", "en"):
        texts = catalog(lang)
        for name in COMMANDS:
            assert name == "start" or texts.get(f"help-{name}"), (lang, name)
            assert 3 <= len(texts.get(f"cmd-{name}", "")) <= 256, (lang, name)
