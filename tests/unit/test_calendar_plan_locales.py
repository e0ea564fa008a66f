"""The calendar texts: weekday names, seven of them in each language."""

from __future__ import annotations

from views.i18n import LANGUAGES, Translator


def test_weekday_names_are_seven_words() -> None:
    for lang in LANGUAGES:
        assert len(Translator(lang)("calendar-weekdays").split()) == 7
