"""Generated text where the bot waits for typed text: at each step of the /newtask dialog,
as the comment of a returned task, and as a plain message (which may be a quick /log). The
answer is never the apology, and a refusal, or any step before the task is created, writes
nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reliability import world
from tests.reliability.conftest import Fuzz, check_texts
from tests.reliability.test_fuzz_commands import ARGUMENTS, FAST, check_answer
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, PROG, TESTER

# What is typed to reach each step of /newtask, and the question that step asks.
NEWTASK_STEPS = {
    "title": ([], "Как она называется"),
    "description": (["Fuzzed task"], "Описание задачи"),
    "assignee": (["Fuzzed task", "Notes"], "Кто исполнитель"),
    "estimate": (["Fuzzed task", "Notes", "@ivan"], "Оценка?"),
    "deadline": (["Fuzzed task", "Notes", "@ivan", "2h"], "Срок?"),
    "tester": (["Fuzzed task", "Notes", "@ivan", "2h", "2026-03-20"], "Кто тестировщик"),
    "confirm": (
        ["Fuzzed task", "Notes", "@ivan", "2h", "2026-03-20", "@olga"],
        "Проверьте задачу",
    ),
}
TYPED = ARGUMENTS.filter(lambda text: bool(text.strip()))


@pytest.mark.parametrize("step", list(NEWTASK_STEPS))
@settings(FAST, max_examples=20)
@given(text=TYPED)
async def test_typed_answers_in_the_newtask_dialog(fuzz: Fuzz, step: str, text: str) -> None:
    await fuzz.fresh()
    answers, question = NEWTASK_STEPS[step]
    asked = await fuzz.send(MANAGER, "newtask")
    for answer in answers:
        asked = await fuzz.client.send(MANAGER, answer)
    assert question in asked.text, asked
    reply = await fuzz.client.send(MANAGER, text)
    what = (step, text[:200])
    check_answer(reply, what)
    changed = await fuzz.changed()
    if not text.startswith("/"):  # nothing is created before the Create button
        assert not changed, (what, changed, reply)


@settings(FAST, max_examples=25)
@given(text=TYPED)
async def test_the_comment_of_a_returned_task(fuzz: Fuzz, text: str) -> None:
    await fuzz.fresh()
    asked = await fuzz.click(TESTER, "t:return:3:0:0")
    assert "Что нужно исправить в задаче #3" in asked.text, asked
    reply = await fuzz.client.send(TESTER, text)
    what = text[:200]
    check_answer(reply, what)
    changed = await fuzz.changed()
    if all(world.is_refusal(t) for t in reply.texts):
        assert not changed, (what, changed, reply)


@settings(FAST, max_examples=40)
@given(
    text=TYPED,
    sender=st.sampled_from([ADMIN, MANAGER, PROG, TESTER, EXTERNAL]),
    group=st.sampled_from([False, False, True]),
)
async def test_plain_messages(fuzz: Fuzz, text: str, sender: int, group: bool) -> None:
    """In a private chat a message is a quick /log or gets a hint; in a group, only a quick
    log would be answered, so silence there is fine."""
    await fuzz.fresh()
    reply = await fuzz.client.send(sender, text, chat_id=world.GROUP_CHAT if group else None)
    what = (sender, group, text[:200])
    check_texts(reply, what)
    if not group:
        assert reply.texts, (what, reply)
    changed = await fuzz.changed()
    if all(world.is_refusal(t) for t in reply.texts):
        assert not changed, (what, changed, reply)
