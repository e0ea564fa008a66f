"""A small Telegram Bot API server on loopback for end-to-end tests.

The bot under test talks to it exactly as to api.telegram.org (TELEGRAM_API_BASE points here),
while the test plays the users: it enqueues updates, waits for the calls the bot makes and
injects the faults Telegram produces in real life (429, 403 blocked, 5xx, validation errors,
slow answers).

Validation follows Telegram where a bot can get it wrong: empty or overlong text, broken HTML
with parse_mode=HTML, callback data over 64 bytes, editing a message into the same content,
editing or deleting a message that does not exist, answering an unknown callback query.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import json
import math
import mimetypes
import re
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

JSONDict = dict[str, Any]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
FILE_LIMIT = 50 * 1024 * 1024
# Telegram keeps a long poll open for at most about a minute; a cap keeps every wait bounded.
MAX_POLL_TIMEOUT = 50.0

REPLY_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto", "editMessageText"})
SENT_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})

BLOCKED_PRIVATE = "Forbidden: bot was blocked by the user"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
# Not Telegram's: the status of a delayed call whose caller hung up before it was handled.
CLIENT_GONE = "Client Closed Request"
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"

# Values of these fields are plain strings; decoding them as JSON would turn a text of "123"
# into a number and hide what the bot really sent.
_RAW_FIELDS = frozenset(
    {
        "text",
        "caption",
        "callback_query_id",
        "url",
        "secret_token",
        "description",
        "short_description",
        "name",
        "title",
        "parse_mode",
        "action",
        "language_code",
        "ip_address",
        "emoji",
        "query",
        "file_id",
        "custom_emoji_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
    }
)

_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]+)?(?=\s|$)")

_HTML_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: BLOCKED_PRIVATE,
    404: "Not Found",
    409: CONFLICT_POLL,
    413: "Request Entity Too Large",
}


class ApiError(Exception):
    """An error answer of the Bot API: {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(f"{status} {description}")
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSONDict:
        payload: JSONDict = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            payload["parameters"] = {"retry_after": self.retry_after}
        return payload


def default_description(status: int, retry_after: int | None = None) -> str:
    if status == 429:
        return f"Too Many Requests: retry after {retry_after or 1}"
    if status >= 500:
        return "Internal Server Error"
    return _DEFAULT_DESCRIPTIONS.get(status, "Error")


@dataclass
class _Fault:
    method: str
    status: int
    description: str
    retry_after: int | None
    remaining: int
    chat_id: int | str | None


@dataclass
class _Delay:
    method: str
    seconds: float
    remaining: int
    chat_id: int | str | None


class _SlidingWindow:
    """At most `rate` events per second, measured over a sliding window."""

    def __init__(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        # A rate below 1/s (e.g. 0.5) means one event per 1/rate seconds, not zero per second.
        self.limit = max(1, math.floor(rate))
        self.window = self.limit / rate
        self._times: deque[float] = deque()

    def allows(self, now: float) -> bool:
        while self._times and now - self._times[0] >= self.window:
            self._times.popleft()
        return len(self._times) < self.limit

    def add(self, now: float) -> None:
        self._times.append(now)


# --------------------------------------------------------------------------- text parsing


def _utf16_len(text: str) -> int:
    # Telegram measures entity offsets and lengths in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _decode_html_entity(text: str, start: int) -> tuple[str, int] | None:
    end = text.find(";", start + 1, start + 12)
    if end < 0:
        return None
    name = text[start + 1 : end]
    named = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
    if name in named:
        return named[name], end + 1
    if re.fullmatch(r"#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}", name):
        decoded = html.unescape(f"&{name};")
        if len(decoded) == 1:
            return decoded, end + 1
    return None


def _parse_tag_attributes(text: str, pos: int, tag_start: int) -> tuple[dict[str, str], int]:
    """Attributes from `pos` up to the closing '>'; returns them and the index after '>'."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            raise ApiError(
                400,
                "Bad Request: can't parse entities: Unclosed start tag at byte offset "
                f"{_byte_offset(text, tag_start)}",
            )
        if text[pos] == ">":
            return attrs, pos + 1
        name_start = pos
        while pos < n and not text[pos].isspace() and text[pos] not in "=>":
            pos += 1
        name = text[name_start:pos].lower()
        value = ""
        if pos < n and text[pos] == "=":
            pos += 1
            if pos < n and text[pos] in "\"'":
                quote = text[pos]
                close = text.find(quote, pos + 1)
                if close < 0:
                    pos = n
                    continue
                value = text[pos + 1 : close]
                pos = close + 1
            else:
                value_start = pos
                while pos < n and not text[pos].isspace() and text[pos] != ">":
                    pos += 1
                value = text[value_start:pos]
        attrs[name] = html.unescape(value)


def parse_html(text: str) -> tuple[str, list[JSONDict]]:
    """Plain text and entities of an HTML-formatted message, with Telegram's error messages."""
    out: list[str] = []
    length16 = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[JSONDict] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "&":
            decoded = _decode_html_entity(text, i)
            if decoded is not None:
                out.append(decoded[0])
                length16 += _utf16_len(decoded[0])
                i = decoded[1]
                continue
        if ch != "<":
            out.append(ch)
            length16 += _utf16_len(ch)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "/":
            close = text.find(">", i)
            if close < 0:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Unclosed end tag at byte offset "
                    f"{_byte_offset(text, i)}",
                )
            name = text[i + 2 : close].strip().lower()
            if not stack:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Unexpected end tag at byte offset "
                    f"{_byte_offset(text, i)}",
                )
            open_name, start16, attrs = stack.pop()
            if name != open_name:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Unmatched end tag at byte offset "
                    f'{_byte_offset(text, i)}, expected "</{open_name}>", found "</{name}>"',
                )
            _close_html_entity(open_name, start16, length16, attrs, stack, entities)
            i = close + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise ApiError(
                400,
                "Bad Request: can't parse entities: Unclosed start tag at byte offset "
                f"{_byte_offset(text, i)}",
            )
        name = text[i + 1 : j].lower()
        if name not in _HTML_ENTITY_TYPES:
            raise ApiError(
                400,
                f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" '
                f"at byte offset {_byte_offset(text, i)}",
            )
        attrs, i = _parse_tag_attributes(text, j, i)
        stack.append((name, length16, attrs))
    if stack:
        raise ApiError(
            400,
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag "
            f'"{stack[-1][0]}"',
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_html_entity(
    name: str,
    start16: int,
    end16: int,
    attrs: dict[str, str],
    stack: list[tuple[str, int, dict[str, str]]],
    entities: list[JSONDict],
) -> None:
    if name == "code" and stack and stack[-1][0] == "pre":
        # <pre><code class="language-x"> is one pre entity with a language, as Telegram has it.
        language = attrs.get("class", "").removeprefix("language-")
        if language:
            stack[-1][2]["language"] = language
        return
    if end16 <= start16:
        return
    entity: JSONDict = {
        "type": _HTML_ENTITY_TYPES[name],
        "offset": start16,
        "length": end16 - start16,
    }
    if name == "a":
        entity["url"] = attrs.get("href", "")
    elif name == "pre" and attrs.get("language"):
        entity["language"] = attrs["language"]
    elif name == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif name == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    elif name == "tg-time":
        entity["unix_time"] = int(attrs.get("unix", "0") or 0)
    entities.append(entity)


def render_text(text: str, parse_mode: str | None) -> tuple[str, list[JSONDict]]:
    """The text Telegram stores for a message: markup parsed, outer whitespace trimmed."""
    if parse_mode is not None and parse_mode.lower() == "html":
        plain, entities = parse_html(text)
    else:
        # Markdown flavours are passed through unparsed: a wrong guess about their escaping
        # rules would report errors Telegram does not.
        plain, entities = text, []
    stripped = plain.strip()
    if not stripped:
        return "", []
    lead16 = _utf16_len(plain[: len(plain) - len(plain.lstrip())])
    total16 = _utf16_len(stripped)
    kept: list[JSONDict] = []
    for entity in entities:
        start = max(0, entity["offset"] - lead16)
        end = min(total16, entity["offset"] + entity["length"] - lead16)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def _command_entities(text: str) -> list[JSONDict]:
    match = _COMMAND_RE.match(text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": _utf16_len(match.group(0))}]


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return None


def _looks_like_image(data: bytes) -> bool:
    return data.startswith(
        (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
    ) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _decode_field(name: str, value: str) -> Any:
    if name in _RAW_FIELDS or value.startswith("attach://"):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _chat_key(value: Any) -> int | str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if re.fullmatch(r"-?[0-9]+", stripped):
            return int(stripped)
        return stripped or None
    return None


def _int_param(params: JSONDict, name: str, default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(400, f"Bad Request: invalid {name} specified") from None


# --------------------------------------------------------------------------- the server


# Uploaded files by the parameter that refers to them: (filename, content).
Uploads = dict[str, tuple[str, bytes]]
Handler = Callable[[JSONDict, Uploads], Awaitable[Any]]


class FakeBotAPI:
    """Telegram Bot API on 127.0.0.1 that records every call and plays the users' side.

    Each entry of `calls` is {"index", "method", "params", "files", "filenames", "at",
    "status", "result", "error"}: params decoded (JSON fields as objects, raw text kept as
    sent), files and filenames keyed by the parameter that carried the upload, "at" the
    time.monotonic() of arrival, "result" what the bot got back on success and "error" the
    description on failure.
    """

    def __init__(
        self,
        token: str = "123456:TEST",
        bot_username: str = "crm_test_bot",
        *,
        rate_limit_per_sec: float | None = None,
        per_chat_per_sec: float | None = None,
        strict_chats: bool = False,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 1
        self.bot_user: JSONDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "CRM Test Bot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.rate_limit_per_sec = rate_limit_per_sec
        self.per_chat_per_sec = per_chat_per_sec
        # Telegram refuses to write first to a user who never opened the bot; off by default so
        # tests may notify people who have not sent anything in this run.
        self.strict_chats = strict_chats

        self.calls: list[JSONDict] = []
        self.too_many = 0
        self.commands: dict[str, list[JSONDict]] = {}
        self.webhook_url = ""
        self.webhook_secret: str | None = None

        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._stopping = False

        self._queue: list[JSONDict] = []  # {"update": ..., "delivered": bool}
        self._updates: dict[int, JSONDict] = {}
        self._next_update_id = 100_000
        self._poll_generation = 0

        self._users: dict[int, JSONDict] = {}
        self._chats: dict[int | str, JSONDict] = {}
        self._blocked: set[int | str] = set()
        self._member_status: dict[tuple[int | str, int], str] = {}
        self._next_message_id: dict[int | str, int] = {}
        self._messages: dict[tuple[int | str, int], JSONDict] = {}
        self._sent: list[JSONDict] = []
        self._files: dict[str, JSONDict] = {}
        self._next_file = 0
        self._callbacks: dict[str, bool] = {}  # callback query id -> answered
        self._next_callback = 0

        self._faults: list[_Fault] = []
        self._delays: list[_Delay] = []
        self._global_window = _SlidingWindow(rate_limit_per_sec) if rate_limit_per_sec else None
        self._chat_windows: dict[int | str, _SlidingWindow] = {}

        self._updates_changed = asyncio.Event()
        self._calls_changed = asyncio.Event()
        self._mark = 0
        self._reply_cursor: dict[int | str, int] = {}

        self._handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
        }
        # Harmless start-up settings a bot may push; answering 404 would crash its start.
        for name in (
            "setMyDescription",
            "setMyShortDescription",
            "setMyName",
            "setChatMenuButton",
            "setMyDefaultAdministratorRights",
        ):
            self._handlers[name] = self._accept
        self._canonical = {name.lower(): name for name in self._handlers}

    # ----------------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        if self._runner is not None:
            raise RuntimeError("FakeBotAPI is already started")
        self._stopping = False
        app = web.Application(client_max_size=FILE_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", 0))
            self._port = sock.getsockname()[1]
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._runner = runner

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        # Long polls would otherwise hold the shutdown until their timeout.
        self._stopping = True
        self._notify_updates()
        await runner.cleanup()

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ----------------------------------------------------------------------- people and chats

    def user(
        self,
        user_id: int,
        first_name: str = "User",
        username: str | None = None,
        language_code: str = "ru",
    ) -> JSONDict:
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username is not None:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return copy.deepcopy(user)

    def group(self, chat_id: int, title: str = "Team", chat_type: str = "supergroup") -> JSONDict:
        chat: JSONDict = {"id": chat_id, "type": chat_type, "title": title}
        self._chats[chat_id] = chat
        return copy.deepcopy(chat)

    def add_chat(self, chat: JSONDict) -> None:
        """Mark a chat as one the bot may write to (matters with strict_chats)."""
        self._chats[chat["id"]] = copy.deepcopy(chat)

    def block_chat(self, chat_id: int) -> None:
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """getChatMember answer for one member: creator, administrator, member, restricted,
        left or kicked (administrator when not set)."""
        if status not in {"creator", "administrator", "member", "restricted", "left", "kicked"}:
            raise ValueError(f"unknown member status {status!r}")
        self._member_status[(chat_id, user_id)] = status

    # ----------------------------------------------------------------------- updates

    def make_message_update(
        self, user: JSONDict, text: str, chat: JSONDict | None = None
    ) -> JSONDict:
        """A new message update from `user`, registered so the bot can reply, edit or delete."""
        self._users.setdefault(user["id"], copy.deepcopy(user))
        if chat is None:
            chat = self._private_chat(user)
        self._chats.setdefault(chat["id"], copy.deepcopy(chat))
        message: JSONDict = {
            "message_id": self._new_message_id(chat["id"]),
            "from": copy.deepcopy(user),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
            "text": text,
        }
        entities = _command_entities(text)
        if entities:
            message["entities"] = entities
        self._messages[(chat["id"], message["message_id"])] = message
        return self._new_update({"message": copy.deepcopy(message)})

    def make_callback_update(
        self, user: JSONDict, message: JSONDict, data: str, *, check: bool = True
    ) -> JSONDict:
        """A callback_query update for a button under a message the bot sent.

        `message` is a Message dict (or a recorded call whose "result" is one). With `check`
        the data must belong to a button currently under the message, as in a real client;
        pass check=False to forge data.
        """
        if "method" in message and isinstance(message.get("result"), dict):
            message = message["result"]
        key = (message["chat"]["id"], message["message_id"])
        current = self._messages.get(key)
        if current is None:
            raise AssertionError(f"no message {key} to click on (deleted or never sent)")
        if check:
            available = [
                button.get("callback_data")
                for row in (current.get("reply_markup") or {}).get("inline_keyboard", [])
                for button in row
                if "callback_data" in button
            ]
            if data not in available:
                raise AssertionError(
                    f"message {key} has no button with callback_data {data!r}; has {available}"
                )
        self._users.setdefault(user["id"], copy.deepcopy(user))
        self._next_callback += 1
        query_id = f"{self.bot_id}{self._next_callback:010d}"
        self._callbacks[query_id] = False
        query: JSONDict = {
            "id": query_id,
            "from": copy.deepcopy(user),
            "message": copy.deepcopy(current),
            "chat_instance": str(abs(key[0]) * 7919 + self.bot_id),
            "data": data,
        }
        return self._new_update({"callback_query": query})

    def send_text(self, user: JSONDict, text: str, chat: JSONDict | None = None) -> int:
        update = self.make_message_update(user, text, chat)
        self._enqueue(update)
        return int(update["update_id"])

    def click(self, user: JSONDict, message: JSONDict, data: str, *, check: bool = True) -> int:
        update = self.make_callback_update(user, message, data, check=check)
        self._enqueue(update)
        return int(update["update_id"])

    def redeliver(self, update_id: int) -> None:
        if update_id not in self._updates:
            raise KeyError(f"unknown update_id {update_id}")
        self._enqueue(self._updates[update_id])

    def pending_updates(self) -> list[JSONDict]:
        """Updates still in the queue: not yet confirmed by a getUpdates offset."""
        return [copy.deepcopy(entry["update"]) for entry in self._queue]

    async def post_update_to(self, url: str, update: JSONDict, secret: str | None) -> int:
        """POST an update to a webhook as Telegram does; returns the HTTP status."""
        self._mark = len(self.calls)
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        async with (
            ClientSession(timeout=ClientTimeout(total=10)) as session,
            session.post(url, json=update, headers=headers) as response,
        ):
            await response.read()
            return response.status

    # ----------------------------------------------------------------------- observing

    # A timeout argument rather than asyncio.timeout around the call: on expiry the failure
    # lists the calls the bot did make, which is what a failing test needs to show.
    async def wait_for(
        self,
        predicate: Callable[[JSONDict], bool],
        timeout: float = 10.0,  # noqa: ASYNC109
        *,
        since: int = 0,
    ) -> JSONDict:
        """First recorded call from index `since` on that satisfies `predicate`.

        A predicate that raises KeyError, IndexError or TypeError counts as "no match", so it
        can look at one method's params without guarding against every other call.
        """
        deadline = time.monotonic() + timeout
        index = since
        while True:
            while index < len(self.calls):
                call = self.calls[index]
                index += 1
                try:
                    matched = predicate(call)
                except (KeyError, IndexError, TypeError):
                    matched = False
                if matched:
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"no matching Bot API call within {timeout}s; recent calls:\n"
                    + self.describe_calls()
                )
            event = self._calls_changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def wait_reply(
        self,
        chat_id: int,
        timeout: float = 10.0,  # noqa: ASYNC109
        since: int | None = None,
    ) -> JSONDict:
        """Next successful sendMessage/sendDocument/sendPhoto/editMessageText to `chat_id`.

        Without `since` the search starts after the latest update the test enqueued (or
        posted) and after the previous reply this method returned for the chat, so successive
        calls walk through the replies one by one. Returns the recorded call; the Message is
        call["result"].
        """
        if since is None:
            since = max(self._mark, self._reply_cursor.get(chat_id, 0))

        def is_reply(call: JSONDict) -> bool:
            return (
                call["method"] in REPLY_METHODS
                and call["status"] == 200
                and _chat_key(call["params"].get("chat_id")) == chat_id
            )

        call = await self.wait_for(is_reply, timeout, since=since)
        self._reply_cursor[chat_id] = call["index"] + 1
        return call

    def messages_to(self, chat_id: int) -> list[JSONDict]:
        """Messages the bot sent to a chat, as they were returned at sending time."""
        return [copy.deepcopy(m) for m in self._sent if m["chat"]["id"] == chat_id]

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """Current state of a message (edits applied); None once deleted."""
        found = self._messages.get((chat_id, message_id))
        return copy.deepcopy(found) if found is not None else None

    def calls_of(self, method: str) -> list[JSONDict]:
        return [call for call in self.calls if call["method"] == method]

    def describe_calls(self, last: int = 20) -> str:
        interesting = [c for c in self.calls if c["method"] != "getUpdates"][-last:]
        if not interesting:
            return "  (none besides getUpdates)"
        lines = []
        for call in interesting:
            params = {k: v for k, v in call["params"].items() if k not in call["files"]}
            shown = json.dumps(params, ensure_ascii=False, default=str)
            if len(shown) > 300:
                shown = shown[:300] + "..."
            lines.append(f"  #{call['index']} {call['method']} -> {call['status']} {shown}")
        return "\n".join(lines)

    # ----------------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str,
        status: int,
        *,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (optionally only to `chat_id`) with an error.

        429 carries parameters.retry_after (1 unless given); descriptions default to what
        Telegram says for the status.
        """
        if status == 429 and retry_after is None:
            retry_after = 1
        self._faults.append(
            _Fault(
                method=method.lower(),
                status=status,
                description=description or default_description(status, retry_after),
                retry_after=retry_after,
                remaining=times,
                chat_id=chat_id,
            )
        )

    def delay_next(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Hold the next `times` calls of `method` (optionally only to `chat_id`) for `seconds`
        before handling them, as a slow network or an overloaded Telegram does.

        A caller that gives up meanwhile (its own timeout) gets nothing and the call is dropped
        unhandled: recorded with status 499 and error CLIENT_GONE. A fault from fail_next still
        applies to a delayed call that is handled.
        """
        if seconds <= 0 or times < 1:
            raise ValueError("a delay needs positive seconds and times")
        self._delays.append(
            _Delay(method=method.lower(), seconds=seconds, remaining=times, chat_id=chat_id)
        )

    # ----------------------------------------------------------------------- HTTP plumbing

    async def _not_found(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").body(), status=404)

    async def _handle(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        sent_name = request.match_info["method"]
        method = self._canonical.get(sent_name.lower(), sent_name)
        call: JSONDict = {
            "index": -1,
            "method": method,
            "params": {},
            "files": {},
            "filenames": {},
            "at": at,
            "status": 0,
            "result": None,
            "error": None,
        }
        try:
            params, uploads = await self._read_request(request)
            call.update(
                params=params,
                files={key: data for key, (_, data) in uploads.items()},
                filenames={key: name for key, (name, _) in uploads.items()},
            )
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            await self._apply_delay(request, method, params)
            self._apply_fault(method, params)
            handler = self._handlers.get(method)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = await handler(params, uploads)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            status, body = error.status, error.body()
            call["error"] = error.description
        call["status"] = status
        call["result"] = copy.deepcopy(body.get("result"))
        self._record(call)
        return web.json_response(body, status=status)

    async def _read_request(self, request: web.Request) -> tuple[JSONDict, Uploads]:
        params: JSONDict = {k: _decode_field(k, v) for k, v in request.query.items()}
        parts: Uploads = {}
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON object") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: can't parse JSON object")
            params.update(body)
        elif request.can_read_body:
            try:
                form = await request.post()
            except web.HTTPRequestEntityTooLarge:
                raise ApiError(413, "Request Entity Too Large") from None
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    parts[key] = (value.filename or key, value.file.read())
                else:
                    params[key] = _decode_field(key, str(value))
        uploads: Uploads = {}
        referenced: set[str] = set()
        for key, value in params.items():
            if isinstance(value, str) and value.startswith("attach://"):
                name = value.removeprefix("attach://")
                if name in parts:
                    uploads[key] = parts[name]
                    referenced.add(name)
        for key, part in parts.items():
            # A file sent directly under the parameter name, as plain multipart clients do.
            if key not in referenced and key not in params:
                params[key] = f"attach://{key}"
                uploads[key] = part
        return params, uploads

    def _record(self, call: JSONDict) -> None:
        call["index"] = len(self.calls)
        self.calls.append(call)
        event, self._calls_changed = self._calls_changed, asyncio.Event()
        event.set()

    def _apply_fault(self, method: str, params: JSONDict) -> None:
        chat = _chat_key(params.get("chat_id"))
        for fault in self._faults:
            if fault.method != method.lower() or fault.remaining <= 0:
                continue
            if fault.chat_id is not None and fault.chat_id != chat:
                continue
            fault.remaining -= 1
            self._faults = [f for f in self._faults if f.remaining > 0]
            raise ApiError(fault.status, fault.description, fault.retry_after)

    async def _apply_delay(self, request: web.Request, method: str, params: JSONDict) -> None:
        chat = _chat_key(params.get("chat_id"))
        for delay in self._delays:
            if delay.method != method.lower() or delay.remaining <= 0:
                continue
            if delay.chat_id is not None and delay.chat_id != chat:
                continue
            delay.remaining -= 1
            self._delays = [d for d in self._delays if d.remaining > 0]
            await asyncio.sleep(delay.seconds)
            transport = request.transport
            if transport is None or transport.is_closing():
                raise ApiError(499, CLIENT_GONE)
            return

    def _notify_updates(self) -> None:
        event, self._updates_changed = self._updates_changed, asyncio.Event()
        event.set()

    def _enqueue(self, update: JSONDict) -> None:
        self._mark = len(self.calls)
        self._queue.append({"update": copy.deepcopy(update), "delivered": False})
        self._notify_updates()

    def _new_update(self, payload: JSONDict) -> JSONDict:
        self._next_update_id += 1
        update = {"update_id": self._next_update_id, **payload}
        self._updates[self._next_update_id] = copy.deepcopy(update)
        return update

    def _new_message_id(self, chat_id: int | str) -> int:
        # One sequence per chat shared by both sides, as in private chats on Telegram.
        next_id = self._next_message_id.get(chat_id, 0) + 1
        self._next_message_id[chat_id] = next_id
        return next_id

    def _private_chat(self, user: JSONDict) -> JSONDict:
        chat: JSONDict = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return chat

    def _chat_for(self, chat_id: int | str) -> JSONDict:
        known = self._chats.get(chat_id)
        if known is not None:
            return copy.deepcopy(known)
        if isinstance(chat_id, int) and chat_id > 0:
            user = self._users.get(chat_id)
            if user is not None:
                return self._private_chat(user)
            return {"id": chat_id, "type": "private", "first_name": "User"}
        if isinstance(chat_id, int):
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            return {"id": chat_id, "type": kind, "title": "Chat"}
        raise ApiError(400, "Bad Request: chat not found")

    # ----------------------------------------------------------------------- checks

    def _target_chat(self, params: JSONDict, *, writing: bool = True) -> int | str:
        chat_id = _chat_key(params.get("chat_id"))
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(chat_id, str):
            raise ApiError(400, "Bad Request: chat not found")
        if writing and chat_id in self._blocked:
            chat = self._chat_for(chat_id)
            if chat["type"] == "private":
                raise ApiError(403, BLOCKED_PRIVATE)
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat['type']} chat")
        if self.strict_chats and chat_id not in self._chats:
            if chat_id > 0:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise ApiError(400, "Bad Request: chat not found")
        return chat_id

    def _rate_limit(self, chat_id: int | str) -> None:
        now = time.monotonic()
        chat_window: _SlidingWindow | None = None
        if self.per_chat_per_sec:
            chat_window = self._chat_windows.setdefault(
                chat_id, _SlidingWindow(self.per_chat_per_sec)
            )
        if (self._global_window is not None and not self._global_window.allows(now)) or (
            chat_window is not None and not chat_window.allows(now)
        ):
            self.too_many += 1
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        if self._global_window is not None:
            self._global_window.add(now)
        if chat_window is not None:
            chat_window.add(now)

    def _inline_markup(self, params: JSONDict) -> JSONDict | None:
        markup = params.get("reply_markup")
        if markup is None or markup == "":
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        keyboard = markup.get("inline_keyboard")
        if keyboard is None:
            # Reply keyboards are not echoed in the returned Message.
            return None
        if not isinstance(keyboard, list) or not all(isinstance(row, list) for row in keyboard):
            raise ApiError(
                400,
                "Bad Request: can't parse inline keyboard button: field "
                '"inline_keyboard" must be an Array of Arrays',
            )
        for row in keyboard:
            for button in row:
                if not isinstance(button, dict):
                    raise ApiError(
                        400,
                        "Bad Request: can't parse inline keyboard button: "
                        "InlineKeyboardButton must be an Object",
                    )
                if not any(action in button for action in _BUTTON_ACTIONS):
                    raise ApiError(
                        400,
                        "Bad Request: can't parse inline keyboard button: "
                        "Text buttons are unallowed in the inline keyboard",
                    )
                data = button.get("callback_data")
                if data is not None:
                    size = len(str(data).encode("utf-8"))
                    if size == 0 or size > CALLBACK_DATA_LIMIT:
                        raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return copy.deepcopy(markup)

    def _message_text(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        raw = params.get("text")
        text, entities = render_text("" if raw is None else str(raw), params.get("parse_mode"))
        if not text:
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        return text, entities

    def _caption(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        raw = params.get("caption")
        if raw is None:
            return "", []
        text, entities = render_text(str(raw), params.get("parse_mode"))
        if len(text) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        return text, entities

    def _stored_message(self, params: JSONDict) -> JSONDict:
        chat_id = self._target_chat(params)
        message_id = _int_param(params, "message_id")
        if message_id is None:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        message = self._messages.get((chat_id, message_id))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _store_sent(self, chat_id: int | str, content: JSONDict) -> JSONDict:
        message: JSONDict = {
            "message_id": self._new_message_id(chat_id),
            "from": copy.deepcopy(self.bot_user),
            "chat": self._chat_for(chat_id),
            "date": int(time.time()),
            **content,
        }
        self._messages[(chat_id, message["message_id"])] = message
        self._sent.append(copy.deepcopy(message))
        return copy.deepcopy(message)

    # ----------------------------------------------------------------------- methods

    async def _accept(self, params: JSONDict, uploads: Uploads) -> Any:
        return True

    async def _get_me(self, params: JSONDict, uploads: Uploads) -> Any:
        return copy.deepcopy(self.bot_user)

    async def _get_updates(self, params: JSONDict, uploads: Uploads) -> Any:
        if self.webhook_url:
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = _int_param(params, "offset")
        limit = min(max(_int_param(params, "limit", 100) or 100, 1), 100)
        timeout = min(max(float(_int_param(params, "timeout", 0) or 0), 0.0), MAX_POLL_TIMEOUT)
        self._poll_generation += 1
        generation = self._poll_generation
        # Wake an older long poll so it can answer 409, as Telegram does for a second poller.
        self._notify_updates()
        if offset is not None:
            self._confirm(offset)
        deadline = time.monotonic() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, CONFLICT_POLL)
            if self.webhook_url:
                raise ApiError(409, CONFLICT_WEBHOOK)
            if self._queue or self._stopping:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            event = self._updates_changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
        batch = self._queue[:limit]
        for entry in batch:
            entry["delivered"] = True
        return [copy.deepcopy(entry["update"]) for entry in batch]

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self._queue = self._queue[offset:]
            return
        # A batch is confirmed by the id after its last update; confirming by position rather
        # than by comparing ids keeps a redelivered (older) id from re-confirming newer ones.
        last = None
        for position, entry in enumerate(self._queue):
            if entry["delivered"] and entry["update"]["update_id"] == offset - 1:
                last = position
        if last is not None:
            self._queue = self._queue[last + 1 :]
        self._queue = [
            entry
            for entry in self._queue
            if not (entry["delivered"] and entry["update"]["update_id"] < offset)
        ]

    async def _delete_webhook(self, params: JSONDict, uploads: Uploads) -> Any:
        self.webhook_url = ""
        self.webhook_secret = None
        if params.get("drop_pending_updates") is True:
            self._queue.clear()
        return True

    async def _set_webhook(self, params: JSONDict, uploads: Uploads) -> Any:
        url = str(params.get("url") or "")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if params.get("drop_pending_updates") is True:
            self._queue.clear()
        self.webhook_url = url
        self.webhook_secret = str(secret) if secret is not None and url else None
        self._notify_updates()
        return True

    async def _get_webhook_info(self, params: JSONDict, uploads: Uploads) -> Any:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }

    @staticmethod
    def _commands_key(params: JSONDict) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)

    async def _set_my_commands(self, params: JSONDict, uploads: Uploads) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = copy.deepcopy(commands)
        return True

    async def _delete_my_commands(self, params: JSONDict, uploads: Uploads) -> Any:
        self.commands.pop(self._commands_key(params), None)
        return True

    async def _get_my_commands(self, params: JSONDict, uploads: Uploads) -> Any:
        return copy.deepcopy(self.commands.get(self._commands_key(params), []))

    async def _send_message(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params)
        text, entities = self._message_text(params)
        markup = self._inline_markup(params)
        self._rate_limit(chat_id)
        content: JSONDict = {"text": text}
        if entities:
            content["entities"] = entities
        if markup is not None:
            content["reply_markup"] = markup
        return self._store_sent(chat_id, content)

    async def _edit_message_text(self, params: JSONDict, uploads: Uploads) -> Any:
        if params.get("inline_message_id"):
            self._message_text(params)
            self._inline_markup(params)
            return True
        message = self._stored_message(params)
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text, entities = self._message_text(params)
        # Telegram drops the inline keyboard when an edit does not repeat it.
        markup = self._inline_markup(params)
        if (
            message["text"] == text
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise ApiError(400, NOT_MODIFIED)
        message["text"] = text
        message.pop("entities", None)
        if entities:
            message["entities"] = entities
        self._set_markup(message, markup)
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    async def _edit_message_reply_markup(self, params: JSONDict, uploads: Uploads) -> Any:
        if params.get("inline_message_id"):
            self._inline_markup(params)
            return True
        message = self._stored_message(params)
        markup = self._inline_markup(params)
        if message.get("reply_markup") == markup:
            raise ApiError(400, NOT_MODIFIED)
        self._set_markup(message, markup)
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    @staticmethod
    def _set_markup(message: JSONDict, markup: JSONDict | None) -> None:
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup

    async def _delete_message(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params)
        message_id = _int_param(params, "message_id")
        if message_id is None or self._messages.pop((chat_id, message_id), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def _answer_callback_query(self, params: JSONDict, uploads: Uploads) -> Any:
        query_id = str(params.get("callback_query_id") or "")
        if self._callbacks.get(query_id, True):
            raise ApiError(400, QUERY_INVALID)
        text = params.get("text")
        if text is not None and len(str(text)) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._callbacks[query_id] = True
        return True

    def _take_file(self, params: JSONDict, uploads: Uploads, field: str) -> JSONDict:
        value = params.get(field)
        if value is None or value == "":
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        if field in uploads:
            filename, data = uploads[field]
            if not data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            if len(data) > FILE_LIMIT:
                raise ApiError(413, "Request Entity Too Large")
            self._next_file += 1
            prefix = "BQAC" if field == "document" else "AgAC"
            stored: JSONDict = {
                "file_id": f"{prefix}{self._next_file:012d}",
                "file_unique_id": f"U{self._next_file:08d}",
                "file_name": filename,
                "file_size": len(data),
                "data": data,
            }
            self._files[stored["file_id"]] = stored
            return stored
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            self._next_file += 1
            return {
                "file_id": f"URL{self._next_file:012d}",
                "file_unique_id": f"U{self._next_file:08d}",
                "file_name": value.rstrip("/").rsplit("/", 1)[-1] or field,
                "file_size": 0,
                "data": b"",
            }
        known = self._files.get(str(value))
        if known is None:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        return known

    def _media_content(self, params: JSONDict, key: str, media: Any) -> JSONDict:
        caption, caption_entities = self._caption(params)
        content: JSONDict = {key: media}
        if caption:
            content["caption"] = caption
        if caption_entities:
            content["caption_entities"] = caption_entities
        markup = self._inline_markup(params)
        if markup is not None:
            content["reply_markup"] = markup
        return content

    async def _send_document(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params)
        stored = self._take_file(params, uploads, "document")
        document: JSONDict = {
            "file_id": stored["file_id"],
            "file_unique_id": stored["file_unique_id"],
            "file_name": stored["file_name"],
            "file_size": stored["file_size"],
        }
        mime, _ = mimetypes.guess_type(stored["file_name"])
        if mime:
            document["mime_type"] = mime
        content = self._media_content(params, "document", document)
        self._rate_limit(chat_id)
        return self._store_sent(chat_id, content)

    async def _send_photo(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params)
        stored = self._take_file(params, uploads, "photo")
        data: bytes = stored["data"]
        if "photo" in uploads:
            if not _looks_like_image(data):
                raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            size = _png_size(data)
            if size is not None:
                width, height = size
                if (
                    width + height > 10_000
                    or min(width, height) == 0
                    or max(width, height) / min(width, height) > 20
                ):
                    raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        width, height = _png_size(data) or (1280, 720)
        sizes: list[JSONDict] = []
        for suffix, scale in (("s", min(1.0, 90 / max(width, height))), ("x", 1.0)):
            sizes.append(
                {
                    "file_id": f"{stored['file_id']}{suffix}",
                    "file_unique_id": f"{stored['file_unique_id']}{suffix}",
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                    "file_size": stored["file_size"] if suffix == "x" else 0,
                }
            )
        for photo_size in sizes:
            # Bots resend a photo by the file_id of one of its sizes.
            self._files.setdefault(photo_size["file_id"], stored)
        content = self._media_content(params, "photo", sizes)
        self._rate_limit(chat_id)
        return self._store_sent(chat_id, content)

    async def _send_chat_action(self, params: JSONDict, uploads: Uploads) -> Any:
        self._target_chat(params)
        if not params.get("action"):
            raise ApiError(400, "Bad Request: action is empty")
        return True

    async def _get_chat(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params, writing=False)
        chat = self._chat_for(chat_id)
        chat.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return chat

    async def _get_chat_member(self, params: JSONDict, uploads: Uploads) -> Any:
        chat_id = self._target_chat(params, writing=False)
        user_id = _int_param(params, "user_id")
        if user_id is None:
            raise ApiError(400, "Bad Request: user_id is empty")
        user = copy.deepcopy(
            self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": "User"}
        )
        status = self._member_status.get((chat_id, user_id), "administrator")
        member: JSONDict = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_send_welcome_messages=False,
            )
        elif status == "restricted":
            member.update(
                {
                    name: False
                    for name in (
                        "can_send_messages",
                        "can_send_audios",
                        "can_send_documents",
                        "can_send_photos",
                        "can_send_videos",
                        "can_send_video_notes",
                        "can_send_voice_notes",
                        "can_send_polls",
                        "can_send_other_messages",
                        "can_add_web_page_previews",
                        "can_react_to_messages",
                        "can_edit_tag",
                        "can_change_info",
                        "can_invite_users",
                        "can_pin_messages",
                        "can_manage_topics",
                    )
                },
                is_member=True,
                until_date=0,
            )
        elif status == "kicked":
            member["until_date"] = 0
        return member
