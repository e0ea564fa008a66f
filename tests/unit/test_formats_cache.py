"""Numbers, dates and texts are kept once written (views.formats, views.i18n): a kept answer
must be exactly what writing the value afresh gives, whatever was asked before it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from views import formats, i18n
from views.i18n import Translator

LANGS = st.sampled_from(["ru", "en"])
DECIMALS = st.decimals(
    min_value=Decimal("-1000000"), max_value=Decimal("1000000"), places=4, allow_nan=False
)
# Values that are equal but of other types or written with other trailing zeros: a kept
# answer of one must not be given for another unless it is the same text.
NUMBERS = st.one_of(
    DECIMALS,
    DECIMALS.map(lambda d: d.quantize(Decimal("0.01"))),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda f: round(f, 3)),
    st.fractions(max_denominator=64).filter(lambda f: abs(f) < 10**6),
    st.sampled_from([0, 1, 1.0, Decimal(1), Decimal("1.00"), Fraction(1), 2, Decimal("2.5")]),
)
DAY = {"ru": "dd.MM.yyyy", "en": "d MMM yyyy"}
DAY_SHORT = {"ru": "dd.MM", "en": "d MMM"}
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=300)
@given(st.lists(st.tuples(NUMBERS, LANGS, st.sampled_from([0, 1, 2])), min_size=1, max_size=20))
def test_numbers_kept_are_numbers_written(cases: list[tuple[object, str, int]]) -> None:
    for value, lang, places in cases:
        assert formats.number(value, lang, places) == formats.number.__wrapped__(
            value, lang, places
        )


@settings(max_examples=200)
@given(st.lists(st.tuples(DECIMALS, LANGS, st.sampled_from(["RUB", "USD", "EUR"])), max_size=10))
def test_money_kept_is_money_written(cases: list[tuple[Decimal, str, str]]) -> None:
    for value, lang, currency in cases:
        assert formats.money(value, currency, lang) == formats.money.__wrapped__(
            value, currency, lang
        )


@settings(max_examples=200)
@given(st.lists(st.tuples(DAYS, LANGS), min_size=1, max_size=10))
def test_dates_kept_are_dates_written(cases: list[tuple[date, str]]) -> None:
    for value, lang in cases:
        assert formats.day(value, lang) == format_date(value, DAY[lang], locale=lang)
        assert formats.day_short(value, lang) == format_date(value, DAY_SHORT[lang], locale=lang)


def test_equal_moments_in_other_zones_keep_their_own_dates() -> None:
    late = datetime(2026, 1, 1, 23, 0, tzinfo=UTC)
    moscow = late.astimezone(timezone(timedelta(hours=3)))
    assert late == moscow
    assert formats.day(late, "ru") == "01.01.2026"
    assert formats.day(moscow, "ru") == "02.01.2026"
    assert formats.day_short(moscow, "en") == "2 Jan"


@settings(max_examples=300)
@given(st.lists(st.tuples(NUMBERS, LANGS), min_size=1, max_size=20))
def test_texts_kept_are_texts_written(cases: list[tuple[object, str]]) -> None:
    # unit-days selects the plural form by the number: 1 день, 2 дня, 5 дней, 2,5 дня
    for value, lang in cases:
        tr = Translator(lang)
        for key, fields in (
            ("unit-days", {"count": value, "value": str(value)}),
            ("unit-hours", {"value": value}),
        ):
            kept = tr(key, **fields)
            written = i18n._format(lang, key, fields)
            assert kept == written


def test_true_and_one_are_kept_apart() -> None:
    tr = Translator("en")
    assert tr("unit-hours", value=1) == "1 h"
    assert tr("unit-hours", value=True) == "True h"
    assert tr("unit-hours", value=1) == "1 h"


def test_a_field_that_may_change_is_written_afresh() -> None:
    class Name:
        def __init__(self) -> None:
            self.text = "Ivan"

        def __str__(self) -> str:
            return self.text

    tr, name = Translator("en"), Name()
    first = tr("unit-hours", value=name)
    name.text = "Olga"
    assert first == "Ivan h"
    assert tr("unit-hours", value=name) == "Olga h"
