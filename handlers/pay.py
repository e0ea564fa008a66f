"""/pay PERSON (the history of pay terms) and /pay PERSON TYPE ARGS… [from YYYY-MM];
/bonus and /deduct PERSON AMOUNT [YYYY-MM] [COMMENT]; /unlock YYYY-MM.

Included by handlers.payroll, whose router carries the permission filter: these are for admins.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, notify, split_args
from handlers.routing import Blueprint
from models import Employee
from services import adjustments, clock, payroll_freeze, paysettings, people
from services.config import AppConfig
from services.errors import DomainError
from services.units import month_code, parse_month
from views.i18n import Translator, reader
from views.payroll import history_text, money, month_name, rule_text

router = Blueprint(__name__)


@router.message(Command("pay"))
async def cmd_pay(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    if message.chat.type != "private":
        raise DomainError("pay-private-chat", command="pay")
    args = split_args(message.text)
    if not args:
        raise DomainError("pay-usage")
    emp = await people.resolve_person(session, args[0])
    today = clock.today(config.timezone)
    if len(args) == 1:
        history = await paysettings.pay_history(session, emp)
        await answer_long(message, history_text(emp, history, today, config.currency, tr))
        return
    rule, month = paysettings.parse_pay_command(args[1:], today, emp.code)
    change = await paysettings.set_pay(session, me, emp, rule, month)
    key = "pay-set-replaced" if change.replaced else "pay-set"
    terms = rule_text(rule, config.currency, tr)
    reply = tr(key, person=emp.display, month=month_code(month), rule=terms)
    if change.until is not None:
        reply += "\n" + tr("pay-set-until", until=month_code(change.until))
    await message.answer(reply)
    if emp.id != me.id and emp.active:
        theirs = reader(emp.language, config.default_language)
        terms = rule_text(rule, config.currency, theirs)
        await notify(
            bot, emp.telegram_id, theirs("pay-notify", month=month_code(month), rule=terms)
        )


ADJUSTMENTS = {"bonus": adjustments.BONUS, "deduct": adjustments.DEDUCTION}


@router.message(Command(*ADJUSTMENTS))
async def cmd_adjust(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
    command: CommandObject,
) -> None:
    """/bonus and /deduct PERSON AMOUNT [YYYY-MM] [COMMENT]."""
    name = command.command.lower()
    if message.chat.type != "private":
        raise DomainError("pay-private-chat", command=name)
    kind = ADJUSTMENTS[name]
    today = clock.today(config.timezone)
    request = adjustments.parse_adjustment(name, split_args(message.text), today, config.currency)
    emp = await people.resolve_person(session, request.person)
    await adjustments.add_adjustment(session, me, emp, kind, request)
    month = month_code(request.month)

    def text(t: Translator, key: str) -> str:
        comment = t("adjust-comment", comment=request.comment) if request.comment else ""
        return t(
            key,
            person=emp.display,
            month=month,
            period=month_name(request.month, t),
            amount=money(request.amount, config.currency, t),
            comment=comment,
            ref=emp.code,
        )

    await message.answer(text(tr, f"adjust-{kind}-done"))
    if emp.id != me.id and emp.active:
        theirs = reader(emp.language, config.default_language)
        await notify(bot, emp.telegram_id, text(theirs, f"adjust-{kind}-notify"))


@router.message(Command("unlock"))
async def cmd_unlock(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    args = split_args(message.text)
    month = parse_month(args[0]) if len(args) == 1 else None
    if month is None:
        raise DomainError("unlock-usage")
    await payroll_freeze.unlock(session, me, month)
    await message.answer(tr("unlock-done", month=month_code(month)))
