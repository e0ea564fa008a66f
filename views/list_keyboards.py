"""Callback data and keyboards of the paged task lists (/tasks, /review). Every press is checked
again on the server (services.task_lists): the data comes from the client."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from models import Task
from services.task_lists import ALL_GROUPS, EVERYONE, GroupTasks, Page
from services.tasks import Listed
from views.i18n import Translator
from views.keyboards import TaskCb, short_title

GROUPS_IN_ROW = 3
PEOPLE_VIEW = "p"


class ListCb(CallbackData, prefix="tl"):
    """A screen of /tasks: `page` from 0, group `g` and person `p` filters (0: all; the person
    -1: nobody assigned), `v` "p" for the choice of a person."""

    page: int = 0
    g: int = ALL_GROUPS
    p: int = EVERYONE
    v: str = ""


class ReviewCb(CallbackData, prefix="rv"):
    """A page of /review, from 0."""

    page: int = 0


Row = list[InlineKeyboardButton]


# Every button is this one, validated once, copied with its text and data (two strings): the
# model's validation of each new button cost a list three times the copy.
_BUTTON = InlineKeyboardButton(text="", callback_data="")


def _button(text: str, data: CallbackData | str) -> InlineKeyboardButton:
    packed = data if isinstance(data, str) else data.pack()
    return _BUTTON.model_copy(update={"text": text, "callback_data": packed})


@lru_cache(maxsize=4096)
def _open_data(task_id: int) -> str:
    """The data of the button that opens a task, kept: lists show the same tasks again and
    again, and packing costs twice the button."""
    return TaskCb(action="open", id=task_id).pack()


def open_rows(tasks: Iterable[Listed]) -> list[Row]:
    return [[_button(f"#{task.id} {short_title(task)}", _open_data(task.id))] for task in tasks]


def nav_row(page: Page, to: Callable[[int], CallbackData]) -> Row:
    """◀ and ▶ around the current page; nothing when the list has one page."""
    row: Row = []
    if page.number > 0:
        row.append(_button("◀", to(page.number - 1)))
    if page.number < page.count - 1:
        row.append(_button("▶", to(page.number + 1)))
    return row


def _markup(rows: list[Row]) -> InlineKeyboardMarkup | None:
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def own_keyboard(tasks: Sequence[Listed], page: Page) -> InlineKeyboardMarkup | None:
    """A person's own list (or an external's): the page's tasks and the page buttons."""
    return _markup([*open_rows(tasks), nav_row(page, lambda n: ListCb(page=n))])


def _group_rows(data: GroupTasks, tr: Translator) -> list[Row]:
    if len(data.groups) < 2:
        return []
    choices = [(ALL_GROUPS, tr("lists-btn-all-groups"))] + [(g.id, g.name) for g in data.groups]
    buttons = [
        _button(("✓ " if key == data.group_id else "") + label, ListCb(g=key))
        for key, label in choices
    ]
    return [buttons[i : i + GROUPS_IN_ROW] for i in range(0, len(buttons), GROUPS_IN_ROW)]


def group_keyboard(
    data: GroupTasks, tasks: list[Task], page: Page, tr: Translator
) -> InlineKeyboardMarkup | None:
    """The manager's list: the page's tasks, the page buttons, the group filter and the button
    that offers the people."""
    g, p = data.group_id, data.person_id
    if data.person is not None:
        who = tr("lists-btn-person", person=data.person.display)
    elif p != EVERYONE:
        who = tr("lists-btn-person", person=tr("lists-unassigned"))
    else:
        who = tr("lists-btn-people")
    return _markup(
        [
            *open_rows(tasks),
            nav_row(page, lambda n: ListCb(page=n, g=g, p=p)),
            *_group_rows(data, tr),
            [_button(who, ListCb(g=g, p=p, v=PEOPLE_VIEW))] if data.people else [],
        ]
    )


def people_keyboard(data: GroupTasks, tr: Translator) -> InlineKeyboardMarkup | None:
    """Everyone with open tasks under the group filter, then "everyone"."""
    g = data.group_id
    rows = []
    for pc in data.people:
        name = pc.person.display if pc.person is not None else tr("lists-unassigned")
        mark = "✓ " if pc.key == data.person_id else ""
        label = tr("lists-btn-person-count", person=mark + name, count=pc.count)
        rows.append([_button(label, ListCb(g=g, p=pc.key))])
    rows.append([_button(tr("lists-btn-everyone"), ListCb(g=g))])
    return _markup(rows)


def review_keyboard(tasks: list[Task], page: Page, tr: Translator) -> InlineKeyboardMarkup | None:
    """Accept and return for each task of the page, then the page buttons."""
    rows = [
        [
            _button(tr("btn-accept-n", id=task.id), TaskCb(action="accept", id=task.id)),
            _button(tr("btn-return-n", id=task.id), TaskCb(action="return", id=task.id)),
        ]
        for task in tasks
    ]
    return _markup([*rows, nav_row(page, lambda n: ReviewCb(page=n))])
