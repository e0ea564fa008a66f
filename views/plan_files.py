"""A plan report as files: the CSV of SPEC §5 and the bars of the chart."""

from __future__ import annotations

from decimal import Decimal

from services.planning import PlanReport, TaskRow
from services.units import hours_of
from views import formats
from views.chart import MAX_CHART_PEOPLE, ChartBar
from views.csvfile import PLAN_COLUMNS, csv_bytes
from views.i18n import Translator


def _hours(minutes: int | None) -> Decimal | None:
    return None if minutes is None else hours_of(minutes)


def csv_row(row: TaskRow) -> tuple[object, ...]:
    """One line of PLAN_COLUMNS: tasks as N, employees as eN, hours with 2 decimals, lag_days
    with one, dates ISO; what a task has no value for stays empty."""
    task, p = row.task, row.plan
    return (
        task.id,
        task.title,
        task.group,
        row.assignee.code if row.assignee is not None else None,
        task.status,
        _hours(task.estimate_min),
        p.logged_h if p is not None else _hours(task.logged_min),
        p.planned_h if p is not None else None,
        p.lag_h if p is not None else None,
        f"{p.lag_days:.1f}" if p is not None and p.lag_days is not None else None,
        task.deadline,
        p.forecast_finish if p is not None else None,
        p.late_days if p is not None else None,
    )


def plan_csv(report: PlanReport) -> bytes:
    return csv_bytes(PLAN_COLUMNS, [csv_row(row) for row in report.tasks])


def file_name(report: PlanReport, extension: str) -> str:
    """plan-backend-2026-03-11.csv, plan-e12-…, plan-all-…"""
    return f"plan-{report.scope.file_tag}-{report.today.isoformat()}.{extension}"


def chart_bars(report: PlanReport, tr: Translator) -> list[ChartBar]:
    """Planned against logged hours of each person's tracked tasks, worst person first. The
    chart draws the first MAX_CHART_PEOPLE and counts the rest, so only those get their values
    written out (a plan of 500 people would otherwise format 1,500 numbers nobody sees)."""
    return [
        ChartBar(
            label=person.employee.display,
            planned_h=float(person.planned_h),
            logged_h=float(person.logged_h),
            lag_h=float(person.lag_h),
            planned_text=formats.hours(person.planned_h, tr),
            logged_text=formats.hours(person.logged_h, tr),
            lag_text=tr("plan-chart-lag-value", hours=formats.hours(person.lag_h, tr)),
        )
        if n < MAX_CHART_PEOPLE
        else ChartBar(person.employee.display, 0.0, 0.0, 0.0)
        for n, person in enumerate(report.people)
    ]
