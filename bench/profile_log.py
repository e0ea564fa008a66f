"""/log and /tasks alone, timed and profiled: the benchmark's company, the echo beside them, and
the CPU time of this process per update.

    PYTHONPATH=$PWD .venv/bin/python bench/profile_log.py          # three timed rounds
    PYTHONPATH=$PWD .venv/bin/python bench/profile_log.py prof     # then cProfile's top lines

From the environment: ENTRIES (time entries of the company, 200,000), ROUNDS (3), CONC
(updates in flight, 1), DB (a PostgreSQL URL whose public schema is dropped; SQLite otherwise),
DUMP (a file to write the profile to instead of printing it).
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import time

from bench.data import Shape, build_company
from bench.db import fresh_database
from bench.harness import Harness, Timing
from bench.updates import log_messages
from bot.startup import settle_heap
from services import clock


def _line(name: str, timing: Timing, echo: Timing, cpu_ms: float) -> str:
    return (
        f"{name} {timing.per_second:,.0f}/s p50 {timing.quantile_ms(0.5):.2f} "
        f"p99 {timing.quantile_ms(0.99):.2f} cpu {cpu_ms:.2f} ms "
        f"{timing.per_second / echo.per_second:.1%} of echo"
    )


async def main(profile: bool) -> None:
    entries = int(os.environ.get("ENTRIES", "200000"))
    concurrency = int(os.environ.get("CONC", "1"))
    shape = Shape(500, 50, 20_000, entries, 24, (10, 50, 500), 7)
    async with fresh_database(os.environ.get("DB"), "company") as engine:
        company = await build_company(engine, shape, clock.today("Europe/Moscow"))
        echo, full = Harness.echo(), Harness.full(engine, company)
        await full.one(company.admin_tg, "/tasks")
        settle_heap()
        messages = log_messages(company, 2000)
        tasks = [(user, "/tasks") for user, _ in messages]
        for _ in range(int(os.environ.get("ROUNDS", "3"))):
            baseline = await echo.run(echo.updates(messages), concurrency)
            lines = [f"echo {baseline.per_second:,.0f}/s"]
            for name, batch in (("/log", messages), ("/tasks", tasks)):
                start = time.process_time()
                timing = await full.run(full.updates(batch), concurrency)
                cpu_ms = (time.process_time() - start) / len(batch) * 1000
                lines.append(_line(name, timing, baseline, cpu_ms))
            print(" | ".join(lines), flush=True)
        if profile:
            updates = full.updates(messages[:1000])
            profiler = cProfile.Profile()
            profiler.enable()
            await full.run(updates, concurrency)
            profiler.disable()
            stats = pstats.Stats(profiler)
            if os.environ.get("DUMP"):
                stats.dump_stats(os.environ["DUMP"])
            else:
                stats.sort_stats("tottime").print_stats(45)
        await echo.close()
        await full.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] == ["prof"]))
