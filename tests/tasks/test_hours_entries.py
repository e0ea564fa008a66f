"""/hours [PERSON]: a day's entries with Edit and Delete, under /log's rules and rights."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import EntryAudit, MonthLock, Task, TimeEntry
from tests.tasks.conftest import (
    ADMIN,
    LAST_MONTH,
    MANAGER,
    OUTSIDER,
    PROG,
    Team,
    entries_of,
    fresh,
    make_task,
)
from tests.tg import BotClient, Reply
from views.entry_keyboards import EntryCb, HoursDay, HoursPage

TUESDAY = date(2026, 3, 10)


async def audit_rows(session: AsyncSession) -> list[tuple[str, int | None, int | None, int]]:
    rows = await session.scalars(
        select(EntryAudit)
        .where(EntryAudit.action != "create")
        .order_by(EntryAudit.id)
        .execution_options(populate_existing=True)
    )
    return [(a.action, a.old_minutes, a.new_minutes, a.actor_id) for a in rows]


async def open_day(tg: BotClient, who: int, command: str, label: str) -> Reply:
    listed = await tg.send(who, command)
    return await tg.click(who, listed.button(label))


async def test_a_programmer_fixes_a_duration_by_button_and_by_typing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 6h #{task.id} вчера")
    await tg.send(PROG, "/log 1h вчера созвон")
    listed = await tg.send(PROG, "/hours")
    assert "Вт 10.03: 7 ч из 8 ч" in listed.text  # the text is as before
    day = await tg.click(PROG, listed.button("Вт 10.03 · 7 ч"))
    assert day.of("EditMessageText")  # in place
    assert day.text.split("\n") == [
        "Вт 10.03.2026: 7 ч. Записи:",
        f"1. 6 ч · #{task.id} Fix login",
        "2. 1 ч · общая работа — созвон",
    ]
    menu = await tg.click(PROG, day.button("Изменить 1"))
    assert f"Запись за 10.03.2026: 6 ч · #{task.id} Fix login. Что изменить?" in menu.text
    quick = await tg.click(PROG, menu.button("Длительность"))
    done = await tg.click(PROG, quick.button("4 ч"))
    assert "Запись изменена." in done.texts  # the toast
    assert f"1. 4 ч · #{task.id} Fix login" in done.text
    first, _ = await entries_of(session, team.prog)
    assert first.minutes == 240 and (await fresh(session, Task, task.id)).logged_min == 240

    menu = await tg.click(PROG, done.button("Изменить 2"))
    await tg.click(PROG, menu.button("Длительность"))
    typed = await tg.send(PROG, "1ч 30м")
    assert "2. 1 ч 30 мин · общая работа — созвон" in typed.text
    assert "Запись изменена, теперь она за 10.03.2026." in typed.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [240, 90]
    assert await audit_rows(session) == [
        ("edit", 360, 240, team.prog.id),
        ("edit", 60, 90, team.prog.id),
    ]
    # the question is over: a duration typed now is a new entry, not another change
    assert "Записано 2 ч" in (await tg.send(PROG, "2ч")).text


async def test_an_entry_moves_to_another_date_and_task(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    other = await make_task(session, team, title="Docs", assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 3h #{task.id} вчера")
    day = await open_day(tg, PROG, "/hours", "Вт 10.03")
    menu = await tg.click(PROG, day.button("Изменить 1"))
    await tg.click(PROG, menu.button("Дата"))
    bad = await tg.send(PROG, "12.03.2026")
    assert "Нельзя записать время на будущее (12.03.2026)" in bad.text
    assert (await entries_of(session, team.prog))[0].day == TUESDAY
    moved = await tg.send(PROG, "06.03")
    assert "Записей за этот день нет." in moved.text  # Tuesday, now empty
    [entry] = await entries_of(session, team.prog)
    assert entry.day == date(2026, 3, 6) and entry.task_id == task.id

    day = await open_day(tg, PROG, "/hours 2026-03", "Пт 06.03 · 3 ч")
    menu = await tg.click(PROG, day.button("Изменить 1"))
    choice = await tg.click(PROG, menu.button("Задача"))
    done = await tg.click(PROG, choice.button(f"#{other.id} Docs"))
    assert f"1. 3 ч · #{other.id} Docs" in done.text
    assert (await fresh(session, Task, task.id)).logged_min == 0
    assert (await fresh(session, Task, other.id)).logged_min == 180
    general = await tg.click(
        PROG, (await tg.click(PROG, done.button("Изменить 1"))).button("Задача")
    )
    done = await tg.click(PROG, general.button("Общая работа"))
    assert "1. 3 ч · общая работа" in done.text
    assert (await fresh(session, Task, other.id)).logged_min == 0
    assert await audit_rows(session) == [
        ("move-from", 180, None, team.prog.id),
        ("move-to", None, 180, team.prog.id),
        ("move-from", 180, None, team.prog.id),
        ("move-to", None, 180, team.prog.id),
        ("move-from", 180, None, team.prog.id),
        ("move-to", None, 180, team.prog.id),
    ]
    audits = list(await session.scalars(select(EntryAudit).order_by(EntryAudit.id)))
    assert [(a.day, a.task_id) for a in audits[1:3]] == [
        (TUESDAY, task.id),
        (date(2026, 3, 6), task.id),
    ]


async def test_delete_asks_once(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 2h #{task.id} вчера")
    await tg.send(PROG, "/log 1h вчера")
    day = await open_day(tg, PROG, "/hours", "Вт 10.03")
    ask = await tg.click(PROG, day.button("Удалить 1"))
    assert f"Удалить запись 2 ч · #{task.id} Fix login?" in ask.text
    back = await tg.click(PROG, ask.button("Назад"))
    assert "1. 2 ч" in back.text and len(await entries_of(session, team.prog)) == 2
    ask = await tg.click(PROG, back.button("Удалить 1"))
    gone = await tg.click(PROG, ask.button("Да, удалить"))
    assert "Запись удалена." in gone.texts
    assert gone.text.endswith("1. 1 ч · общая работа")
    assert [e.minutes for e in await entries_of(session, team.prog)] == [60]
    assert (await fresh(session, Task, task.id)).logged_min == 0
    assert await audit_rows(session) == [("delete", 120, None, team.prog.id)]
    # the same confirmation pressed again finds nothing and changes nothing
    again = await tg.click(PROG, ask.button("Да, удалить"))
    assert "Этой записи нет" in again.text
    assert len(await audit_rows(session)) == 1
    period = await tg.click(PROG, gone.button("Назад"))
    assert "Ваши часы с 09.03.2026 по 11.03.2026:" in period.text


async def test_the_day_cap_holds_on_edit(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(PROG, "/log 20h вчера")
    await tg.send(PROG, "/log 3h вчера")
    await tg.send(PROG, "/log 2h 06.03")
    day = await open_day(tg, PROG, "/hours 2026-03", "Пт 06.03")
    menu = await tg.click(PROG, day.button("Изменить 1"))
    await tg.click(PROG, menu.button("Дата"))
    refused = await tg.send(PROG, "вчера")
    assert "За 10.03.2026 уже записано 23 ч" in refused.text
    day = await open_day(tg, PROG, "/hours", "Вт 10.03")
    menu = await tg.click(PROG, day.button("Изменить 2"))
    await tg.click(PROG, menu.button("Длительность"))
    refused = await tg.send(PROG, "5ч")
    assert "За 10.03.2026 уже записано 20 ч" in refused.text
    assert sorted((e.day, e.minutes) for e in await entries_of(session, team.prog)) == [
        (date(2026, 3, 6), 120),
        (TUESDAY, 180),
        (TUESDAY, 1200),
    ]
    assert await audit_rows(session) == []


async def test_a_locked_month_refuses_a_manager_and_an_admin_until_reopened(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(PROG, "/log 2h 2026-02-10")
    session.add(MonthLock(month=date(2026, 2, 1)))
    await session.commit()
    day = await open_day(tg, MANAGER, "/hours @ivan 2026-02", "Вт 10.02 · 2 ч")
    assert f"{team.prog.display}, Вт 10.02.2026: 2 ч. Записи:" in day.text
    ask = await tg.click(MANAGER, day.button("Удалить 1"))
    refused = await tg.click(MANAGER, ask.button("Да, удалить"))
    assert "Месяц 2026-02 закрыт" in refused.text
    admin_day = await open_day(tg, ADMIN, "/hours @ivan 2026-02", "Вт 10.02")
    menu = await tg.click(ADMIN, admin_day.button("Изменить 1"))
    quick = await tg.click(ADMIN, menu.button("Длительность"))
    refused = await tg.click(ADMIN, quick.button("1 ч"))
    assert "Месяц 2026-02 закрыт" in refused.text and "/unlock 2026-02" in refused.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [120]
    assert await audit_rows(session) == []
    await session.execute(delete(MonthLock))
    await session.commit()
    done = await tg.click(ADMIN, quick.button("1 ч"))
    assert "1. 1 ч · общая работа" in done.text
    assert await audit_rows(session) == [("edit", 120, 60, team.admin.id)]


async def test_a_manager_edits_a_members_entry(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 5h #{task.id} вчера забыл")
    listed = await tg.send(MANAGER, "/hours @ivan")
    assert listed.text.startswith(f"Часы: {team.prog.display}, с 09.03.2026 по 11.03.2026:")
    day = await tg.click(MANAGER, listed.button("Вт 10.03 · 5 ч"))
    menu = await tg.click(MANAGER, day.button("Изменить 1"))
    await tg.click(MANAGER, menu.button("Комментарий"))
    await tg.send(MANAGER, "ревью кода")
    menu = await tg.click(MANAGER, day.button("Изменить 1"))
    quick = await tg.click(MANAGER, menu.button("Длительность"))
    done = await tg.click(MANAGER, quick.button("2 ч"))
    assert f"1. 2 ч · #{task.id} Fix login — ревью кода" in done.text
    [entry] = await entries_of(session, team.prog)
    assert (entry.minutes, entry.comment) == (120, "ревью кода")
    assert (await fresh(session, Task, task.id)).logged_min == 120
    assert await audit_rows(session) == [
        ("edit", 300, 300, team.manager.id),
        ("edit", 300, 120, team.manager.id),
    ]


async def test_nobody_reaches_entries_outside_their_rights(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    await tg.send(OUTSIDER, "/log 3h вчера")
    [entry] = await entries_of(session, team.outsider)
    assert "не состоит в ваших группах" in (await tg.send(MANAGER, "/hours @anna")).text
    assert "только свои часы" in (await tg.send(PROG, "/hours @anna")).text
    span = {"first": date(2026, 3, 9).toordinal(), "last": date(2026, 3, 11).toordinal()}
    forged = [
        HoursPage(emp=team.outsider.id, **span).pack(),
        HoursDay(emp=team.outsider.id, day=TUESDAY.toordinal(), **span).pack(),
        EntryCb(act="e", id=entry.id, **span).pack(),
        EntryCb(act="y", id=entry.id, **span).pack(),
        EntryCb(act="mv", id=entry.id, v=60, **span).pack(),
        EntryCb(act="tv", id=entry.id, **span).pack(),
    ]
    for who in (MANAGER, PROG):
        for data in forged:
            reply = await tg.click(who, data)
            assert "Этой записи нет" in reply.text, (who, data)
            assert "3 ч" not in reply.text
    [still] = await entries_of(session, team.outsider)
    assert still.minutes == 180 and await audit_rows(session) == []
    # the admin sees anyone's
    day = await open_day(tg, ADMIN, "/hours @anna", "Вт 10.03 · 3 ч")
    assert "1. 3 ч · общая работа" in day.text


async def test_a_task_the_owner_cannot_log_to_is_refused(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    foreign = await make_task(session, team, assignee=team.prog2, start=LAST_MONTH)
    await tg.send(PROG, f"/log 1h #{task.id} вчера")
    [entry] = await entries_of(session, team.prog)
    span = {"first": date(2026, 3, 9).toordinal(), "last": date(2026, 3, 11).toordinal()}
    reply = await tg.click(PROG, EntryCb(act="tv", id=entry.id, v=foreign.id, **span).pack())
    assert f"На задачу #{foreign.id} эту запись перенести нельзя" in reply.text
    assert (await fresh(session, TimeEntry, entry.id)).task_id == task.id
    assert (await fresh(session, Task, task.id)).logged_min == 60


async def test_cancel_leaves_the_question(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(PROG, "/log 1h вчера")
    day = await open_day(tg, PROG, "/hours", "Вт 10.03")
    menu = await tg.click(PROG, day.button("Изменить 1"))
    await tg.click(PROG, menu.button("Комментарий"))
    assert (await tg.send(PROG, "/cancel")).text == "Отменено."
    await tg.send(PROG, "new words")
    [entry] = await entries_of(session, team.prog)
    assert entry.comment == ""


async def test_a_long_month_pages_its_days_and_loses_none(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    for day in range(1, 26):
        await tg.send(PROG, f"/log 1h {day:02d}.02")
    first = await tg.send(PROG, "/hours 2026-02")
    days = [label for label, _ in first.buttons() if "·" in label]
    assert len(days) == 21 and days[0] == "Вс 01.02 · 1 ч" and days[-1] == "Сб 21.02 · 1 ч"
    [row_sizes] = [
        [len(row) for row in r.reply_markup.inline_keyboard] for r in first.of("SendMessage")
    ]
    assert row_sizes == [3] * 7 + [1]  # 3 a row, then ▶
    second = await tg.click(PROG, first.button("▶"))
    rest = [label for label, _ in second.buttons() if "·" in label]
    assert rest == [
        f"{name} {day}.02 · 1 ч"
        for name, day in zip(("Вс", "Пн", "Вт", "Ср"), (22, 23, 24, 25), strict=True)
    ]
    assert "◀" in [label for label, _ in second.buttons()]
    opened = await tg.click(PROG, second.button("Ср 25.02"))
    assert "1. 1 ч · общая работа" in opened.text


async def test_the_day_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(PROG, "/log 6h yesterday review")
    listed = await tg.send(PROG, "/hours", lang="en")
    day = await tg.click(PROG, listed.button("Tue 10 Mar · 6 h"), lang="en")
    assert day.text.split("\n") == [
        "Tue 10 Mar 2026: 6 h. Entries:",
        "1. 6 h · general work — review",
    ]
    assert [label for label, _ in day.buttons()] == ["✏️ Edit 1", "🗑 Delete 1", "← Back"]
