"""What a job body is given, and who its messages go to."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs.delivery import Delivery, Recipient
from models import Employee
from services.config import AppConfig
from views.i18n import LANGUAGES, Translator


@dataclass
class JobContext:
    sessionmaker: async_sessionmaker[AsyncSession]
    config: AppConfig
    delivery: Delivery
    period: str
    today: date

    def tr(self, lang: str) -> Translator:
        return Translator(lang)

    def person(self, emp: Employee) -> Recipient:
        return person(emp, self.config)

    def chat(self, chat_id: int, label: str) -> Recipient:
        return Recipient(
            key=f"chat:{chat_id}", chat_id=chat_id, lang=self.config.default_language, label=label
        )


JobBody = Callable[[JobContext], Awaitable[None]]


def language(emp: Employee, config: AppConfig) -> str:
    return emp.language if emp.language in LANGUAGES else config.default_language


def person(emp: Employee, config: AppConfig) -> Recipient:
    return Recipient(
        key=emp.code,
        chat_id=emp.telegram_id,
        lang=language(emp, config),
        label=emp.display,
        employee_id=emp.id,
        unreachable=emp.unreachable,
    )


async def admins(session: AsyncSession) -> list[Employee]:
    """Active admins, by employee number: they get payroll tables and delivery problems."""
    query = (
        select(Employee)
        .where(Employee.role == "admin", Employee.active.is_(True))
        .order_by(Employee.id)
    )
    return list(await session.scalars(query))
