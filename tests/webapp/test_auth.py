"""Only Telegram's signed, fresh initData of an active registered person opens the API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from services import clock
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER2, PROG, Team, make_task
from tests.tg import BOT_TOKEN
from tests.webapp.conftest import auth, signed
from webapp.auth import sign_init_data

API_PATHS = [
    ("GET", "/api/me"),
    ("GET", "/api/week"),
    ("POST", "/api/week/cell"),
    ("GET", "/api/plan"),
    ("GET", "/api/tasks/1"),
    ("GET", "/api/payroll"),
    ("GET", "/api/payroll/file.csv"),
    ("GET", "/api/no-such-path"),
]
CELL = {"day": "2026-03-11", "task": None, "value": "2"}


async def call(api: TestClient, method: str, path: str, headers: dict[str, str]) -> tuple:
    kwargs: dict[str, Any] = {"json": CELL} if method == "POST" else {}
    response = await api.request(method, path, headers=headers, **kwargs)
    return response.status, await response.json()


def tampered(raw: str, **changes: str) -> str:
    pairs = dict(parse_qsl(raw))
    pairs.update(changes)
    return urlencode(pairs)


@pytest.mark.parametrize(("method", "path"), API_PATHS)
async def test_every_path_refuses_without_valid_init_data(
    api: TestClient, team: Team, method: str, path: str
) -> None:
    good = signed(ADMIN)
    stale = clock.now() - timedelta(days=1, minutes=1)
    refused = [
        {},
        {"Authorization": good},  # no "tma " scheme
        {"Authorization": "tma "},
        {"Authorization": "Bearer " + good},
        {"Authorization": "tma " + signed(ADMIN, token="42:another-bots-token")},
        {"Authorization": "tma " + tampered(good, user='{"id":20,"first_name":"X"}')},
        {"Authorization": "tma " + tampered(good, auth_date="9999999999")},
        {"Authorization": "tma " + tampered(good, hash="ж" * 64)},
        {"Authorization": "tma " + good.replace("hash=", "h=")},
        {"Authorization": "tma " + signed(ADMIN, auth_date=stale)},
        {"Authorization": "tma " + signed(ADMIN, auth_date=clock.now() + timedelta(hours=1))},
        {"Authorization": "tma " + good + "&x=" + "a" * 5000},
    ]
    for headers in refused:
        assert await call(api, method, path, headers) == (401, {"error": "unauthorized"})


async def test_a_day_old_init_data_still_works(api: TestClient, team: Team) -> None:
    almost = clock.now() - timedelta(days=1) + timedelta(minutes=1)
    response = await api.get("/api/me", headers=auth(PROG, auth_date=almost))
    assert response.status == 200
    assert (await response.json())["person"]["id"] == team.prog.id


async def test_strangers_deactivated_and_expired_people_get_401(
    api: TestClient, session: AsyncSession, team: Team
) -> None:
    team.prog.active = False
    team.external.access_until = clock.utcnow_naive() - timedelta(minutes=1)
    await session.commit()
    for telegram_id in (PROG, EXTERNAL, 999):
        for method, path in API_PATHS:
            assert await call(api, method, path, auth(telegram_id)) == (
                401,
                {"error": "unauthorized"},
            )


async def test_another_persons_data_is_refused_with_nothing_of_it(
    api: TestClient, session: AsyncSession, team: Team
) -> None:
    other_group = await make_task(
        session, team, title="Secret", assignee=team.outsider, group=team.web
    )
    card = await api.get(f"/api/tasks/{other_group.id}", headers=auth(PROG, "en"))
    body = await card.json()
    assert card.status == 400 and body["error"] == "task-not-found"
    assert "Secret" not in str(body)
    pay = await api.get("/api/payroll", headers=auth(PROG, "en"))
    assert pay.status == 403
    assert await pay.json() == {
        "error": "payroll-others-admin",
        "message": "Only an administrator sees other people's pay. Your pay: /payroll",
    }
    files = await api.get("/api/payroll/file.xlsx", headers=auth(MANAGER2))
    assert files.status == 403 and (await files.json())["error"] == "payroll-others-admin"
    plan = await api.get("/api/plan", headers=auth(PROG))
    assert plan.status == 403
    assert await plan.json() == {
        "error": "plan-denied",
        "message": "План доступен руководителям проектов и администраторам.",
    }


async def test_external_sees_no_screen_and_no_week(api: TestClient, team: Team) -> None:
    me = await api.get("/api/me", headers=auth(EXTERNAL, "en"))
    assert me.status == 200
    assert (await me.json())["screens"] == []
    week = await api.get("/api/week", headers=auth(EXTERNAL, "en"))
    assert week.status == 403
    assert (await week.json())["message"] == "External representatives do not log hours."


async def test_large_body_is_refused(api: TestClient, team: Team) -> None:
    response = await api.post(
        "/api/week/cell",
        headers={**auth(PROG, "en"), "Content-Type": "application/json"},
        data=b'{"day": "' + b"1" * 20000 + b'"}',
    )
    assert response.status == 413
    assert await response.json() == {"error": "too-large", "message": "The request is too large."}


async def test_init_data_with_all_of_telegrams_fields_is_accepted(
    api: TestClient, team: Team
) -> None:
    user = {
        "id": PROG,
        "first_name": "Ivan",
        "username": "ivan",
        "language_code": "en",
        "allows_write_to_pm": True,
        "photo_url": "https://t.me/i/userpic/320/x.svg",
    }
    raw = sign_init_data(
        BOT_TOKEN,
        user,
        None,
        query_id="AAHdF6IQAAAAAN0XohDhrOrc",
        chat_instance="-8631012377632117",
        chat_type="private",
        signature="6fbdaab833d39f54518bd5c3eb3f511d035e68cb",
    )
    response = await api.get("/api/me", headers={"Authorization": f"tma {raw}"})
    assert response.status == 200
    assert (await response.json())["lang"] == "en"
