"""Report files the bot sends: plan and payroll CSV, the payroll spreadsheet and the plan chart.

Everything here is pure: values in, bytes out. No database, no Telegram.
"""

from __future__ import annotations

import csv
import io
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import matplotlib

# Headless server: no GUI backend may ever be picked, even if something imports pyplot later.
matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

__all__ = [
    "MAX_CHART_PEOPLE",
    "PAYROLL_COLUMNS",
    "PLAN_COLUMNS",
    "ChartBar",
    "cell",
    "csv_bytes",
    "payroll_xlsx",
    "plan_chart_png",
]

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
)

MAX_CHART_PEOPLE = 30

_CENT = Decimal("0.01")


# --------------------------------------------------------------------------- CSV


def _money(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


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
        return f"{_money(value):f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        # repr gives the shortest exact decimal, so 2.675 rounds like the user reads it.
        return f"{_money(Decimal(repr(value))):f}"
    if isinstance(value, datetime):
        raise TypeError("datetime is not a CSV value; pass a date")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"unsupported CSV value: {type(value).__name__}")


# A plain number typed as text cannot start a formula, so lag_days such as "-0.5" stay readable.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _csv_text(value: object) -> str:
    text = cell(value)
    # Only free text can carry a formula; numbers rendered from Decimal or int are ours.
    return _neutralise(text) if isinstance(value, str) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file: UTF-8 with BOM, commas, CRLF, header first, cells from `cell()`.

    Text starting with = + - @ TAB or CR gets a leading apostrophe so a spreadsheet does not
    run it as a formula; numbers keep their sign.
    """
    width = len(columns)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([_neutralise(str(name)) for name in columns])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"row {number} has {len(row)} cells, expected {width}")
        writer.writerow([_csv_text(value) for value in row])
    # The BOM makes Excel open the file as UTF-8 instead of the local ANSI code page.
    return buffer.getvalue().encode("utf-8-sig")


# -------------------------------------------------------------------------- XLSX

_HOURS_COLUMNS = frozenset({"worked_h", "norm_h", "overtime_h"})
_MONEY_COLUMNS = frozenset({"amount"})
_ID_COLUMNS = frozenset({"telegram_id"})
_TOTAL_COLUMNS = ("worked_h", "overtime_h", "amount")

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
    return _money(decimal)


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


# ------------------------------------------------------------------------- chart


@dataclass(frozen=True)
class ChartBar:
    label: str  # person name
    planned_h: float
    logged_h: float
    lag_h: float


_DPI = 120
_WIDTH_PX = 1000
_BASE_HEIGHT_IN = 1.6
_PERSON_HEIGHT_IN = 0.42
_MIN_HEIGHT_IN = 3.0
_LABEL_MAX = 24
_FONT_SIZE = 11
_PLANNED_COLOR = "#9db4d0"
_LOGGED_COLOR = "#2f6db5"
_LAG_COLOR = "#d62728"

# Matplotlib documents itself as not thread-safe (shared font caches, text layout), so renders
# from worker threads take turns; one chart takes a fraction of a second.
_RENDER_LOCK = threading.Lock()


def _short(label: str) -> str:
    label = " ".join(label.split()) or "—"
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


_TEXT_PATHS = TextToPath()
# Inches around the plot: the title above; the hour ticks, their label and the legend below.
_TOP_IN = 0.5
_BOTTOM_IN = 1.0
_RIGHT_IN = 0.25
_TICK_PAD_PT = 14.0  # tick length, its gap to the name, and a little air


def _chart_margins(labels: Sequence[str], width_in: float, height_in: float) -> dict[str, float]:
    """The plot's margins as figure fractions, computed rather than found by the layout engine
    (which took most of a chart's time): the left one fits the widest name, measured with the
    font's own metrics."""
    font = FontProperties(size=_FONT_SIZE)
    widest_pt = max(
        (
            _TEXT_PATHS.get_text_width_height_descent(label, font, ismath=False)[0]
            for label in labels
        ),
        default=0.0,
    )
    left_in = (widest_pt + _TICK_PAD_PT) / 72 + 0.1
    return {
        "left": min(left_in / width_in, 0.5),
        "right": 1 - _RIGHT_IN / width_in,
        "top": 1 - _TOP_IN / height_in,
        "bottom": _BOTTOM_IN / height_in,
    }


def _finite(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value}")
    return number


def plan_chart_png(
    bars: Sequence[ChartBar],
    *,
    title: str,
    planned_label: str,
    logged_label: str,
    lag_label: str,
    hours_label: str,
) -> bytes:
    """A PNG chart of planned vs logged hours per person, about 1000 px wide.

    People with a lag get a red logged bar and the lag written next to it. Only the first
    MAX_CHART_PEOPLE bars are drawn (callers put the worst first); the title then ends with
    "(+N)" for the people left out.
    """
    shown = list(bars[:MAX_CHART_PEOPLE])
    hidden = len(bars) - len(shown)
    heading = f"{title} (+{hidden})" if hidden else title
    planned = [_finite(bar.planned_h, "planned_h") for bar in shown]
    logged = [_finite(bar.logged_h, "logged_h") for bar in shown]
    lags = [_finite(bar.lag_h, "lag_h") for bar in shown]

    height_in = max(_MIN_HEIGHT_IN, _BASE_HEIGHT_IN + _PERSON_HEIGHT_IN * len(shown))
    width_in = _WIDTH_PX / _DPI
    labels = [_short(bar.label) for bar in shown]
    with _RENDER_LOCK:
        figure = Figure(figsize=(width_in, height_in), dpi=_DPI)
        figure.subplots_adjust(**_chart_margins(labels, width_in, height_in))
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.set_title(heading, fontsize=_FONT_SIZE + 2, fontweight="bold", loc="left")

        if shown:
            positions = list(range(len(shown)))
            thickness = 0.4
            axes.barh(
                [p - thickness / 2 for p in positions],
                planned,
                height=thickness,
                color=_PLANNED_COLOR,
            )
            axes.barh(
                [p + thickness / 2 for p in positions],
                logged,
                height=thickness,
                color=[_LAG_COLOR if lag > 0 else _LOGGED_COLOR for lag in lags],
            )
            longest = max([*planned, *logged, 0.0])
            for position, lag, plan, done in zip(positions, lags, planned, logged, strict=True):
                if lag > 0:
                    axes.annotate(
                        f"{lag_label}: {lag:.1f}",
                        xy=(max(plan, done, 0.0), position),
                        xytext=(6, 0),
                        textcoords="offset points",
                        va="center",
                        color=_LAG_COLOR,
                        fontsize=_FONT_SIZE - 1,
                        fontweight="bold",
                    )
            # Room on the right for the lag labels.
            axes.set_xlim(0, longest * 1.35 if longest > 0 else 1)
            axes.set_yticks(positions, labels, fontsize=_FONT_SIZE)
            axes.set_ylim(len(shown) - 0.5, -0.5)  # worst first, at the top
            axes.grid(axis="x", alpha=0.3)
            axes.set_axisbelow(True)
            handles = [
                Patch(color=_PLANNED_COLOR, label=planned_label),
                Patch(color=_LOGGED_COLOR, label=logged_label),
                Patch(color=_LAG_COLOR, label=lag_label),
            ]
            figure.legend(
                handles=handles,
                loc="lower center",
                bbox_to_anchor=(0.5, 0.0),
                ncols=3,
                frameon=False,
                fontsize=_FONT_SIZE - 1,
            )
        else:
            axes.set_yticks([])
            axes.set_xlim(0, 1)
        axes.set_xlabel(hours_label, fontsize=_FONT_SIZE)
        axes.tick_params(axis="x", labelsize=_FONT_SIZE - 1)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)

        buffer = io.BytesIO()
        # Fast zlib level: the default spent a third of the chart on compression, for a file
        # Telegram recompresses anyway.
        canvas.print_png(buffer, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()
