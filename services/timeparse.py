"""Parsing of logged time: durations, dates and the `/log` argument string.

Pure functions, standard library only, so handlers and tests can call them without a bot or a
database. Nothing here raises on user input: bad input comes back as None or a `LogError`.

Rules the product contract leaves open, decided here:

* Only ASCII digits count (`[0-9]`); letters are matched case-insensitively.
* DURATION forms (a bare number means hours; a space between number and unit is allowed):
  - hours: `2`, `2.5`, `2,5`, `2h`, `2.5h`, `2ч`, `2,5ч`, `2 hours`, `3 часа`; units `h`, `hr`,
    `hrs`, `hour`, `hours`, `ч`, `час`, `часа`, `часов`;
  - minutes: `90m`, `90min`, `90мин`, `90м`, `90 minutes`; units `m`, `min`, `mins`, `minute`,
    `minutes`, `м`, `мин`, `минута`, `минуты`, `минут`. Minutes must be whole (`1.5m` is not a
    duration);
  - clock: `1:30`; exactly two minute digits in 00..59 (`1:5` and `1:60` are not durations);
  - hours then minutes: `2h30m`, `2ч 30м`, `2 ч 30 мин`, `1.5h 30m`. Both parts need a unit;
    the minutes part may be 60 or more (`1h 90m` is 150) because it is plainly a sum.
    Minutes-then-hours (`30m 2h`) is not one duration.
  - A leading dot (`.5h`), a trailing dot (`2.h`), signs, exponents and repeated separators are
    rejected.
* Fractional hours are rounded to the nearest minute, half up; the result must be in 1..1440.
* DATE forms: `today`/`сегодня`, `yesterday`/`вчера`, `YYYY-MM-DD` (exactly 4-2-2 digits),
  `D.MM.YYYY`/`DD.MM.YYYY` and `D.MM`/`DD.MM`. The month always has two digits, so a version-like
  `3.5` is not a date. Two-digit years are not accepted.
* `parse_log` never rejects a future date: the caller reports that with its own wording.
* Inside `parse_log`, a token shaped like a date that is not a real date (`31.02`, `2026-13-01`)
  is a "date" error rather than the start of the comment, so a typo is never logged to the wrong
  day silently. Likewise `#0` or `#` followed by more than 9 digits is a "task" error, and any
  other token starting with `#` before the comment began (`#-1`, `#1'`, `#bug`, `#`) is a
  "task_ref" error naming it: a broken task reference must not log hours as general work with
  the reference for a comment. After the comment began, `#` is ordinary text.
* A second #TASK or second DATE before the comment began is an error ("task" / "date"): only one
  of each can be honoured and dropping one silently would log the wrong thing.
* A comment may not contain control characters other than tab, newline and carriage return
  (databases reject NUL, and the rest are never typed on purpose); that is a "comment" error.
  For "comment" errors the token is the first `COMMENT_PREVIEW` characters of the comment, since
  the whole comment can be too long to echo back in a chat message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MINYEAR, date, timedelta
from fractions import Fraction
from itertools import islice

from services.units import hours_to_minutes

MAX_MINUTES = 24 * 60
MAX_COMMENT = 1000
COMMENT_PREVIEW = 50
MAX_TASK_DIGITS = 9

# Longer than any meaningful value; converting an unbounded digit string with int() is slow and
# above ~4300 digits raises, so long numbers collapse to this.
_HUGE = 10**9
_FRACTION_DIGITS = 9

# A duration can be spread over at most this many tokens: "2 ч 30 мин".
_MAX_DURATION_TOKENS = 4

_H_UNIT = r"(?:h|hr|hrs|hour|hours|ч|час|часа|часов)"
_M_UNIT = r"(?:m|min|mins|minute|minutes|м|мин|минута|минуты|минут)"
_HOURS_NUM = r"([0-9]+)(?:[.,]([0-9]+))?"

_CLOCK_RE = re.compile(r"([0-9]+):([0-9]{2})")
_HOURS_RE = re.compile(rf"{_HOURS_NUM}(?:\s*{_H_UNIT})?")
_MINUTES_RE = re.compile(rf"([0-9]+)\s*{_M_UNIT}")
_SPLIT_RE = re.compile(rf"{_HOURS_NUM}\s*{_H_UNIT}\s*([0-9]+)\s*{_M_UNIT}")
_BARE_NUMBER_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)?")

_TODAY_WORDS = frozenset({"today", "сегодня"})
_YESTERDAY_WORDS = frozenset({"yesterday", "вчера"})
_TOMORROW_WORDS = frozenset({"tomorrow", "завтра"})
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY_RE = re.compile(r"([0-9]{1,2})\.([0-9]{2})\.([0-9]{4})")
_DM_RE = re.compile(r"([0-9]{1,2})\.([0-9]{2})")
# Feb 29 can be up to 8 years back (e.g. 2096 -> 2104 skips 2100).
_DM_LOOKBACK_YEARS = 8

_TASK_RE = re.compile(r"#([0-9]+)")
_TOKEN_RE = re.compile(r"\S+")
_FORBIDDEN_IN_COMMENT_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class LogRequest:
    minutes: int
    task_id: int | None
    day: date
    comment: str


@dataclass(frozen=True)
class LogError:
    """Why `parse_log` refused the text.

    code is one of "empty", "duration", "too_long", "zero", "date", "task", "task_ref",
    "comment"; token is the offending text ("" for "empty", a preview of the comment for
    "comment").
    """

    code: str
    token: str


def _to_int(digits: str) -> int:
    significant = digits.lstrip("0")
    if len(significant) > 9:
        return _HUGE
    return int(significant) if significant else 0


def _hours_to_minutes(whole: str, fraction: str | None) -> int:
    minutes = _to_int(whole) * 60
    if fraction:
        # Every exact half-minute is k/40 h, at most 3 decimals, so truncating the fraction to
        # 9 digits cannot move a value across a rounding boundary.
        fraction = fraction[:_FRACTION_DIGITS]
        minutes += hours_to_minutes(Fraction(int(fraction), 10 ** len(fraction)))
    return minutes


def _raw_minutes(text: str) -> int | None:
    """Minutes a duration string denotes, without the 1..1440 range check."""
    s = text.strip().lower()
    if m := _CLOCK_RE.fullmatch(s):
        minutes = int(m.group(2))
        return _to_int(m.group(1)) * 60 + minutes if minutes < 60 else None
    if m := _HOURS_RE.fullmatch(s):
        return _hours_to_minutes(m.group(1), m.group(2))
    if m := _MINUTES_RE.fullmatch(s):
        return _to_int(m.group(1))
    if m := _SPLIT_RE.fullmatch(s):
        return _hours_to_minutes(m.group(1), m.group(2)) + _to_int(m.group(3))
    return None


def parse_duration(text: str, max_minutes: int = MAX_MINUTES) -> int | None:
    """Minutes a duration denotes, or None when it is not a valid duration (never raises).

    Works on the whole string, so "2 ч 30 мин" and "2h 30m" are single durations. Fractional
    hours are rounded to the nearest minute, half up ("0.01h" is 0.6 min, so 1). A result of 0 or
    more than `max_minutes` (a time entry's MAX_MINUTES unless the caller reads something longer,
    such as a task estimate) is None. See the module docstring for the accepted forms.
    """
    minutes = _raw_minutes(text)
    if minutes is None or not 0 < minutes <= max_minutes:
        return None
    return minutes


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_dm(day: int, month: int, today: date) -> date | None:
    """The DD.MM date closest to `today`, past or future (a tie goes to the future)."""
    years = range(
        max(MINYEAR, today.year - _DM_LOOKBACK_YEARS), min(9999, today.year + _DM_LOOKBACK_YEARS)
    )
    found = [d for y in years if (d := _make_date(y, month, day)) is not None]
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - today).days), d < today))


def parse_day(text: str, today: date, *, nearest: bool = False) -> date | None:
    """The date a DATE token means, or None.

    Future dates written in full (YYYY-MM-DD, DD.MM.YYYY) are returned as is; the caller decides
    what to say about them. DD.MM is the latest such date not after `today`; "29.02" goes back
    to the latest Feb 29 that exists. None when the calendar has no such date (31.02, 00.01, a
    year 0) or when the answer would fall before the first representable date.

    With `nearest` (dates that may lie ahead, such as leave), DD.MM is the such date closest to
    `today` in either direction, and `tomorrow`/`завтра` is understood too.
    """
    s = text.strip().lower()
    if s in _TODAY_WORDS:
        return today
    if s in _YESTERDAY_WORDS:
        return today - timedelta(days=1) if today > date.min else None
    if nearest and s in _TOMORROW_WORDS:
        return today + timedelta(days=1) if today < date.max else None
    if m := _ISO_RE.fullmatch(s):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DMY_RE.fullmatch(s):
        return _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _DM_RE.fullmatch(s):
        day, month = int(m.group(1)), int(m.group(2))
        # 2000 is a leap year, so this rejects only dates no year has.
        if _make_date(2000, month, day) is None:
            return None
        if nearest:
            return _nearest_dm(day, month, today)
        oldest = max(MINYEAR, today.year - _DM_LOOKBACK_YEARS)
        for year in range(today.year, oldest - 1, -1):
            candidate = _make_date(year, month, day)
            if candidate is not None and candidate <= today:
                return candidate
    return None


def valid_comment(text: str) -> bool:
    """A comment an entry may carry: at most MAX_COMMENT characters, no control characters."""
    return len(text) <= MAX_COMMENT and not _FORBIDDEN_IN_COMMENT_RE.search(text)


def _looks_like_date(token: str) -> bool:
    s = token.lower()
    return (
        s in _TODAY_WORDS
        or s in _YESTERDAY_WORDS
        or any(rx.fullmatch(s) for rx in (_ISO_RE, _DMY_RE, _DM_RE))
    )


def _duration_prefix(text: str, spans: list[tuple[int, int]]) -> tuple[int, int | None]:
    """How many leading tokens form one duration (longest wins) and its unchecked minutes.

    The longest match wins even when it is out of range, so "24h 30m" is reported as too long
    rather than read as "24h" plus a comment "30m".
    """
    start = spans[0][0]
    for count in range(min(_MAX_DURATION_TOKENS, len(spans)), 0, -1):
        minutes = _raw_minutes(text[start : spans[count - 1][1]])
        if minutes is not None:
            return count, minutes
    return 0, None


def parse_log(text: str, today: date) -> LogRequest | LogError:
    """Parse the argument string of /log, or a plain message that starts with a duration.

    Grammar: DURATION (one token, or up to four tokens such as "2ч 30м" or "2 ч 30 мин"), then in
    any order at most one #TASK and at most one DATE, then the comment: everything from the first
    token that is neither, kept verbatim apart from surrounding whitespace. So "2h fixed login" is
    a duration and a comment, a bare number after the duration is comment text, and a #N or date
    after the comment began is comment text too. Error codes are described on `LogError` and the
    module docstring. Future dates are not rejected here.
    """
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    if not spans:
        return LogError("empty", "")

    count, minutes = _duration_prefix(text, spans)
    if minutes is None:
        return LogError("duration", text[spans[0][0] : spans[0][1]])
    duration_token = text[spans[0][0] : spans[count - 1][1]]
    if minutes == 0:
        return LogError("zero", duration_token)
    if minutes > MAX_MINUTES:
        return LogError("too_long", duration_token)

    task_id: int | None = None
    day: date | None = None
    comment = ""
    for start, end in spans[count:]:
        token = text[start:end]
        if m := _TASK_RE.fullmatch(token):
            digits = m.group(1)
            if task_id is not None or len(digits) > MAX_TASK_DIGITS or int(digits) == 0:
                return LogError("task", token)
            task_id = int(digits)
        elif token.startswith("#"):
            return LogError("task_ref", token)
        elif _looks_like_date(token):
            parsed = parse_day(token, today)
            if day is not None or parsed is None:
                return LogError("date", token)
            day = parsed
        else:
            comment = text[start:].strip()
            break

    if len(comment) > MAX_COMMENT or _FORBIDDEN_IN_COMMENT_RE.search(comment):
        return LogError("comment", comment[:COMMENT_PREVIEW])
    return LogRequest(
        minutes=minutes, task_id=task_id, day=day if day is not None else today, comment=comment
    )


def looks_like_log(text: str) -> bool:
    """True when a plain chat message should be read as a /log.

    Its leading tokens must form a valid duration (as `parse_log` reads it), and that duration
    must carry a unit or a colon ("5h", "1:30", "90м", "2 ч") or be a bare number followed by a
    `#N` token ("2 #7"). A lone "5" or "2024" is chatter, not a log. An out-of-range duration
    ("25h") is not a log either. The rest of the message is not checked, so `parse_log` may still
    report a task, date or comment error for it.
    """
    spans = [m.span() for m in islice(_TOKEN_RE.finditer(text), _MAX_DURATION_TOKENS + 1)]
    if not spans:
        return False
    count, minutes = _duration_prefix(text, spans)
    if minutes is None or not 0 < minutes <= MAX_MINUTES:
        return False
    first = text[spans[0][0] : spans[0][1]]
    if count > 1 or not _BARE_NUMBER_RE.fullmatch(first):
        return True
    if len(spans) < 2:
        return False
    return _TASK_RE.fullmatch(text[spans[1][0] : spans[1][1]]) is not None
