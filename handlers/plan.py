"""/plan [GROUP|@user|eN] [csv]: who is behind and by how much (SPEC §5)."""

from __future__ import annotations

import asyncio
import functools

from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import after_send, webapp_button
from handlers.common import split_args
from handlers.routing import Blueprint
from models import Employee
from services import clock, plan_scope, planning
from services.config import AppConfig
from services.errors import DomainError
from views import plan_files
from views.chart import plan_chart_png
from views.i18n import Translator
from views.plan import PlanPage, page_keyboard, pages, title

router = Blueprint(__name__)


def _parse(args: list[str]) -> tuple[str | None, bool]:
    want_csv = bool(args) and args[-1].lower() == "csv"
    if want_csv:
        args = args[:-1]
    if len(args) > 1:
        raise DomainError("plan-usage")
    return (args[0] if args else None), want_csv


async def _report(
    session: AsyncSession, scope: plan_scope.PlanScope, config: AppConfig
) -> planning.PlanReport:
    today = clock.today(config.timezone)
    return await planning.plan_report(session, scope, today, config.holidays_country)


@router.message(Command("plan"))
async def cmd_plan(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    ref, want_csv = _parse(split_args(message.text))
    scope = await plan_scope.resolve_scope(session, me, ref)
    report = await _report(session, scope, config)
    if not report.tasks:
        await message.answer(tr("plan-empty", title=title(report, tr)))
        return
    if want_csv:
        document = BufferedInputFile(
            plan_files.plan_csv(report), filename=plan_files.file_name(report, "csv")
        )
        await message.answer_document(
            document,
            caption=tr("plan-csv-caption", title=title(report, tr), count=len(report.tasks)),
        )
        return
    texts = pages(report, tr)
    markup = page_keyboard(scope.key, 0, len(texts))
    markup = webapp_button.with_webapp(markup, message, config, tr, "plan")
    text = message.answer(texts[0], reply_markup=markup)
    if not report.people:
        await text
        return
    # The chart needs no database: what it shows is taken now, inside the transaction, and it
    # is drawn once the text has gone out, so the person does not wait for it to read the text.
    draw = functools.partial(
        plan_chart_png,
        plan_files.chart_bars(report, tr),
        title=title(report, tr),
        planned_label=tr("plan-chart-planned"),
        logged_label=tr("plan-chart-logged"),
        lag_label=tr("plan-chart-lag"),
        hours_label=tr("plan-chart-hours"),
    )
    photo_name = plan_files.file_name(report, "png")

    async def send_chart(_sent: Message) -> None:
        png = await asyncio.to_thread(draw)
        await message.answer_photo(BufferedInputFile(png, filename=photo_name))

    await after_send.send(text, send_chart)


@router.callback_query(PlanPage.filter())
async def cb_plan_page(
    callback: CallbackQuery,
    callback_data: PlanPage,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    # The button came from the client: whoever pressed it must be allowed to see this scope now.
    scope = await plan_scope.scope_from_key(session, me, callback_data.scope)
    report = await _report(session, scope, config)
    if report.tasks:
        texts = pages(report, tr)
        page = min(max(callback_data.page, 0), len(texts) - 1)
        text, markup = texts[page], page_keyboard(scope.key, page, len(texts))
    else:
        text, markup = tr("plan-empty", title=title(report, tr)), None
    if isinstance(callback.message, Message):
        try:
            await callback.message.edit_text(text, reply_markup=markup)
        except TelegramBadRequest as error:
            if "message is not modified" not in error.message:
                raise
    await callback.answer()
