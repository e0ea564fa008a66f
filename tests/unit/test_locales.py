"""Both languages have the same keys with the same fields; every command has help texts."""

from __future__ import annotations

from services.permissions import COMMANDS
from views.i18n import Translator, fields, keys


def test_ru_and_en_have_the_same_keys_and_fields() -> None:
    ru, en = keys("ru"), keys("en")
    assert ru == en, ru ^ en
    for key in ru:
        assert fields("ru", key) == fields("en", key), key


def test_every_command_has_help_and_menu_text() -> None:
    for lang in ("ru", "en"):
        tr = Translator(lang)
        for name in COMMANDS:
            assert name == "start" or tr.has(f"help-{name}"), (lang, name)
            assert 3 <= len(tr(f"cmd-{name}")) <= 256, (lang, name)
