"""Logging set-up with a filter that keeps the bot token, the webhook secret and invite
tokens out of every line, and `say` for the few lines written to stderr directly."""

from __future__ import annotations

import logging
import re
import sys

_TOKEN_SHAPE = re.compile(r"\b\d{3,12}:[A-Za-z0-9_-]{20,}")
# What may stand between "/start" and an invite token once the text has passed through a log
# line: any whitespace Telegram and str.split() accept, or that whitespace escaped as JSON
# (\n, \u000b), repr (\x0b, \u2028) or a URL (%0A, +) would write it, escaped any number of
# times over.
_ESCAPE = r"\\+(?:[nrtfvb]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
_GAP = rf"(?:\s|{_ESCAPE}|%[0-9a-fA-F]{{2}}|\+)+"
# An invite token in "/start TOKEN" (a logged update) or "?start=TOKEN" (a logged link): the
# database keeps only its hash, so the log must not keep the token either.
_INVITE = re.compile(
    rf"(/start(?:@\w+)?{_GAP}|(?:[?&]|%3f|%26)start(?:=|%3d))[A-Za-z0-9_-]{{8,64}}", re.IGNORECASE
)
_secrets: list[str] = []


def redact(text: str, secrets: list[str] | None = None) -> str:
    """`text` without the secrets (default: those given to setup_logging), anything shaped
    like a bot token, and invite tokens."""
    for secret in _secrets if secrets is None else secrets:
        if secret:
            text = text.replace(secret, "<redacted>")
    text = _TOKEN_SHAPE.sub("<redacted>", text)
    return _INVITE.sub(r"\1<redacted>", text)


def say(line: str) -> None:
    """One line for the person who started the process, on stderr, redacted like the log."""
    print(redact(line), file=sys.stderr, flush=True)


class RedactingFilter(logging.Filter):
    """Replaces the secrets, anything shaped like a bot token and invite tokens in the final
    message text and the traceback."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup_logging(level: str, secrets: list[str]) -> None:
    """Every log line, Python's warnings included, goes to stderr through the filter; `say`
    blanks out the same secrets."""
    _secrets[:] = [s for s in secrets if s]
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if level.upper() in logging.getLevelNamesMapping() else "INFO")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.captureWarnings(True)
