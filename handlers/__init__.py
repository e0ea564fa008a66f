"""Feature routers in a fixed order; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    calendar,
    fallback,
    groups,
    jobs,
    leave,
    payroll,
    people,
    plan,
    start,
    tasks,
    timelog,
)
from handlers.common import CommandAllowed, CommandAsTyped
from handlers.routing import Blueprint

FEATURES: list[Blueprint] = [
    start.router,
    people.router,
    groups.router,
    tasks.router,
    calendar.router,
    plan.router,
    payroll.router,
    jobs.router,
    leave.router,
    # timelog last: it also reads plain messages that start with a duration
    timelog.router,
]


def setup() -> Router:
    """A new tree of routers for one dispatcher: the root hands on every message in its typed
    form (see `CommandAsTyped`); each feature router lets through only the commands its
    sender's role may use; the catch-all answers everything else."""
    root = Router(name=__name__)
    root.message.outer_middleware(CommandAsTyped())
    for blueprint in FEATURES:
        router = blueprint.build()
        router.message.filter(CommandAllowed())
        root.include_router(router)
    root.include_router(fallback.router.build())
    return root
