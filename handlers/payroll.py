"""/payroll [PERSON] [YYYY-MM] [csv|xlsx]: the month's pay as text pages or a file;
/tabel YYYY-MM [GROUP] xlsx: the month's timesheet (form T-13).

Staff see their own pay only; an admin sees everyone (or one PERSON) and gets the files.
/pay lives in handlers.pay, whose router is included here so it shares this router's filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import pay
from handlers.common import split_args
from handlers.routing import Blueprint
from models import Employee
from services import clock, people, timesheet
from services.config import AppConfig
from services.errors import DomainError
from services.payroll import Payroll, month_payroll
from services.timesheet_xlsx import timesheet_xlsx
from services.units import add_months, month_code, month_start, parse_month
from views import payroll as report
from views.i18n import Translator

router = Blueprint(__name__)
router.include_router(pay.router)
FILE_FORMATS = ("csv", "xlsx")
ECHO = 32


class PayrollPage(CallbackData, prefix="prl"):
    month: str
    page: int


@dataclass(frozen=True)
class PayrollAsk:
    month: date
    file_format: str | None
    ref: str | None


def _cut(token: str) -> str:
    return token if len(token) <= ECHO else token[: ECHO - 1] + "…"


def parse_payroll_args(args: list[str], today: date) -> PayrollAsk:
    """`[PERSON] [YYYY-MM] [csv|xlsx]` in any order; default month: the current one."""
    if len(args) > 3:
        raise DomainError("payroll-usage")
    month: date | None = None
    file_format = ref = None
    for token in args:
        if token.lower() in FILE_FORMATS and file_format is None:
            file_format = token.lower()
        elif people.PERSON_REF.match(token) and ref is None:
            ref = token
        elif token[:1].isdigit() and month is None:
            month = parse_month(token)
            if month is None:
                raise DomainError("payroll-month", token=_cut(token))
        else:
            raise DomainError("payroll-arg", token=_cut(token))
    this_month = month_start(today)
    if month is not None and month > this_month:
        raise DomainError(
            "payroll-future",
            month=month_code(month),
            previous=month_code(add_months(this_month, -1)),
        )
    return PayrollAsk(month or this_month, file_format, ref)


def _is_me(ref: str, me: Employee) -> bool:
    match = people.PERSON_REF.match(ref.strip())
    assert match is not None
    username, number = match.groups()
    if number is not None:
        return int(number) == me.id
    return (me.username or "").lower() == username.lower()


@router.message(Command("payroll"))
async def cmd_payroll(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    if message.chat.type != "private":
        raise DomainError("pay-private-chat", command="payroll")
    ask = parse_payroll_args(split_args(message.text), clock.today(config.timezone))
    if me.role != "admin":
        if ask.file_format:
            raise DomainError("payroll-files-admin", month=month_code(ask.month))
        if ask.ref and not _is_me(ask.ref, me):
            raise DomainError("payroll-others-admin")
    target = me if me.role != "admin" else None
    if me.role == "admin" and ask.ref:
        target = await people.resolve_person(session, ask.ref)
    payroll = await month_payroll(session, ask.month, config, [target.id] if target else None)
    if ask.file_format and payroll.rows:
        await _send_file(message, payroll, ask.file_format, target, tr)
    elif target is not None:
        await message.answer(_person_text(payroll, target, me, tr))
    else:
        pages = report.admin_pages(payroll, tr)
        await message.answer(_page(pages, 0, tr), reply_markup=_pager(payroll, pages, 0))


def _person_text(payroll: Payroll, target: Employee, me: Employee, tr: Translator) -> str:
    own = target.id == me.id
    month = report.month_name(payroll.month, tr)
    if not payroll.rows:
        if own and me.role != "admin":
            return tr("payroll-own-none", month=month)
        return tr(
            "payroll-person-none",
            person=target.display,
            month=month,
            ref=target.code,
            code=month_code(payroll.month),
        )
    row = payroll.rows[0]
    if own:
        return report.person_summary(row, payroll, tr)
    title = tr("payroll-person-title", person=target.display, month=month)
    summary = report.person_summary(row, payroll, tr, title=title)
    return summary + ("\n" + report.no_norm_hint(row, payroll, tr) if row.no_norm else "")


async def _send_file(
    message: Message,
    payroll: Payroll,
    file_format: str,
    target: Employee | None,
    tr: Translator,
) -> None:
    data = (
        report.payroll_csv(payroll)
        if file_format == "csv"
        else report.payroll_workbook(payroll, tr)
    )
    name = report.file_name(payroll, file_format, target.code if target else None)
    caption = tr(
        "payroll-file-caption",
        month=report.month_name(payroll.month, tr),
        count=len(payroll.rows),
        amount=report.money(payroll.total, payroll.currency, tr),
        missing=len(payroll.no_norm_rows),
    )
    await message.answer_document(BufferedInputFile(data, filename=name), caption=caption)


def _page(pages: list[str], page: int, tr: Translator) -> str:
    if len(pages) == 1:
        return pages[0]
    return pages[page] + "\n\n" + tr("payroll-page", page=page + 1, pages=len(pages))


def _pager(payroll: Payroll, pages: list[str], page: int) -> InlineKeyboardMarkup | None:
    if len(pages) == 1:
        return None
    month = month_code(payroll.month)
    builder = InlineKeyboardBuilder()
    if page > 0:
        builder.button(text="◀", callback_data=PayrollPage(month=month, page=page - 1))
    if page < len(pages) - 1:
        builder.button(text="▶", callback_data=PayrollPage(month=month, page=page + 1))
    return builder.as_markup()


@router.callback_query(PayrollPage.filter())
async def cb_payroll_page(
    callback: CallbackQuery,
    callback_data: PayrollPage,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    month = parse_month(callback_data.month)
    shown = callback.message
    if not isinstance(shown, Message):
        await callback.answer(tr("stale-button"), show_alert=True)
        return
    if me.role != "admin" or month is None:
        # Callback data comes from the client: the page is shown to admins only.
        await callback.answer(tr("payroll-others-denied"), show_alert=True)
        return
    payroll = await month_payroll(session, month, config)
    pages = report.admin_pages(payroll, tr)
    page = min(max(callback_data.page, 0), len(pages) - 1)
    await shown.edit_text(_page(pages, page, tr), reply_markup=_pager(payroll, pages, page))
    await callback.answer()


TABEL_LABELS = ("number", "name", "code", "marks", "half", "month", "days", "hours", "legend")


@router.message(Command("tabel"))
async def cmd_tabel(
    message: Message, session: AsyncSession, tr: Translator, config: AppConfig
) -> None:
    """`/tabel YYYY-MM [GROUP] xlsx`: the month's T-13 timesheet as a spreadsheet."""
    today = clock.today(config.timezone)
    month, group_name = parse_tabel_args(split_args(message.text), today)
    group = await people.group_by_name(session, group_name) if group_name else None
    sheet = await timesheet.timesheet(
        session, month, today, config.holidays_country, group.id if group else None
    )
    code = month_code(month)
    labels = {key: tr(f"tabel-{key}") for key in TABEL_LABELS}
    labels["title"] = tr("tabel-title")
    labels["period"] = tr(
        "tabel-period", month=report.month_name(month, tr), group=group.name if group else "—"
    )
    labels["sheet"] = code
    data = timesheet_xlsx(sheet, labels)
    suffix = f"-{group.name}" if group else ""
    name = f"tabel-{code}{suffix}.xlsx"
    caption = tr("tabel-caption", month=report.month_name(month, tr), count=len(sheet.rows))
    await message.answer_document(BufferedInputFile(data, filename=name), caption=caption)


def parse_tabel_args(args: list[str], today: date) -> tuple[date, str | None]:
    """`YYYY-MM [GROUP] [xlsx]` in any order; the month may not lie ahead."""
    month: date | None = None
    group: str | None = None
    for token in args:
        if token.lower() == "xlsx":
            continue
        if token[:1].isdigit() and month is None:
            month = parse_month(token)
            if month is None:
                raise DomainError("tabel-month", token=_cut(token))
        elif group is None and not token[:1].isdigit():
            group = token
        else:
            raise DomainError("tabel-usage")
    if month is None or len(args) > 3:
        raise DomainError("tabel-usage")
    if month > today.replace(day=1):
        raise DomainError("tabel-future", month=month_code(month))
    return month, group
