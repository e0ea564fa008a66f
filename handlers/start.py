"""/start, /help, /lang, /me."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import set_person_menu, split_args
from models import Employee
from services import language, people, permissions
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import LANGUAGES, Translator

router = Router(name=__name__)


def _tg_user(message: Message) -> people.TelegramUser:
    user = message.from_user
    assert user is not None
    return people.TelegramUser(id=user.id, username=user.username, full_name=user.full_name)


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
    if token and me is None:
        me = await people.redeem_invite(session, token, user, config.external_days)
    elif me is None and user.id in config.admin_ids:
        me = await people.register_admin(session, user)
    elif me is None:
        await message.answer(tr("refuse-stranger"))
        return
    code = message.from_user.language_code if message.from_user else None
    language.follow_telegram(me, code, config.default_language)
    tr = Translator(me.language or tr.lang)
    await set_person_menu(bot, me, tr)
    await message.answer(
        tr("start-welcome", name=me.full_name or me.code, role=tr(f"role-{me.role}"), code=me.code)
    )


@router.message(Command("help"))
async def cmd_help(message: Message, me: Employee, tr: Translator) -> None:
    lines = [tr("help-title", role=tr(f"role-{me.role}"))]
    lines += [f"/{name} — {tr(f'help-{name}')}" for name in permissions.commands_for(me.role)]
    await message.answer("\n".join(lines))


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
    await message.answer("\n".join(lines))
