"""Pay calculation (spec §6): worked examples to the kopeck, argument parsing, properties."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.pay import (
    MAX_ECHO_CHARS,
    PAY_TYPES,
    PayArgsError,
    PayResult,
    PayRule,
    compute_pay,
    parse_pay_args,
)
from services.units import month_bounds, parse_month, round_money

H = 60  # minutes in an hour, so examples read as "150 * H"
MONTH_MAX_MIN = 744 * H


def money(value: Decimal | None, expected: str) -> None:
    """Compare by text so both the value and the 2-place scale are checked."""
    assert value is not None
    assert str(value) == expected


def fixed(base: str, hours: str, k: str = "1") -> PayRule:
    return PayRule("fixed_by_hours", Decimal(base), Decimal(hours), Decimal(k))


def hourly(rate: str, k: str = "1") -> PayRule:
    return PayRule("hourly", Decimal(rate), None, Decimal(k))


def salary(base: str) -> PayRule:
    return PayRule("salary", Decimal(base), None, Decimal(1))


# --- fixed_by_hours ---------------------------------------------------------------------


def test_fixed_under_norm_is_proportional() -> None:
    # 100000 × 150 / 160 = 100000 × 15/16 = 93750
    result = compute_pay(fixed("100000", "160"), 150 * H, 0)
    assert result == PayResult(
        worked_h=Decimal("150.00"),
        norm_h=Decimal("160.00"),
        overtime_h=Decimal("0.00"),
        amount=Decimal("93750.00"),
        no_norm=False,
    )
    money(result.amount, "93750.00")
    money(result.norm_h, "160.00")


def test_fixed_exactly_norm_pays_base() -> None:
    money(compute_pay(fixed("100000", "160", "1.5"), 160 * H, 0).amount, "100000.00")


def test_fixed_overtime_with_k() -> None:
    # W = 170, norm 160, overtime 10: 100000 × (160 + 1.5 × 10) / 160
    # = 100000 × 175 / 160 = 109375
    result = compute_pay(fixed("100000", "160", "1.5"), 170 * H, 0)
    money(result.amount, "109375.00")
    money(result.overtime_h, "10.00")
    money(result.worked_h, "170.00")


def test_fixed_overtime_default_k_is_plain_proportion() -> None:
    # K = 1: 100000 × 170 / 160 = 106250
    money(compute_pay(fixed("100000", "160"), 170 * H, 0).amount, "106250.00")


def test_fixed_agreed_hours_ignore_schedule() -> None:
    # HOURS = 160 wins over a 159 h schedule: still 100000 × 150 / 160 = 93750
    result = compute_pay(fixed("100000", "160"), 150 * H, 159 * H)
    money(result.amount, "93750.00")
    money(result.norm_h, "160.00")


def test_fixed_hours_zero_uses_schedule() -> None:
    # A November with public holidays: 159 scheduled hours (the caller supplies them).
    # 100000 × 150 / 159 = 15000000 / 159 = 94339.6226… → 94339.62
    result = compute_pay(fixed("100000", "0"), 150 * H, 159 * H)
    money(result.amount, "94339.62")
    money(result.norm_h, "159.00")
    assert result.no_norm is False


def test_fixed_hours_zero_uses_schedule_with_overtime() -> None:
    # norm 159, W = 165, overtime 6: 100000 × (159 + 1.5 × 6) / 159
    # = 100000 × 168 / 159 = 16800000 / 159 = 105660.3773… → 105660.38
    result = compute_pay(fixed("100000", "0", "1.5"), 165 * H, 159 * H)
    money(result.amount, "105660.38")
    money(result.overtime_h, "6.00")


def test_fixed_hours_zero_full_schedule_pays_base() -> None:
    money(compute_pay(fixed("100000", "0"), 159 * H, 159 * H).amount, "100000.00")


def test_fixed_hours_zero_without_schedule_is_no_norm() -> None:
    result = compute_pay(fixed("100000", "0", "1.5"), 150 * H, 0)
    assert result == PayResult(
        worked_h=Decimal("150.00"),
        norm_h=None,
        overtime_h=Decimal("0.00"),
        amount=None,
        no_norm=True,
    )


def test_fixed_no_norm_even_with_no_hours() -> None:
    result = compute_pay(fixed("100000", "0"), 0, 0)
    assert result.no_norm is True
    assert result.amount is None
    money(result.worked_h, "0.00")


def test_fixed_zero_hours_worked_pays_zero() -> None:
    money(compute_pay(fixed("100000", "160"), 0, 0).amount, "0.00")


# --- hourly -----------------------------------------------------------------------------


def test_hourly_overtime_with_k2() -> None:
    # W = 165:20 = 165 1/3 h, norm 160, overtime 5 1/3 h.
    # 500 × (160 + 2 × 16/3) = 500 × (480/3 + 32/3) = 500 × 512/3 = 256000/3
    # = 85333.333… → 85333.33
    result = compute_pay(hourly("500", "2"), 165 * H + 20, 160 * H)
    assert result == PayResult(
        worked_h=Decimal("165.33"),
        norm_h=Decimal("160.00"),
        overtime_h=Decimal("5.33"),
        amount=Decimal("85333.33"),
        no_norm=False,
    )
    money(result.amount, "85333.33")


def test_hourly_under_norm() -> None:
    # 500 × 150 = 75000
    money(compute_pay(hourly("500", "2"), 150 * H, 160 * H).amount, "75000.00")


def test_hourly_without_schedule_has_no_overtime() -> None:
    # No schedule: no overtime, K is ignored. 500 × 496/3 = 248000/3 = 82666.666… → 82666.67
    result = compute_pay(hourly("500", "2"), 165 * H + 20, 0)
    assert result == PayResult(
        worked_h=Decimal("165.33"),
        norm_h=None,
        overtime_h=Decimal("0.00"),
        amount=Decimal("82666.67"),
        no_norm=False,
    )


def test_hourly_without_schedule_and_without_hours() -> None:
    result = compute_pay(hourly("500"), 0, 0)
    money(result.amount, "0.00")
    assert result.no_norm is False


# --- salary -----------------------------------------------------------------------------


@pytest.mark.parametrize(("worked", "scheduled"), [(0, 0), (10 * H, 160 * H), (MONTH_MAX_MIN, 0)])
def test_salary_is_constant(worked: int, scheduled: int) -> None:
    result = compute_pay(salary("75000"), worked, scheduled)
    money(result.amount, "75000.00")
    assert result.norm_h is None
    money(result.overtime_h, "0.00")
    assert result.no_norm is False


# --- rounding ---------------------------------------------------------------------------


def test_half_up_not_bankers_hourly() -> None:
    # 100.25 × 0.5 h = 50.125 exactly: half up gives 50.13, banker's rounding 50.12.
    assert Decimal("50.125").quantize(Decimal("0.01"), ROUND_HALF_EVEN) == Decimal("50.12")
    money(compute_pay(hourly("100.25"), 30, 0).amount, "50.13")


def test_half_up_not_bankers_fixed() -> None:
    # 1000.05 × 1 / 2 = 500.025 exactly: half up 500.03, banker's 500.02.
    money(compute_pay(fixed("1000.05", "2"), 1 * H, 0).amount, "500.03")


def test_non_terminating_hours_are_kept_exact() -> None:
    # W = 100 min = 5/3 h = 1.666… h.
    # Exact: 1000 × 5/3 = 1666.666… → 1666.67. Rounding W first (1.67 h) would give 1670.00.
    result = compute_pay(hourly("1000"), 100, 0)
    money(result.amount, "1666.67")
    money(result.worked_h, "1.67")


def test_non_terminating_hours_fixed() -> None:
    # 100000 × (5/3) / 160 = 500000 / 480 = 1041.666… → 1041.67
    # (with W rounded to 1.67 h first it would be 100000 × 1.67 / 160 = 1043.75).
    money(compute_pay(fixed("100000", "160"), 100, 0).amount, "1041.67")


def test_rounded_once_not_per_part() -> None:
    # hourly 1000, norm 160:20 = 481/3 h, W = 160:40 = 482/3 h, overtime 1/3 h, K 1.
    # Exact: 1000 × 482/3 = 482000/3 = 160666.666… → 160666.67.
    # Rounding each part first would give 160333.33 + 333.33 = 160666.66.
    result = compute_pay(hourly("1000"), 160 * H + 40, 160 * H + 20)
    money(result.amount, "160666.67")
    money(result.overtime_h, "0.33")


def test_round_money_fraction_and_decimal() -> None:
    money(round_money(Fraction(1, 200)), "0.01")  # 0.005
    money(round_money(Fraction(1, 201)), "0.00")  # just under 0.005
    money(round_money(Fraction(-1, 200)), "-0.01")  # half away from zero
    money(round_money(Fraction(-1, 1000)), "0.00")  # no negative zero
    money(round_money(Decimal("2.675")), "2.68")  # float(2.675) would round to 2.67
    money(round_money(Decimal("2.665")), "2.67")  # banker's would give 2.66
    money(round_money(Decimal("7")), "7.00")
    money(round_money(Fraction(2, 3)), "0.67")


def test_round_money_ignores_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = ROUND_DOWN
        money(round_money(Decimal("123456789.785")), "123456789.79")
        money(round_money(Fraction(10**20 * 3 + 1, 3)), "100000000000000000000.33")


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_round_money_rejects_non_finite(bad: str) -> None:
    with pytest.raises(ValueError):
        round_money(Decimal(bad))


# --- caller errors ----------------------------------------------------------------------


def test_negative_minutes_raise() -> None:
    with pytest.raises(ValueError):
        compute_pay(hourly("500"), -1, 0)
    with pytest.raises(ValueError):
        compute_pay(hourly("500"), 0, -1)


def test_unknown_type_or_missing_norm_raise() -> None:
    with pytest.raises(ValueError):
        compute_pay(PayRule("piecework", Decimal(1), None, Decimal(1)), 60, 60)
    with pytest.raises(ValueError):
        compute_pay(PayRule("fixed_by_hours", Decimal(1), None, Decimal(1)), 60, 60)


# --- parse_pay_args ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["fixed_by_hours", "100000", "168", "1.5"],
            PayRule("fixed_by_hours", Decimal("100000"), Decimal("168"), Decimal("1.5")),
        ),
        (
            ["fixed_by_hours", "100000", "0"],
            PayRule("fixed_by_hours", Decimal("100000"), Decimal("0"), Decimal("1")),
        ),
        (
            ["FIXED_BY_HOURS", "100000,50", "159,5", "1,25"],
            PayRule("fixed_by_hours", Decimal("100000.50"), Decimal("159.5"), Decimal("1.25")),
        ),
        (
            ["fixed_by_hours", "1", "744", "10"],
            PayRule("fixed_by_hours", Decimal("1"), Decimal("744"), Decimal("10")),
        ),
        (["hourly", "500"], PayRule("hourly", Decimal("500"), None, Decimal("1"))),
        (["Hourly", "500.5", "2"], PayRule("hourly", Decimal("500.5"), None, Decimal("2"))),
        (["hourly", "0.01", "1.125"], PayRule("hourly", Decimal("0.01"), None, Decimal("1.125"))),
        (["salary", "75000"], PayRule("salary", Decimal("75000"), None, Decimal("1"))),
        (["SaLaRy", "007"], PayRule("salary", Decimal("7"), None, Decimal("1"))),
        (
            ["salary", "999999999999.99"],
            PayRule("salary", Decimal("999999999999.99"), None, Decimal("1")),
        ),
    ],
)
def test_parse_good(args: list[str], expected: PayRule) -> None:
    assert parse_pay_args(args) == expected


def test_parse_keeps_exact_decimals() -> None:
    rule = parse_pay_args(["hourly", "0,10", "1.5"])
    assert isinstance(rule, PayRule)
    assert str(rule.amount) == "0.10"
    assert str(rule.k) == "1.5"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # unknown type
        (["monthly", "100"], PayArgsError("type", "monthly")),
        (["fixed-by-hours", "1", "2"], PayArgsError("type", "fixed-by-hours")),
        ([""], PayArgsError("type", "")),
        # missing arguments
        ([], PayArgsError("count", "")),
        (["salary"], PayArgsError("count", "")),
        (["hourly"], PayArgsError("count", "")),
        (["fixed_by_hours", "100000"], PayArgsError("count", "")),
        # extra arguments: the first surplus one is named
        (["salary", "1", "2"], PayArgsError("count", "2")),
        (["hourly", "1", "1", "x"], PayArgsError("count", "x")),
        (["fixed_by_hours", "1", "2", "3", "4"], PayArgsError("count", "4")),
        # count is checked before the numbers
        (["salary", "abc", "extra"], PayArgsError("count", "extra")),
        # not a number
        (["salary", "1e5"], PayArgsError("number", "1e5")),
        (["salary", "-5"], PayArgsError("number", "-5")),
        (["salary", "+5"], PayArgsError("number", "+5")),
        (["salary", "abc"], PayArgsError("number", "abc")),
        (["salary", "NaN"], PayArgsError("number", "NaN")),
        (["salary", "inf"], PayArgsError("number", "inf")),
        (["salary", "Infinity"], PayArgsError("number", "Infinity")),
        (["salary", "10.123"], PayArgsError("number", "10.123")),
        (["salary", "5."], PayArgsError("number", "5.")),
        (["salary", ".5"], PayArgsError("number", ".5")),
        (["salary", "1 000"], PayArgsError("number", "1 000")),
        (["salary", "1_000"], PayArgsError("number", "1_000")),
        (["salary", "1.000,5"], PayArgsError("number", "1.000,5")),
        (["salary", ""], PayArgsError("number", "")),
        (["salary", "١٠٠"], PayArgsError("number", "١٠٠")),  # Arabic-Indic digits
        (["salary", "１００"], PayArgsError("number", "１００")),  # full-width digits
        (["salary", "1234567890123"], PayArgsError("number", "1234567890123")),
        (["fixed_by_hours", "1", "160.123"], PayArgsError("number", "160.123")),
        (["hourly", "1", "1.1255"], PayArgsError("number", "1.1255")),
        # the first bad number is reported
        (["fixed_by_hours", "x", "800"], PayArgsError("number", "x")),
        # out of range
        (["salary", "0"], PayArgsError("range", "0")),
        (["hourly", "0,00"], PayArgsError("range", "0,00")),
        (["hourly", "500", "0.5"], PayArgsError("range", "0.5")),
        (["hourly", "500", "0"], PayArgsError("range", "0")),
        (["hourly", "500", "10.001"], PayArgsError("range", "10.001")),
        (["fixed_by_hours", "100000", "800"], PayArgsError("range", "800")),
        (["fixed_by_hours", "100000", "744.01"], PayArgsError("range", "744.01")),
        (["fixed_by_hours", "100000", "160", "0.999"], PayArgsError("range", "0.999")),
        (["fixed_by_hours", "100000", "160", "11"], PayArgsError("range", "11")),
    ],
)
def test_parse_bad(args: list[str], expected: PayArgsError) -> None:
    assert parse_pay_args(args) == expected


@pytest.mark.parametrize("huge", ["1" * 5000, "x" * 5000, "1." + "0" * 4998])
def test_parse_huge_token_is_rejected_and_echo_is_cut(huge: str) -> None:
    result = parse_pay_args(["salary", huge])
    assert isinstance(result, PayArgsError)
    assert result.code == "number"
    assert len(result.token) == MAX_ECHO_CHARS
    assert result.token == huge[: MAX_ECHO_CHARS - 1] + "…"


def test_parse_huge_type_echo_is_cut() -> None:
    result = parse_pay_args(["y" * 5000, "1"])
    assert result == PayArgsError("type", "y" * (MAX_ECHO_CHARS - 1) + "…")


# --- months -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03", date(2026, 3, 1)),
        ("2026-11", date(2026, 11, 1)),
        ("2026-12", date(2026, 12, 1)),
        ("2024-02", date(2024, 2, 1)),
    ],
)
def test_parse_month_good(text: str, expected: date) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-13",
        "2026-00",
        "2026-3",
        "202603",
        "2026/03",
        "26-03",
        "0000-01",
        " 2026-03",
        "2026-03 ",
        "2026-03-01",
        "",
        "２０２６-０３",
        "abcd-ef",
    ],
)
def test_parse_month_bad(text: str) -> None:
    assert parse_month(text) is None


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (date(2026, 3, 15), date(2026, 3, 1), date(2026, 3, 31)),
        (date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 30)),
        (date(2024, 2, 29), date(2024, 2, 1), date(2024, 2, 29)),
        (date(2026, 2, 10), date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_bounds(day: date, first: date, last: date) -> None:
    assert month_bounds(day) == (first, last)


# --- properties -------------------------------------------------------------------------

minutes = st.integers(min_value=0, max_value=MONTH_MAX_MIN)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999999.99"), places=2)
norm_hours = st.decimals(min_value=Decimal(0), max_value=Decimal(744), places=2)
factors = st.decimals(min_value=Decimal(1), max_value=Decimal(10), places=3)

fixed_rules = st.builds(
    lambda a, n, k: PayRule("fixed_by_hours", a, n, k), amounts, norm_hours, factors
)
hourly_rules = st.builds(lambda a, k: PayRule("hourly", a, None, k), amounts, factors)
salary_rules = st.builds(lambda a: PayRule("salary", a, None, Decimal(1)), amounts)
any_rule = st.one_of(fixed_rules, hourly_rules, salary_rules)

PROPS = settings(max_examples=200, deadline=None)


@PROPS
@given(rule=st.one_of(fixed_rules, hourly_rules), a=minutes, b=minutes, scheduled=minutes)
def test_pay_never_falls_as_hours_grow(rule: PayRule, a: int, b: int, scheduled: int) -> None:
    low, high = sorted((a, b))
    first = compute_pay(rule, low, scheduled)
    second = compute_pay(rule, high, scheduled)
    assert first.no_norm == second.no_norm
    if first.no_norm:
        assert first.amount is None and second.amount is None
        return
    assert first.amount is not None and second.amount is not None
    assert first.amount <= second.amount


@PROPS
@given(rule=salary_rules, worked=minutes, scheduled=minutes)
def test_salary_ignores_hours(rule: PayRule, worked: int, scheduled: int) -> None:
    result = compute_pay(rule, worked, scheduled)
    assert result.amount == round_money(rule.amount)
    assert result.amount == compute_pay(rule, 0, 0).amount


@PROPS
@given(rule=any_rule, worked=minutes, scheduled=minutes)
def test_compute_pay_never_raises_and_is_consistent(
    rule: PayRule, worked: int, scheduled: int
) -> None:
    result = compute_pay(rule, worked, scheduled)
    assert result.no_norm == (result.amount is None)
    assert result.worked_h == round_money(Fraction(worked, 60))
    for value in (result.worked_h, result.norm_h, result.overtime_h, result.amount):
        if value is not None:
            assert value.as_tuple().exponent == -2
            assert value >= 0
    if result.norm_h is None:
        assert result.overtime_h == 0


@PROPS
@given(rule=st.one_of(fixed_rules, hourly_rules), worked=minutes, scheduled=minutes)
def test_matches_high_precision_decimal_oracle(rule: PayRule, worked: int, scheduled: int) -> None:
    # An independent route through Decimal at 60 digits. Its value can sit a hair below an
    # exact half-kopeck (W = minutes/60 does not terminate), so the check is that the
    # engine's amount is within half a kopeck of it, not that both round the same way.
    with localcontext() as ctx:
        ctx.prec = 60
        w = Decimal(worked) / 60
        if rule.pay_type == "fixed_by_hours":
            assert rule.norm_hours is not None
            norm = rule.norm_hours if rule.norm_hours > 0 else Decimal(scheduled) / 60
        else:
            norm = Decimal(scheduled) / 60
        if norm == 0:
            expected = None if rule.pay_type == "fixed_by_hours" else rule.amount * w
        else:
            paid = min(w, norm) + rule.k * max(Decimal(0), w - norm)
            expected = rule.amount * paid
            if rule.pay_type == "fixed_by_hours":
                expected /= norm
        amount = compute_pay(rule, worked, scheduled).amount
        if expected is None:
            assert amount is None
        else:
            assert amount is not None
            assert abs(amount - expected) <= Decimal("0.005") + Decimal("1e-40")


@PROPS
@given(rule=any_rule, comma=st.booleans(), upper=st.booleans())
def test_parse_round_trips_rules(rule: PayRule, comma: bool, upper: bool) -> None:
    def fmt(value: Decimal) -> str:
        text = format(value, "f")
        return text.replace(".", ",") if comma else text

    name = rule.pay_type.upper() if upper else rule.pay_type
    args = [name, fmt(rule.amount)]
    if rule.norm_hours is not None:
        args.append(fmt(rule.norm_hours))
    if rule.pay_type != "salary":
        args.append(fmt(rule.k))
    assert parse_pay_args(args) == rule


@PROPS
@given(args=st.lists(st.text(max_size=40), max_size=6))
def test_parse_never_raises(args: list[str]) -> None:
    result = parse_pay_args(args)
    assert isinstance(result, PayRule | PayArgsError)
    if isinstance(result, PayRule):
        assert result.pay_type in PAY_TYPES
        assert result.amount > 0
    else:
        assert result.code in {"type", "count", "number", "range"}
        assert len(result.token) <= MAX_ECHO_CHARS


@PROPS
@given(
    pay_type=st.sampled_from(PAY_TYPES),
    numbers=st.lists(
        st.from_regex(r"[0-9]{1,13}([.,][0-9]{1,4})?", fullmatch=True), min_size=1, max_size=3
    ),
)
def test_parse_numeric_args_never_raise(pay_type: str, numbers: list[str]) -> None:
    result = parse_pay_args([pay_type, *numbers])
    if isinstance(result, PayRule):
        # Whatever was accepted must be computable for a whole month without errors.
        compute_pay(result, MONTH_MAX_MIN, MONTH_MAX_MIN)
        compute_pay(result, 0, 0)
