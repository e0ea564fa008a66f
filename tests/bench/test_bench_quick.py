"""`python -m bench --quick` in-process on SQLite, at tiny sizes: every row is there and the
counts make sense. No timing is asserted: the machines that run the suite are noisy."""

from __future__ import annotations

import dataclasses

import pytest

from bench.__main__ import parse_options
from bench.run import QUICK, run_bench
from bench.table import render

TINY = dataclasses.replace(
    QUICK,
    employees=16,
    groups=2,
    tasks=60,
    entries=600,
    months=1,
    plan_sizes=(2, 3, 5),
    payroll_people=30,
    recipients=6,
    updates=20,
    repeats=1,
)


@pytest.fixture(autouse=True)
def frozen_clock() -> None:
    """The benchmark dates its company from the real today (overrides the suite's frozen one)."""


def test_quick_options_are_smaller_than_the_default() -> None:
    quick = parse_options(["--quick", "--entries", "123"])
    assert quick.entries == 123 and quick.employees == QUICK.employees
    assert parse_options([]).entries == 1_000_000


async def test_quick_run_prints_every_row_with_sane_values() -> None:
    outcome = await run_bench(TINY)
    table = render(outcome.rows)
    for measure in (
        "synthetic company written",
        "echo baseline",
        "/log (20 updates",
        "/tasks (20 updates)",
        "/plan bench2",
        "/plan bench3",
        "/plan bench5",
        "/plan statements",
        "/payroll",
        "/payroll statements",
        "payroll_summary to 6 people",
        "peak memory",
    ):
        assert measure in table, measure
    facts = outcome.facts
    assert facts["log_written"] == TINY.updates  # every /log wrote its entry
    assert facts["log_updates_with_entries"] == TINY.updates  # and no update wrote two
    assert facts["log_statements"] > 0 and facts["tasks_replies"] >= TINY.updates
    assert facts["plan_2_statements"] == facts["plan_5_statements"] > 0
    # The text is ready (the chart starts) before the whole /plan is handled.
    assert 0 < facts["plan_5_text_ms"] < facts["plan_5_ms"]
    assert "text ready" in table
    assert facts["payroll_16_statements"] == facts["payroll_30_statements"] > 0
    assert facts["summary_people"] == TINY.recipients
    assert facts["summary_429"] == 0
    assert all(row.verdict in ("pass", "FAIL", "info") for row in outcome.rows)
