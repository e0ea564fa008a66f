"""A person's language (SPEC §1): Telegram's until they pick one with /lang."""

from __future__ import annotations

from models import Employee

LANGUAGES = ("ru", "en")


def from_telegram(code: str | None, default: str) -> str:
    """The supported language of Telegram's `language_code` ("en-GB" is en), else `default`."""
    short = (code or "").split("-")[0].lower()
    return short if short in LANGUAGES else default


def follow_telegram(emp: Employee, code: str | None, default: str) -> None:
    """Keep the stored language in step with Telegram's until the person picks one.

    Telegram omits `language_code` now and then; that keeps what is stored. Saved with the
    update's own transaction.
    """
    if emp.language_chosen:
        return
    if code is None and emp.language in LANGUAGES:
        return
    lang = from_telegram(code, default)
    if emp.language != lang:
        emp.language = lang
