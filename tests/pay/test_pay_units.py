"""Pay settings parsing, number formatting and the locale files, without a bot."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from services.errors import DomainError
from services.pay import PayRule
from services.paysettings import parse_pay_command, rule_args
from services.units import add_months
from views.i18n import Translator
from views.payroll import factor, hours, money, rule_text

TODAY = date(2026, 3, 11)


def test_parse_defaults_to_this_month_and_reads_from() -> None:
    rule, month = parse_pay_command(["hourly", "1500,5", "1.25"], TODAY, "e2")
    assert rule == PayRule("hourly", Decimal("1500.5"), None, Decimal("1.25"))
    assert month == date(2026, 3, 1)
    rule, month = parse_pay_command(["salary", "90000", "FROM", "2027-03"], TODAY, "e2")
    assert (rule.pay_type, month) == ("salary", date(2027, 3, 1))


@pytest.mark.parametrize(
    ("args", "code", "token"),
    [
        (["weekly", "1"], "pay-type", "weekly"),
        (["hourly"], "pay-count-missing", ""),
        (["salary", "1", "2"], "pay-count-extra", "2"),
        (["hourly", "1e5"], "pay-number", "1e5"),
        (["hourly", "1500", "0.5"], "pay-range", "0.5"),
        (["hourly", "1500", "from", "2026-3"], "pay-month", "2026-3"),
        (["hourly", "1500", "from"], "pay-month-missing", None),
        (["hourly", "1500", "from", "2027-04"], "pay-month-far", None),
        # the rule is checked before the month, left to right
        (["weekly", "1", "from", "2026-13"], "pay-type", "weekly"),
    ],
)
def test_parse_errors(args: list[str], code: str, token: str | None) -> None:
    with pytest.raises(DomainError) as caught:
        parse_pay_command(args, TODAY, "e7")
    assert caught.value.code == code
    assert caught.value.fields["ref"] == "e7"
    if token is not None:
        assert caught.value.fields["token"] == token


def test_add_months_crosses_years() -> None:
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert add_months(date(2026, 3, 1), 12) == date(2027, 3, 1)


def test_rule_args_round_trip() -> None:
    rule = PayRule("fixed_by_hours", Decimal("100000.50"), Decimal("160.00"), Decimal("1.500"))
    assert rule_args(rule) == "fixed_by_hours 100000.5 160 1.5"
    assert parse_pay_command(rule_args(rule).split(), TODAY, "e2")[0] == rule
    assert rule_args(PayRule("hourly", Decimal(1500), None, Decimal(1))) == "hourly 1500"


def test_numbers_follow_the_language() -> None:
    ru, en = Translator("ru"), Translator("en")
    assert money(Decimal("1234567.5"), "RUB", ru) == "1\u00a0234\u00a0567,50\u00a0₽"
    assert money(Decimal("1234567.5"), "RUB", en) == "RUB\u00a01,234,567.50"
    assert money(Decimal("1234567"), "RUB", ru) == "1\u00a0234\u00a0567\u00a0₽"
    assert hours(Decimal("160.00"), ru) == "160" and hours(Decimal("152.50"), ru) == "152,5"
    assert hours(Decimal("0.00"), en) == "0" and hours(Decimal("1000.25"), en) == "1,000.25"
    assert factor(Decimal("1.500"), ru) == "1,5" and factor(Decimal("2.000"), en) == "2"
    rule = PayRule("fixed_by_hours", Decimal(100000), Decimal(0), Decimal(1))
    assert rule_text(rule, "RUB", ru) == "фикс. 100\u00a0000\u00a0₽ за часы по графику"


def test_every_literal_key_in_the_code_exists() -> None:
    root = Path(__file__).resolve().parents[2]
    sources = ["handlers/pay.py", "handlers/payroll.py", "views/payroll.py"]
    used = set()
    for name in sources:
        used |= set(re.findall(r'tr\(\s*"([a-z0-9-]+)"', (root / name).read_text()))
        used |= set(re.findall(r'theirs\(\s*"([a-z0-9-]+)"', (root / name).read_text()))
    for name in ["services/paysettings.py", "handlers/payroll.py", "handlers/pay.py"]:
        used |= {
            f"err-{code}"
            for code in re.findall(r'DomainError\(\s*"([a-z0-9-]+)"', (root / name).read_text())
        }
    assert len(used) > 40
    for lang in ("ru", "en"):
        tr = Translator(lang)
        assert [key for key in sorted(used) if not tr.has(key)] == [], lang
