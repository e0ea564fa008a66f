"""`python -m tests.scale.replica`: `python -m bot` with the clock moved by TEST_CLOCK_OFFSET
seconds, so that tests can run real bot processes on a day of their choosing (the bot has no
clock setting: every "now" of the application comes from services.clock, which this moves).
The time still runs; APScheduler's triggers keep the machine's real time."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta

from services import clock


def main() -> int:
    offset = timedelta(seconds=float(os.environ.get("TEST_CLOCK_OFFSET", "0")))

    def moved() -> datetime:
        return datetime.now(UTC) + offset

    setattr(clock, "now", moved)  # noqa: B010 - replaces the module's function for everyone
    from bot.__main__ import main as bot_main

    return bot_main()


if __name__ == "__main__":
    sys.exit(main())
