"""/jobs (admin): the scheduled jobs with their next and last runs; /jobs run NAME [YYYY-MM].

The job runner comes from the composition root as workflow data (`job_runner`).
"""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, split_args
from handlers.routing import Blueprint
from services import keywords
from services.config import AppConfig
from services.errors import DomainError
from services.jobruns import JobControl
from views import jobs as jobtexts
from views.i18n import Translator

router = Blueprint(__name__)


@router.message(Command("jobs"))
async def cmd_jobs(
    message: Message,
    session: AsyncSession,
    tr: Translator,
    config: AppConfig,
    job_runner: JobControl | None = None,
) -> None:
    args = split_args(message.text)
    if args and (args[0] not in keywords.JOBS or not 2 <= len(args) <= 3):
        raise DomainError("jobs-usage")
    if job_runner is None:
        await message.answer(tr("jobs-unavailable"))
        return
    if not args:
        await answer_long(message, jobtexts.overview(await job_runner.overview(), config, tr))
        return
    # The update's own transaction holds SQLite's write lock; the run writes from its own
    # sessions, so end this one first.
    await session.commit()
    report = await job_runner.run(args[1].lower(), args[2] if len(args) == 3 else None)
    await message.answer(jobtexts.outcome(report, config, tr))
