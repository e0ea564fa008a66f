"""`python -m bot`: check settings, migrate the database, run polling or the webhook.

Whatever stops the start is told in one line on stderr, through the same redaction as the log,
and the exit status is not 0: 2 for a setting to fix, 1 for anything else.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from pydantic import ValidationError

from bot.logs import say, setup_logging
from bot.runner import log_secrets, run
from bot.settings import describe_error, load_settings
from bot.startup import StartupError


def main() -> int:
    try:
        settings = load_settings()
    except ValidationError as error:
        say(describe_error(error))
        return 2
    setup_logging(settings.log_level, log_secrets(settings))
    try:
        asyncio.run(run(settings))
    except KeyboardInterrupt:
        pass
    except StartupError as error:
        say(str(error))
        return 2
    except Exception as error:  # the one line a person starting the bot needs
        logging.getLogger("bot").exception("the bot stopped")
        say(f"The bot stopped: {type(error).__name__}: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
