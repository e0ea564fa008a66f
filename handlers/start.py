"""/start, /help, /lang, /me."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from aiogram import Bot, F
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.balance import balance_line
from handlers.common import notify, set_person_menu, split_args
from handlers.routing import Blueprint
from models import Employee
from services import language, people, permissions
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import LANGUAGES, Translator, reader

router = Blueprint(__name__)


def _tg_user(message: Message) -> people.TelegramUser:
    user = message.from_user
    assert user is not None
    return people.TelegramUser(id=user.id, username=user.username, full_name=user.full_name)


def refusal(former: Employee | None, tr: Translator, tz: str) -> str:
    """What someone who may not use the bot is told: a person who left hears since when and
    that an admin can restore access; anyone else gets the stranger's reply."""
    if former is None:
        return tr("refuse-stranger")
    if not former.active:
        if former.deactivated_at is None:  # deactivated before the date was kept
            return tr("refuse-deactivated-undated")
        return tr("refuse-deactivated", date=_local_day(former.deactivated_at, tz))
    if former.access_until is not None:
        return tr("refuse-expired", date=_local_day(former.access_until, tz))
    return tr("refuse-stranger")


def _local_day(moment: datetime, tz: str) -> date:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(tz)).date()


@router.message(CommandStart(), F.chat.type == "private")
async def cmd_start(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    me: Employee | None,
    tr: Translator,
    config: AppConfig,
    bot: Bot,
) -> None:
    user = _tg_user(message)
    token = (command.args or "").strip()
    if me is None:
        former = await people.by_telegram(session, user.id)
        if token:
            joined = await people.redeem_invite(session, token, user, config.external_days)
            me = joined.employee
            await _tell_inviter(bot, joined, config)
        elif former is None and user.id in config.admin_ids:
            me = await people.register_admin(session, user)
        else:
            await message.answer(refusal(former, tr, config.timezone))
            return
    code = message.from_user.language_code if message.from_user else None
    language.follow_telegram(me, code, config.default_language)
    tr = Translator(me.language or tr.lang)
    await set_person_menu(bot, me, tr)
    await message.answer(
        tr("start-welcome", name=me.full_name or me.code, role=tr(f"role-{me.role}"), code=me.code)
    )


async def _tell_inviter(bot: Bot, joined: people.Joined, config: AppConfig) -> None:
    inviter, emp = joined.inviter, joined.employee
    if inviter is None:
        return
    tr = reader(inviter.language, config.default_language)
    text = tr("invite-joined", person=emp.display, role=tr(f"role-{emp.role}"))
    await notify(bot, inviter.telegram_id, text)


@router.message(Command("help"))
async def cmd_help(message: Message, me: Employee, tr: Translator) -> None:
    await message.answer(help_text(me.role, tr))


def help_text(role: str, tr: Translator) -> str:
    """The commands `role` may use, by topic, each with an example."""
    lines = [tr("help-title", role=tr(f"role-{role}"))]
    for topic, names in permissions.help_sections(role):
        lines += ["", tr(f"help-topic-{topic}")]
        for name in names:
            variant = permissions.HELP_VARIANTS.get((name, role))
            key = f"help-{name}-{variant}" if variant else f"help-{name}"
            lines.append(f"/{name} — {tr(key)}")
    return "\n".join(lines)


@router.message(Command("lang"))
async def cmd_lang(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, bot: Bot
) -> None:
    args = split_args(message.text)
    if len(args) != 1 or args[0].lower() not in LANGUAGES:
        raise DomainError("lang-usage")
    await people.set_language(session, me, args[0].lower())
    tr = Translator(me.language or tr.lang)
    await set_person_menu(bot, me, tr)
    await message.answer(tr("lang-set"))


@router.message(Command("me"))
async def cmd_me(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    groups = (await people.group_names(session, [me.id])).get(me.id, [])
    lines = [
        tr("me-card", code=me.code, name=me.full_name or "—", role=tr(f"role-{me.role}")),
        tr("me-groups", groups=", ".join(groups) or "—"),
        tr("me-listed-yes") if me.listed else tr("me-listed-no"),
    ]
    if me.access_until is not None:
        lines.append(
            tr("me-access-until", date=formats.moment(me.access_until, config.timezone, tr.lang))
        )
    if me.role != "external":
        lines.append(await balance_line(session, me, tr, config))
    await message.answer("\n".join(lines))
