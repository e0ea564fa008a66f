"""`python -m jobs list` and `python -m jobs run NAME [YYYY-MM]`: the jobs from the shell.

Settings come from the environment or `.env`, as for `python -m bot`; the database is migrated
first. A run goes through the same runner, ledger and leases as the bot's scheduler, so it sends
nothing that was already sent, even while the bot itself is running.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from pydantic import ValidationError

from bot.app import app_config, create_bot
from bot.logs import say, setup_logging
from bot.runner import log_secrets
from bot.scheduling import create_sender
from bot.settings import Settings, describe_error, load_settings
from jobs import schedule
from jobs.runner import JobRunner
from models.db import create_engine, create_sessionmaker, migrate
from services import clock, jobruns
from services.errors import DomainError
from views import jobs as jobtexts
from views.i18n import Translator

USAGE = "usage: python -m jobs list | python -m jobs run NAME [YYYY-MM]"
EXIT_CODES = {jobruns.DONE: 0, jobruns.BUSY: 3}


def parse_args(argv: list[str]) -> tuple[str, list[str]] | None:
    if argv[:1] == ["list"] and len(argv) == 1:
        return "list", []
    if argv[:1] == ["run"] and 2 <= len(argv) <= 3:
        return "run", argv[1:]
    return None


async def _main(settings: Settings, command: str, args: list[str]) -> int:
    config = app_config(settings)
    tr = Translator(config.default_language)
    period = args[1] if len(args) > 1 else None
    if command == "run":
        try:  # a wrong name or month is answered before anything is opened
            schedule.resolve_period(args[0], period, clock.today(config.timezone))
        except DomainError as error:
            say(tr(f"err-{error.code}", **error.fields))
            return 2
    engine = create_engine(settings.database_url)
    await migrate(engine)
    bot = create_bot(settings)
    try:
        sessionmaker = create_sessionmaker(engine)
        runner = JobRunner(sessionmaker, create_sender(bot, sessionmaker), config)
        if command == "list":
            print(jobtexts.overview(await runner.overview(), config, tr))
            return 0
        try:
            report = await runner.run(args[0], period)
            if report.status == jobruns.BUSY:
                # After a crash the dead run's lease has to expire first.
                wait = runner.run_ttl.total_seconds() + 5
                busy = jobtexts.outcome(report, config, tr)
                say(f"{busy} {tr('jobs-cli-waiting', seconds=int(wait))}")
                report = await runner.run_period(report.job, report.period, "manual", wait)
        except DomainError as error:
            say(tr(f"err-{error.code}", **error.fields))
            return 2
        print(jobtexts.outcome(report, config, tr))
        return EXIT_CODES.get(report.status, 1)
    finally:
        await bot.session.close()
        await engine.dispose()


def main(argv: list[str]) -> int:
    parsed = parse_args(argv)
    if parsed is None:
        say(USAGE)
        return 2
    try:
        settings = load_settings()
    except ValidationError as error:
        say(describe_error(error))
        return 2
    setup_logging(settings.log_level, log_secrets(settings))
    try:
        return asyncio.run(_main(settings, *parsed))
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        logging.getLogger("jobs").exception("the job stopped")
        say(f"The job stopped: {type(error).__name__}: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
