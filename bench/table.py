"""The one table the benchmark prints: measure | value | target | pass/fail."""

from __future__ import annotations

from dataclasses import dataclass

HEADER = ("measure", "value", "target", "pass/fail")


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    target: str = "—"
    passed: bool | None = None  # None: informative row, no target

    @property
    def verdict(self) -> str:
        if self.passed is None:
            return "info"
        return "pass" if self.passed else "FAIL"

    def cells(self) -> tuple[str, str, str, str]:
        return (self.measure, self.value, self.target, self.verdict)


def render(rows: list[Row]) -> str:
    """A markdown table, columns padded to line up in a terminal."""
    lines = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]

    def fmt(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([fmt(HEADER), rule, *(fmt(line) for line in lines[1:])])
