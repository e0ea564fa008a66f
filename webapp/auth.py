"""Who is calling the Mini App's API: the `initData` Telegram hands the app, checked with the
bot token as Telegram documents (HMAC-SHA-256 over the sorted fields), at most a day old, of an
active registered person. Anything else is no one.

The app sends it as `Authorization: tma <initData>`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta
from urllib.parse import urlencode

from aiogram.utils.web_app import WebAppInitData, safe_parse_webapp_init_data
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee
from services import clock, people

SCHEME = "tma "
MAX_AGE = timedelta(days=1)
# Clocks differ a little; an auth_date further in the future than this is forged.
CLOCK_SKEW = timedelta(minutes=5)
# Telegram's initData is a few hundred bytes; anything much longer is not from Telegram.
MAX_INIT_DATA = 4096


def init_data_from(header: str | None) -> str | None:
    if not header or not header.startswith(SCHEME):
        return None
    raw = header[len(SCHEME) :].strip()
    return raw if 0 < len(raw) <= MAX_INIT_DATA else None


def check_init_data(token: str, raw: str, now: datetime) -> WebAppInitData | None:
    """The parsed initData when its signature holds and it is fresh, else None."""
    try:
        data = safe_parse_webapp_init_data(token, raw)
    except (ValueError, TypeError):  # TypeError: a hash with non-ASCII characters
        return None
    if data.user is None:
        return None
    age = now - data.auth_date
    if age > MAX_AGE or age < -CLOCK_SKEW:
        return None
    return data


async def authenticate(
    session: AsyncSession, token: str, header: str | None
) -> tuple[Employee, WebAppInitData] | None:
    raw = init_data_from(header)
    if raw is None:
        return None
    data = check_init_data(token, raw, clock.now())
    if data is None or data.user is None:
        return None
    emp = await people.by_telegram(session, data.user.id)
    if emp is None or not people.is_usable(emp):
        return None
    return emp, data


def sign_init_data(
    token: str, user: dict[str, object], auth_date: datetime | None = None, **fields: str
) -> str:
    """A validly signed initData for `user`, as Telegram would make it: for tests and for
    opening the app in a browser during development (python -m webapp.dev)."""
    stamp = int((auth_date or clock.now()).timestamp())
    pairs = {
        "auth_date": str(stamp),
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
        **fields,
    }
    check = "\n".join(f"{k}={v}" for k, v in sorted(pairs.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    pairs["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(pairs)
