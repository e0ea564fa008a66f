"""How a command line is read (SPEC §8): the command's name in any letter case, an optional
`@botname`, the arguments as written; and the commands closest to a mistyped name.

Phone keyboards capitalise the first letter (`/Log 2ч #1`), and Telegram lets a command travel
as the caption of a photo or a file: all of these are the same command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches

_HEAD = re.compile(r"/(\S*)")
# Telegram's command names are Latin letters, digits and "_"; anything else is no command of ours.
_NAME = re.compile(r"[a-z0-9_]{1,32}")
MAX_SUGGESTIONS = 3
SIMILARITY = 0.6  # difflib ratio: "taks" ~ "tasks" (0.89), "ta" ~ "task" (0.67)


@dataclass(frozen=True)
class CommandLine:
    name: str  # lower case, without the slash and the mention
    mention: str  # the bot name after "@" as written, "" when none
    args: str  # everything after the command, as written

    @property
    def text(self) -> str:
        """The line as if typed in lower case: `/log@crm_bot 2ч #1`."""
        mention = f"@{self.mention}" if self.mention else ""
        return f"/{self.name}{mention}{self.args}"


def parse(text: str | None) -> CommandLine | None:
    """The command at the start of `text`, or None when the text is not a command."""
    if not text:
        return None
    head = _HEAD.match(text)
    if head is None:
        return None
    name, _, mention = head.group(1).partition("@")
    # Only a Latin name is folded: lower() may change the length of other scripts, and the
    # message's entity offsets must stay valid.
    if name.isascii():
        name = name.lower()
    return CommandLine(name=name, mention=mention, args=text[head.end() :])


def is_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


def closest(name: str, candidates: list[str]) -> list[str]:
    """Up to three of `candidates` that look like `name`, the likeliest first."""
    return get_close_matches(name, candidates, n=MAX_SUGGESTIONS, cutoff=SIMILARITY)
