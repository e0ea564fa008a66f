"""CSV files the bot sends (SPEC §5, §6): the contract's machine format whatever the reader's
language — UTF-8 with BOM, commas, a dot and 2 decimals, dates YYYY-MM-DD.

Pure: values in, bytes out.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from services.units import round_money

PLAN_COLUMNS: tuple[str, ...] = (
    "task",
    "title",
    "group",
    "assignee",
    "status",
    "estimate_h",
    "logged_h",
    "planned_h",
    "lag_h",
    "lag_days",
    "deadline",
    "forecast_finish",
    "late_days",
)
# /timesheet csv: one row per time entry (docs/tasks-and-time.md)
ENTRY_COLUMNS: tuple[str, ...] = ("date", "person", "task", "hours", "comment")
PAYROLL_COLUMNS: tuple[str, ...] = (
    "employee",
    "full_name",
    "telegram_id",
    "pay_type",
    "worked_h",
    "norm_h",
    "overtime_h",
    "amount",
    "currency",
    "bonus",
    "deduction",
    "total",
    "vacation_days",
    "sick_days",
)


def money_value(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return round_money(value)


def cell(value: object) -> str:
    """CSV text of one value.

    None -> "", Decimal (and float) -> fixed 2 decimals with a dot, rounded half up,
    date -> YYYY-MM-DD, int -> str, str -> as is (callers pass lag_days and other
    specially formatted numbers already as str).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    # bool is an int and datetime is a date; neither has a place in the contract, and
    # printing them as "True" or a truncated timestamp would hide a caller's mistake.
    if isinstance(value, bool):
        raise TypeError("bool is not a CSV value")
    if isinstance(value, Decimal):
        return f"{money_value(value):f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        # repr gives the shortest exact decimal, so 2.675 rounds like the user reads it.
        return f"{money_value(Decimal(repr(value))):f}"
    if isinstance(value, datetime):
        raise TypeError("datetime is not a CSV value; pass a date")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"unsupported CSV value: {type(value).__name__}")


# A plain number typed as text cannot start a formula, so lag_days such as "-0.5" stay readable.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _csv_text(value: object) -> str:
    text = cell(value)
    # Only free text can carry a formula; numbers rendered from Decimal or int are ours.
    return neutralise(text) if isinstance(value, str) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file: UTF-8 with BOM, commas, CRLF, header first, cells from `cell()`.

    Text starting with = + - @ TAB or CR gets a leading apostrophe so a spreadsheet does not
    run it as a formula; numbers keep their sign.
    """
    width = len(columns)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(str(name)) for name in columns])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"row {number} has {len(row)} cells, expected {width}")
        writer.writerow([_csv_text(value) for value in row])
    # The BOM makes Excel open the file as UTF-8 instead of the local ANSI code page.
    return buffer.getvalue().encode("utf-8-sig")
