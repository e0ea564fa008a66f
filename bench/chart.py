"""`python -m bench.chart [--repeats N] [--out DIR]`: process CPU time of the /plan chart
(`views.chart.plan_chart_png`) in-process, the first chart of the process and then the best and
the median of N after it, for a few shapes of chart. `--out` also writes each PNG there, to look
at. See docs/benchmarks.md."""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.table import Row, render
from views.chart import MAX_CHART_PEOPLE, ChartBar, plan_chart_png

TARGET_MS = 120.0  # 30 bars with long Cyrillic names

_SURNAMES = ("Константинопольский-Преображенский", "Иванова", "Щукин-Эльдаров", "Ким", "Петров")
_NAMES = ("Александр", "Мария", "Пётр", "Екатерина", "Ли")


def _hours(value: float) -> str:
    return f"{value:g} ч".replace(".", ",")


def people(count: int, *, long: bool = True) -> list[ChartBar]:
    """Bars as views.plan_files.chart_bars writes them (values only for the bars drawn)."""
    bars = []
    for i in range(count):
        name = f"{_SURNAMES[i % 5]} {_NAMES[i % 5]}" if long else _NAMES[i % 5]
        planned = 8.0 + (i * 7) % 33
        lag = round((i % 5) * 1.7, 1)
        logged = planned - lag
        drawn = i < MAX_CHART_PEOPLE
        bars.append(
            ChartBar(
                f"{name} (e{i + 1})",
                planned if drawn else 0.0,
                logged if drawn else 0.0,
                lag if drawn else 0.0,
                _hours(planned) if drawn else "",
                _hours(logged) if drawn else "",
                f"отставание {_hours(lag)}" if drawn else "",
            )
        )
    return bars


CASES: dict[str, list[ChartBar]] = {
    "50 people (30 bars), long Cyrillic names": people(50),
    "30 people, short names": people(30, long=False),
    "1 person": people(1),
    "nobody": [],
}


def draw(bars: list[ChartBar]) -> bytes:
    return plan_chart_png(
        bars,
        title="План: Разработка, 23.11–29.11",
        planned_label="План",
        logged_label="Сделано",
        lag_label="Отставание",
        hours_label="Часы",
    )


def cpu_ms(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chart", description=__doc__)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--out", type=Path, help="write each case's PNG to this directory")
    options = parser.parse_args(argv)
    (first_name, first_bars), *_ = CASES.items()
    first = cpu_ms(lambda: draw(first_bars))
    rows = [Row(f"first chart of the process ({first_name})", f"{first:.0f} ms")]
    for n, (name, bars) in enumerate(CASES.items()):
        png = draw(bars)  # warm-up
        times = [cpu_ms(functools.partial(draw, bars)) for _ in range(options.repeats)]
        median = statistics.median(times)
        value = f"best {min(times):.0f} ms, median {median:.0f} ms, {len(png) // 1024} KB"
        target = n == 0  # the chart of /plan bench50
        rows.append(
            Row(
                name,
                value,
                f"≤ {TARGET_MS:.0f} ms (median)" if target else "—",
                median <= TARGET_MS if target else None,
            )
        )
        if options.out:
            options.out.mkdir(parents=True, exist_ok=True)
            (options.out / f"chart{n}.png").write_bytes(png)
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
