"""Pay for a month from the hours worked (product spec §6).

Three pay types, each set per employee from a given month:

* ``fixed_by_hours BASE HOURS [K]``: BASE buys an agreed number of hours a month
  (HOURS; 0 means "the employee's scheduled hours that month"). Less work pays
  proportionally less; hours above the norm pay K times the normal hourly share.
* ``hourly RATE [K]``: RATE per hour; hours above the month's scheduled hours pay K
  times RATE. Without a schedule there is simply no overtime.
* ``salary BASE``: BASE whatever the hours.

All arithmetic is exact (``fractions.Fraction`` built from whole minutes) and money is
rounded half up to kopecks exactly once, at the very end, so a payroll never drifts by
a kopeck depending on the order in which parts were added. Hours in the result are
rounded the same way, for display only; they never feed back into the amount.

Pure functions only: no database, no bot; callers supply minutes and the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from services.units import minutes_to_hours, round_money

PAY_TYPES = ("fixed_by_hours", "hourly", "salary")

# A month holds at most 31 * 24 hours; an agreed norm above that cannot be met.
MAX_NORM_HOURS = Decimal(744)
MIN_K = Decimal(1)
MAX_K = Decimal(10)

# Decimal places accepted from the user. K gets three because its column is
# NUMERIC(6, 3); money and hours get two, matching NUMERIC(16, 2) and NUMERIC(8, 2).
MONEY_PLACES = 2
HOURS_PLACES = 2
K_PLACES = 3
MAX_INT_DIGITS = 12

# Echoed tokens are cut so an error reply stays well inside a chat message limit
# even when someone pastes a huge argument.
MAX_ECHO_CHARS = 32

_ZERO = Fraction(0)

# [0-9] rather than \d: \d would also accept Arabic-Indic, full-width and other digits
# that Decimal happily parses but an operator would never mean.
_NUMBER_RE = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?")


@dataclass(frozen=True)
class PayRule:
    """One pay setting.

    ``amount`` is BASE for ``fixed_by_hours`` and ``salary``, RATE for ``hourly``.
    ``norm_hours`` is HOURS for ``fixed_by_hours`` (``Decimal(0)`` = take the month's
    schedule) and ``None`` for the other types. ``k`` is the overtime factor; it is
    ``Decimal(1)`` for ``salary``, where it has no effect.
    """

    pay_type: str
    amount: Decimal
    norm_hours: Decimal | None
    k: Decimal


@dataclass(frozen=True)
class PayResult:
    """A month's pay for one person.

    Hours are rounded half up to 2 places for display. ``norm_h`` is ``None`` when the
    rule has no norm that month (``salary``, ``hourly`` without a schedule, and the
    "no norm" case). ``overtime_h`` is 0 whenever there is no norm. ``amount`` is
    ``None`` exactly when ``no_norm`` is true: the pay needs a norm and the month has
    none, so it is left for a person to decide instead of being guessed.
    """

    worked_h: Decimal
    norm_h: Decimal | None
    overtime_h: Decimal
    amount: Decimal | None
    no_norm: bool


@dataclass(frozen=True)
class PayArgsError:
    """Why pay arguments were rejected.

    ``code`` is one of ``"type"`` (unknown pay type), ``"count"`` (wrong number of
    arguments), ``"number"`` (not a number in the accepted format, including signs,
    exponents, NaN/inf, non-ASCII digits, too many decimals or integer digits) and
    ``"range"`` (a well-formed number outside its allowed range). ``token`` is the
    offending argument, cut to ``MAX_ECHO_CHARS`` characters; for ``"count"`` it is the
    first surplus argument, or ``""`` when arguments are missing.
    """

    code: str
    token: str


def _hours(minutes: int) -> Fraction:
    return minutes_to_hours(minutes)


def compute_pay(
    rule: PayRule, worked_min: int, scheduled_min: int, share: Fraction = Fraction(1)
) -> PayResult:
    """Pay for a month under ``rule``.

    ``worked_min`` is the sum of minutes from entries dated in the month;
    ``scheduled_min`` is the calendar's scheduled minutes in that month (0 = no
    schedule). W = worked_min / 60 exactly; every step stays a Fraction and only the
    final values are rounded.

    * ``fixed_by_hours``: norm = HOURS, or the scheduled hours when HOURS is 0;
      pay = BASE × (min(W, norm) + K × max(0, W − norm)) / norm. A zero norm gives
      ``no_norm`` with ``amount=None``.
    * ``hourly``: norm = scheduled hours; pay = RATE × (min(W, norm) + K × overtime).
      Without a schedule there is no overtime and pay = RATE × W; this is not "no norm",
      because an hourly rate needs no norm to be meaningful.
    * ``salary``: pay = BASE.

    ``share`` prorates a month of which the person was employed only a part (hired or leaving
    within it): the part's norm hours over the whole month's. BASE of ``salary`` and
    ``fixed_by_hours`` and every norm are multiplied by it, so the price of an hour stays the
    same and hours beyond the part's norm are overtime. ``norm_h`` stays the whole month's.

    Raises ``ValueError`` for negative minutes, an unknown pay type or a
    ``fixed_by_hours`` rule without ``norm_hours``: those are caller bugs, not user
    input, and a silently wrong payroll would be worse than an error.
    """
    if worked_min < 0 or scheduled_min < 0:
        raise ValueError("minutes cannot be negative")
    worked = _hours(worked_min)
    worked_h = round_money(worked)
    base = Fraction(rule.amount)
    k = Fraction(rule.k)

    if rule.pay_type == "salary":
        pay = base * share
        return PayResult(worked_h, None, round_money(_ZERO), round_money(pay), no_norm=False)

    norm: Fraction
    hour_price: Fraction
    if rule.pay_type == "fixed_by_hours":
        if rule.norm_hours is None:
            raise ValueError("fixed_by_hours needs norm_hours (0 = use the schedule)")
        agreed = Fraction(rule.norm_hours)
        norm = agreed if agreed > 0 else _hours(scheduled_min)
        if norm == 0:
            return PayResult(worked_h, None, round_money(_ZERO), None, no_norm=True)
        # Exact, so BASE / norm × hours equals BASE × hours / norm to the last digit.
        hour_price = base / norm
    elif rule.pay_type == "hourly":
        norm = _hours(scheduled_min)
        hour_price = base
        if norm == 0:
            return PayResult(
                worked_h, None, round_money(_ZERO), round_money(base * worked), no_norm=False
            )
    else:
        raise ValueError(f"unknown pay type: {rule.pay_type!r}")

    part = norm * share
    overtime = max(_ZERO, worked - part)
    paid_hours = min(worked, part) + k * overtime
    return PayResult(
        worked_h,
        round_money(norm),
        round_money(overtime),
        round_money(hour_price * paid_hours),
        no_norm=False,
    )


def _echo(token: str) -> str:
    if len(token) <= MAX_ECHO_CHARS:
        return token
    return token[: MAX_ECHO_CHARS - 1] + "…"


def _parse_number(token: str, places: int) -> Decimal | None:
    """A non-negative decimal with at most ``places`` decimals, or None.

    Accepts ``.`` or ``,`` as the separator and requires digits on both sides of it, so
    "5." and ".5" are rejected as likely typos. The length check comes first so a huge
    pasted token is refused without further work.
    """
    if len(token) > MAX_INT_DIGITS + 1 + places:
        return None
    match = _NUMBER_RE.fullmatch(token)
    if match is None:
        return None
    integer, fraction = match.group(1), match.group(2) or ""
    if len(integer) > MAX_INT_DIGITS or len(fraction) > places:
        return None
    return Decimal(f"{integer}.{fraction}" if fraction else integer)


def parse_pay_args(args: list[str]) -> PayRule | PayArgsError:
    """Parse ``[TYPE, numbers...]`` into a rule, or say which argument is wrong.

    Forms: ``fixed_by_hours BASE HOURS [K]``, ``hourly RATE [K]``, ``salary BASE``.
    The type name is case-insensitive. Checks run in order (type, count, then each
    number left to right) and the first failure is reported, so the user fixes one
    thing at a time.

    Numbers: ASCII digits, ``.`` or ``,`` as the decimal separator, up to 12 integer
    digits; at most 2 decimals for BASE, RATE and HOURS and 3 for K (the storage
    scale). No signs, exponents, NaN or infinities. Ranges: BASE and RATE > 0;
    HOURS 0..744 (0 = use the schedule); K 1..10 inclusive, so overtime never pays less
    than normal time.
    """
    if not args:
        return PayArgsError("count", "")
    pay_type = args[0].lower()
    if pay_type not in PAY_TYPES:
        return PayArgsError("type", _echo(args[0]))
    values = args[1:]

    # (places, minimum, inclusive minimum, maximum) per position; optional K last.
    specs: list[tuple[int, Decimal, bool, Decimal | None]]
    money = (MONEY_PLACES, Decimal(0), False, None)
    hours = (HOURS_PLACES, Decimal(0), True, MAX_NORM_HOURS)
    factor = (K_PLACES, MIN_K, True, MAX_K)
    if pay_type == "fixed_by_hours":
        required, specs = 2, [money, hours, factor]
    elif pay_type == "hourly":
        required, specs = 1, [money, factor]
    else:
        required, specs = 1, [money]

    if len(values) < required:
        return PayArgsError("count", "")
    if len(values) > len(specs):
        return PayArgsError("count", _echo(values[len(specs)]))

    numbers: list[Decimal] = []
    for token, (places, low, low_inclusive, high) in zip(values, specs, strict=False):
        number = _parse_number(token, places)
        if number is None:
            return PayArgsError("number", _echo(token))
        too_low = number < low if low_inclusive else number <= low
        if too_low or (high is not None and number > high):
            return PayArgsError("range", _echo(token))
        numbers.append(number)

    amount = numbers[0]
    if pay_type == "fixed_by_hours":
        k = numbers[2] if len(numbers) > 2 else Decimal(1)
        return PayRule(pay_type, amount, numbers[1], k)
    if pay_type == "hourly":
        k = numbers[1] if len(numbers) > 1 else Decimal(1)
        return PayRule(pay_type, amount, None, k)
    return PayRule(pay_type, amount, None, Decimal(1))
