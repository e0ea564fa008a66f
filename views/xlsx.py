"""The payroll spreadsheet: the CSV's columns, with headers, pay types and totals in the
reader's language.

Pure: values in, bytes out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from views.csvfile import PAYROLL_COLUMNS, cell, money_value

_HOURS_COLUMNS = frozenset({"worked_h", "norm_h", "overtime_h"})
_MONEY_COLUMNS = frozenset({"amount", "bonus", "deduction", "total"})
_ID_COLUMNS = frozenset({"telegram_id", "vacation_days", "sick_days"})
_TOTAL_COLUMNS = ("worked_h", "overtime_h", "amount", "bonus", "deduction", "total")

_HOURS_FORMAT = "0.00"
_MONEY_FORMAT = "#,##0.00"
_ID_FORMAT = "0"

_HEADER_FONT = Font(bold=True)
_TOTAL_FONT = Font(bold=True)
_HEADER_FILL = PatternFill(fill_type="solid", fgColor="DDEBF7")

_SHEET_TITLE_MAX = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_CELL_TEXT_MAX = 32767
_MIN_WIDTH = 6
_MAX_WIDTH = 60


def _sheet_title(title: str) -> str:
    cleaned = _SHEET_TITLE_FORBIDDEN.sub("", ILLEGAL_CHARACTERS_RE.sub("", title))
    # Excel also refuses a sheet name that starts or ends with an apostrophe.
    cleaned = cleaned[:_SHEET_TITLE_MAX].strip().strip("'").strip()
    # "History" is reserved by Excel for its change-tracking sheet.
    if not cleaned or cleaned.casefold() == "history":
        cleaned = (cleaned + " 1").strip() if cleaned else "Sheet1"
    return cleaned


def _clean_text(text: str) -> str:
    # openpyxl raises on control characters, and Excel truncates anything past its cell limit.
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:_CELL_TEXT_MAX]


def _number(value: object, column: str) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise TypeError(f"{column} must be a number, got {type(value).__name__}")
    if isinstance(value, int):
        return value
    decimal = value if isinstance(value, Decimal) else Decimal(repr(value))
    return money_value(decimal)


def _shown_width(value: object, column: str) -> int:
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}" if column in _MONEY_COLUMNS else f"{value:.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def payroll_xlsx(
    rows: Sequence[Sequence[object]],
    *,
    title: str,
    headers: Sequence[str],
    currency: str,
    total_label: str = "Σ",
) -> bytes:
    """The payroll as an .xlsx file with the columns of PAYROLL_COLUMNS.

    `headers` are the localized labels of those columns, in the same order. Hours and money are
    numbers with a display format, None is an empty cell, text is always stored as text. The
    last row holds `total_label` and SUM formulas for worked_h, overtime_h and amount; all
    amounts must be in `currency`, which the totals row repeats.
    """
    width = len(PAYROLL_COLUMNS)
    if len(headers) != width:
        raise ValueError(f"expected {width} headers, got {len(headers)}")

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(title)
    widths = [len(str(label)) for label in headers]

    for index, label in enumerate(headers, start=1):
        target = sheet.cell(row=1, column=index)
        target.value = _clean_text(str(label))
        target.data_type = "s"
        target.font = _HEADER_FONT
        target.fill = _HEADER_FILL
    sheet.freeze_panes = "A2"

    currency_index = PAYROLL_COLUMNS.index("currency")
    for row_number, row in enumerate(rows, start=2):
        if len(row) != width:
            raise ValueError(f"row {row_number - 1} has {len(row)} cells, expected {width}")
        row_currency = row[currency_index]
        if row_currency not in (None, "") and row_currency != currency:
            # A total across currencies would be a meaningless number.
            raise ValueError(f"row {row_number - 1} is in {row_currency}, expected {currency}")
        for index, (column, value) in enumerate(zip(PAYROLL_COLUMNS, row, strict=True), 1):
            if value is None:
                continue
            target = sheet.cell(row=row_number, column=index)
            if column in _HOURS_COLUMNS or column in _MONEY_COLUMNS or column in _ID_COLUMNS:
                number = _number(value, column)
                target.value = number
                if column in _ID_COLUMNS:
                    target.number_format = _ID_FORMAT
                elif column in _MONEY_COLUMNS:
                    target.number_format = _MONEY_FORMAT
                else:
                    target.number_format = _HOURS_FORMAT
                shown = _shown_width(number, column)
            else:
                text = _clean_text(cell(value))
                target.value = text
                # openpyxl would turn "=..." into a formula; names come from users.
                target.data_type = "s"
                shown = _shown_width(text, column)
            widths[index - 1] = max(widths[index - 1], shown)

    total_row = len(rows) + 2
    label_cell = sheet.cell(row=total_row, column=1)
    label_cell.value = _clean_text(total_label)
    label_cell.data_type = "s"
    label_cell.font = _TOTAL_FONT
    widths[0] = max(widths[0], len(total_label))
    for column in _TOTAL_COLUMNS:
        index = PAYROLL_COLUMNS.index(column) + 1
        letter = get_column_letter(index)
        target = sheet.cell(row=total_row, column=index)
        # With no data rows the range would point at the totals row itself: a circular reference.
        target.value = f"=SUM({letter}2:{letter}{total_row - 1})" if rows else 0
        target.number_format = _MONEY_FORMAT if column in _MONEY_COLUMNS else _HOURS_FORMAT
        target.font = _TOTAL_FONT
    currency_cell = sheet.cell(row=total_row, column=currency_index + 1)
    currency_cell.value = _clean_text(currency)
    currency_cell.data_type = "s"
    currency_cell.font = _TOTAL_FONT
    widths[currency_index] = max(widths[currency_index], len(currency))
    # Formulas are saved without cached results; phone viewers show them only after a recalculation.
    workbook.calculation.fullCalcOnLoad = True

    for index, chars in enumerate(widths, start=1):
        fitted = min(max(chars + 2, _MIN_WIDTH), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = fitted

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
