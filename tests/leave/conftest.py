"""The company of the task tests (an admin, two managers with a group each, programmers, a
tester, an external), reused for leave, balance and weekly approval."""

from tests.tasks.conftest import (
    ADMIN,
    EXTERNAL,
    MANAGER,
    MANAGER2,
    OUTSIDER,
    PROG,
    PROG2,
    TESTER,
    TODAY,
    Team,
    team,
)

__all__ = [
    "ADMIN",
    "EXTERNAL",
    "MANAGER",
    "MANAGER2",
    "OUTSIDER",
    "PROG",
    "PROG2",
    "TESTER",
    "TODAY",
    "Team",
    "team",
]
