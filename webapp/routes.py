"""The Mini App's API. Each handler reads the request, calls the service the chat command uses
and returns its result as JSON; who may see or change what is decided by the services."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from aiohttp import web

from handlers.payroll import parse_payroll_args
from services import clock, permissions, plan_scope, planning, week
from services.errors import DomainError
from services.payroll import month_payroll
from services.paysettings import add_months
from services.task_card import load_card
from services.tasks import parse_task_ref, scope_of
from views import payroll as payroll_report
from webapp import keys, payloads
from webapp.texts import webapp_texts

FILE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _today(request: web.Request) -> date:
    return clock.today(request.app[keys.CONFIG].timezone)


def _date(text: str | None, today: date) -> date:
    if not text:
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError("webapp-date", value=text[:20]) from None


async def me(request: web.Request) -> web.Response:
    emp, tr = request[keys.ME], request[keys.TR]
    config = request.app[keys.CONFIG]
    return web.json_response(
        {
            "person": payloads.person(emp),
            "role": emp.role,
            "lang": tr.lang,
            "today": _today(request).isoformat(),
            "currency": config.currency,
            "screens": permissions.webapp_screens(emp.role),
            "texts": webapp_texts(tr.lang),
        }
    )


async def get_week(request: web.Request) -> web.Response:
    session, tr = request[keys.SESSION], request[keys.TR]
    today = _today(request)
    scope = await scope_of(session, request[keys.ME])
    country = request.app[keys.CONFIG].holidays_country
    grid = await week.week_grid(
        session, scope, _date(request.query.get("day"), today), today, country
    )
    return web.json_response(payloads.week(grid, tr))


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise DomainError("webapp-body")
    try:
        body = json.loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        raise DomainError("webapp-body") from None
    if not isinstance(body, dict):
        raise DomainError("webapp-body")
    return body


async def set_cell(request: web.Request) -> web.Response:
    body = await _json_body(request)
    session, tr = request[keys.SESSION], request[keys.TR]
    today = _today(request)
    day_text, task, value = body.get("day"), body.get("task"), body.get("value")
    if not isinstance(day_text, str) or not day_text or not isinstance(value, str):
        raise DomainError("webapp-body")
    if task is not None and (isinstance(task, bool) or not isinstance(task, int | str)):
        raise DomainError("webapp-body")
    scope = await scope_of(session, request[keys.ME])
    day = _date(day_text, today)
    await week.set_cell(
        session,
        scope,
        day=day,
        task_id=None if task is None else parse_task_ref(str(task)),
        minutes=week.parse_cell(value),
        today=today,
    )
    country = request.app[keys.CONFIG].holidays_country
    grid = await week.week_grid(session, scope, day, today, country)
    return web.json_response(payloads.week(grid, tr))


async def get_plan(request: web.Request) -> web.Response:
    session, tr = request[keys.SESSION], request[keys.TR]
    scope = await plan_scope.resolve_scope(session, request[keys.ME], None)
    report = await planning.plan_report(
        session, scope, _today(request), request.app[keys.CONFIG].holidays_country
    )
    return web.json_response(payloads.plan(report, tr))


async def get_task(request: web.Request) -> web.Response:
    session, tr = request[keys.SESSION], request[keys.TR]
    task_id = parse_task_ref(request.match_info["task"])
    scope = await scope_of(session, request[keys.ME])
    found = await load_card(
        session, scope, task_id, _today(request), request.app[keys.CONFIG].holidays_country
    )
    return web.json_response(payloads.card(found, tr))


async def _payroll(request: web.Request) -> Any:
    if not permissions.sees_everyones_pay(request[keys.ME].role):
        raise DomainError("payroll-others-admin")
    today = _today(request)
    month = request.query.get("month", "")
    ask = parse_payroll_args([month] if month else [], today)
    return await month_payroll(request[keys.SESSION], ask.month, request.app[keys.CONFIG])


async def get_payroll(request: web.Request) -> web.Response:
    found = await _payroll(request)
    following = add_months(found.month, 1)
    this_month = _today(request).replace(day=1)
    return web.json_response(
        payloads.payroll(
            found,
            add_months(found.month, -1),
            following if following <= this_month else None,
            request[keys.TR],
        )
    )


async def get_payroll_file(request: web.Request) -> web.Response:
    kind = request.match_info["kind"]
    if kind not in FILE_TYPES:
        raise web.HTTPNotFound()
    found = await _payroll(request)
    data = (
        payroll_report.payroll_csv(found)
        if kind == "csv"
        else payroll_report.payroll_workbook(found, request[keys.TR])
    )
    name = payroll_report.file_name(found, kind)
    return web.Response(
        body=data,
        headers={
            "Content-Type": FILE_TYPES[kind],
            "Content-Disposition": f'attachment; filename="{name}"',
        },
    )


def register(router: web.UrlDispatcher) -> None:
    router.add_get("/api/me", me)
    router.add_get("/api/week", get_week)
    router.add_post("/api/week/cell", set_cell)
    router.add_get("/api/plan", get_plan)
    router.add_get("/api/tasks/{task}", get_task)
    router.add_get("/api/payroll", get_payroll)
    router.add_get("/api/payroll/file.{kind}", get_payroll_file)
