"""The payroll for people to read: one person's summary, the admin's pages, CSV and XLSX.

Pure: a services.payroll.Payroll and a Translator in, text or bytes out, so the bot's replies
and the monthly payroll_summary job say and send exactly the same thing. Numbers follow the
reader's language (ru "100 000,00", en "100,000.00"); hours drop trailing zeros ("160",
"152,5"). Files keep the contract's format whatever the language: dot decimals, `eN`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from models import Employee, PaySetting
from services.pay import PayRule
from services.payroll import Payroll, PayrollRow
from services.paysettings import rule_args, rule_of
from services.textsplit import fit, utf16_len
from services.units import add_months, month_code, month_start
from views import formats
from views.csvfile import PAYROLL_COLUMNS, csv_bytes
from views.i18n import Translator
from views.xlsx import payroll_xlsx

# Room left under Telegram's 4,096 characters for the page footer and safety.
PAGE_LIMIT = 3800


def money(value: Decimal, currency: str, tr: Translator) -> str:
    return formats.money(value, currency, tr.lang)


def hours(value: Decimal, tr: Translator) -> str:
    return formats.number(value, tr.lang)


def factor(value: Decimal, tr: Translator) -> str:
    return formats.number(value, tr.lang, 3)


def month_name(month: date, tr: Translator) -> str:
    return tr("pay-month-name", name=tr(f"pay-month-{month.month}"), year=month.year)


def type_name(pay_type: str, tr: Translator) -> str:
    return tr(f"pay-type-{pay_type.replace('_', '-')}")


def rule_text(rule: PayRule, currency: str, tr: Translator) -> str:
    amount = money(rule.amount, currency, tr)
    if rule.pay_type == "salary":
        return tr("pay-rule-salary", amount=amount, currency=currency)
    if rule.pay_type == "hourly":
        text = tr("pay-rule-hourly", amount=amount, currency=currency)
    elif rule.norm_hours:
        text = tr(
            "pay-rule-fixed", amount=amount, currency=currency, hours=hours(rule.norm_hours, tr)
        )
    else:
        text = tr("pay-rule-fixed-schedule", amount=amount, currency=currency)
    if rule.k != 1:
        text += tr("pay-rule-k", k=factor(rule.k, tr))
    return text


def no_norm_hint(row: PayrollRow, payroll: Payroll, tr: Translator) -> str:
    """What the admin can set so that the pay can be computed."""
    fixed = PayRule(row.rule.pay_type, row.rule.amount, Decimal(payroll.standard_hours), row.rule.k)
    return tr(
        "payroll-hint",
        code=row.code,
        first=payroll.month.isoformat(),  # a command argument
        month=month_code(payroll.month),
        args=rule_args(fixed),
    )


def _status_lines(payroll: Payroll, tr: Translator) -> list[str]:
    lines = []
    if payroll.as_of is not None:
        lines.append(tr("payroll-so-far", date=payroll.as_of))
    if payroll.locked:
        lines.append(tr("payroll-locked"))
    return lines


def person_summary(
    row: PayrollRow, payroll: Payroll, tr: Translator, title: str | None = None
) -> str:
    """One person's pay: the reply to their /payroll and the monthly summary they receive."""
    r = row.result
    lines = [title or tr("payroll-own-title", month=month_name(payroll.month, tr))]
    lines += _status_lines(payroll, tr)
    lines.append(tr("payroll-own-terms", rule=rule_text(row.rule, payroll.currency, tr)))
    lines.append(tr("payroll-own-worked", hours=hours(r.worked_h, tr)))
    if r.norm_h is not None:
        lines.append(tr("payroll-own-norm", hours=hours(r.norm_h, tr)))
        lines.append(tr("payroll-own-overtime", hours=hours(r.overtime_h, tr)))
    if row.employed_min is not None:
        lines.append(
            tr(
                "payroll-own-prorated",
                part=hours(Decimal(row.employed_min) / 60, tr),
                whole=hours(Decimal(row.scheduled_min) / 60, tr),
            )
        )
    if r.amount is None:
        lines.append(tr("payroll-own-no-norm"))
    else:
        lines.append(tr("payroll-own-amount", amount=money(r.amount, payroll.currency, tr)))
    lines += note_lines(row, payroll.currency, tr)
    return "\n".join(lines)


def note_lines(row: PayrollRow, currency: str, tr: Translator) -> list[str]:
    """Each bonus and deduction with its comment, then the total, when there is any."""
    if not row.notes:
        return []
    lines = []
    for note in row.notes:
        key = f"payroll-note-{note.kind}" + ("" if note.comment else "-bare")
        lines.append(tr(key, amount=money(note.amount, currency, tr), comment=note.comment))
    if row.total is not None:
        lines.append(tr("payroll-own-total", amount=money(row.total, currency, tr)))
    return lines


def row_line(row: PayrollRow, payroll: Payroll, tr: Translator) -> str:
    r = row.result
    name = row.full_name or "—"
    worked = hours(r.worked_h, tr)
    if r.amount is None:
        return tr(
            "payroll-row-no-norm",
            code=row.code,
            name=name,
            type=type_name(row.rule.pay_type, tr),
            worked=worked,
            hint=no_norm_hint(row, payroll, tr),
        )
    if r.norm_h is None:
        spent = tr("payroll-hours", worked=worked)
    elif r.overtime_h:
        spent = tr(
            "payroll-hours-overtime",
            worked=worked,
            norm=hours(r.norm_h, tr),
            overtime=hours(r.overtime_h, tr),
        )
    else:
        spent = tr("payroll-hours-norm", worked=worked, norm=hours(r.norm_h, tr))
    line = tr(
        "payroll-row",
        code=row.code,
        name=name,
        type=type_name(row.rule.pay_type, tr),
        hours=spent,
        amount=money(r.amount, payroll.currency, tr),
    )
    if row.notes and row.total is not None:
        line += tr(
            "payroll-row-total",
            bonus=money(row.bonus, payroll.currency, tr),
            deduction=money(row.deduction, payroll.currency, tr),
            total=money(row.total, payroll.currency, tr),
        )
    return line


def _header(payroll: Payroll, tr: Translator) -> list[str]:
    lines = [tr("payroll-title", month=month_name(payroll.month, tr))]
    lines += _status_lines(payroll, tr)
    lines.append(
        tr(
            "payroll-totals",
            count=len(payroll.rows),
            worked=hours(payroll.worked_h, tr),
            overtime=hours(payroll.overtime_h, tr),
            amount=money(payroll.total, payroll.currency, tr),
        )
    )
    missing = len(payroll.no_norm_rows)
    if missing:
        lines.append(tr("payroll-no-norm-count", count=missing))
    lines.append(tr("payroll-files", month=month_code(payroll.month)))
    return lines


def admin_pages(payroll: Payroll, tr: Translator, limit: int = PAGE_LIMIT) -> list[str]:
    """Everyone's pay, "no norm" people first, cut into pages that each fit one message.

    Every page repeats the heading and totals; the caller adds the page footer.
    """
    if not payroll.rows:
        return [
            tr(
                "payroll-empty",
                month=month_name(payroll.month, tr),
                code=month_code(payroll.month),
            )
        ]
    header = "\n".join(_header(payroll, tr))
    ordered = payroll.no_norm_rows + [row for row in payroll.rows if not row.no_norm]
    pages: list[str] = []
    current = header + "\n"
    for row in ordered:
        line = fit(row_line(row, payroll, tr), limit - utf16_len(header) - 2)
        if utf16_len(current) + 1 + utf16_len(line) > limit and current != header + "\n":
            pages.append(current)
            current = header + "\n"
        current += "\n" + line
    pages.append(current)
    return pages


def file_name(payroll: Payroll, extension: str, ref: str | None = None) -> str:
    """payroll-2026-03.csv, or payroll-2026-03-e5.xlsx for one person."""
    suffix = f"-{ref}" if ref else ""
    return f"payroll-{month_code(payroll.month)}{suffix}.{extension}"


def payroll_csv(payroll: Payroll) -> bytes:
    """The contract's CSV; "no norm" rows keep an empty norm and amount."""
    return csv_bytes(PAYROLL_COLUMNS, [row.cells(payroll.currency) for row in payroll.rows])


def payroll_workbook(payroll: Payroll, tr: Translator) -> bytes:
    """The .xlsx file for people: headers, pay types, sheet title and totals label in the
    reader's language (the CSV keeps the contract's machine values)."""
    kind = PAYROLL_COLUMNS.index("pay_type")
    rows = []
    for row in payroll.rows:
        cells = list(row.cells(payroll.currency))
        cells[kind] = type_name(row.rule.pay_type, tr)
        rows.append(cells)
    return payroll_xlsx(
        rows,
        title=tr("payroll-xlsx-title", month=month_code(payroll.month)),
        headers=[tr(f"payroll-col-{column.replace('_', '-')}") for column in PAYROLL_COLUMNS],
        currency=payroll.currency,
        total_label=tr("payroll-xlsx-total"),
    )


def history_text(
    emp: Employee, settings: list[PaySetting], today: date, currency: str, tr: Translator
) -> str:
    """Every setting, oldest first, the one in force this month marked."""
    this_month = month_start(today)
    if not settings:
        return tr(
            "pay-history-empty", person=emp.display, ref=emp.code, month=month_code(this_month)
        )
    current = max(
        (s.effective_month for s in settings if s.effective_month <= this_month), default=None
    )
    lines = [tr("pay-history-title", person=emp.display)]
    for setting in settings:
        line = tr(
            "pay-history-line",
            month=month_code(setting.effective_month),
            rule=rule_text(rule_of(setting), currency, tr),
        )
        if setting.effective_month == current:
            line += tr("pay-history-current")
        lines.append(line)
    # The example repeats the latest terms, so the admin edits only the number that changes.
    latest = rule_args(rule_of(settings[-1]))
    next_month = month_code(add_months(this_month, 1))
    lines.append(tr("pay-history-change", ref=emp.code, args=latest, month=next_month))
    return "\n".join(lines)
