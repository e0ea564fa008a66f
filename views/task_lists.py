"""Texts of the paged task lists: the manager's /tasks by status and person, a page of someone's
own tasks, a page of /review."""

from __future__ import annotations

from collections.abc import Sequence

from models import Task
from services.plan import TaskPlan
from services.task_lists import EVERYONE, UNASSIGNED, GroupTasks, Page
from services.tasks import Listed
from services.textsplit import MESSAGE_LIMIT, fit
from views.i18n import Translator
from views.tasks import task_line


def page_footer(page: Page, tr: Translator) -> list[str]:
    if page.count < 2:
        return []
    return ["", tr("lists-page", page=page.number + 1, pages=page.count)]


def _filters(data: GroupTasks, tr: Translator) -> str:
    group = data.group.name if data.group is not None else tr("lists-all-groups")
    if data.person is not None:
        person = data.person.display
    elif data.person_id != EVERYONE:
        person = tr("lists-unassigned")
    else:
        person = tr("lists-everyone")
    return tr("lists-filters", group=group, person=person)


def group_page(data: GroupTasks, tasks: list[Task], page: Page, tr: Translator) -> str:
    """The page's tasks under a heading for each status and, within it, each person; a page
    that starts in the middle of a run repeats its headings."""
    if not data.tasks:
        empty = "lists-empty" if data.group_id == 0 and data.person_id == EVERYONE else "lists-none"
        return "\n".join([tr(empty), _filters(data, tr)])
    title = "lists-title-all" if data.every_group else "lists-title"
    lines = [tr(title, count=len(data.tasks)), _filters(data, tr)]
    status: str | None = None
    heading: int | None = None  # whose heading is the last one (UNASSIGNED: nobody's)
    for task in tasks:
        who = data.assignees.get(task.assignee_id) if task.assignee_id is not None else None
        key = who.id if who is not None else UNASSIGNED
        if task.status != status:
            status, heading = task.status, None
            lines += ["", tr(f"lists-status-{status}")]
        if key != heading:
            heading = key
            name = who.display if who is not None else tr("lists-unassigned")
            lines.append(tr("lists-person", person=name))
        lines.append(task_line(task, tr, status=False))
    return fit("\n".join(lines + page_footer(page, tr)), MESSAGE_LIMIT)


def own_page(
    head: str,
    tasks: Sequence[Listed],
    page: Page,
    tr: Translator,
    me_id: int,
    outlook: dict[int, TaskPlan],
    *,
    hours: bool,
) -> str:
    lines = [head, *(task_line(t, tr, me_id, outlook.get(t.id), hours=hours) for t in tasks)]
    return fit("\n".join(lines + page_footer(page, tr)), MESSAGE_LIMIT)


def review_page(total: int, tasks: list[Task], page: Page, tr: Translator) -> str:
    lines = [tr("review-title", count=total), *(task_line(t, tr) for t in tasks)]
    return fit("\n".join(lines + page_footer(page, tr)), MESSAGE_LIMIT)


def people_text(data: GroupTasks, tr: Translator) -> str:
    group = data.group.name if data.group is not None else tr("lists-all-groups")
    return tr("lists-choose-person", group=group)
