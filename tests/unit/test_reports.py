from __future__ import annotations

import csv
import io
import threading
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image

from views.chart import MAX_CHART_PEOPLE, ChartBar, plan_chart_png
from views.csvfile import PAYROLL_COLUMNS, PLAN_COLUMNS, cell, csv_bytes
from views.xlsx import payroll_xlsx

BOM = b"\xef\xbb\xbf"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --------------------------------------------------------------------------- helpers


def parse_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def plan_row(**overrides: object) -> list[object]:
    values: dict[str, object] = {
        "task": 12,
        "title": "Login page",
        "group": "Web",
        "assignee": "e3",
        "status": "in_progress",
        "estimate_h": Decimal("10"),
        "logged_h": Decimal("1.5"),
        "planned_h": Decimal("4.125"),
        "lag_h": Decimal("2.625"),
        "lag_days": "0.3",
        "deadline": date(2024, 3, 9),
        "forecast_finish": date(2024, 3, 11),
        "late_days": 2,
    }
    values.update(overrides)
    return [values[name] for name in PLAN_COLUMNS]


def plan_csv_row(**overrides: object) -> dict[str, str]:
    header, row = parse_csv(csv_bytes(PLAN_COLUMNS, [plan_row(**overrides)]))
    return dict(zip(header, row, strict=True))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    # The first chunk after the signature is IHDR: length, type, then width and height.
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def chart(bars: Sequence[ChartBar], title: str = "Plan") -> bytes:
    return plan_chart_png(
        bars,
        title=title,
        planned_label="Planned",
        logged_label="Logged",
        lag_label="Lag",
        hours_label="Hours",
    )


def people(count: int) -> list[ChartBar]:
    return [
        ChartBar(f"Person {i}", planned_h=10.0 + i, logged_h=5.0 + i, lag_h=float(i % 3))
        for i in range(count)
    ]


HEADERS = (
    "Сотрудник",
    "ФИО",
    "Telegram",
    "Оплата",
    "Отработано, ч",
    "Норма, ч",
    "Переработка, ч",
    "Сумма",
    "Валюта",
    "Премия",
    "Удержание",
    "Итого",
    "Отпуск, дн.",
    "Больничный, дн.",
)


def payroll_row(**overrides: object) -> list[object]:
    values: dict[str, object] = {
        "employee": "e1",
        "full_name": "Иванов Иван",
        "telegram_id": 123456789,
        "pay_type": "hourly",
        "worked_h": Decimal("160.5"),
        "norm_h": Decimal("168"),
        "overtime_h": Decimal("0"),
        "amount": Decimal("120375.555"),
        "currency": "RUB",
        "bonus": Decimal("0"),
        "deduction": Decimal("0"),
        "total": Decimal("120375.555"),
        "vacation_days": 0,
        "sick_days": 0,
    }
    values.update(overrides)
    return [values[name] for name in PAYROLL_COLUMNS]


def load_sheet(data: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(data)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def column(name: str) -> int:
    return PAYROLL_COLUMNS.index(name) + 1


# ------------------------------------------------------------------------------ cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (Decimal("1.5"), "1.50"),
        (Decimal("2.675"), "2.68"),
        (Decimal("0.005"), "0.01"),
        (Decimal("-1.005"), "-1.01"),
        (Decimal("1E+3"), "1000.00"),
        (Decimal("0"), "0.00"),
        (2.675, "2.68"),
        (7, "7"),
        (-3, "-3"),
        (date(2024, 1, 5), "2024-01-05"),
        ("0.5", "0.5"),
        ("Задача", "Задача"),
    ],
)
def test_cell(value: object, expected: str) -> None:
    assert cell(value) == expected


@pytest.mark.parametrize("value", [True, datetime(2024, 1, 5, 10, 0), object(), [1]])
def test_cell_rejects_values_outside_the_contract(value: object) -> None:
    with pytest.raises(TypeError):
        cell(value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("inf")])
def test_cell_rejects_non_finite_numbers(value: object) -> None:
    with pytest.raises(ValueError):
        cell(value)


# ------------------------------------------------------------------------------- csv


def test_csv_has_bom_crlf_and_exact_plan_header() -> None:
    data = csv_bytes(PLAN_COLUMNS, [])
    assert data == BOM + (",".join(PLAN_COLUMNS) + "\r\n").encode()


def test_csv_payroll_header() -> None:
    header, *rows = parse_csv(csv_bytes(PAYROLL_COLUMNS, []))
    assert header == [
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
    ]
    assert rows == []


def test_csv_plan_row_values() -> None:
    row = plan_csv_row(forecast_finish=None)
    assert row == {
        "task": "12",
        "title": "Login page",
        "group": "Web",
        "assignee": "e3",
        "status": "in_progress",
        "estimate_h": "10.00",
        "logged_h": "1.50",
        "planned_h": "4.13",
        "lag_h": "2.63",
        "lag_days": "0.3",
        "deadline": "2024-03-09",
        "forecast_finish": "",
        "late_days": "2",
    }


def test_csv_payroll_amount_none_is_empty_cell() -> None:
    row = payroll_row(norm_h=None, amount=None)
    header, parsed = parse_csv(csv_bytes(PAYROLL_COLUMNS, [row]))
    record = dict(zip(header, parsed, strict=True))
    assert record["amount"] == ""
    assert record["norm_h"] == ""
    assert record["worked_h"] == "160.50"
    assert record["telegram_id"] == "123456789"


def test_csv_cyrillic_round_trips() -> None:
    title = "Исправить вход — ошибка «401»"
    raw = csv_bytes(PLAN_COLUMNS, [plan_row(title=title, group="Бэкенд")])
    assert title.encode("utf-8") in raw
    row = plan_csv_row(title=title, group="Бэкенд")
    assert row["title"] == title
    assert row["group"] == "Бэкенд"


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    title = 'Fix "login", then\nretry, please'
    raw = csv_bytes(PLAN_COLUMNS, [plan_row(title=title)])
    assert b'"Fix ""login"", then\nretry, please"' in raw
    assert plan_csv_row(title=title)["title"] == title


@pytest.mark.parametrize(
    "title",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tindented",
        "\rreturn",
    ],
)
def test_csv_neutralises_formula_injection(title: str) -> None:
    assert plan_csv_row(title=title)["title"] == "'" + title


def test_csv_keeps_numbers_and_safe_text_as_they_are() -> None:
    row = plan_csv_row(
        title="a=b is fine",
        lag_h=Decimal("-1.5"),
        late_days=-2,
        lag_days="-0.5",
    )
    assert row["title"] == "a=b is fine"
    assert row["lag_h"] == "-1.50"
    assert row["late_days"] == "-2"
    assert row["lag_days"] == "-0.5"


def test_csv_rejects_rows_of_wrong_width() -> None:
    with pytest.raises(ValueError, match="row 1"):
        csv_bytes(PLAN_COLUMNS, [plan_row()[:-1]])


def test_csv_accepts_a_generator() -> None:
    _header, *rows = parse_csv(csv_bytes(PLAN_COLUMNS, (plan_row(task=n) for n in range(3))))
    assert [row[0] for row in rows] == ["0", "1", "2"]


# ------------------------------------------------------------------------------ xlsx


def make_xlsx(rows: Sequence[Sequence[object]], title: str = "Зарплата март 2024") -> Worksheet:
    return load_sheet(payroll_xlsx(rows, title=title, headers=HEADERS, currency="RUB"))


def test_xlsx_header_is_bold_filled_and_frozen() -> None:
    sheet = make_xlsx([payroll_row()])
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert all(c.font.bold for c in sheet[1])
    assert all(c.fill.fill_type == "solid" for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "Зарплата март 2024"


def test_xlsx_values_and_number_formats() -> None:
    sheet = make_xlsx([payroll_row()])
    assert sheet.cell(2, column("employee")).value == "e1"
    assert sheet.cell(2, column("full_name")).value == "Иванов Иван"
    telegram = sheet.cell(2, column("telegram_id"))
    assert telegram.value == 123456789
    assert telegram.number_format == "0"
    for name, expected in (("worked_h", 160.5), ("norm_h", 168), ("overtime_h", 0)):
        hours = sheet.cell(2, column(name))
        assert hours.data_type == "n"
        assert hours.value == pytest.approx(expected)
        assert hours.number_format == "0.00"
    amount = sheet.cell(2, column("amount"))
    assert amount.value == pytest.approx(120375.56)
    assert amount.number_format == "#,##0.00"
    assert sheet.cell(2, column("currency")).value == "RUB"


def test_xlsx_none_is_an_empty_cell() -> None:
    sheet = make_xlsx([payroll_row(norm_h=None, amount=None, telegram_id=None)])
    assert sheet.cell(2, column("norm_h")).value is None
    assert sheet.cell(2, column("amount")).value is None
    assert sheet.cell(2, column("telegram_id")).value is None


def test_xlsx_totals_row_has_sum_formulas() -> None:
    rows = [payroll_row(employee=f"e{n}") for n in range(1, 4)]
    sheet = make_xlsx(rows)
    assert sheet.max_row == 5
    assert sheet.cell(5, 1).value == "Σ"
    assert sheet.cell(5, 1).font.bold
    assert sheet.cell(5, column("worked_h")).value == "=SUM(E2:E4)"
    assert sheet.cell(5, column("overtime_h")).value == "=SUM(G2:G4)"
    assert sheet.cell(5, column("amount")).value == "=SUM(H2:H4)"
    assert sheet.cell(5, column("amount")).number_format == "#,##0.00"
    assert sheet.cell(5, column("worked_h")).number_format == "0.00"
    assert sheet.cell(5, column("norm_h")).value is None
    assert sheet.cell(5, column("currency")).value == "RUB"


def test_xlsx_totals_label_can_be_localized() -> None:
    data = payroll_xlsx(
        [payroll_row()], title="t", headers=HEADERS, currency="RUB", total_label="Итого"
    )
    assert load_sheet(data).cell(3, 1).value == "Итого"


def test_xlsx_without_rows_has_zero_totals_not_a_circular_formula() -> None:
    sheet = make_xlsx([])
    assert sheet.max_row == 2
    assert sheet.cell(2, column("worked_h")).value == 0
    assert sheet.cell(2, column("amount")).value == 0


@pytest.mark.parametrize("name", ["=1+1", '=HYPERLINK("http://x","y")', "+7 999", "@me"])
def test_xlsx_formula_like_text_is_stored_as_text(name: str) -> None:
    sheet = make_xlsx([payroll_row(full_name=name, employee=name)])
    for index in (column("full_name"), column("employee")):
        stored = sheet.cell(2, index)
        assert stored.value == name
        assert stored.data_type == "s"


def test_xlsx_header_labels_are_text_too() -> None:
    headers = ("=1+1", *HEADERS[1:])
    sheet = load_sheet(payroll_xlsx([], title="t", headers=headers, currency="RUB"))
    assert sheet.cell(1, 1).value == "=1+1"
    assert sheet.cell(1, 1).data_type == "s"


def test_xlsx_column_widths_fit_the_content() -> None:
    long_name = "Константинопольский-Задунайский Александр Александрович"
    sheet = make_xlsx([payroll_row(full_name=long_name)])
    name_width = sheet.column_dimensions["B"].width
    assert name_width >= len(long_name)
    assert sheet.column_dimensions["I"].width < name_width


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Payroll [March]: 2024/03 *final?* \\x", "Payroll March 202403 final x"),
        ("А" * 40, "А" * 31),
        ("[]:*?/\\", "Sheet1"),
        ("'quoted'", "quoted"),
    ],
)
def test_xlsx_sheet_title_is_made_valid(title: str, expected: str) -> None:
    assert make_xlsx([], title=title).title == expected


def test_xlsx_control_characters_do_not_break_the_file() -> None:
    sheet = make_xlsx([payroll_row(full_name="Bad\x00name\x07")])
    assert sheet.cell(2, column("full_name")).value == "Badname"


def test_xlsx_rejects_mixed_currencies() -> None:
    with pytest.raises(ValueError, match="USD"):
        payroll_xlsx([payroll_row(currency="USD")], title="t", headers=HEADERS, currency="RUB")


def test_xlsx_rejects_wrong_header_count() -> None:
    with pytest.raises(ValueError, match="headers"):
        payroll_xlsx([], title="t", headers=HEADERS[:-1], currency="RUB")


def test_xlsx_rejects_text_in_a_number_column() -> None:
    with pytest.raises(TypeError, match="worked_h"):
        payroll_xlsx([payroll_row(worked_h="160")], title="t", headers=HEADERS, currency="RUB")


# ----------------------------------------------------------------------------- chart


def test_chart_is_a_png_about_1000_px_wide() -> None:
    width, height = png_size(chart(people(5)))
    assert 950 <= width <= 1050
    assert height > 200


def test_chart_grows_with_the_number_of_people() -> None:
    _, short = png_size(chart(people(2)))
    _, tall = png_size(chart(people(20)))
    assert tall > short * 2


def test_chart_with_no_people() -> None:
    width, height = png_size(chart([], title="Пусто"))
    assert 950 <= width <= 1050
    assert height > 100


def test_chart_caps_people_and_says_how_many_were_cut() -> None:
    many = people(40)
    _, capped = png_size(chart(many))
    _, at_limit = png_size(chart(many[:MAX_CHART_PEOPLE]))
    assert capped == at_limit
    # The "+10" suffix changes the title pixels, so the images must differ.
    assert chart(many) != chart(many[:MAX_CHART_PEOPLE])


def red_pixels(data: bytes) -> int:
    raw = Image.open(io.BytesIO(data)).convert("RGB").tobytes()
    pixels = zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 180 and g < 90 and b < 90)


def test_chart_highlights_lag_in_red() -> None:
    calm = chart([ChartBar("A", 10.0, 10.0, 0.0), ChartBar("B", 8.0, 9.0, 0.0)])
    late = chart([ChartBar("A", 10.0, 10.0, 0.0), ChartBar("B", 8.0, 6.0, 2.0)])
    # Only the legend swatch is red when nobody lags; a lagging bar adds far more.
    assert red_pixels(late) > red_pixels(calm) + 5000


def glyph_warnings(record: Sequence[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in record if "Glyph" in str(w.message)]


def test_chart_cyrillic_labels_have_all_glyphs(recwarn: pytest.WarningsRecorder) -> None:
    bars = [
        ChartBar("Иванов Иван", 40.0, 32.5, 7.5),
        ChartBar("Пётр Щукин-Эльдаров", 20.0, 22.0, 0.0),
    ]
    png = plan_chart_png(
        bars,
        title="План на неделю",
        planned_label="План",
        logged_label="Факт",
        lag_label="Отставание",
        hours_label="Часы",
    )
    assert png.startswith(PNG_SIGNATURE)
    assert glyph_warnings(recwarn.list) == []


def test_glyph_check_detects_a_missing_glyph(recwarn: pytest.WarningsRecorder) -> None:
    # Guards the test above: the default font has no CJK, so this must warn.
    chart([ChartBar("漢字", 1.0, 1.0, 0.0)])
    assert glyph_warnings(recwarn.list)


def test_a_missing_glyph_warns_on_every_chart(recwarn: pytest.WarningsRecorder) -> None:
    # Glyphs are kept between charts; one the font lacks must not be, or only the first
    # chart would say it is missing.
    chart([ChartBar("漢字", 1.0, 1.0, 0.0)])
    recwarn.clear()
    chart([ChartBar("漢字", 1.0, 1.0, 0.0)])
    assert glyph_warnings(recwarn.list)


def bands(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs of True, as (first, last) indices."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        elif flag:
            runs.append((i, i))
    return runs


def test_each_name_is_beside_its_bars_and_ends_before_the_axis() -> None:
    count = 12
    names = [
        f"Константинопольская Анна-Мария (e{i})" if i % 2 else f"Ли (e{i})" for i in range(count)
    ]
    image = Image.open(io.BytesIO(chart([ChartBar(n, 10.0, 4.0, 6.0) for n in names])))
    width, height = image.size
    raw = image.convert("RGB").tobytes()

    def rgb(x: int, y: int) -> tuple[int, ...]:
        return tuple(raw[3 * (y * width + x) : 3 * (y * width + x) + 3])

    def near(x: int, y: int, color: tuple[int, int, int]) -> bool:
        return all(abs(a - b) < 12 for a, b in zip(rgb(x, y), color, strict=True))

    middle = height // 2
    planned = (0x9D, 0xB4, 0xD0)
    bar_start = next(x for x in range(width) if near(x, middle, planned))  # at 0 h, by the axis
    ink_rows = [[x for x in range(bar_start - 10) if max(rgb(x, y)) < 128] for y in range(height)]
    name_bands = bands([bool(row) for row in ink_rows])
    planned_bands = bands([near(bar_start + 3, y, planned) for y in range(height)])
    logged_bands = bands([near(bar_start + 3, y, (0x2F, 0x6D, 0xB5)) for y in range(height)])
    assert len(name_bands) == len(planned_bands) == len(logged_bands) == count
    for (top, bottom), (_, planned_end), (logged_start, _) in zip(
        name_bands, planned_bands, logged_bands, strict=True
    ):
        # Centred on the person's row: where the planned bar ends and the logged one begins.
        assert abs((top + bottom) / 2 - (planned_end + logged_start) / 2) <= 2.5
        # Right-aligned: the tick's 14 px between the name and the axis (and the bracket's
        # own margin, the axis line's width).
        last_ink = max(max(ink_rows[y]) for y in range(top, bottom + 1))
        assert bar_start - 20 <= last_ink <= bar_start - 16


# A Text places kerned glyphs at 1/64 px, the kept glyphs at whole pixels: a pixel of leeway
# across for the kerned Latin pairs, none for the rest.
@pytest.mark.parametrize(
    ("label", "leeway"),
    [
        ("Константинопольский-Прео… (e12)", 0),
        ("AV Ty To. Wa LT (e1)", 1),
        ("jЙ,ё$", 0),
        ("—", 0),
        ("ЁЙ", 0),
        ("ру", 0),
    ],
)
def test_a_name_is_drawn_where_a_text_would_be(label: str, leeway: int) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from views import chart as drawing

    def ink(add: Callable[[Figure], object]) -> tuple[int, int, int, int] | None:
        figure = Figure(figsize=(5, 1), dpi=120)
        canvas = FigureCanvasAgg(figure)
        add(figure)
        canvas.draw()
        gray = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
        return gray.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()

    def text(figure: Figure) -> object:
        return figure.text(0.9, 0.5, label, ha="right", va="center", fontsize=11, parse_math=False)

    def ours(figure: Figure) -> object:
        texts = drawing._Texts(figure.transFigure)
        texts.add(0.9, 0.5, label, drawing._NAME_FACE, "black", right=True)
        return figure.add_artist(texts)

    expected, drawn = ink(text), ink(ours)
    assert expected is not None and drawn is not None
    assert (expected[1], expected[3]) == (drawn[1], drawn[3])
    assert abs(expected[0] - drawn[0]) <= leeway and abs(expected[2] - drawn[2]) <= leeway


@pytest.mark.parametrize(
    "text", ["План: Разработка (+20)", "AV Ty To. Wa", "0.0", "jЁ,$ (e1)", "—"]
)
def test_kept_glyphs_measure_a_text_as_freetype_does(text: str) -> None:
    # The title, the hour axis and the legend are laid out from these measurements.
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from views import chart as drawing

    stock, kept = RendererAgg(100, 100, 120), drawing._Renderer(100, 100, 120)
    for prop in (FontProperties(size=10), FontProperties(size=13, weight="bold")):
        expected = stock.get_text_width_height_descent(text, prop, False)
        assert kept.get_text_width_height_descent(text, prop, False) == pytest.approx(expected)


def test_chart_rejects_non_finite_hours() -> None:
    with pytest.raises(ValueError, match="logged_h"):
        chart([ChartBar("A", 1.0, float("nan"), 0.0)])


def test_chart_from_many_threads_at_once() -> None:
    start = threading.Barrier(6)

    def render(count: int) -> bytes:
        start.wait()
        return chart(people(count), title=f"Thread {count}")

    with ThreadPoolExecutor(max_workers=6) as pool:
        images = list(pool.map(render, [0, 2, 5, 10, 20, 40]))
    heights = [png_size(image)[1] for image in images]
    assert heights == sorted(heights)
    assert heights[0] < heights[-1]


def blue_pixels(data: bytes) -> int:
    """Pixels of the logged colour (#2f6db5)."""
    raw = Image.open(io.BytesIO(data)).convert("RGB").tobytes()
    pixels = zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
    return sum(1 for r, g, b in pixels if abs(r - 47) < 12 and abs(g - 109) < 12 and b > 160)


def test_the_logged_bar_keeps_its_colour_when_someone_is_behind() -> None:
    # Same logged hours, with and without a lag: the logged bar is the same blue either way,
    # and the lag is its own red piece (one colour per meaning, as the legend says).
    calm = chart([ChartBar("A", 6.0, 6.0, 0.0), ChartBar("B", 10.0, 10.0, 0.0)])
    behind = chart([ChartBar("A", 10.0, 6.0, 4.0), ChartBar("B", 10.0, 10.0, 0.0)])
    assert abs(blue_pixels(behind) - blue_pixels(calm)) < 0.1 * blue_pixels(calm)
    assert red_pixels(behind) > red_pixels(calm) + 2000


@pytest.mark.parametrize("name", ["$", "$$", "Ann $\\frac{1}$ $x", "Bob $_$ money$", "$\\$"])
def test_dollar_signs_in_names_and_titles_are_printed_not_parsed(name: str) -> None:
    png = plan_chart_png(
        [ChartBar(name, 10.0, 6.0, 4.0, "10 h", "6 h", f"lag {name}")],
        title=f"Plan: {name}",
        planned_label=name,
        logged_label="Logged",
        lag_label="Lag",
        hours_label="Hours",
    )
    assert png.startswith(PNG_SIGNATURE)
