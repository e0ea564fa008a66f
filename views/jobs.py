"""What /jobs and `python -m jobs` say: the list of jobs and the outcome of a run."""

from __future__ import annotations

from collections.abc import Sequence

from services import jobruns
from services.config import AppConfig
from services.jobruns import JobInfo, RunReport
from views import formats
from views.i18n import Translator


def title(job: str, tr: Translator) -> str:
    return tr(f"jobs-name-{job.replace('_', '-')}")


def _when(job: str, config: AppConfig, tr: Translator) -> str:
    if job in jobruns.DAILY:
        at = config.lag_alert_time if job == "lag_alerts" else config.reminder_time
        return tr("jobs-when-daily", time=formats.clock(at))
    if job in jobruns.WEEKLY:
        if not config.week_approval:
            return tr("jobs-when-off")
        return tr("jobs-when-weekly", time=formats.clock(config.week_approval_time))
    return tr("jobs-when-monthly", day=config.payroll_day, time=formats.clock(config.payroll_time))


def overview(infos: Sequence[JobInfo], config: AppConfig, tr: Translator) -> str:
    lines = [tr("jobs-title", tz=config.timezone)]
    for info in infos:
        lines.append("")
        lines.append(
            tr(
                "jobs-line",
                title=title(info.name, tr),
                name=info.name,
                when=_when(info.name, config, tr),
            )
        )
        if info.next_run is not None:
            lines.append(
                tr("jobs-next", at=formats.moment(info.next_run, config.timezone, tr.lang))
            )
        last = info.last
        if last is None:
            lines.append(tr("jobs-last-none"))
        else:
            lines.append(
                tr(
                    "jobs-last",
                    at=formats.moment(last.started_at, config.timezone, tr.lang),
                    period=last.period,
                    trigger=tr(f"jobs-trigger-{last.trigger}"),
                    status=tr(f"jobs-status-{last.status}"),
                    sent=last.sent,
                    skipped=last.skipped,
                    failed=last.failed,
                )
            )
    lines.append("")
    lines.append(tr("jobs-run-hint"))
    return "\n".join(lines)


def outcome(report: RunReport, config: AppConfig, tr: Translator) -> str:
    name = title(report.job, tr)
    if report.status == jobruns.BUSY:
        until = (
            formats.moment(report.busy_until, config.timezone, tr.lang)
            if report.busy_until
            else "—"
        )
        return tr("jobs-run-busy", title=name, period=report.period, until=until)
    lines = [
        tr(
            "jobs-run-result",
            title=name,
            period=report.period,
            status=tr(f"jobs-status-{report.status}"),
            sent=report.sent,
            skipped=report.skipped,
            failed=report.failed,
        )
    ]
    if report.status == jobruns.FAILED:
        lines.append(tr("jobs-run-failed"))
    elif report.sent == 0 and report.failed == 0:
        lines.append(tr("jobs-run-nothing-new" if report.skipped else "jobs-run-nobody"))
    if report.unreachable:
        lines.append(tr("jobs-run-unreachable", people=", ".join(report.unreachable)))
    if report.retryable:
        daily = report.job in jobruns.DAILY or report.job in jobruns.WEEKLY
        period = "" if daily else f" {report.period}"
        lines.append(tr("jobs-run-retry", name=report.job, period=period))
    return "\n".join(lines)
