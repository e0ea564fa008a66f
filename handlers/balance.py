"""/balance [PERSON|GROUP]: hours worked minus norm, per month and running (SPEC §7a)."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, split_args
from handlers.routing import Blueprint
from models import Employee
from services import balance as balance_service
from services import clock, people
from services.balance import Balance
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.payroll import month_name

router = Blueprint(__name__)


def signed(minutes: int, tr: Translator) -> str:
    """+3 ч, -2 ч 30 мин, 0 мин: overtime shows its plus sign."""
    text = formats.duration(minutes, tr)
    return f"+{text}" if minutes > 0 else text


def total_line(balance: Balance, tr: Translator) -> str:
    if balance.start is None:
        return tr("balance-no-schedule")
    key = "over" if balance.total > 0 else "under" if balance.total < 0 else "even"
    return tr(f"balance-total-{key}", total=signed(balance.total, tr), start=balance.start)


def detail_text(balance: Balance, tr: Translator) -> str:
    lines = [tr("balance-title", person=balance.emp.display)]
    for row in balance.months:
        lines.append(
            tr(
                "balance-month",
                month=month_name(row.month, tr),
                worked=formats.duration(row.worked, tr),
                norm=formats.duration(row.norm, tr),
                diff=signed(row.diff, tr),
                running=signed(row.running, tr),
            )
        )
    lines.append(total_line(balance, tr))
    return "\n".join(lines)


def list_text(found: list[Balance], title: str, tr: Translator) -> str:
    lines = [title]
    for balance in found:
        if balance.start is None:
            lines.append(tr("balance-line-none", person=balance.emp.display))
            continue
        last = balance.months[-1]
        lines.append(
            tr(
                "balance-line",
                person=balance.emp.display,
                total=signed(balance.total, tr),
                month=month_name(last.month, tr),
                diff=signed(last.diff, tr),
            )
        )
    if len(lines) == 1:
        lines.append(tr("balance-list-empty"))
    lines.append(tr("balance-list-hint"))
    return "\n".join(lines)


async def balance_line(
    session: AsyncSession, emp: Employee, tr: Translator, config: AppConfig
) -> str:
    """The running balance in one line, for /me."""
    today = clock.today(config.timezone)
    found = await balance_service.balance_of(
        session, emp, today, config.holidays_country, config.balance_from
    )
    if found.start is None:
        return tr("balance-no-schedule")
    return tr("me-balance", total=signed(found.total, tr))


@router.message(Command("balance"))
async def cmd_balance(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    args = split_args(message.text)
    if len(args) > 1:
        raise DomainError("balance-usage")
    today = clock.today(config.timezone)
    since, country = config.balance_from, config.holidays_country
    target = args[0] if args else ""
    if target and people.PERSON_REF.match(target):
        emp = await people.resolve_person(session, target)
        await balance_service.require_visible(session, me, emp)
        one = await balance_service.balance_of(session, emp, today, country, since)
        await answer_long(message, detail_text(one, tr))
        return
    group = await people.group_by_name(session, target) if target else None
    visible = await balance_service.visible_people(session, me, group)
    if group is None and [emp.id for emp in visible] in ([], [me.id]):
        # Nobody else to list (staff, or a manager without groups): their own, in detail.
        mine = await balance_service.balance_of(session, me, today, country, since)
        await answer_long(message, detail_text(mine, tr))
        return
    found = await balance_service.balances(session, visible, today, country, since)
    key = "balance-group-title" if group else "balance-list-title"
    title = tr(key, group=group.name if group else "", date=formats.day(today, tr.lang))
    await answer_long(message, list_text(found, title, tr))
