"""docs/security.md cannot drift: its permission matrix is services/permissions.COMMANDS row
for row, and every test it names as proof exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from services.permissions import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"
ROLES = ["admin", "manager", "programmer", "tester", "external"]
CITED = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _matrix(text: str) -> list[tuple[str, set[str], str]]:
    """(command, roles marked ✓, the strangers' cell) for each row of the matrix table."""
    section = text.split("## The permission matrix", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header[: len(ROLES) + 1] == ["command", *ROLES], header
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert len(cells) == len(header), line
        command = re.fullmatch(r"`/(\w+)`", cells[0])
        assert command, line
        marks = cells[1 : len(ROLES) + 1]
        assert set(marks) <= {"✓", "—"}, line
        granted = {role for role, mark in zip(ROLES, marks, strict=True) if mark == "✓"}
        rows.append((command.group(1), granted, cells[-1]))
    return rows


def test_the_matrix_matches_services_permissions() -> None:
    rows = _matrix(DOC.read_text())
    assert [name for name, _, _ in rows] == list(COMMANDS)  # same commands, same order
    assert {name: granted for name, granted, _ in rows} == {
        name: set(roles) for name, roles in COMMANDS.items()
    }
    strangers = {name: cell for name, _, cell in rows if cell != "—"}
    assert list(strangers) == ["start"]


def test_the_matrix_parser_sees_a_wrong_mark() -> None:
    text = DOC.read_text().replace("| `/pay` | ✓ | — |", "| `/pay` | ✓ | ✓ |")
    rows = dict((name, granted) for name, granted, _ in _matrix(text))
    assert rows["pay"] == {"admin", "manager"} != set(COMMANDS["pay"])


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def test_every_cited_test_exists() -> None:
    cited = CITED.findall(DOC.read_text())
    assert len(cited) > 40
    missing = []
    for file, name in cited:
        path = ROOT / file
        if not path.exists() or name not in _test_names(path):
            missing.append(f"{file}::{name}")
    assert missing == []
