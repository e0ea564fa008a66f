"""Drive the real Dispatcher the way Telegram does: Update objects in, recorded Bot API
calls out, with a fake session that answers like the Bot API would."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.types import (
    CallbackQuery,
    Chat,
    File,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    PhotoSize,
    Update,
    User,
)

BOT_ID = 42
BOT_TOKEN = f"{BOT_ID}:TEST-token-for-tests"


class FakeSession(BaseSession):
    """Records every request and returns a plausible result; `fail_next` injects errors."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: list[tuple[str, Exception, int | None]] = []
        self._ids = itertools.count(1000)

    def fail_next(self, method_name: str, error: Exception, chat_id: int | None = None) -> None:
        """The next `method_name` request (to `chat_id` when given) raises `error`."""
        self.failures.append((method_name, error, chat_id))

    async def close(self) -> None:
        return None

    async def stream_content(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]  # pragma: no cover
        raise NotImplementedError

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: Any = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> Any:
        name = type(method).__name__
        for i, (wanted, error, chat_id) in enumerate(self.failures):
            if wanted == name and chat_id in (None, getattr(method, "chat_id", None)):
                del self.failures[i]
                raise error
        self.requests.append(method)
        returning = method.__returning__
        if returning is Message or name in {"EditMessageText", "EditMessageReplyMarkup"}:
            return self._message(method)
        if returning is User:
            return User(id=BOT_ID, is_bot=True, first_name="CRM", username="crm_test_bot")
        if returning is File:
            return File(file_id="f", file_unique_id="f")
        return True

    def _message(self, method: TelegramMethod[Any]) -> Message:
        chat_id = int(getattr(method, "chat_id", 0) or 0)
        chat_type = "private" if chat_id > 0 else "group"
        markup = getattr(method, "reply_markup", None)
        return Message(
            message_id=getattr(method, "message_id", None) or next(self._ids),
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type=chat_type),
            from_user=User(id=BOT_ID, is_bot=True, first_name="CRM"),
            text=getattr(method, "text", None) or getattr(method, "caption", None),
            reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
        )


class Reply:
    """What the bot did in answer to one update."""

    def __init__(self, requests: list[TelegramMethod[Any]]) -> None:
        # Any: the methods' own fields (text, caption, chat_id) are read by name below.
        self.requests: list[Any] = requests

    def of(self, *names: str) -> list[Any]:
        return [r for r in self.requests if type(r).__name__ in names]

    @property
    def texts(self) -> list[str]:
        out = []
        for r in self.requests:
            name = type(r).__name__
            if name in ("SendMessage", "EditMessageText") or (
                name == "AnswerCallbackQuery" and r.text
            ):
                out.append(r.text)
            elif name in ("SendDocument", "SendPhoto") and r.caption:
                out.append(r.caption)
        return out

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def to(self, chat_id: int) -> list[str]:
        return [
            r.text
            for r in self.of("SendMessage", "EditMessageText")
            if int(r.chat_id or 0) == chat_id
        ]

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, last message first."""
        out: list[tuple[str, str]] = []
        for r in reversed(self.of("SendMessage", "EditMessageText", "EditMessageReplyMarkup")):
            markup = getattr(r, "reply_markup", None)
            if isinstance(markup, InlineKeyboardMarkup):
                for row in markup.inline_keyboard:
                    out += [(b.text, b.callback_data or "") for b in row]
        return out

    def button(self, label_part: str) -> str:
        for label, data in self.buttons():
            if label_part.lower() in label.lower():
                return data
        raise AssertionError(f"no button {label_part!r} in {self.buttons()}")

    def documents(self) -> list[tuple[str, bytes]]:
        out = []
        for r in self.of("SendDocument", "SendPhoto"):
            media = getattr(r, "document", None) or getattr(r, "photo", None)
            out.append((getattr(media, "filename", ""), getattr(media, "data", b"")))
        return out

    def __repr__(self) -> str:
        return f"Reply({self.texts!r})"


class BotClient:
    """People typing and pressing buttons; each call feeds one Update through the Dispatcher."""

    def __init__(self, dp: Dispatcher, bot: Bot) -> None:
        self.dp, self.bot = dp, bot
        self.session: FakeSession = bot.session  # type: ignore[assignment]
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._usernames: dict[int, str] = {}

    def user(self, user_id: int, username: str | None = None, lang: str = "ru") -> User:
        # Telegram sends the same username with every update of a person.
        if username:
            self._usernames[user_id] = username
        username = self._usernames.get(user_id)
        return User(
            id=user_id,
            is_bot=False,
            first_name=f"User{user_id}",
            username=username,
            language_code=lang,
        )

    async def feed(self, update: Update) -> Reply:
        start = len(self.session.requests)
        await self.dp.feed_update(self.bot, update)
        return Reply(self.session.requests[start:])

    def message_update(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        username: str | None = None,
        lang: str = "ru",
        update_id: int | None = None,
        form: str = "text",
    ) -> Update:
        """`form` is how the words arrive: "text" (typed), "caption" (under a photo) or
        "edited" (a typed message changed afterwards)."""
        chat = Chat(
            id=chat_id or user_id, type="private" if not chat_id or chat_id > 0 else "group"
        )
        entities = None
        if text.startswith("/"):
            entities = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
        words: dict[str, Any] = {"text": text, "entities": entities}
        if form == "caption":
            photo = PhotoSize(file_id="p", file_unique_id="p", width=90, height=90)
            words = {"caption": text, "caption_entities": entities, "photo": [photo]}
        message = Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=chat,
            from_user=self.user(user_id, username, lang),
            edit_date=int(datetime.now(UTC).timestamp()) if form == "edited" else None,
            **words,
        )
        update_id = update_id or next(self._update_ids)
        if form == "edited":
            return Update(update_id=update_id, edited_message=message)
        return Update(update_id=update_id, message=message)

    async def send(self, user_id: int, text: str, **kwargs: Any) -> Reply:
        return await self.feed(self.message_update(user_id, text, **kwargs))

    async def click(
        self,
        user_id: int,
        data: str,
        *,
        message_text: str = "…",
        lang: str = "ru",
        reply_markup: InlineKeyboardMarkup | None = None,
        message_id: int | None = None,
    ) -> Reply:
        """Press a button. `message_text` and `reply_markup`: the message the button is under,
        as sent; `message_id` names that message (a new one by default)."""
        message = Message(
            message_id=message_id or next(self._message_ids),
            date=datetime.now(UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=User(id=BOT_ID, is_bot=True, first_name="CRM"),
            text=message_text,
            reply_markup=reply_markup,
        )
        query = CallbackQuery(
            id=str(next(self._update_ids)),
            from_user=self.user(user_id, lang=lang),
            chat_instance="ci",
            message=message,
            data=data,
        )
        return await self.feed(Update(update_id=next(self._update_ids), callback_query=query))


def texts_of(replies: Iterable[Reply]) -> list[str]:
    return [t for r in replies for t in r.texts]
