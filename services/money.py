"""Amounts of money typed by people: "120 000,50 ₽", "120000.50", "120 000 руб".

One parser for every command that takes an amount. Spaces (also no-break and thin ones) group
thousands; a comma or a dot separates at most two decimals; a currency sign or word may stand
before or after the number. Anything else is refused rather than guessed: "120,000" could be
120 thousand or 120, so a separator followed by three digits is refused with an example.
"""

from __future__ import annotations

import re
from decimal import Decimal

from services.errors import DomainError

MAX_INT_DIGITS = 12
MAX_ECHO = 32
EXAMPLE = "120 000,50"

CURRENCY_WORDS = frozenset(
    {"₽", "р", "р.", "руб", "руб.", "рублей", "рубля", "рубль", "rub", "rur", "rub."}
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NUMBER = re.compile(r"(-?)([0-9]+)(?:[.,]([0-9]{1,2}))?")
_CURRENCY_EDGE = re.compile(r"^(₽|руб\.?|р\.?|rub|rur)|(₽|руб\.?|рублей|рубля|рубль|р\.?|rub|rur)$")


def is_amount_token(token: str, currency: str = "") -> bool:
    """Could this whitespace-free token be part of an amount ("120", "000,50", "₽", "500₽")?"""
    word = token.lower()
    if word in CURRENCY_WORDS or (currency and word == currency.lower()):
        return True
    stripped = _CURRENCY_EDGE.sub("", word).removeprefix("-")
    return bool(stripped) and all(ch.isdigit() or ch in ".," for ch in stripped)


def parse_amount(text: str, currency: str = "") -> Decimal:
    """A positive amount with at most 2 decimals, or DomainError("money-format" / "money-range")."""
    shown = text.strip()[:MAX_ECHO]
    word = _SPACES.sub("", text).lower()
    if currency:
        word = word.removeprefix(currency.lower()).removesuffix(currency.lower())
    word = _CURRENCY_EDGE.sub("", word)
    match = _NUMBER.fullmatch(word)
    if match is None or len(match.group(2)) > MAX_INT_DIGITS:
        raise DomainError("money-format", value=shown, example=EXAMPLE)
    sign, whole, cents = match.groups()
    value = Decimal(f"{sign}{whole}.{cents or '0'}")
    if value <= 0:
        raise DomainError("money-range", value=shown, example=EXAMPLE)
    return value.quantize(Decimal("0.01"))
