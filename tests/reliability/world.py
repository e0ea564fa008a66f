"""A small company with tasks in every state, logged time, a running timer and pay terms, and
the tools the reliability tests share: a snapshot of what the database holds, a reset to the
seeded state, and the apology text that must never reach anyone."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from aiogram.fsm.storage.base import BaseStorage, StorageKey
from sqlalchemy import Table, Text, cast, func, literal, select, text
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement, Executable
from sqlalchemy.sql.selectable import ScalarSelect

import models
from models import Absence, PaySetting, Schedule, TimeEntry, Timer
from tests import factories
from tests.tasks.conftest import (
    ADMIN,
    EIGHT,
    EXTERNAL,
    MANAGER,
    MANAGER2,
    OUTSIDER,
    PROG,
    PROG2,
    TESTER,
    USERNAMES,
    Team,
    make_task,
)
from tests.tg import BOT_ID
from views.i18n import Translator, fields, keys

# Rows written on purpose for every update whatever it says, and the version number database
# triggers change whenever the calendar's tables are written (a reset of the world rewrites them).
NOT_BUSINESS = frozenset({"processed_updates", "data_versions"})
PEOPLE = (ADMIN, MANAGER, MANAGER2, PROG, PROG2, TESTER, EXTERNAL, OUTSIDER)
ROLES = {
    ADMIN: "admin",
    MANAGER: "manager",
    MANAGER2: "manager",
    PROG: "programmer",
    PROG2: "programmer",
    TESTER: "tester",
    EXTERNAL: "external",
    OUTSIDER: "programmer",
}
GROUP_CHAT = -1001


def _apology_pattern() -> re.Pattern[str]:
    parts = []
    for lang in ("ru", "en"):
        template = Translator(lang)("error-apology", code="\x00")
        parts.append(re.escape(template).replace("\x00", "[0-9A-F]+"))
    return re.compile("|".join(parts))


APOLOGY = _apology_pattern()


def apologised(texts: list[str]) -> bool:
    return any(APOLOGY.search(t or "") for t in texts)


async def make_team(session: AsyncSession) -> Team:
    """The people and groups of the `team` fixture in tests/tasks/conftest.py."""
    emps = {}
    for telegram_id, role in ROLES.items():
        # Russian, as each person's first update (language "ru") would store it; stored as
        # picked, so that a reseeded world equals the one every example starts from.
        emps[telegram_id] = await factories.employee(
            session, telegram_id, role, USERNAMES[telegram_id], language="ru"
        )
    backend_people = [emps[t] for t in (PROG, PROG2, TESTER, EXTERNAL)]
    backend = await factories.group(session, "backend", emps[MANAGER], backend_people)
    web = await factories.group(session, "web", emps[MANAGER2], [emps[OUTSIDER]])
    for telegram_id in (PROG, PROG2, TESTER, MANAGER, OUTSIDER):
        session.add(
            Schedule(employee_id=emps[telegram_id].id, effective_from=date(2026, 1, 1), **EIGHT)
        )
    await session.commit()
    admin, manager, manager2, prog, prog2, tester, external, outsider = (emps[t] for t in PEOPLE)
    return Team(admin, manager, manager2, prog, prog2, tester, external, outsider, backend, web)


async def seed(session: AsyncSession) -> Team:
    """The `team` of the task tests plus tasks, entries, a timer, an absence and pay terms."""
    team = await make_team(session)
    new = await make_task(session, team, title="Login page", assignee=team.prog, tester=team.tester)
    going = await make_task(
        session, team, title="Reports", assignee=team.prog, tester=team.tester, status="in_progress"
    )
    await make_task(
        session, team, title="Export", assignee=team.prog2, tester=team.tester, status="review"
    )
    await make_task(session, team, title="Old bug", assignee=team.prog, status="done")
    await make_task(session, team, title="Dropped", assignee=team.prog2, status="cancelled")
    await make_task(session, team, title="Web form", assignee=team.outsider, group=team.web)
    await make_task(session, team, title="Nobody's", estimate_min=None, deadline=None)
    for day, minutes, task in ((date(2026, 3, 10), 240, going), (date(2026, 3, 11), 60, new)):
        session.add(
            TimeEntry(
                employee_id=team.prog.id,
                task_id=task.id,
                day=day,
                minutes=minutes,
                comment="work",
                created_by=team.prog.id,
            )
        )
        task.logged_min += minutes
    session.add(
        Timer(employee_id=team.prog2.id, task_id=going.id, started_at=datetime(2026, 3, 11, 8))
    )
    session.add(
        Absence(
            employee_id=team.prog2.id,
            kind="vacation",
            date_from=date(2026, 3, 23),
            date_to=date(2026, 3, 27),
        )
    )
    session.add(
        PaySetting(
            employee_id=team.prog.id,
            effective_month=date(2026, 1, 1),
            pay_type="salary",
            amount=Decimal(100000),
            k=Decimal(1),
        )
    )
    await session.commit()
    return team


def _digest(table: Table, dialect: str) -> ScalarSelect[str]:
    """All of a table's rows as one string, in primary key order."""
    fields: list[ColumnElement[str]] = [
        func.coalesce(cast(column, Text), "∅") for column in table.columns
    ]
    row = fields[0]
    for field in fields[1:]:
        row = row.op("||")("\x1f").op("||")(field)
    if dialect == "postgresql":
        separator = aggregate_order_by(literal("\x1e"), *table.primary_key.columns)
        return select(func.string_agg(row, separator)).select_from(table).scalar_subquery()
    # SQLite before 3.44 has no ORDER BY inside an aggregate; it keeps a subquery's order.
    rows = select(row.label("r")).order_by(*table.primary_key.columns).subquery()
    return select(func.group_concat(rows.c.r, "\x1e")).scalar_subquery()


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


BUSINESS_TABLES = [t for t in models.Base.metadata.sorted_tables if t.name not in NOT_BUSINESS]


@cache
def _snapshot_query(dialect: str) -> Executable:
    return select(*(_digest(t, dialect) for t in BUSINESS_TABLES))


async def snapshot(session: AsyncSession) -> dict[str, str | None]:
    """What every business table holds, one digest a table, in a single query."""
    row = (await session.execute(_snapshot_query(_dialect(session)))).one()
    await session.commit()
    return {table.name: value for table, value in zip(BUSINESS_TABLES, row, strict=True)}


def changed_tables(before: dict[str, str | None], after: dict[str, str | None]) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]


async def wipe(session: AsyncSession) -> None:
    """Empty every table and restart the ids, so a new seed gets the same ids again."""
    tables = list(reversed(models.Base.metadata.sorted_tables))
    if _dialect(session) == "postgresql":
        names = ", ".join(t.name for t in tables)
        await session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            await session.execute(table.delete())
        has_sequence = await session.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
        )
        if has_sequence:
            await session.execute(text("DELETE FROM sqlite_sequence"))
    await session.commit()
    session.expunge_all()


async def clear_dialogs(storage: BaseStorage, chats: tuple[int, ...] = (GROUP_CHAT,)) -> None:
    """Forget every dialog state, so one example's half-finished dialog cannot steer the next."""
    for user_id in PEOPLE:
        for chat_id in (user_id, *chats):
            key = StorageKey(bot_id=BOT_ID, chat_id=chat_id, user_id=user_id)
            await storage.set_state(key, None)
            await storage.set_data(key, {})


def _refusal_patterns() -> list[re.Pattern[str]]:
    """Every text that says "no": the err-* answers to bad input and the other refusals."""
    out = []
    for lang in ("ru", "en"):
        tr = Translator(lang)
        for key in sorted(keys(lang)):
            if key.startswith("err-") or key in REFUSAL_KEYS:
                # Rendered with a marker in every field, then the markers become wildcards.
                text = tr(key, **{name: _FIELD for name in fields(lang, key)})
                parts = [re.escape(part) for part in text.split(_FIELD)]
                out.append(re.compile(".*?".join(parts), re.DOTALL))
    return out


_FIELD = "\x00"
REFUSAL_KEYS = frozenset(
    {
        *("denied-command", "stale-button", "refuse-stranger", "payroll-others-denied"),
        *("refuse-deactivated", "refuse-deactivated-undated", "refuse-expired"),
    }
)
REFUSALS = _refusal_patterns()


def is_refusal(text: str) -> bool:
    return any(p.fullmatch(text) for p in REFUSALS)


# A locale key shown as is: the text for it is missing.
BARE_KEY = re.compile(r"[a-z]+(?:-[a-z0-9]+)+")
