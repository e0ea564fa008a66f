"""The task tests' small company (an admin, managers, programmers, a tester, an external)."""

from tests.tasks.conftest import team, tg

__all__ = ["team", "tg"]
