"""`python -m bot`: check settings, migrate the database, run polling or the webhook."""

from __future__ import annotations

import asyncio
import logging
import sys

from pydantic import ValidationError

from bot.runner import run
from bot.settings import describe_error, load_settings


def main() -> int:
    try:
        settings = load_settings()
    except ValidationError as error:
        print(describe_error(error), file=sys.stderr)
        return 2
    try:
        asyncio.run(run(settings))
    except KeyboardInterrupt:
        pass
    except Exception as error:  # the one line a person starting the bot needs
        logging.getLogger("bot").exception("the bot stopped")
        print(f"The bot stopped: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
