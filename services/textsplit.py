"""Splitting long texts into Telegram-sized messages: one rule for handlers and jobs."""

from __future__ import annotations

MESSAGE_LIMIT = 4096  # a message's text, in UTF-16 code units as Telegram counts them
CAPTION_LIMIT = 1024  # a photo's or document's caption
ELLIPSIS = "…"


def _utf16_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def utf16_len(text: str) -> int:
    """Length as Telegram measures it: characters outside the BMP (most emoji) count twice."""
    if text.isascii():
        return len(text)
    # Two bytes a unit; a lone surrogate (valid in a str) is one unit, as Telegram counts it.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fit(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` UTF-16 units, else its longest prefix that does with
    "…" added (never half of a surrogate pair)."""
    if utf16_len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: _fitting_prefix(text, limit - 1)].rstrip() + ELLIPSIS


def _fitting_prefix(text: str, limit: int) -> int:
    """Number of leading characters of ``text`` that fit in ``limit`` UTF-16 code units."""
    if text[: limit + 1].isascii():
        return min(len(text), limit)
    used = 0
    for index, char in enumerate(text):
        used += _utf16_units(char)
        if used > limit:
            return index
    return len(text)


def _cut_position(window: str, fit: int) -> tuple[int, int]:
    """Where to end a part and how many separator characters to drop after it.

    ``window`` holds the ``fit`` characters that fit plus the next one, so a separator right
    after a full part is still found.
    """
    paragraph = window.rfind("\n\n")
    # A paragraph break reads best, but not if it would leave a part less than half full.
    if paragraph > 0 and paragraph >= fit // 2:
        return paragraph, 2
    # A separator at 0 yields a blank part, which is dropped: still better than cutting a word.
    line = window.rfind("\n")
    if line >= 0:
        # Drop the whole run of blank lines, not just its last line break.
        start = line
        while start > 0 and window[start - 1] == "\n":
            start -= 1
        return start, line - start + 1
    space = max(window.rfind(" "), window.rfind("\t"))
    if space >= 0:
        return space, 1
    return fit, 0


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters.

    Cuts go at a paragraph or line break where possible, then at a space, and inside a word
    only when a single word is longer than ``limit``.  The separator at a cut is dropped; nothing
    else is changed, so joining the parts with their separators gives back ``text``.  Length is
    counted in UTF-16 code units, as Telegram counts it, so each part is also at most ``limit``
    Python characters.  Parts that would be blank are dropped (Telegram rejects empty messages).

    With a ``parse_mode`` the cut is made in the raw markup, so an entity must not span a line
    break in a text long enough to be split.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    parts: list[str] = []
    rest = text
    while rest:
        fit = _fitting_prefix(rest, limit)
        if fit == len(rest):
            parts.append(rest)
            break
        if fit == 0:
            # limit == 1 and the next character needs two UTF-16 units; sending it alone is the
            # only way forward.
            fit = 1
        cut, skip = _cut_position(rest[: fit + 1], fit)
        parts.append(rest[:cut])
        rest = rest[cut + skip :]
    return [part for part in parts if part.strip()]
