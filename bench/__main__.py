"""`python -m bench [--quick] [sizes…] [--database-url URL]`: build a synthetic company, measure,
print one table to stdout (progress goes to stderr). See docs/benchmarks.md."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import sys
import time

from bench.run import QUICK, Options, run_bench
from bench.table import render


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(part) for part in text.split(","))
    if len(sizes) != 3 or min(sizes) < 1:
        raise argparse.ArgumentTypeError("three positive sizes, e.g. 10,50,500")
    return sizes


def parse_options(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small smoke run (seconds)")
    defaults = Options()
    for name, kind in (
        ("employees", int),
        ("groups", int),
        ("tasks", int),
        ("entries", int),
        ("months", int),
        ("payroll-people", int),
        ("recipients", int),
        ("updates", int),
        ("concurrency", int),
        ("repeats", int),
        ("seed", int),
    ):
        field = name.replace("-", "_")
        parser.add_argument(
            f"--{name}", type=kind, help=f"default {getattr(defaults, field)} (--quick: smaller)"
        )
    parser.add_argument("--plan-sizes", type=_sizes, help="three bench group sizes (10,50,500)")
    parser.add_argument("--database-url", help="PostgreSQL (its public schema is recreated)")
    args = parser.parse_args(argv)
    base = QUICK if args.quick else defaults
    given = {
        f.name: getattr(args, f.name)
        for f in dataclasses.fields(Options)
        if getattr(args, f.name, None) is not None
    }
    return dataclasses.replace(base, **given)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    options = parse_options(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    outcome = asyncio.run(run_bench(options))
    print(render(outcome.rows))
    elapsed = time.perf_counter() - started
    print(f"[bench] done in {elapsed:.0f} s", file=sys.stderr)
    return 0 if all(row.passed is not False for row in outcome.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
