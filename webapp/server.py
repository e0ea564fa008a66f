"""The Mini App's web server: the static front end, its texts, and the JSON API.

Every path under /api/ passes the initData check first (webapp.auth); a request that fails it
gets 401 and nothing else, whatever the path. Each API request has its own database session;
a DomainError from a service rolls it back and becomes a JSON error in the person's language.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.config import AppConfig
from services.errors import DomainError
from views.i18n import LANGUAGES, Translator, pick_language
from webapp import keys, routes
from webapp.auth import authenticate
from webapp.texts import webapp_texts

log = logging.getLogger("webapp")
STATIC = Path(__file__).resolve().parent / "static"
# The API takes small JSON bodies only (one cell at a time).
MAX_BODY = 16 * 1024
CSP = (
    "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
)
# Refusals that mean "not for you" rather than "bad input".
FORBIDDEN = frozenset({"plan-denied", "payroll-others-admin", "log-external"})
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json_error(status: int, code: str, message: str | None = None) -> web.Response:
    body = {"error": code} if message is None else {"error": code, "message": message}
    return web.json_response(body, status=status, headers={"Cache-Control": "no-store"})


@web.middleware
async def api_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/api/"):
        return await handler(request)
    app = request.app
    sessionmaker = app[keys.SESSIONMAKER]
    config = app[keys.CONFIG]
    async with sessionmaker() as session:
        found = await authenticate(session, app[keys.TOKEN], request.headers.get("Authorization"))
        if found is None:
            return _json_error(401, "unauthorized")
        me, data = found
        language = data.user.language_code if data.user else None
        tr = Translator(pick_language(me.language, language, config.default_language))
        request[keys.ME], request[keys.SESSION], request[keys.TR] = me, session, tr
        return await _answer(request, handler, session, tr)


async def _answer(
    request: web.Request, handler: Handler, session: AsyncSession, tr: Translator
) -> web.StreamResponse:
    try:
        response = await handler(request)
    except DomainError as error:
        await session.rollback()
        status = 403 if error.code in FORBIDDEN else 400
        return _json_error(status, error.code, tr(f"err-{error.code}", **error.fields))
    except web.HTTPRequestEntityTooLarge:
        return _json_error(413, "too-large", tr("webapp-error-too-large"))
    except web.HTTPNotFound:
        return _json_error(404, "not-found", tr("webapp-error-not-found"))
    except web.HTTPException:
        raise
    except Exception:
        ref = secrets.token_hex(4)
        log.exception(
            "Mini App request %s %s failed, reference %s", request.method, request.path, ref
        )
        return _json_error(500, "internal", tr("webapp-error-internal") + f" ({ref})")
    response.headers["Cache-Control"] = "no-store"
    return response


@web.middleware
async def headers_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def texts(request: web.Request) -> web.Response:
    """The app's words in one language: public, they hold no company data."""
    lang = request.match_info["lang"]
    if lang not in LANGUAGES:
        raise web.HTTPNotFound()
    return web.json_response(webapp_texts(lang))


def create_app(
    token: str, sessionmaker: async_sessionmaker[AsyncSession], config: AppConfig
) -> web.Application:
    app = web.Application(
        middlewares=[headers_middleware, api_middleware], client_max_size=MAX_BODY
    )
    app[keys.TOKEN] = token
    app[keys.SESSIONMAKER] = sessionmaker
    app[keys.CONFIG] = config
    app.router.add_get("/", index)
    app.router.add_get("/texts/{lang}.json", texts)
    app.router.add_static("/static/", STATIC, append_version=False)
    routes.register(app.router)
    return app


async def start_webapp(app: web.Application, host: str, port: int) -> web.AppRunner:
    """Listen on host:port; the caller cleans the runner up on the way out."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("Mini App server on %s:%s", host, port)
    return runner
