"""Convert locale files of `str.format` templates (TOML) to Fluent, text for text.

    python scripts/toml2ftl.py locales/ru/extra.toml [...]   # writes locales/ru/extra.ftl

`{field}` becomes `{ $field }`; literal braces, leading and trailing spaces and line starts that
Fluent reads as syntax are quoted, so every message renders exactly as the template did. Plural
forms are then written by hand with selectors.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from string import Formatter

_SYNTAX_STARTS = ("[", "*", ".")


def _text(literal: str) -> str:
    return (
        literal.replace("{", "\x01")
        .replace("}", "\x02")
        .replace("\x01", '{"{"}')
        .replace("\x02", '{"}"}')
    )


def pattern(template: str) -> str:
    out = ""
    for literal, field, spec, conversion in Formatter().parse(template):
        out += _text(literal)
        if field is not None:
            if spec or conversion:
                raise ValueError(f"format spec in {template!r}: write it in Fluent by hand")
            out += "{ $" + field + " }"
    return out


def _line(line: str) -> str:
    if line.startswith(_SYNTAX_STARTS):
        line = '{"' + line[0] + '"}' + line[1:]
    stripped = line.lstrip(" ")
    if stripped != line:
        line = '{"' + " " * (len(line) - len(stripped)) + '"}' + stripped
    stripped = line.rstrip(" ")
    if stripped != line:
        line = stripped + '{"' + " " * (len(line) - len(stripped)) + '"}'
    return line or '{""}'


def entry(key: str, template: str) -> str:
    lines = [_line(line) for line in pattern(template).split("\n")]
    if len(lines) == 1:
        return f"{key} = {lines[0]}"
    return f"{key} =\n" + "\n".join("    " + line for line in lines)


def convert(source: str) -> str:
    out = []
    for raw in source.split("\n"):
        stripped = raw.strip()
        if not stripped:
            out.append("")
        elif stripped.startswith("#"):
            out.append("# " + stripped.lstrip("#").strip())
        else:
            ((key, value),) = tomllib.loads(raw).items()
            out.append(entry(key, value))
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.with_suffix(".ftl").write_text(convert(path.read_text("utf-8")), "utf-8")
