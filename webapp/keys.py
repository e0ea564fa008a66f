"""Typed keys of what the application and each API request carry."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Employee
from services.config import AppConfig
from views.i18n import Translator

TOKEN = web.AppKey("token", str)
SESSIONMAKER = web.AppKey("sessionmaker", async_sessionmaker[AsyncSession])
CONFIG = web.AppKey("config", AppConfig)

ME = web.RequestKey("me", Employee)
SESSION = web.RequestKey("session", AsyncSession)
TR = web.RequestKey("tr", Translator)
