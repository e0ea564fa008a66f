"""/pay PERSON (the history of pay terms) and /pay PERSON TYPE ARGS… [from YYYY-MM].

Included by handlers.payroll, whose router carries the permission filter: /pay is for admins.
"""

from __future__ import annotations

from datetime import date

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, notify, split_args
from models import Employee, PaySetting
from services import clock, paysettings, people
from services.config import AppConfig
from services.errors import DomainError
from services.paysettings import rule_args, rule_of
from services.units import add_months, month_code, month_start
from views.i18n import Translator
from views.payroll import rule_text

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
