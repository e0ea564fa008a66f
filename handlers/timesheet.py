"""/timesheet [GROUP|@user|eN] [YYYY-MM] csv: a month's raw time entries as a CSV file."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import split_args
from handlers.routing import Blueprint
from models import Employee
from services import clock
from services.config import AppConfig
from services.entry_export import export_entries, parse_request
from views.entry_files import entries_csv, file_name
from views.i18n import Translator
from views.payroll import month_name

router = Blueprint(__name__)


@router.message(Command("timesheet"))
async def cmd_timesheet(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    request = parse_request(split_args(message.text), clock.today(config.timezone))
    export = await export_entries(session, me, request)
    title = export.name or tr(f"timesheet-{export.scope}")
    month = month_name(export.month, tr)
    if not export.rows:
        await message.answer(tr("timesheet-empty", month=month, title=title))
        return
    document = BufferedInputFile(entries_csv(export), filename=file_name(export))
    caption = tr("timesheet-caption", month=month, title=title, count=len(export.rows))
    await message.answer_document(document, caption=caption)
