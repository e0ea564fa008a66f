"""/pay PERSON (the history of pay terms) and /pay PERSON TYPE ARGS… [from YYYY-MM].

Included by handlers.payroll, whose router carries the permission filter: /pay is for admins.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, notify, split_args
from models import Employee
from services import clock, paysettings, people
from services.config import AppConfig
from services.errors import DomainError
from services.units import month_code
from views.i18n import Translator
from views.payroll import history_text, rule_text

router = Router(name=__name__)


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
        theirs = Translator(emp.language or config.default_language)
        terms = rule_text(rule, config.currency, theirs)
        await notify(
            bot, emp.telegram_id, theirs("pay-notify", month=month_code(month), rule=terms)
        )
