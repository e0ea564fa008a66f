"""The task tests' small company (an admin, managers, programmers, a tester, an external), and
the job tests' fake Bot API with the job runner, for checks that span a command and a job."""

from tests.jobs.conftest import api, runner, sender, tg_bot
from tests.tasks.conftest import team, tg

__all__ = ["api", "runner", "sender", "team", "tg", "tg_bot"]
