"""The words admin commands accept, in Russian and in English (SPEC §10), each mapped to the one
value the code works with: one table per command and position. A new word, or a new action of a
command, is one line here; the words shown to people in examples and errors live in locales/.

`ё` and `е` are the same letter to a reader, and letter case never matters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from services.calendar_input import echo
from services.errors import DomainError


def fold(token: str) -> str:
    return token.strip().lower().replace("ё", "е")


@dataclass(frozen=True)
class Keywords:
    """The words one position of a command accepts. `error` is the locale code of the refusal
    of any other word; its text names the word (`token`) and shows a correct example."""

    words: Mapping[str, str]
    error: str = ""  # tables read only with get() need none

    def get(self, token: str) -> str | None:
        return self.words.get(fold(token))

    def __contains__(self, token: str) -> bool:
        return self.get(token) is not None

    def require(self, token: str, **fields: object) -> str:
        value = self.get(token)
        if value is None:
            assert self.error, "a table read with require() names its error"
            raise DomainError(self.error, token=echo(token), **fields)
        return value


# "from" before a date or a month: /schedule … с 2026-03-01, /pay … с 2026-03
FROM = Keywords({"from": "from", "с": "from", "c": "from", "со": "from"})

# /pay PERSON TYPE … (services.paysettings refuses any other word, naming it)
PAY_TYPE = Keywords(
    {
        "salary": "salary",
        "оклад": "salary",
        "hourly": "hourly",
        "почасовая": "hourly",
        "почасовой": "hourly",
        "почасово": "hourly",
        "fixed_by_hours": "fixed_by_hours",
        "fixed": "fixed_by_hours",
        "фикс": "fixed_by_hours",
        "фиксированная": "fixed_by_hours",
    },
)

# /absence PERSON KIND FROM [TO] | /absence PERSON remove DAY
_ABSENCE_KINDS = {
    "vacation": "vacation",
    "отпуск": "vacation",
    "sick": "sick",
    "больничный": "sick",
    "dayoff": "dayoff",
    "отгул": "dayoff",
}
# /leave KIND FROM [TO]: the kinds alone (read with get(), its refusal names the kind)
LEAVE = Keywords(_ABSENCE_KINDS)
ABSENCE = Keywords(
    {
        **_ABSENCE_KINDS,
        "remove": "remove",
        "delete": "remove",
        "удалить": "remove",
        "убрать": "remove",
    },
    "absence-kind",
)

# /holiday ACTION DATE [NAME]
HOLIDAY = Keywords(
    {
        "add": "add",
        "добавить": "add",
        "remove": "remove",
        "delete": "remove",
        "удалить": "remove",
        "убрать": "remove",
        "short": "short",
        "короткий": "short",
        "сокращенный": "short",
        "workday": "workday",
        "рабочий": "workday",
    },
    "holiday-action",
)

# /group ACTION NAME [PERSON]
GROUP = Keywords(
    {
        "new": "new",
        "создать": "new",
        "новая": "new",
        "lead": "lead",
        "руководитель": "lead",
        "add": "add",
        "добавить": "add",
        "remove": "remove",
        "удалить": "remove",
        "убрать": "remove",
    },
    "group-action",
)

# /listed PERSON on|off (and any other on/off switch)
SWITCH = Keywords(
    {
        "on": "on",
        "вкл": "on",
        "да": "on",
        "yes": "on",
        "off": "off",
        "выкл": "off",
        "нет": "off",
        "no": "off",
    },
    "keyword-switch",
)

# /role PERSON ROLE, /invite ROLE …
ROLE = Keywords(
    {
        "admin": "admin",
        "админ": "admin",
        "администратор": "admin",
        "manager": "manager",
        "руководитель": "manager",
        "менеджер": "manager",
        "programmer": "programmer",
        "программист": "programmer",
        "tester": "tester",
        "тестировщик": "tester",
        "external": "external",
        "внешний": "external",
    },
    "role-word",
)

# /jobs run NAME [PERIOD]
JOBS = Keywords({"run": "run", "запустить": "run"})


def split_from(args: Sequence[str]) -> tuple[list[str], str | None, bool]:
    """Arguments that may end with `from VALUE`: (the rest, VALUE or None, whether a bare
    `from` ends them, which needs a value after it)."""
    if len(args) >= 2 and args[-2] in FROM:
        return list(args[:-2]), args[-1], False
    if args and args[-1] in FROM:
        return list(args[:-1]), None, True
    return list(args), None, False


# /edit N FIELD VALUE: the field
EDIT_FIELD = Keywords(
    {
        "title": "title",
        "название": "title",
        "заголовок": "title",
        "description": "description",
        "описание": "description",
        "estimate": "estimate",
        "оценка": "estimate",
        "start": "start",
        "начало": "start",
        "старт": "start",
        "deadline": "deadline",
        "срок": "deadline",
        "дедлайн": "deadline",
        "tester": "tester",
        "тестировщик": "tester",
        "priority": "priority",
        "приоритет": "priority",
        "group": "group",
        "группа": "group",
    },
    "edit-field",
)

# /edit N priority VALUE
PRIORITY = Keywords(
    {
        "low": "low",
        "низкий": "low",
        "normal": "normal",
        "обычный": "normal",
        "средний": "normal",
        "high": "high",
        "высокий": "high",
    },
    "edit-priority",
)

# /edit N tester|deadline|estimate|description -: the value removed
NONE = Keywords({"-": "none", "—": "none", "none": "none", "нет": "none", "no": "none"})
