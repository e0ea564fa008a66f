"""Callback data comes from the client, so a forged one must be refused: buttons of someone
else's task, tampered numbers, oversized or unknown data, buttons gone stale, and buttons kept
by a person who has since lost the right to press them. Each refusal is an answer (never the
apology with a reference code) and leaves the database exactly as it was."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability import world
from tests.reliability.conftest import Fuzz, check_texts
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, MANAGER2, OUTSIDER, PROG, PROG2, TESTER
from tests.tg import Reply

HUGE = str(10**30)
# Seeded tasks (tests/reliability/world.py): 1 new and 2 in progress, both of e4 (PROG) with
# e6 (TESTER) testing; 3 in review, of e5 (PROG2); 4 done; 5 cancelled; 6 in the web group;
# 7 nobody's. Time entries 1 and 2 are PROG's; PROG2 has a timer running.


async def refused(fuzz: Fuzz, sender: int, data: str, before: dict[str, str | None]) -> Reply:
    reply = await fuzz.click(sender, data)
    what = (sender, data[:100])
    check_texts(reply, what)
    assert reply.of("AnswerCallbackQuery"), (what, reply)  # the client stops its spinner
    assert reply.texts, (what, reply)
    assert all(world.is_refusal(t) for t in reply.texts), (what, reply)
    after = await world.snapshot(fuzz.session)
    assert world.changed_tables(before, after) == [], (what, reply)
    return reply


def task_buttons(reply: Reply, *actions: str) -> list[str]:
    found = [data for _, data in reply.buttons() if data.split(":")[1:2] in ([a] for a in actions)]
    assert found, reply.buttons()
    return found


async def test_buttons_of_someone_elses_task(fuzz: Fuzz) -> None:
    card = await fuzz.send(PROG, "task", "1")
    own = task_buttons(card, "timer", "log", "review")
    assert {d.split(":")[1] for d in own} == {"timer", "log", "review"}
    queue = await fuzz.send(TESTER, "review")
    review = task_buttons(queue, "accept", "return")
    before = await world.snapshot(fuzz.session)
    for data in own:
        for sender in (PROG2, OUTSIDER, EXTERNAL, MANAGER2):
            await refused(fuzz, sender, data, before)
    for data in review:
        for sender in (PROG, PROG2, OUTSIDER, EXTERNAL, MANAGER2):
            await refused(fuzz, sender, data, before)
    for sender in (OUTSIDER, MANAGER2):  # cannot see the task at all
        await refused(fuzz, sender, "t:open:1:0:0", before)
    await refused(fuzz, PROG, "t:open:6:0:0", before)  # the web group's task
    await refused(fuzz, PROG2, "u:1", before)  # PROG's time entry


@pytest.mark.parametrize(
    "data",
    [
        "t:log:999:30:1",  # no such task
        "t:timer:999:0:1",
        "t:review:999:0:1",
        "t:accept:999:0:0",
        "t:log:0:30:1",
        "t:log:-1:30:1",
        f"t:log:{HUGE}:30:1",
        "t:log:abc:30:1",
        "t:log:²:30:1",
        "t:log:1:45:1",  # not a quick-log amount
        "t:log:1:1440:1",
        "t:log:1:-30:1",
        f"t:log:1:{HUGE}:1",
        "t:log:1:30:1:extra",
        "t:log:1",
        "t:delete:1:0:1",
        "t:accept:1:0:1",  # a task of PROG's own that is not in review
        "t:accept:3:0:0",  # in review, but PROG does not test it
        "t:return:3:0:0",
        "t:review:4:0:1",  # done
        "t:timer:5:0:1",  # cancelled
        "t:stop:1:0:1",  # no timer running
        "u:999",
        "u:0",
        "u:-1",
        f"u:{HUGE}",
        "u:abc",
        "st:all:1",
        "st:zz:1",
        f"st:cut:{HUGE}",
        "nt:ok:0",  # no dialog open
        "nt:g:1",
        "nt:G:1",
        "nt:a:4",
        "nt:e:60",
        "nt:d:3",
        "nt:t:6",
        "nt:p:0",
        "nt:zz:0",
        "pl:a:0",  # PROG plans nothing
        "prl:2026-03:0",  # pay pages are the admin's
    ],
)
async def test_tampered_data_from_a_programmer(fuzz: Fuzz, data: str) -> None:
    await refused(fuzz, PROG, data, await world.snapshot(fuzz.session))


@pytest.mark.parametrize(
    "data",
    [
        "pl:g2:0",  # the web group is MANAGER2's
        "pl:e8:0",  # a person of the web group
        "pl:g999:0",
        "pl:e999:0",
        "pl:x1:0",
        "pl:g:0",
        "pl:g²:0",
        "pl:e¹:0",
        f"pl:g{HUGE}:0",
        f"pl:e{HUGE}:0",
        "pl:g-1:0",
        "prl:2026-03:0",
        "st:all:0",
        "u:1",  # PROG's entry
        "nt:g:2",  # no dialog open
    ],
)
async def test_tampered_data_from_a_manager(fuzz: Fuzz, data: str) -> None:
    await refused(fuzz, MANAGER, data, await world.snapshot(fuzz.session))


@pytest.mark.parametrize(
    "data", ["prl:2026-13:0", "prl:26-03:0", "prl::0", "prl:2026-03:x", "pl:g1:x"]
)
async def test_tampered_pages_from_an_admin(fuzz: Fuzz, data: str) -> None:
    await refused(fuzz, ADMIN, data, await world.snapshot(fuzz.session))


@pytest.mark.parametrize(
    "data",
    [
        "t:open:" + "1" * 100,
        "t:log:999:30:1" + "0" * 100,
        "x" * 5000,
        "t:" + ":".join(["open"] * 50),
        "",
        ":",
        "::::",
        "t",
        "T:open:1:0:0",
        "zz:1",
        "tt:open:1:0:0",
        "t:open:1:0:0\x00",
        "t:open:1\u200b:0:0",
        "u:1 OR 1=1",
        "u:1'; DROP TABLE time_entries; --",
        "pl:a:0" + "x" * 100,
        "👨‍👩‍👧:1",
    ],
)
async def test_oversized_and_unknown_data(fuzz: Fuzz, data: str) -> None:
    before = await world.snapshot(fuzz.session)
    for sender in (PROG, MANAGER, ADMIN):
        await refused(fuzz, sender, data, before)


async def test_a_forged_dialog_answer_is_refused(fuzz: Fuzz) -> None:
    await fuzz.send(MANAGER, "newtask")
    await fuzz.client.send(MANAGER, "Forged dialog")
    asked = await fuzz.client.send(MANAGER, "Notes")  # one led group: asks the assignee
    assert any(data.startswith("nt:a:") for _, data in asked.buttons()), asked
    before = await world.snapshot(fuzz.session)
    for data in (
        "nt:a:8",  # OUTSIDER is not in the group
        "nt:a:3",  # another group's manager
        "nt:a:999",
        "nt:a:-5",
        f"nt:a:{HUGE}",
        "nt:e:60",  # a step not asked
        "nt:ok:0",
        "nt:g:2",
    ):
        await refused(fuzz, MANAGER, data, before)
    await refused(fuzz, PROG, "nt:a:4", before)  # someone else's dialog


async def test_a_forged_group_choice_is_refused(fuzz: Fuzz) -> None:
    asked = await fuzz.send(ADMIN, "newtask", "Forged group | @ivan")
    assert any(data.startswith("nt:G:") for _, data in asked.buttons()) or "#" in asked.text
    await fuzz.send(ADMIN, "newtask")
    await fuzz.client.send(ADMIN, "Forged group")
    asked = await fuzz.client.send(ADMIN, "Notes")  # an admin may pick any group
    assert any(data.startswith("nt:g:") for _, data in asked.buttons()), asked
    before = await world.snapshot(fuzz.session)
    for data in ("nt:g:999", "nt:g:0", "nt:g:-1", f"nt:g:{HUGE}", "nt:G:1"):
        await refused(fuzz, ADMIN, data, before)


async def test_stale_buttons_of_closed_tasks(fuzz: Fuzz) -> None:
    card = await fuzz.send(PROG, "task", "1")
    own = task_buttons(card, "timer", "log", "review")
    queue = await fuzz.send(TESTER, "review")
    review = task_buttons(queue, "accept", "return")
    assert "#1" in (await fuzz.send(MANAGER, "cancel", "1 not needed")).text
    accept = next(d for d in review if d.startswith("t:accept:"))
    assert "#3" in (await fuzz.click(TESTER, accept)).text
    before = await world.snapshot(fuzz.session)
    for data in own:
        await refused(fuzz, PROG, data, before)
    for data in review:
        await refused(fuzz, TESTER, data, before)


async def test_an_undo_button_works_once(fuzz: Fuzz) -> None:
    logged = await fuzz.send(PROG, "log", "1h #2")
    undo = logged.button("Отменить")
    assert "Запись отменена" in (await fuzz.click(PROG, undo)).text
    await refused(fuzz, PROG, undo, await world.snapshot(fuzz.session))


async def test_buttons_kept_after_losing_the_role(fuzz: Fuzz) -> None:
    card = await fuzz.send(PROG, "task", "1")
    own = task_buttons(card, "timer", "log", "review")
    queue = await fuzz.send(TESTER, "review")
    review = task_buttons(queue, "accept", "return")
    assert "e4" in (await fuzz.send(ADMIN, "role", "@ivan external")).text
    assert "e6" in (await fuzz.send(ADMIN, "role", "@olga external")).text
    assert "e2" in (await fuzz.send(ADMIN, "role", "@mgr programmer")).text
    before = await world.snapshot(fuzz.session)
    for data in own:
        await refused(fuzz, PROG, data, before)
    for data in review:
        await refused(fuzz, TESTER, data, before)
    await refused(fuzz, MANAGER, "pl:a:0", before)
    await refused(fuzz, MANAGER, "pl:g1:0", before)
    assert "e4" in (await fuzz.send(ADMIN, "deactivate", "@ivan")).text
    before = await world.snapshot(fuzz.session)
    for data in own:
        reply = await refused(fuzz, PROG, data, before)
        assert "Ваш доступ к боту отключён с 11.03.2026" in reply.text


FIELDS = [
    *("open", "timer", "stop", "log", "review", "accept", "return", "delete"),
    *("x", "g", "G", "a", "e", "d", "t", "p", "ok", "all", "cut", "discard"),
    *("1", "2", "3", "4", "5", "6", "7", "8", "0", "30", "60", "-1", "999", HUGE),
    *("²", "abc", "2026-03", "2026-13", "a", "g1", "g2", "e4", "e8", "", " ", "\x00", "🙂"),
]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sender=st.sampled_from(world.PEOPLE),
    prefix=st.sampled_from(
        ["t", "u", "st", "nt", "pl", "prl", "tl", "rv", "hp", "hd", "ee", "rl", "rs", "zz", ""]
    ),
    fields=st.lists(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), max_size=5),
)
async def test_generated_callback_data(
    fuzz: Fuzz, sender: int, prefix: str, fields: list[str]
) -> None:
    """Whatever the data, the press is answered, and a refusal changes nothing."""
    await fuzz.fresh()
    data = ":".join([prefix, *fields])
    reply = await fuzz.click(sender, data)
    what = (sender, data)
    check_texts(reply, what)
    assert reply.of("AnswerCallbackQuery"), (what, reply)
    changed = await fuzz.changed()
    if all(world.is_refusal(t) for t in reply.texts):
        assert not changed, (what, changed, reply)
