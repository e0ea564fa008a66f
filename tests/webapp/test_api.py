"""Each API endpoint against the services the chat uses: what the app gets, and what the
database holds after a cell is set."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiohttp.test_utils import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import EntryAudit, MonthLock, Task
from tests.tasks.conftest import ADMIN, MANAGER, PROG, Team, entries_of, make_task
from tests.tg import BotClient
from tests.webapp.conftest import auth, pay_and_hours


async def get(api: TestClient, path: str, who: int, lang: str = "ru") -> Any:
    response = await api.get(path, headers=auth(who, lang))
    assert response.status == 200, await response.text()
    return await response.json()


async def put_cell(
    api: TestClient, who: int, day: str, value: str, task: int | None = None, lang: str = "ru"
) -> tuple[int, Any]:
    response = await api.post(
        "/api/week/cell",
        headers=auth(who, lang),
        json={"day": day, "task": task, "value": value},
    )
    return response.status, await response.json()


async def test_me_names_the_screens_and_sends_the_words(api: TestClient, team: Team) -> None:
    admin = await get(api, "/api/me", ADMIN, "en")
    assert admin["screens"] == ["week", "plan", "payroll"]
    assert admin["lang"] == "en" and admin["today"] == "2026-03-11"
    assert admin["texts"]["webapp-tab-week"] == "My week"
    assert all(key.startswith("webapp-") for key in admin["texts"])
    assert (await get(api, "/api/me", MANAGER))["screens"] == ["week", "plan"]
    prog = await get(api, "/api/me", PROG)
    assert prog["screens"] == ["week"]
    assert prog["texts"]["webapp-tab-week"] == "Моя неделя"
    assert prog["person"] == {
        "id": team.prog.id,
        "code": f"e{team.prog.id}",
        "name": f"User{PROG} (e{team.prog.id})",
    }


async def test_week_grid_shows_chat_entries_and_the_schedule(
    api: TestClient, tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/log 6h #{task.id}")
    await tg.send(PROG, "/log 1h30m вчера созвон")
    week = await get(api, "/api/week", PROG)
    assert week["first"] == "2026-03-09" and week["prev"] == "2026-03-02"
    assert week["next"] is None  # the week after this one has not come
    days = week["days"]
    assert [d["date"] for d in days][:3] == ["2026-03-09", "2026-03-10", "2026-03-11"]
    assert [d["capacity"] for d in days] == [0, 480, 480, 480, 480, 0, 0]  # 9 March: holiday
    assert [d["minutes"] for d in days] == [0, 90, 360, 0, 0, 0, 0]
    assert [d["writable"] for d in days] == [True, True, True, False, False, False, False]
    general, task_row = week["rows"]
    assert general["task"] is None and general["minutes"][1] == 90
    assert task_row["task"]["id"] == task.id and task_row["task"]["title"] == "Fix login"
    # The task starts on 11 March: the days before it take no hours on it.
    assert task_row["writable"][:4] == [False, False, True, False]
    assert task_row["minutes"][2] == 360 and task_row["total"] == 360
    assert week["total"] == 450 and week["capacity"] == 1920
    before = await get(api, "/api/week?day=2026-03-04", PROG)
    assert before["first"] == "2026-03-02" and before["next"] == "2026-03-09"


async def test_setting_a_cell_writes_like_log_and_the_chat_agrees(
    api: TestClient, tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    status, week = await put_cell(api, PROG, "2026-03-11", "2,5", task.id)
    assert status == 200
    assert week["rows"][1]["minutes"][2] == 150
    (entry,) = await entries_of(session, team.prog)
    assert (entry.day, entry.task_id, entry.minutes) == (date(2026, 3, 11), task.id, 150)
    stored = await session.get(Task, task.id, populate_existing=True)
    assert stored is not None and stored.logged_min == 150 and stored.status == "in_progress"
    reply = await tg.send(PROG, "/hours")
    assert f"#{task.id} Fix login: 2 ч 30 мин" in reply.text
    # Fewer hours shorten the newest entry; 0 removes them; each step is audited.
    await tg.send(PROG, f"/log 1h #{task.id}")
    status, week = await put_cell(api, PROG, "2026-03-11", "2h", task.id)
    assert status == 200 and week["rows"][1]["minutes"][2] == 120
    assert [e.minutes for e in await entries_of(session, team.prog)] == [120]
    status, week = await put_cell(api, PROG, "2026-03-11", "0", task.id)
    assert status == 200 and week["rows"][1]["minutes"][2] == 0
    assert await entries_of(session, team.prog) == []
    stored = await session.get(Task, task.id, populate_existing=True)
    assert stored is not None and stored.logged_min == 0
    audit = (await session.scalars(select(EntryAudit).order_by(EntryAudit.id))).all()
    assert [(a.action, a.old_minutes, a.new_minutes) for a in audit] == [
        ("create", None, 150),
        ("create", None, 60),
        ("delete", 60, None),
        ("edit", 150, 120),
        ("delete", 120, None),
    ]


async def test_cells_keep_logs_rules(api: TestClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    foreign = await make_task(session, team, title="Other", assignee=team.outsider, group=team.web)
    cases: list[tuple[str, str, int | None, str]] = [
        ("2026-03-12", "1", None, "for the future (12 Mar 2026)"),
        ("2026-03-10", "1", task.id, f"Task #{task.id} starts on 11 Mar 2026"),
        ("2026-03-11", "1", foreign.id, f"Task #{foreign.id} not found"),
        ("2025-03-09", "1", None, "is too long ago"),
        ("2026-03-11", "25", None, "is not a duration"),
        ("2026-03-11", "abc", None, "is not a duration"),
        ("11.03.2026", "1", None, "Date “11.03.2026” does not work"),
    ]
    for day, value, task_id, message in cases:
        status, body = await put_cell(api, PROG, day, value, task_id, lang="en")
        assert status == 400 and message in body["message"], (day, value, body)
    await put_cell(api, PROG, "2026-03-11", "20")
    status, body = await put_cell(api, PROG, "2026-03-11", "5", task.id, lang="en")
    assert status == 400 and body["error"] == "log-day-full"
    assert [e.minutes for e in await entries_of(session, team.prog)] == [1200]


async def test_locked_month_refuses_everyone(
    api: TestClient, session: AsyncSession, team: Team
) -> None:
    session.add(MonthLock(month=date(2026, 2, 1)))
    await session.commit()
    week = await get(api, "/api/week?day=2026-02-25", PROG)
    # 23 February to 1 March: only the Sunday lies outside the locked month.
    assert [d["writable"] for d in week["days"]] == [False] * 6 + [True]
    status, body = await put_cell(api, PROG, "2026-02-25", "3")
    assert status == 400 and body["error"] == "log-locked"
    assert await entries_of(session, team.prog) == []
    # an admin too: a paid month is frozen until /unlock (SPEC §6)
    status, body = await put_cell(api, ADMIN, "2026-02-25", "3")
    assert status == 400 and body["error"] == "month-locked"
    assert await session.scalar(select(EntryAudit)) is None


async def test_bad_bodies_get_a_message(api: TestClient, team: Team) -> None:
    for body in ([1], {"day": 5, "value": "1"}, {"day": "2026-03-11", "value": "1", "task": True}):
        response = await api.post("/api/week/cell", headers=auth(PROG, "en"), json=body)
        assert response.status == 400
        assert (await response.json())["error"] == "webapp-body"
    response = await api.post("/api/week/cell", headers=auth(PROG), data="{")
    assert response.status == 400


async def test_plan_for_a_manager(api: TestClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await make_task(session, team, title="Elsewhere", assignee=team.outsider, group=team.web)
    plan = await get(api, "/api/plan", MANAGER, "en")
    assert [t["title"] for t in plan["tasks"]] == ["Fix login"]
    (row,) = plan["tasks"]
    assert row["id"] == task.id and row["estimate_h"] == 10 and row["deadline"] == "2026-03-20"
    assert row["assignee"]["id"] == team.prog.id and row["status_label"] == "new"
    assert row["outlook"]["flag"] == "ok" and row["outlook"]["lag_h"] == 0
    assert row["outlook"]["forecast_finish"] == "2026-03-12"
    assert [p["id"] for p in plan["people"]] == [team.prog.id]
    admin = await get(api, "/api/plan", ADMIN)
    assert {t["title"] for t in admin["tasks"]} == {"Fix login", "Elsewhere"}


async def test_task_card(api: TestClient, tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    await tg.send(PROG, f"/comment {task.id} almost there")
    card = await get(api, f"/api/tasks/{task.id}", MANAGER, "en")
    assert card["title"] == "Fix login" and card["group"] == "backend"
    assert card["assignee"]["id"] == team.prog.id and card["tester"]["id"] == team.tester.id
    assert card["priority_label"] == "normal" and card["start"] == "2026-03-11"
    assert card["comments"][0]["text"] == "almost there"
    assert card["outlook"]["remaining_h"] == 10


async def test_payroll_table_and_files(api: TestClient, session: AsyncSession, team: Team) -> None:
    await pay_and_hours(session, team.prog, 1000, minutes=90)
    table = await get(api, "/api/payroll", ADMIN, "en")
    assert table["month"] == "2026-03" and table["prev"] == "2026-02" and table["next"] is None
    (row,) = table["rows"]
    assert row["code"] == f"e{team.prog.id}" and row["pay_type_label"] == "hourly"
    assert row["worked_h"] == 1.5 and row["amount"] == 1500
    assert table["currency"] == "RUB" and table["as_of"] == "2026-03-11"
    feb = await get(api, "/api/payroll?month=2026-02", ADMIN)
    assert feb["rows"] == [] and feb["next"] == "2026-03"
    csv = await api.get("/api/payroll/file.csv?month=2026-03", headers=auth(ADMIN))
    assert csv.status == 200 and "payroll" in csv.headers["Content-Disposition"]
    text = (await csv.read()).decode("utf-8-sig")
    assert text.startswith("employee,full_name,telegram_id,pay_type,worked_h")
    assert f"e{team.prog.id},User{PROG},{PROG},hourly,1.50" in text
    xlsx = await api.get("/api/payroll/file.xlsx", headers=auth(ADMIN))
    assert xlsx.status == 200 and (await xlsx.read())[:2] == b"PK"
    for month, error in (("2026-13", "payroll-month"), ("2026-04", "payroll-future")):
        response = await api.get(f"/api/payroll?month={month}", headers=auth(ADMIN, "en"))
        assert response.status == 400 and (await response.json())["error"] == error
    missing = await api.get("/api/payroll/file.pdf", headers=auth(ADMIN, "en"))
    assert missing.status == 404


async def test_texts_are_public_words_only(api: TestClient) -> None:
    response = await api.get("/texts/en.json")
    assert response.status == 200
    assert (await response.json())["webapp-error-auth"].startswith("Open the app")
    assert (await api.get("/texts/de.json")).status == 404
    page = await api.get("/")
    assert page.status == 200 and "Content-Security-Policy" in page.headers
