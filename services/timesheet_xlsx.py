"""The timesheet as an .xlsx laid out like the unified form T-13, printable on A4 landscape.

Rendering only: a services.timesheet.Timesheet and the labels in the reader's language in, bytes
out. Per person four lines: codes and hours of days 1–15, then codes and hours of days 16–31
(the 16th cell of the first half is crossed out with X, as on the form); beside them the days
and hours worked in each half-month, and in the whole month.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from services.timesheet import SheetRow, Timesheet

FIRST_DAY_COLUMN = 4  # A №, B name, C employee number
DAY_COLUMNS = 16
HALF_DAYS = FIRST_DAY_COLUMN + DAY_COLUMNS  # T
HALF_HOURS = HALF_DAYS + 1  # U
MONTH_DAYS = HALF_DAYS + 2  # V
MONTH_HOURS = HALF_DAYS + 3  # W
HEAD_ROW = 4  # the first of the three header rows
FIRST_PERSON_ROW = HEAD_ROW + 3

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_BOLD = Font(bold=True)
_SMALL = Font(size=8)


def _hours(minutes: int) -> Decimal | None:
    """Hours as a number, 2 decimals at most; None for an empty cell."""
    if minutes == 0:
        return None
    return (Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize()


def _put(sheet: Worksheet, row: int, column: int, value: object, font: Font = _SMALL) -> None:
    target = sheet.cell(row=row, column=column)
    target.value = value
    target.border = _BOX
    target.alignment = _CENTER
    target.font = font
    if isinstance(value, str):
        target.data_type = "s"


def _merge(sheet: Worksheet, row: int, column: int, rows: int, columns: int = 1) -> None:
    if rows > 1 or columns > 1:
        sheet.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + rows - 1,
            end_column=column + columns - 1,
        )
    for r in range(row, row + rows):
        for c in range(column, column + columns):
            sheet.cell(row=r, column=c).border = _BOX


def _header(sheet: Worksheet, labels: Mapping[str, str]) -> None:
    row = HEAD_ROW
    for column, key in ((1, "number"), (2, "name"), (3, "code")):
        _put(sheet, row, column, labels[key], _BOLD)
        _merge(sheet, row, column, 3)
    _put(sheet, row, FIRST_DAY_COLUMN, labels["marks"], _BOLD)
    _merge(sheet, row, FIRST_DAY_COLUMN, 1, DAY_COLUMNS)
    for i in range(DAY_COLUMNS):
        _put(sheet, row + 1, FIRST_DAY_COLUMN + i, i + 1 if i < 15 else "X")
        _put(sheet, row + 2, FIRST_DAY_COLUMN + i, 16 + i)
    _put(sheet, row, HALF_DAYS, labels["half"])
    _merge(sheet, row, HALF_DAYS, 1, 2)
    _put(sheet, row, MONTH_DAYS, labels["month"])
    _merge(sheet, row, MONTH_DAYS, 1, 2)
    # Room for the wrapped headings of the totals.
    sheet.row_dimensions[row].height = 42
    for column in (HALF_DAYS, MONTH_DAYS):
        _put(sheet, row + 1, column, labels["days"])
        _merge(sheet, row + 1, column, 2)
        _put(sheet, row + 1, column + 1, labels["hours"])
        _merge(sheet, row + 1, column + 1, 2)


def _person(sheet: Worksheet, row: int, index: int, person: SheetRow, days_in_month: int) -> None:
    for column, value in ((1, index), (2, person.full_name), (3, person.code)):
        _put(sheet, row, column, value, _BOLD if column == 2 else _SMALL)
        _merge(sheet, row, column, 4)
    halves = ((1, 15), (16, days_in_month))
    for half, (first, last) in enumerate(halves):
        code_row, hours_row = row + 2 * half, row + 2 * half + 1
        for i in range(DAY_COLUMNS):
            day = first + i
            if half == 0 and i == 15:
                _put(sheet, code_row, FIRST_DAY_COLUMN + i, "X")
                _put(sheet, hours_row, FIRST_DAY_COLUMN + i, "X")
                continue
            mark = person.marks[day - 1] if day <= last else None
            _put(sheet, code_row, FIRST_DAY_COLUMN + i, mark.code if mark else None)
            _put(sheet, hours_row, FIRST_DAY_COLUMN + i, _hours(mark.minutes) if mark else None)
        _put(sheet, code_row, HALF_DAYS, person.days(first, last))
        _merge(sheet, code_row, HALF_DAYS, 2)
        _put(sheet, code_row, HALF_HOURS, _hours(person.minutes(first, last)) or 0)
        _merge(sheet, code_row, HALF_HOURS, 2)
    _put(sheet, row, MONTH_DAYS, person.days(1, days_in_month), _BOLD)
    _merge(sheet, row, MONTH_DAYS, 4)
    _put(sheet, row, MONTH_HOURS, _hours(person.minutes(1, days_in_month)) or 0, _BOLD)
    _merge(sheet, row, MONTH_HOURS, 4)


def timesheet_xlsx(sheet_data: Timesheet, labels: Mapping[str, str]) -> bytes:
    """`labels`: title, period, number, name, code, marks, half, month, days, hours, legend,
    sheet (the tab's name)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = labels["sheet"][:31]
    sheet.cell(row=1, column=1, value=labels["title"]).font = Font(bold=True, size=12)
    sheet.cell(row=2, column=1, value=labels["period"]).font = _BOLD
    sheet.cell(row=3, column=1, value=labels["legend"]).font = _SMALL
    _header(sheet, labels)
    days_in_month = sheet_data.last.day
    for index, person in enumerate(sheet_data.rows, start=1):
        _person(sheet, FIRST_PERSON_ROW + 4 * (index - 1), index, person, days_in_month)

    sheet.column_dimensions["A"].width = 4
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = 7
    for i in range(DAY_COLUMNS):
        sheet.column_dimensions[get_column_letter(FIRST_DAY_COLUMN + i)].width = 4.2
    for column in (HALF_DAYS, HALF_HOURS, MONTH_DAYS, MONTH_HOURS):
        sheet.column_dimensions[get_column_letter(column)].width = 7
    # A4 landscape, all columns on one page's width, the header repeated on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW + 2}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.freeze_panes = sheet.cell(row=FIRST_PERSON_ROW, column=FIRST_DAY_COLUMN)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
