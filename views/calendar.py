"""Texts of the calendar commands: schedules, absences and the holiday list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models import Absence, Employee, Schedule
from services.calendar import Week
from services.public_holidays import HolidayLine
from services.schedules import ScheduleOverview
from services.units import hours_of
from views import formats
from views.i18n import Translator


def weekday(day: date, tr: Translator) -> str:
    return tr("calendar-weekdays").split()[day.weekday()]


def week_text(week: Week, tr: Translator) -> str:
    """ "Пн 8 · Вт 8 · … — 40 ч в неделю"."""
    names = tr("calendar-weekdays").split()
    days = " · ".join(
        f"{name} {formats.number(hours_of(m), tr.lang)}"
        for name, m in zip(names, week, strict=True)
    )
    return tr("schedule-week", days=days, total=hours_of(sum(week)))


def schedule_line(row: Schedule, tr: Translator) -> str:
    return tr("schedule-from", date=row.effective_from, week=week_text(row.week, tr))


def absence_line(absence: Absence, tr: Translator) -> str:
    return tr(
        "absence-line",
        kind=tr(f"absence-{absence.kind}"),
        first=absence.date_from,
        last=absence.date_to,
        days=(absence.date_to - absence.date_from).days + 1,
    )


def overview_text(emp: Employee, overview: ScheduleOverview, tr: Translator) -> str:
    lines = [tr("schedule-title", person=emp.display)]
    if overview.current is not None:
        lines.append(schedule_line(overview.current, tr))
    else:
        lines.append(tr("schedule-none", code=emp.code))
    if overview.upcoming:
        lines.append(tr("schedule-upcoming"))
        lines += [schedule_line(row, tr) for row in overview.upcoming]
    lines.append("")
    if overview.absences:
        lines.append(tr("absences-title"))
        lines += [absence_line(a, tr) for a in overview.absences]
    else:
        lines.append(tr("absences-none"))
    lines.append("")
    first, last = overview.week[0].day, overview.week[-1].day
    lines.append(
        tr("schedule-week-title", first=first, last=last, total=hours_of(overview.week_minutes))
    )
    for item in overview.week:
        if item.minutes is None:
            value = tr("schedule-week-no-schedule")
        else:
            value = tr("calendar-hours", hours=hours_of(item.minutes))
        if item.reason is not None:
            value += " " + tr(f"schedule-week-reason-{item.reason}")
        lines.append(f"{weekday(item.day, tr)} {formats.day_short(item.day, tr.lang)}: {value}")
    return "\n".join(lines)


def absences_text(emp: Employee, absences: Sequence[Absence], tr: Translator) -> str:
    if not absences:
        return tr("absence-list-empty", person=emp.display, code=emp.code)
    lines = [tr("absence-list-title", person=emp.display)]
    lines += [absence_line(a, tr) for a in absences]
    lines.append(tr("absence-list-hint", code=emp.code))
    return "\n".join(lines)


def holidays_text(year: int, country: str, lines: Sequence[HolidayLine], tr: Translator) -> str:
    head = tr("holidays-title", year=year, country=country or "—")
    if not lines:
        return f"{head}\n{tr('holidays-empty')}\n{tr('holidays-hint')}"
    out = [head]
    for line in lines:
        if line.mark in ("short", "workday"):
            kind = tr(f"holiday-kind-{line.mark}")
            out.append(f"{formats.day(line.day, tr.lang)} {weekday(line.day, tr)} — {kind}")
            continue
        name = line.name or tr("holiday-no-name")
        text = f"{formats.day(line.day, tr.lang)} {weekday(line.day, tr)} — {name}"
        if line.mark is not None:
            text += " " + tr(f"holiday-mark-{line.mark}")
        out.append(text)
    out.append(tr("holidays-hint"))
    return "\n".join(out)
