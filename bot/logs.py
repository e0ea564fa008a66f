"""Logging set-up with a filter that keeps the bot token, the webhook secret and invite
tokens out of every line."""

from __future__ import annotations

import logging
import re

_TOKEN_SHAPE = re.compile(r"\b\d{3,12}:[A-Za-z0-9_-]{20,}")
# An invite token in "/start TOKEN" (a logged update) or "?start=TOKEN" (a logged link): the
# database keeps only its hash, so the log must not keep the token either.
_INVITE = re.compile(r"(/start(?:@\w+)?\s+|[?&]start=)[A-Za-z0-9_-]{8,64}")


class RedactingFilter(logging.Filter):
    """Replaces the secrets, anything shaped like a bot token and invite tokens in the final
    message text and the traceback."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        text = _TOKEN_SHAPE.sub("<redacted>", text)
        return _INVITE.sub(r"\1<redacted>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if level.upper() in logging.getLevelNamesMapping() else "INFO")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
