"""Texts are formatted once per distinct set of plain values; values that only compare equal
still read as themselves, and other values are formatted every time."""

from __future__ import annotations

from decimal import Decimal

from views.i18n import Translator


class Shown:
    """A value whose text changes: never served from the cache."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def test_equal_values_of_other_types_read_as_themselves() -> None:
    tr = Translator("en")
    assert tr("unit-hours", value=1) == "1 h"
    assert tr("unit-hours", value=True) == "True h"  # True == 1, and keys by type
    assert tr("unit-hours", value=Decimal("2.50")) == "2.5 h"
    assert tr("unit-hours", value=1) == "1 h"


def test_values_that_are_not_plain_are_formatted_every_time() -> None:
    tr = Translator("en")
    shown = Shown("first")
    assert tr("unit-hours", value=shown) == "first h"
    shown.text = "second"
    assert tr("unit-hours", value=shown) == "second h"


def test_unknown_keys_come_back_as_they_are() -> None:
    assert Translator("ru")("no-such-key", value=1) == "no-such-key"
