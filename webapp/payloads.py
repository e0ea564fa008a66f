"""Service results as JSON-ready dicts: numbers as numbers, dates as YYYY-MM-DD, words only
where they come from the locale files. The browser formats numbers and dates for the reader."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from models import Employee, Task
from services.payroll import Payroll, PayrollRow
from services.plan import TaskPlan
from services.planning import PersonRow, PlanReport, TaskRow
from services.task_card import TaskCard
from services.week import WeekGrid, earliest
from views import payroll as payroll_report
from views.i18n import Translator

Json = dict[str, Any]


def num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def person(emp: Employee | None) -> Json | None:
    return None if emp is None else {"id": emp.id, "code": emp.code, "name": emp.display}


def task_ref(task: Task, tr: Translator) -> Json:
    return {
        "id": task.id,
        "title": task.title,
        "status": task.status,
        "status_label": tr(f"status-{task.status}"),
    }


def week(grid: WeekGrid, tr: Translator) -> Json:
    following = grid.first + timedelta(days=7)
    return {
        "first": day(grid.first),
        "today": day(grid.today),
        "prev": day(grid.first - timedelta(days=7)) if grid.first > earliest(grid.today) else None,
        "next": day(following) if following <= grid.today else None,
        "days": [
            {
                "date": day(d.day),
                "minutes": d.minutes,
                "capacity": d.capacity,
                "writable": d.writable,
            }
            for d in grid.days
        ],
        "rows": [
            {
                "task": None if row.task is None else task_ref(row.task, tr),
                "minutes": row.minutes,
                "writable": row.writable,
                "total": sum(row.minutes),
            }
            for row in grid.rows
        ],
        "total": grid.total,
        "capacity": grid.capacity,
    }


def outlook(plan: TaskPlan | None) -> Json | None:
    if plan is None:
        return None
    return {
        "flag": plan.flag,
        "planned_h": num(plan.planned_h),
        "logged_h": num(plan.logged_h),
        "lag_h": num(plan.lag_h),
        "lag_days": num(plan.lag_days),
        "remaining_h": num(plan.remaining_h),
        "forecast_finish": day(plan.forecast_finish),
        "late_days": plan.late_days,
    }


def _plan_person(row: PersonRow) -> Json:
    return {
        **(person(row.employee) or {}),
        "open_tasks": row.open_tasks,
        "lag_h": num(row.lag_h),
        "overload_h": num(row.overload_h),
        "no_schedule": row.no_schedule,
        "planned_h": num(row.planned_h),
        "logged_h": num(row.logged_h),
    }


def _plan_task(row: TaskRow, tr: Translator) -> Json:
    task = row.task
    return {
        "id": task.id,
        "title": task.title,
        "group": task.group,
        "status": task.status,
        "status_label": tr(f"status-{task.status}"),
        "assignee": person(row.assignee),
        "estimate_h": None if task.estimate_min is None else task.estimate_min / 60,
        "logged_h": task.logged_min / 60,
        "deadline": day(task.deadline),
        "outlook": outlook(row.plan),
    }


def plan(report: PlanReport, tr: Translator) -> Json:
    return {
        "today": day(report.today),
        "scope": {"kind": report.scope.kind, "name": report.scope.name},
        "people": [_plan_person(row) for row in report.people],
        "tasks": [_plan_task(row, tr) for row in report.tasks],
    }


def card(found: TaskCard, tr: Translator) -> Json:
    task = found.task
    return {
        **task_ref(task, tr),
        "description": task.description,
        "group": found.group.name,
        "priority": task.priority,
        "priority_label": tr(f"priority-{task.priority}"),
        "author": person(found.author),
        "assignee": person(found.assignee),
        "tester": person(found.tester),
        "estimate_h": None if task.estimate_min is None else task.estimate_min / 60,
        "logged_h": task.logged_min / 60,
        "start": day(task.start_date),
        "deadline": day(task.deadline),
        "outlook": outlook(found.outlook),
        "comments": [
            {"author": person(c.author), "text": c.text, "kind": c.kind} for c in found.comments
        ],
    }


def _pay_row(row: PayrollRow, tr: Translator) -> Json:
    result = row.result
    return {
        "code": row.code,
        "name": row.full_name,
        "pay_type": row.rule.pay_type,
        "pay_type_label": payroll_report.type_name(row.rule.pay_type, tr),
        "worked_h": num(result.worked_h),
        "norm_h": num(result.norm_h),
        "overtime_h": num(result.overtime_h),
        "amount": num(result.amount),
        "no_norm": row.no_norm,
    }


def payroll(found: Payroll, previous: date, following: date | None, tr: Translator) -> Json:
    return {
        "month": found.month.strftime("%Y-%m"),
        "prev": previous.strftime("%Y-%m"),
        "next": following.strftime("%Y-%m") if following else None,
        "as_of": day(found.as_of),
        "locked": found.locked,
        "currency": found.currency,
        "rows": [_pay_row(row, tr) for row in found.rows],
        "worked_h": num(found.worked_h),
        "overtime_h": num(found.overtime_h),
        "amount": num(found.amount),
        "no_norm": len(found.no_norm_rows),
    }
