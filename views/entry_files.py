"""`/timesheet csv`: a month's raw time entries as the CSV of ENTRY_COLUMNS."""

from __future__ import annotations

from services.entry_export import EntryRow, Export
from services.units import hours_of
from views.csvfile import ENTRY_COLUMNS, csv_bytes


def csv_row(row: EntryRow) -> tuple[object, ...]:
    """date ISO; person as "Name (eN)"; task as its number, empty for general work; hours
    with 2 decimals; the comment as typed."""
    task = row.task.id if row.task is not None else None
    return (row.day, row.person.display, task, hours_of(row.minutes), row.comment)


def entries_csv(export: Export) -> bytes:
    return csv_bytes(ENTRY_COLUMNS, (csv_row(row) for row in export.rows))


def file_name(export: Export) -> str:
    return f"timesheet-{export.month:%Y-%m}-{export.tag}.csv"
