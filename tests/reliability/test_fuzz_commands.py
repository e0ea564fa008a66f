"""Every command of the permission table (so a new command is fuzzed as soon as it is listed),
with generated arguments, sent through the real Dispatcher by a person allowed to use it, typed,
as the caption of a photo or as an edited message, in any letter case: nothing escapes as an
apology with a reference code, every message is answered with texts Telegram would accept, input
that is refused changes nothing in the database, and an edited message is never run."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ratelimit import RateLimiter
from bot.scheduling import create_sender
from jobs.runner import JobRunner
from services.config import AppConfig
from services.permissions import COMMANDS
from tests.jobs.conftest import no_wait
from tests.reliability import world
from tests.reliability.conftest import Fuzz, check_texts
from tests.tasks.conftest import ADMIN, EXTERNAL, MANAGER, PROG, TESTER
from tests.tg import Reply
from views.i18n import Translator

BY_ROLE = {
    "admin": ADMIN,
    "manager": MANAGER,
    "programmer": PROG,
    "tester": TESTER,
    "external": EXTERNAL,
}

# Commands that only show things: whatever follows them, the database stays as it was.
# /schedule is one for everyone but an admin (an admin's arguments set a schedule).
READ_ONLY = frozenset(
    {"start", "help", "me", "tasks", "task", "hours", "payroll", "review", "plan", "team"}
    | {"groups", "jobs", "balance", "tabel", "timesheet"}
)
GARBAGE = "¤"  # no person, task, number, date, word or group name starts with it


def _title(fuzz: str) -> str:
    return fuzz.replace("|", " ")


# Arguments no command can accept, built around the fuzz: a write after one of them is a bug.
UNPARSEABLE: dict[str, Callable[[str], str]] = {
    "lang": lambda f: GARBAGE + f,
    "comment": lambda f: GARBAGE + f,
    "log": lambda f: GARBAGE + f,
    "timer": lambda f: GARBAGE + f,
    "stop": lambda f: GARBAGE + f,
    "undo": lambda f: GARBAGE + f,
    "newtask": lambda f: f"{_title(f)} | {GARBAGE}{f}",
    "assign": lambda f: GARBAGE + f,
    "cancel": lambda f: GARBAGE + f,
    "edit": lambda f: GARBAGE + f,
    "invite": lambda f: GARBAGE + f,
    "bindchat": lambda f: GARBAGE + f,
    "unbindchat": lambda f: GARBAGE + f,
    "role": lambda f: GARBAGE + f,
    "listed": lambda f: GARBAGE + f,
    "deactivate": lambda f: GARBAGE + f,
    "group": lambda f: GARBAGE + f,
    "schedule": lambda f: GARBAGE + f,
    "absence": lambda f: GARBAGE + f,
    "holiday": lambda f: GARBAGE + f,
    "pay": lambda f: GARBAGE + f,
    "leave": lambda f: GARBAGE + f,
    "remind": lambda f: GARBAGE + f,
    "bonus": lambda f: GARBAGE + f,
    "deduct": lambda f: GARBAGE + f,
    "unlock": lambda f: GARBAGE + f,
}

SPECIAL_CHARS = (
    "\x00\x01\x07\x08\x0b\x1b\x1f\x7f\x85\x9f"  # control characters, NUL-ish
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202e\u2066\u2069\u2028\u2029\ufeff\ufffd"
    "\u0301\u05d0\u05e9\u0627\u0644\u0663\uff11\u00b2\u2155\u3000"  # RTL, digits of other kinds
    "|@#:.-,+<>&'\"\\%{}$`;*_~"
)
TOKENS = [
    # plausible values, so some examples get deep into the handlers
    "1", "#1", "#2", "#3", "#4", "#5", "#6", "#7", "7", "e1", "e3", "e4", "E5", "е2",
    "@ivan", "@mgr", "@boss", "@olga", "@client", "@petr", "@anna", "@nobody_here",
    "backend", "web", "Backend", "1h", "30m", "2ч 30м", "1:30", "today", "вчера", "yesterday",
    "2026-03-11", "2026-03-12", "11.03", "2026-04", "2026-03", "on", "off", "discard", "ru", "en",
    "run", "csv", "xlsx", "new", "lead", "add", "remove", "vacation", "sick", "dayoff", "from",
    "salary", "hourly", "fixed_by_hours", "100000", "160", "1.5", "8", "programmer", "tester",
    "external", "manager", "admin", "week", "month", "list",
    # out of range, malformed, hostile
    "0", "-1", "-5h", "+3", "1e9", "NaN", "inf", "∞", "99999999999999999999999999999999",
    "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "31.02", "29.02", "1:60", "25h",
    "1441m", "#0", "#-1", "#99999999999", "#1e3", "e0", "e-1", "e99999999999", "@", "#", "..",
    "2026-03-11..2026-03-01", "<b>bold</b>", '<a href="tg://user?id=1">x</a>', "&lt;", "&#0;",
    "'; DROP TABLE tasks; --", '" OR "1"="1', "%s%s%n", "{0}", "{name}", "{}", "{code!r}",
    "|", "||", " | ", "/help", "\\n", "null", "None", "true", "[]", "🙂", "👨‍👩‍👧", "🇷🇺",
]  # fmt: skip

_weird_text = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL_CHARS), st.characters(exclude_categories=["Cs"])),
    max_size=30,
)
_token = st.one_of(st.sampled_from(TOKENS), _weird_text)
_separator = st.sampled_from([" ", " ", " ", "  ", "|", " | ", "\n", "\t", "\u3000", "\u200b "])


@st.composite
def _joined(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(_token, min_size=1, max_size=8))
    out = tokens[0]
    for token in tokens[1:]:
        out += draw(_separator) + token
    return out


_huge = st.builds(
    lambda piece, size: (piece * (size // max(len(piece), 1) + 1))[:size],
    st.sampled_from([*TOKENS, "x", "ж ", "1", "\u202e", "🙂"]),
    st.integers(min_value=1000, max_value=5000),
)
ARGUMENTS = st.one_of(
    st.sampled_from(["", " ", "\t", "\n\n", "\u200b", "\u3000", "\x00"]),
    _joined(),
    _weird_text,
    _huge,
)


# Every command is sent typed, as the caption of a photo, and as an edited message (never run),
# its name as typed or capitalised the way phone keyboards do.
FORMS = ("text", "caption", "edited")
SPELLINGS = (str.lower, str.lower, str.capitalize, str.upper)


def edited_hint(sender: int) -> str:
    return Translator("ru")("edited-message-external" if sender == EXTERNAL else "edited-message")


def _allowed_senders(command: str) -> list[int]:
    return [BY_ROLE[role] for role in sorted(COMMANDS[command])]


def check_answer(reply: Reply, what: object) -> None:
    """Answered with texts Telegram accepts, never with the apology for an unexpected error."""
    check_texts(reply, what)
    assert reply.of("SendMessage", "EditMessageText", "SendDocument", "SendPhoto"), (what, reply)


FAST = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_every_command_is_classified() -> None:
    """A new command in the table needs a decision: read-only, or unparseable arguments."""
    assert set(COMMANDS) == READ_ONLY | set(UNPARSEABLE)
    assert not READ_ONLY & set(UNPARSEABLE)


@pytest.mark.parametrize("command", list(COMMANDS))
@FAST
@given(args=ARGUMENTS, data=st.data())
async def test_command_with_generated_arguments(
    command: str, fuzz: Fuzz, args: str, data: st.DataObject
) -> None:
    """Half the examples of a command that writes wrap the arguments so that they cannot
    parse: those must be refused. Any refusal, and anything a read-only command does, leaves
    the database as it was."""
    sender = data.draw(st.sampled_from(_allowed_senders(command)), label="sender")
    unparseable = command in UNPARSEABLE and data.draw(st.booleans(), label="unparseable")
    if unparseable:
        args = UNPARSEABLE[command](args)
        group = command == "bindchat"  # in a private chat it is refused before parsing
    else:
        group = data.draw(st.sampled_from([False, False, False, True]), label="group chat")
    # "/task@crm_test_bot 1" is how commands look in a group chat with several bots.
    mention = data.draw(st.sampled_from(["", "", "", "@crm_test_bot"]), label="mention")
    form = data.draw(st.sampled_from(FORMS), label="form")
    spelled = data.draw(st.sampled_from(SPELLINGS), label="letter case")(command)
    await fuzz.fresh()
    reply = await fuzz.send(sender, spelled, args, group=group, mention=mention, form=form)
    what = (spelled + mention, form, sender, group, args[:200])
    if form == "edited":
        assert reply.texts == ([] if group else [edited_hint(sender)]), (what, reply)
        assert not await fuzz.changed(), what
        return
    check_answer(reply, what)
    changed = await fuzz.changed()
    refused = all(world.is_refusal(t) for t in reply.texts)
    assert refused or not unparseable, (what, reply)
    read_only = command in READ_ONLY or (command == "schedule" and sender != ADMIN)
    if read_only or refused:
        assert not changed, (what, changed, reply)


async def test_reset_gives_back_the_same_world(fuzz: Fuzz) -> None:
    """The examples' independence rests on this: after writes, a reset restores every row."""
    await fuzz.fresh()
    reply = await fuzz.send(PROG, "log", "2h #1 fuzz")
    assert "2 ч" in reply.text
    assert set(await fuzz.changed()) == {"time_entries", "tasks", "entry_audit", "task_events"}
    await fuzz.fresh()
    assert fuzz.resets == 1
    assert await fuzz.changed() == []


@pytest.mark.parametrize(
    ("sender", "text", "group"),
    [
        (MANAGER, "/plan back\x00end", False),
        (MANAGER, "/invite programmer back\x00end", False),
        (ADMIN, "/group add back\x00end @ivan", False),
        (MANAGER, "/bindchat back\x00end", True),
        (MANAGER, "/newtask Title | | | | | back\x00end", False),
    ],
)
async def test_a_nul_in_a_group_name_is_no_such_group(
    fuzz: Fuzz, sender: int, text: str, group: bool
) -> None:
    """PostgreSQL refuses text with NUL in a query: such a name is not looked up at all."""
    command, _, args = text[1:].partition(" ")
    reply = await fuzz.send(sender, command, args, group=group)
    check_answer(reply, text)
    assert "back\x00end" in reply.text and world.is_refusal(reply.text), reply
    assert await fuzz.changed() == []


async def test_a_command_for_another_bot_in_a_group_is_left_alone(fuzz: Fuzz) -> None:
    for sender, command in ((PROG, "tasks"), (PROG, "plan"), (MANAGER, "nosuch")):
        reply = await fuzz.send(sender, command, "1", group=True, mention="@other_bot")
        assert reply.texts == [], (command, reply)
    ours = await fuzz.send(PROG, "plan", group=True, mention="@crm_test_bot")
    assert "недоступна" in ours.text, ours
    private = await fuzz.send(PROG, "tasks", mention="@other_bot")
    assert private.texts == ["Такой команды нет. Список доступных команд: /help"], private
    assert await fuzz.changed() == []


STRANGER = 999


@FAST
@given(
    command=st.sampled_from(sorted(COMMANDS)),
    args=ARGUMENTS,
    group=st.sampled_from([False, False, True]),
    form=st.sampled_from(FORMS),
)
async def test_a_stranger_gets_only_the_refusal(
    fuzz: Fuzz, command: str, args: str, group: bool, form: str
) -> None:
    """Someone the bot does not know is told so in a private chat, ignored in a group, and
    nothing is written; an edited message of theirs is not answered at all."""
    await fuzz.fresh()
    reply = await fuzz.send(STRANGER, command, args, group=group, form=form)
    check_texts(reply, (command, form, args[:200]))
    if group or form == "edited":
        assert reply.texts == [], reply
    elif command == "start" and args.strip():
        assert reply.texts == [INVITE_INVALID], reply
    else:
        assert len(reply.texts) == 1 and "только для сотрудников" in reply.text, reply
    assert await fuzz.changed() == []


INVITE_INVALID = Translator("ru")("err-invite-invalid")


@settings(FAST, max_examples=20)
@given(token=ARGUMENTS, group=st.sampled_from([False, False, True]))
async def test_a_made_up_invite_is_refused(fuzz: Fuzz, token: str, group: bool) -> None:
    """/start with a token nobody issued registers nobody; in a group it is not answered."""
    await fuzz.fresh()
    reply = await fuzz.send(STRANGER, "start", token, group=group)
    check_texts(reply, token[:200])
    if group:
        assert reply.texts == [], reply
    elif token.strip():
        assert reply.texts == [INVITE_INVALID], reply
    else:
        assert len(reply.texts) == 1 and "только для сотрудников" in reply.text, reply
    assert await fuzz.changed() == []


JOB_NAMES = ["lag_alerts", "log_reminders", "payroll_summary", "LAG_ALERTS", "nosuch"]
JOB_PERIODS = ["", "2026-03-11", "2026-02", "2026-03", "2026-02-30", "2026-13", "1999-01"]


@settings(FAST, max_examples=25)
@given(
    name=st.one_of(st.sampled_from(JOB_NAMES), st.text(min_size=1, max_size=12)),
    period=st.one_of(st.sampled_from(JOB_PERIODS), st.text(max_size=12)),
    rest=ARGUMENTS,
)
async def test_jobs_run_with_a_runner(
    fuzz: Fuzz,
    sessionmaker: async_sessionmaker[AsyncSession],
    config: AppConfig,
    name: str,
    period: str,
    rest: str,
) -> None:
    """/jobs run NAME [PERIOD] with the job runner in place: a job that runs may write, a
    refused one writes nothing at all (no run record, no lease)."""
    if "job_runner" not in fuzz.client.dp.workflow_data:
        limiter = RateLimiter(per_second=10_000, per_chat_per_second=10_000)
        sender = create_sender(fuzz.client.bot, sessionmaker, limiter, sleep=no_wait)
        fuzz.client.dp["job_runner"] = JobRunner(sessionmaker, sender, config, holder="bot")
    await fuzz.fresh()
    reply = await fuzz.send(ADMIN, "jobs", f"run {name} {period} {rest}".strip())
    what = (name, period, rest[:100])
    check_answer(reply, what)
    changed = await fuzz.changed()
    if all(world.is_refusal(t) for t in reply.texts):
        assert not changed, (what, changed, reply)
