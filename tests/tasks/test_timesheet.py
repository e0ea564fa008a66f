"""/timesheet [GROUP|@user] [YYYY-MM] csv: a month's raw entries as a CSV file."""

from __future__ import annotations

import csv
import io

from sqlalchemy.ext.asyncio import AsyncSession

from tests.tasks.conftest import (
    ADMIN,
    EXTERNAL,
    LAST_MONTH,
    MANAGER,
    OUTSIDER,
    PROG,
    PROG2,
    Team,
    make_task,
)
from tests.tg import BotClient, Reply

HEADER = ["date", "person", "task", "hours", "comment"]


def rows_of(reply: Reply) -> list[list[str]]:
    [(name, data)] = reply.documents()
    assert name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == HEADER
    return table[1:]


async def test_rows_one_by_one(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 1h30m #{task.id} 10.03 вход, форма")
    await tg.send(PROG, "/log 20m 02.03 =SUM(A1)")
    await tg.send(PROG2, "/log 8h 05.03 отчёт")
    await tg.send(PROG, "/log 2h 2026-02-27")  # another month
    await tg.send(OUTSIDER, "/log 1h 03.03")  # another group
    prog, petr, anna = team.prog.display, team.prog2.display, team.outsider.display

    reply = await tg.send(MANAGER, "/timesheet csv")
    assert reply.documents()[0][0] == "timesheet-2026-03-all.csv"
    assert "Записи за март 2026: ваши группы и вы, строк: 3." in reply.text
    assert rows_of(reply) == [
        ["2026-03-02", prog, "", "0.33", "'=SUM(A1)"],
        ["2026-03-05", petr, "", "8.00", "отчёт"],
        ["2026-03-10", prog, str(task.id), "1.50", "вход, форма"],
    ]
    mine = await tg.send(PROG, "/timesheet 2026-02 csv")
    assert rows_of(mine) == [["2026-02-27", prog, "", "2.00", ""]]
    person = await tg.send(MANAGER, "/timesheet @petr csv")
    assert rows_of(person) == [["2026-03-05", petr, "", "8.00", "отчёт"]]
    everyone = await tg.send(ADMIN, "/timesheet 2026-03 csv")
    assert "Записи за март 2026: все сотрудники, строк: 4." in everyone.text
    assert [row[1] for row in rows_of(everyone)] == [prog, anna, petr, prog]
    group = await tg.send(ADMIN, "/timesheet web 2026-03 csv")
    assert rows_of(group) == [["2026-03-03", anna, "", "1.00", ""]]


async def test_who_may_export_whom(tg: BotClient, team: Team) -> None:
    await tg.send(OUTSIDER, "/log 1h 03.03")
    own_only = "Выгрузить можно только свои записи"
    for text in ("/timesheet @anna csv", "/timesheet backend csv", "/timesheet e999 csv"):
        reply = await tg.send(PROG, text)
        assert reply.text.startswith(own_only) and not reply.documents(), text
    for text in ("/timesheet @anna csv", "/timesheet web csv", "/timesheet nosuch csv"):
        reply = await tg.send(MANAGER, text)
        assert "нет такой группы или сотрудника среди ваших групп" in reply.text, text
        assert not reply.documents()
    assert "недоступна" in (await tg.send(EXTERNAL, "/timesheet csv")).text
    assert rows_of(await tg.send(ADMIN, "/timesheet @anna csv"))[0][1] == team.outsider.display


async def test_empty_month_and_bad_input(tg: BotClient, team: Team) -> None:
    empty = await tg.send(PROG, "/timesheet csv")
    assert empty.text == "За март 2026 записей нет: ваши записи." and not empty.documents()
    for text in ("/timesheet", "/timesheet 2026-03", "/timesheet a b c csv"):
        assert (await tg.send(PROG, text)).text.startswith("Так: /timesheet csv"), text
    future = await tg.send(PROG, "/timesheet 2026-04 csv")
    assert future.text == "Месяц 2026-04 ещё не начался. Например: /timesheet csv"
